/**
 * The files of an export, whether a directory or a zip: listed at open, read one at a time.
 *
 * A zip is read with yauzl (central directory first, then each entry streamed on its own, random
 * access, `lazyEntries`): never the whole archive in memory. When the central directory cannot be
 * read (truncated or damaged end), the local headers are walked instead (`export-zip-scan.ts`)
 * so what precedes the damage is still read.
 */
import { promises as fs } from 'fs';
import * as nodePath from 'path';
import * as yauzl from 'yauzl';
import * as zlib from 'zlib';
import type { ExportProblem } from './model';
import { readScannedEntry, scanLocalEntries, type ScannedEntry } from './export-zip-scan';

/** One file of the export: its path inside it (posix, relative to the export's root). */
export interface StoreFile {
  path: string;
  /** Bytes on disk (compressed bytes in a zip): what progress counts. */
  size: number;
}

/** Opened for one pass of reading; close when done. */
export interface StoreReader {
  read(file: StoreFile): Promise<Buffer>;
  close(): Promise<void>;
}

export interface ExportStore {
  /** Top-level files and the files one folder down (a conversation's days). */
  files: StoreFile[];
  /** Problems met while listing (a damaged zip). */
  problems: ExportProblem[];
  /** How a problem names a file: `users.json`, or `export.zip:general/2026-01-05.json`. */
  label(path: string): string;
  open(): Promise<StoreReader>;
}

// ─────────────────────────────────────────────────────────────────────────── directory

export async function directoryStore(root: string): Promise<ExportStore> {
  const files: StoreFile[] = [];
  const top = await fs.readdir(root, { withFileTypes: true });
  for (const entry of top) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isFile()) {
      files.push({ path: entry.name, size: (await fs.stat(nodePath.join(root, entry.name))).size });
    } else if (entry.isDirectory()) {
      const inner = await fs.readdir(nodePath.join(root, entry.name), { withFileTypes: true });
      for (const f of inner) {
        if (!f.isFile() || f.name.startsWith('.')) continue;
        const rel = `${entry.name}/${f.name}`;
        files.push({ path: rel, size: (await fs.stat(nodePath.join(root, entry.name, f.name))).size });
      }
    }
  }
  return {
    files,
    problems: [],
    label: (path) => path,
    open: async () => ({
      read: (file) => fs.readFile(nodePath.join(root, ...file.path.split('/'))),
      close: async () => undefined,
    }),
  };
}

// ───────────────────────────────────────────────────────────────────────────────── zip

function openZip(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, decodeStrings: true, validateEntrySizes: true }, (err, zip) => {
      if (err) reject(err);
      else resolve(zip);
    });
  });
}

/** Lists the entries of the central directory; rejects on a damaged one. */
function listZip(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}

/**
 * One entry, whole: its compressed bytes streamed from the archive, then inflated in one call
 * (faster than yauzl's inflating stream for many small entries), its size checked.
 */
function readZipEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const method = entry.compressionMethod;
    if (method !== 0 && method !== 8) {
      reject(new Error(`unsupported compression method ${method}`));
      return;
    }
    zip.openReadStream(entry, { decompress: false }, (err, stream) => {
      if (err) {
        reject(err);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', reject);
      stream.once('end', () => {
        try {
          const raw = Buffer.concat(chunks);
          const data = method === 8 ? zlib.inflateRawSync(raw) : raw;
          if (data.length !== entry.uncompressedSize) {
            reject(new Error(`${data.length} bytes where the archive says ${entry.uncompressedSize}`));
          } else {
            resolve(data);
          }
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
    });
  });
}

function closeZip(zip: yauzl.ZipFile): Promise<void> {
  return new Promise((resolve) => {
    if (!zip.isOpen) {
      resolve();
      return;
    }
    zip.once('close', () => resolve());
    zip.close();
  });
}

const IGNORED = /(^|\/)(__MACOSX\/|\.)/;

/**
 * The folder the export sits in inside the zip, when it was zipped with its folder
 * (`slack-export/channels.json`): '' when channels.json or users.json is at the root.
 */
function exportPrefix(names: readonly string[]): string {
  if (names.some((n) => n === 'channels.json' || n === 'users.json')) return '';
  for (const n of names) {
    const m = /^([^/]+\/)(channels|users)\.json$/.exec(n);
    if (m?.[1] !== undefined) return m[1];
  }
  return '';
}

/** Keeps the entries at most one folder below the export's root. */
function relativeName(name: string, prefix: string): string | undefined {
  if (name.endsWith('/') || IGNORED.test(name) || !name.startsWith(prefix)) return undefined;
  const rel = name.slice(prefix.length);
  return rel.split('/').length <= 2 ? rel : undefined;
}

export async function zipStore(path: string, size: number): Promise<ExportStore> {
  const base = nodePath.basename(path);
  const label = (inner: string): string => `${base}:${inner}`;
  let listed: { entries: yauzl.Entry[] } | { error: Error };
  try {
    const zip = await openZip(path);
    try {
      listed = { entries: await listZip(zip) };
    } catch (e) {
      listed = { error: e as Error };
    } finally {
      await closeZip(zip);
    }
  } catch (e) {
    listed = { error: e as Error };
  }

  if ('entries' in listed) {
    const prefix = exportPrefix(listed.entries.map((e) => e.fileName));
    const byPath = new Map<string, yauzl.Entry>();
    const files: StoreFile[] = [];
    for (const entry of listed.entries) {
      const rel = relativeName(entry.fileName, prefix);
      if (rel === undefined || byPath.has(rel)) continue;
      byPath.set(rel, entry);
      files.push({ path: rel, size: entry.compressedSize });
    }
    return {
      files,
      problems: [],
      label: (p) => label(prefix + p),
      open: async () => {
        const zip = await openZip(path);
        // Entries are read by their central-directory records, in any order: the list is kept.
        const entries = await listZip(zip);
        const current = new Map<string, yauzl.Entry>();
        for (const entry of entries) {
          const rel = relativeName(entry.fileName, prefix);
          if (rel !== undefined && !current.has(rel)) current.set(rel, entry);
        }
        return {
          read: (file) => {
            const entry = current.get(file.path);
            return entry === undefined ? Promise.reject(new Error('missing from the archive')) : readZipEntry(zip, entry);
          },
          close: () => closeZip(zip),
        };
      },
    };
  }

  // The central directory is unreadable: salvage what the local headers give.
  const problems: ExportProblem[] = [];
  const scan = await scanLocalEntries(path, size);
  if (scan.entries.length === 0 && scan.stopped !== undefined && !/^truncated/.test(scan.stopped.message)) {
    throw new Error(`${path}: not a readable zip (${listed.error.message}); expected a Slack export: a directory or a .zip file`);
  }
  const salvaged = scan.stopped === undefined ? '' : `; ${scan.entries.length} entries before the damage were read`;
  problems.push({ file: base, message: `damaged zip: ${listed.error.message}${salvaged}` });
  if (scan.stopped !== undefined) {
    problems.push({ file: scan.stopped.name === undefined ? base : label(scan.stopped.name), message: `${scan.stopped.message}; the rest of the archive was skipped` });
  }
  const prefix = exportPrefix(scan.entries.map((e) => e.name));
  const byPath = new Map<string, ScannedEntry>();
  const files: StoreFile[] = [];
  for (const entry of scan.entries) {
    const rel = relativeName(entry.name, prefix);
    if (rel === undefined || byPath.has(rel)) continue;
    byPath.set(rel, entry);
    files.push({ path: rel, size: entry.compressedSize });
  }
  return {
    files,
    problems,
    label: (p) => label(prefix + p),
    open: async () => ({
      read: (file) => {
        const entry = byPath.get(file.path);
        return entry === undefined ? Promise.reject(new Error('missing from the archive')) : readScannedEntry(path, entry);
      },
      close: async () => undefined,
    }),
  };
}
