/**
 * Salvage of a zip whose central directory cannot be read (a download cut short, a damaged end):
 * walk the local file headers from the start of the file, as far as they go.
 *
 * Only used when yauzl refuses the archive. Entries whose sizes the local header does not tell
 * (bit 3, sizes in a trailing data descriptor) are found by inflating them: deflate marks its own
 * end. Reads go through a file descriptor at offsets, one entry at a time: bounded memory.
 */
import { promises as fs } from 'fs';
import * as zlib from 'zlib';

/** One entry found by walking local headers. */
export interface ScannedEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  dataStart: number;
  compressedSize: number;
}

export interface ScanResult {
  entries: ScannedEntry[];
  /** Why the walk stopped before the central directory, if it did: the entry it was on and why. */
  stopped?: { name?: string; message: string };
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIR = 0x06054b50;
const ZIP64_END = 0x06064b50;
const DATA_DESCRIPTOR = 0x08074b50;
/** A bit-3 deflate entry larger than this is not salvaged (one day of one channel is far smaller). */
const MAX_ENTRY_SCAN = 256 * 1024 * 1024;

async function readAt(fd: fs.FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fd.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/** The zip64 sizes of a local header's extra field, when the 32-bit fields overflow. */
function zip64CompressedSize(extra: Buffer, compressed: number, uncompressed: number): number {
  let i = 0;
  while (i + 4 <= extra.length) {
    const id = extra.readUInt16LE(i);
    const size = extra.readUInt16LE(i + 2);
    if (id === 0x0001) {
      let j = i + 4;
      if (uncompressed === 0xffffffff) j += 8;
      if (compressed === 0xffffffff && j + 8 <= i + 4 + size) return Number(extra.readBigUInt64LE(j));
      return compressed;
    }
    i += 4 + size;
  }
  return compressed;
}

/** Walks the local headers of `path` (`size` bytes) and lists the entries that are whole. */
export async function scanLocalEntries(path: string, size: number): Promise<ScanResult> {
  const entries: ScannedEntry[] = [];
  const fd = await fs.open(path, 'r');
  try {
    let pos = 0;
    for (;;) {
      const head = await readAt(fd, pos, 30);
      if (head.length < 4) return pos >= size ? { entries } : { entries, stopped: { message: `truncated at byte ${pos}` } };
      const sig = head.readUInt32LE(0);
      if (sig === CENTRAL_HEADER || sig === END_OF_CENTRAL_DIR || sig === ZIP64_END) return { entries };
      if (sig !== LOCAL_HEADER) return { entries, stopped: { message: `no zip entry header at byte ${pos}` } };
      if (head.length < 30) return { entries, stopped: { message: `truncated at byte ${pos}` } };
      const flags = head.readUInt16LE(6);
      const method = head.readUInt16LE(8);
      const csize32 = head.readUInt32LE(18);
      const usize32 = head.readUInt32LE(22);
      const nameLength = head.readUInt16LE(26);
      const extraLength = head.readUInt16LE(28);
      const nameAndExtra = await readAt(fd, pos + 30, nameLength + extraLength);
      if (nameAndExtra.length < nameLength + extraLength) return { entries, stopped: { message: `truncated at byte ${pos}` } };
      const name = nameAndExtra.subarray(0, nameLength).toString((flags & 0x800) !== 0 ? 'utf8' : 'latin1');
      const dataStart = pos + 30 + nameLength + extraLength;
      if ((flags & 0x1) !== 0) return { entries, stopped: { name, message: 'encrypted entry' } };
      if ((flags & 0x8) === 0) {
        const compressedSize = zip64CompressedSize(nameAndExtra.subarray(nameLength), csize32, usize32);
        if (dataStart + compressedSize > size) return { entries, stopped: { name, message: `truncated: the archive ends inside this entry` } };
        entries.push({ name, method, dataStart, compressedSize });
        pos = dataStart + compressedSize;
        continue;
      }
      // Sizes in a data descriptor after the data: only deflate tells where its data ends.
      if (method !== 8) return { entries, stopped: { name, message: 'stored entry of unknown size: cannot find the next entry' } };
      let window = Math.min(1 << 20, size - dataStart);
      let consumed = 0;
      for (;;) {
        const data = await readAt(fd, dataStart, window);
        try {
          // With `info`, the engine tells how many input bytes the deflate stream took.
          const result = zlib.inflateRawSync(data, { info: true }) as unknown as { engine: { bytesWritten: number } };
          consumed = result.engine.bytesWritten;
          break;
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (code === 'Z_BUF_ERROR' && dataStart + window < size && window < MAX_ENTRY_SCAN) {
            window = Math.min(window * 2, size - dataStart);
            continue;
          }
          const message = code === 'Z_BUF_ERROR' ? 'truncated: the archive ends inside this entry' : `corrupt data (${(e as Error).message})`;
          return { entries, stopped: { name, message } };
        }
      }
      entries.push({ name, method, dataStart, compressedSize: consumed });
      pos = dataStart + consumed;
      const dd = await readAt(fd, pos, 28);
      const hasSig = dd.length >= 4 && dd.readUInt32LE(0) === DATA_DESCRIPTOR;
      const base = hasSig ? 4 : 0;
      // crc + sizes: 12 bytes, or 20 in zip64; take the one followed by a header signature.
      const next64 = base + 20;
      const isHeaderAt = (i: number): boolean => dd.length >= i + 4 && [LOCAL_HEADER, CENTRAL_HEADER].includes(dd.readUInt32LE(i));
      pos += isHeaderAt(base + 12) || !isHeaderAt(next64) ? base + 12 : next64;
    }
  } finally {
    await fd.close();
  }
}

/** Reads and inflates one scanned entry. Throws on corrupt data. */
export async function readScannedEntry(path: string, entry: ScannedEntry): Promise<Buffer> {
  const fd = await fs.open(path, 'r');
  try {
    const data = await readAt(fd, entry.dataStart, entry.compressedSize);
    if (entry.method === 0) return data;
    if (entry.method === 8) return zlib.inflateRawSync(data);
    throw new Error(`unsupported compression method ${entry.method}`);
  } finally {
    await fd.close();
  }
}
