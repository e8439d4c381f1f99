/**
 * Watches the rule and charter directories and calls back (debounced) when a file changes, so
 * the running bot re-validates and swaps the rules (`LiveRules.reloadFiles`). `fs.watch` gives
 * quick notice; a cheap poll of names, sizes and modification times catches what it misses
 * (network and container file systems, editors that replace files, a directory re-created).
 */
import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../engine/types';
import type { SourceFile } from '../ruleset';
import { readCharter, readRuleFiles } from './load-rules';

/** Options of {@link watchRuleFiles}. */
export interface WatchOptions {
  /** Quiet time after the last event before `onChange` runs (ms, default 300). */
  debounceMs?: number;
  /** How often names, sizes and mtimes are compared (ms, default 3000; 0 turns polling off). */
  pollMs?: number;
  /** Use `fs.watch` (default true); false relies on the poll alone. */
  fsWatch?: boolean;
  /** Which file names count (default: `.yaml`, `.yml` and `.md` files). */
  filter?: (name: string) => boolean;
  /** Told when `onChange` throws or a directory cannot be watched. */
  onError?: (error: unknown) => void;
}

/** A running watch. */
export interface RuleFilesWatch {
  close(): void;
}

const DEFAULT_FILTER = (name: string): boolean => /\.(ya?ml|md)$/i.test(name);

/**
 * Calls `onChange` (debounced) after files of the directories change. Never throws from its
 * timers or watchers; its timers do not keep the process alive.
 *
 * @example const watch = watchRuleFiles([rulesDir, charterDir], () => void live.reloadFiles());
 */
export function watchRuleFiles(dirs: readonly string[], onChange: () => void, options: WatchOptions = {}): RuleFilesWatch {
  const debounceMs = options.debounceMs ?? 300;
  const pollMs = options.pollMs ?? 3000;
  const filter = options.filter ?? DEFAULT_FILTER;
  const report = (error: unknown): void => {
    try {
      options.onError?.(error);
    } catch {
      // Nothing more to do.
    }
  };
  let closed = false;
  let debounce: NodeJS.Timeout | undefined;
  const fire = (): void => {
    if (closed) return;
    if (debounce !== undefined) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = undefined;
      if (closed) return;
      try {
        onChange();
      } catch (error) {
        report(error);
      }
    }, debounceMs);
    debounce.unref();
  };

  const watchers = new Map<string, FSWatcher>();
  const startWatching = (dir: string): void => {
    if (watchers.has(dir)) return;
    try {
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name === null || filter(String(name))) fire();
      });
      watcher.on('error', (error) => {
        report(error);
        watcher.close();
        watchers.delete(dir);
      });
      watchers.set(dir, watcher);
    } catch (error) {
      report(error);
    }
  };
  const useFsWatch = options.fsWatch ?? true;
  if (useFsWatch) for (const dir of dirs) startWatching(dir);

  const signatures = new Map(dirs.map((dir) => [dir, signature(dir, filter)]));
  let poller: NodeJS.Timeout | undefined;
  if (pollMs > 0) {
    poller = setInterval(() => {
      if (closed) return;
      for (const dir of dirs) {
        const now = signature(dir, filter);
        if (now !== signatures.get(dir)) {
          signatures.set(dir, now);
          fire();
        }
        if (useFsWatch && !watchers.has(dir) && now !== MISSING) startWatching(dir);
      }
    }, pollMs);
    poller.unref();
  }

  return {
    close() {
      closed = true;
      if (debounce !== undefined) clearTimeout(debounce);
      if (poller !== undefined) clearInterval(poller);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

const MISSING = '(missing)';

/** Names, sizes and modification times of a directory's matching files. */
function signature(dir: string, filter: (name: string) => boolean): string {
  let names: string[];
  try {
    names = readdirSync(dir).filter(filter).sort();
  } catch {
    return MISSING;
  }
  return names
    .map((name) => {
      try {
        const stat = statSync(path.join(dir, name));
        return `${name}:${stat.size}:${stat.mtimeMs}`;
      } catch {
        return `${name}:gone`;
      }
    })
    .join('|');
}

/** Reads the rule files and the charter from disk: `LiveRules`' `readFiles`. */
export function readRuleSources(rulesDir: string, charterDir: string): { ruleFiles: SourceFile[]; charter: Record<Lang, SourceFile> } {
  return { ruleFiles: readRuleFiles(rulesDir), charter: readCharter(charterDir) };
}
