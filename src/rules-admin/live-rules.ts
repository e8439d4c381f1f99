/**
 * The rules in force, kept up to date while the bot runs: the rule files with the latest stored
 * overlay applied (see `model.ts`). Every process polls the store's latest version id, so an edit
 * saved by one process (Slack, the CLI) takes effect in all of them without a restart; a change
 * of the files (see `src/files/watch-rules.ts`) is validated before it replaces anything.
 *
 * A change that does not build (a broken file, a version that no longer fits the files) never
 * replaces the rule set in force: the last good one keeps running and `onInvalid` gets every
 * problem with its file, line and field.
 */
import { createHash } from 'node:crypto';
import type { RuleSet } from '../engine/rule';
import type { Lang } from '../engine/types';
import type { Logger } from '../moderation/logger';
import type { RuleSource } from '../moderation/ports';
import { RuleSetError, type LoadedRules } from '../ruleset';
import type { Charter } from '../ruleset/charter';
import type { RuleEntry } from '../ruleset/compile';
import {
  buildEffective,
  readFileRules,
  versionOrigin,
  type EffectiveBuild,
  type EffectiveRule,
  type FileRule,
  type OverlayReport,
  type OverridableField,
  type RuleFilesSnapshot,
  type RuleProblem,
} from './effective';
import { EMPTY_OVERLAY, type RuleInput, type RuleOverlay, type RuleVersion } from './model';
import type { RuleVersionStore } from './ports';

/** Where a refused change came from. */
export type InvalidOrigin = 'files' | 'database';

/** How to build and follow the rules. */
export interface LiveRulesOptions {
  store: RuleVersionStore;
  /** Reads the rule files and the charter (may throw a {@link RuleSetError}, e.g. a missing directory). */
  readFiles: () => RuleFilesSnapshot;
  defaultLang: Lang;
  logger?: Logger;
  /** A change was refused: the last good rules keep running. Called once per refused state. */
  onInvalid?: (problems: RuleProblem[], origin: InvalidOrigin) => void;
  /** How often the latest version id is polled (ms, default 2000). */
  pollMs?: number;
}

/** A rule in force (or disabled), with where its fields come from. */
export interface LiveRuleEntry extends RuleEntry {
  /** `file`: from a rule file (maybe with overridden fields); `added`: created by an admin. */
  origin: 'file' | 'added';
  /** For file rules: the fields an admin overrides. */
  overridden: OverridableField[];
  /** The rule as written, overlay applied (what an edit form starts from). */
  input: RuleInput;
}

/** The outcome of {@link LiveRules.refresh} and {@link LiveRules.reloadFiles}. */
export type ReloadResult = { ok: true; changed: boolean } | { ok: false; problems: RuleProblem[] };

interface Applied {
  files: RuleFilesSnapshot;
  filesKey: string;
  fileRules: FileRule[];
  /** The version whose overlay is applied (undefined: none, the files as they are). */
  version: RuleVersion | undefined;
  loaded: LoadedRules;
  rules: EffectiveRule[];
  report: OverlayReport;
  entries: LiveRuleEntry[];
}

/** Default poll interval of the latest version id. */
export const DEFAULT_POLL_MS = 2000;

/** The rules in force, from the files and the stored overlay; a {@link RuleSource}. */
export class LiveRules implements RuleSource {
  private applied: Applied | undefined;
  /** The latest version read from the store (maybe not applied, if it does not build). */
  private latest: RuleVersion | undefined;
  private seenVersionId: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private queue: Promise<unknown> = Promise.resolve();
  private lastReported: string | undefined;
  private rejectedFiles: { key: string; problems: RuleProblem[] } | undefined;
  private readonly pollMs: number;

  constructor(private readonly options: LiveRulesOptions) {
    this.pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    if (!(this.pollMs > 0)) throw new RangeError(`pollMs must be positive, got ${String(options.pollMs)}`);
  }

  /**
   * Reads the files and the latest version and builds the rule set, then polls for new versions.
   * When the latest version does not build with the files, the files alone are used and
   * `onInvalid(…, 'database')` is called. Throws a {@link RuleSetError} when the files
   * themselves are invalid (there is no good rule set to run).
   */
  async start(): Promise<void> {
    await this.serialized(async () => {
      const files = this.options.readFiles();
      const latest = await this.options.store.latestRuleVersion();
      this.latest = latest;
      this.seenVersionId = latest?.id;
      const filesKey = keyOf(files);
      const build = this.build(files, latest);
      if (build.ok) {
        this.apply(files, filesKey, latest, build);
        return;
      }
      if (latest === undefined) throw new RuleSetError(build.problems);
      const plain = this.build(files, undefined);
      if (!plain.ok) throw new RuleSetError(plain.problems);
      this.apply(files, filesKey, undefined, plain);
      this.report(build.problems, 'database', `database:${latest.id}:${filesKey}`);
    });
    if (this.timer === undefined) {
      this.timer = setInterval(() => void this.poll(), this.pollMs);
      this.timer.unref();
    }
  }

  /** Stops polling. */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The rule set in force (enabled rules). */
  current(): RuleSet {
    return this.state().loaded.ruleSet;
  }

  /** The charter in force. */
  charter(): Charter {
    return this.state().loaded.charter;
  }

  /** The rules as loaded: compiled set, charter and entries. */
  loaded(): LoadedRules {
    return this.state().loaded;
  }

  /** Every rule, enabled or not, in file order then admins' rules. */
  entries(): LiveRuleEntry[] {
    return this.state().entries;
  }

  /** The effective rules as written (overlay applied), in file order then admins' rules. */
  effectiveRules(): EffectiveRule[] {
    return this.state().rules;
  }

  /** The id of the version in force, or undefined (no version yet, or the latest does not build). */
  version(): number | undefined {
    return this.state().version?.id;
  }

  /** The overlay in force. */
  overlay(): RuleOverlay {
    return this.state().version?.overlay ?? EMPTY_OVERLAY;
  }

  /** The rules of the files in force, as written. */
  fileRules(): FileRule[] {
    return this.state().fileRules;
  }

  /** The files in force (the last good ones). */
  files(): RuleFilesSnapshot {
    return this.state().files;
  }

  /** Overrides ignored and admins' rules skipped in the rules in force. */
  overlayReport(): OverlayReport {
    return this.state().report;
  }

  /** The locale assumed when a message does not tell. */
  defaultLang(): Lang {
    return this.options.defaultLang;
  }

  /**
   * Reads the latest version and applies it over the files in force if it changed. A version
   * that does not build is not applied (`onInvalid(…, 'database')`, once per version).
   */
  refresh(): Promise<ReloadResult> {
    return this.serialized(async () => {
      const state = this.state();
      const latest = await this.options.store.latestRuleVersion();
      this.latest = latest;
      this.seenVersionId = latest?.id;
      if (latest?.id === state.version?.id) return { ok: true, changed: false };
      const build = this.build(state.files, latest);
      if (!build.ok) {
        this.report(build.problems, 'database', `database:${latest?.id ?? 'none'}:${state.filesKey}`);
        return { ok: false, problems: build.problems };
      }
      this.apply(state.files, state.filesKey, latest, build);
      return { ok: true, changed: true };
    });
  }

  /**
   * Re-reads the files and swaps them in if the rules still build (with the latest version, or
   * else with the overlay in force); otherwise keeps the rules in force and calls
   * `onInvalid(problems, 'files')` (once per content).
   */
  reloadFiles(): Promise<ReloadResult> {
    return this.serialized(async () => {
      const state = this.state();
      let files: RuleFilesSnapshot;
      try {
        files = this.options.readFiles();
      } catch (error) {
        const problems: RuleProblem[] =
          error instanceof RuleSetError ? [...error.problems] : [{ file: '(rules)', message: `cannot read the rule files (${describe(error)})` }];
        this.report(problems, 'files', `files:unreadable:${problems.map((problem) => problem.message).join('|')}`);
        return { ok: false, problems };
      }
      const filesKey = keyOf(files);
      if (filesKey === state.filesKey) return { ok: true, changed: false };
      if (this.rejectedFiles?.key === `${filesKey}:${this.latest?.id ?? 'none'}`) return { ok: false, problems: this.rejectedFiles.problems };
      const build = this.build(files, this.latest);
      if (build.ok) {
        this.apply(files, filesKey, this.latest, build);
        return { ok: true, changed: true };
      }
      if (state.version?.id !== this.latest?.id) {
        const fallback = this.build(files, state.version);
        if (fallback.ok) {
          this.apply(files, filesKey, state.version, fallback);
          return { ok: true, changed: true };
        }
      }
      this.rejectedFiles = { key: `${filesKey}:${this.latest?.id ?? 'none'}`, problems: build.problems };
      this.report(build.problems, 'files', `files:${filesKey}:${this.latest?.id ?? 'none'}`);
      return { ok: false, problems: build.problems };
    });
  }

  private async poll(): Promise<void> {
    if (this.polling || this.applied === undefined) return;
    this.polling = true;
    try {
      const id = await this.options.store.latestRuleVersionId();
      if (id !== this.seenVersionId) await this.refresh();
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'reading the latest rules version failed');
    } finally {
      this.polling = false;
    }
  }

  private build(files: RuleFilesSnapshot, version: RuleVersion | undefined): EffectiveBuild {
    return buildEffective({
      files,
      overlay: version?.overlay ?? EMPTY_OVERLAY,
      defaultLang: this.options.defaultLang,
      origin: versionOrigin(version?.id),
    });
  }

  private apply(files: RuleFilesSnapshot, filesKey: string, version: RuleVersion | undefined, build: EffectiveBuild & { ok: true }): void {
    const byId = new Map(build.rules.map((rule) => [rule.rule.id, rule]));
    const entries: LiveRuleEntry[] = build.loaded.entries.map((entry) => {
      const rule = byId.get(entry.definition.id);
      return { ...entry, origin: rule?.origin ?? 'file', overridden: rule?.overridden ?? [], input: rule?.rule ?? (entry.definition as RuleInput) };
    });
    this.applied = {
      files,
      filesKey,
      fileRules: readFileRules(files.ruleFiles),
      version,
      loaded: build.loaded,
      rules: build.rules,
      report: build.report,
      entries,
    };
    this.rejectedFiles = undefined;
    const { staleOverrides, conflicts } = build.report;
    this.options.logger?.info(
      {
        version: version?.id,
        rules: build.loaded.entries.length,
        enabled: build.loaded.ruleSet.rules.length,
        staleOverrides: staleOverrides.length,
        conflicts: conflicts.length,
      },
      'rules in force',
    );
    if (staleOverrides.length > 0 || conflicts.length > 0) {
      this.options.logger?.warn({ staleOverrides, conflicts: conflicts.map((conflict) => conflict.rule) }, 'some admin changes do not apply to the rule files');
    }
  }

  private report(problems: RuleProblem[], origin: InvalidOrigin, key: string): void {
    this.options.logger?.warn({ origin, problems: problems.length }, 'rules change refused; the rules in force keep running');
    if (this.lastReported === key) return;
    this.lastReported = key;
    try {
      this.options.onInvalid?.(problems, origin);
    } catch (error) {
      this.options.logger?.error({ err: error }, 'onInvalid failed');
    }
  }

  private state(): Applied {
    if (this.applied === undefined) throw new Error('LiveRules: call start() first');
    return this.applied;
  }

  /** Runs one reload at a time, in order. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** A digest of the files' names and contents, to tell whether anything changed. */
function keyOf(files: RuleFilesSnapshot): string {
  const hash = createHash('sha256');
  for (const source of [...files.ruleFiles, files.charter.fr, files.charter.en]) {
    hash.update(source.file).update('\u0000').update(source.content).update('\u0000');
  }
  return hash.digest('hex');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
