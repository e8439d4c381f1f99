/**
 * What admins do to the rules from Slack or the CLI: enable, disable, change an action or a
 * severity, edit a rule, create a custom rule, roll back, read the history and diffs, export.
 *
 * Every change is checked on the *whole* effective rule set (the files in force with the new
 * overlay) before it is saved: a rule citing a missing article, options its detector refuses, a
 * pattern RE2 cannot run or an example the rule gets wrong is refused, with each problem next to
 * its field. A change is saved as a new version based on the latest one (optimistic
 * concurrency); if another admin saved meanwhile, it is re-applied once on top of theirs when it
 * does not touch what they changed, else the caller gets `conflict`. The rules in force are then
 * refreshed at once in this process; other processes pick the version up by polling.
 */
import type { Action, Severity } from '../engine/types';
import type { Logger } from '../moderation/logger';
import { SYSTEM_CLOCK, type Clock, type ModerationStore, type Page, type PageRequest } from '../moderation/ports';
import type { ChannelContext } from '../engine/types';
import { rulesYaml, sameValue, unifiedDiff } from './diff';
import { applyOverlay, buildEffective, type FileRule } from './effective';
import { toFieldProblems, type FieldProblem } from './field-problems';
import { previewImpact, type ImpactPreview } from './impact';
import type { LiveRules } from './live-rules';
import {
  EMPTY_OVERLAY,
  type RuleInput,
  type RuleOverlay,
  type RuleOverride,
  type RuleVersion,
  type RuleVersionSource,
} from './model';
import type { RuleVersionStore } from './ports';
import { tryRule, type TryResult } from './try-rule';

/** Who changes the rules, and from where. */
export interface RulesActor {
  /** A Slack user id, or `cli:<os user>`. */
  author: string;
  source: Exclude<RuleVersionSource, 'rollback'>;
}

/** The outcome of a change. */
export type AdminResult =
  | { ok: true; version: RuleVersion }
  | { ok: false; problems: FieldProblem[] }
  | { ok: false; conflict: true }
  /** The change would not change anything (e.g. disabling a disabled rule): nothing saved. */
  | { ok: false; unchanged: true };

/** The outcome of {@link AdminRules.diff}. */
export type DiffResult = { ok: true; diff: string } | { ok: false; missing: number };

/** One side of a diff: a version id, the files alone (no admin change), or the latest version. */
export type DiffSide = number | 'files' | 'current';

/** Detectors a custom rule may use. */
export const CUSTOM_DETECTORS: readonly string[] = ['keyword', 'regex'];

/** What {@link AdminRules} works with. */
export interface AdminRulesOptions {
  store: RuleVersionStore;
  live: LiveRules;
  clock?: Clock;
  logger?: Logger;
  /** For impact previews (`ModerationStore.ruleStats`). */
  stats?: Pick<ModerationStore, 'ruleStats'>;
}

/** The label of the rule files with admins' rules of a change not saved yet, in problems. */
export const UNSAVED_ORIGIN = 'database (unsaved change)';

const DAY = 24 * 60 * 60 * 1000;

/** A change to plan on top of an overlay. */
interface Plan {
  /** The rule the change is about (problems are mapped to its fields). */
  rule?: string;
  /** The new overlay, or why the change cannot be made. */
  apply(fileRules: readonly FileRule[], overlay: RuleOverlay): { overlay: RuleOverlay } | { problems: FieldProblem[] };
  /** Fields of `rule` the change depends on: if another version changed them, it is a conflict. `all`: any other version is. */
  touches: readonly string[] | 'all';
  source?: RuleVersionSource;
  restores?: number;
}

/** The rules-admin use cases. */
export class AdminRules {
  private readonly clock: Clock;

  constructor(private readonly options: AdminRulesOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  /** Enables or disables a rule. */
  setEnabled(actor: RulesActor, ruleId: string, enabled: boolean, comment?: string): Promise<AdminResult> {
    return this.editRule(actor, ruleId, { enabled }, comment);
  }

  /** Changes what happens when a rule matches. */
  setAction(actor: RulesActor, ruleId: string, action: Action, comment?: string): Promise<AdminResult> {
    return this.editRule(actor, ruleId, { action }, comment);
  }

  /** Changes a rule's severity. */
  setSeverity(actor: RulesActor, ruleId: string, severity: Severity, comment?: string): Promise<AdminResult> {
    return this.editRule(actor, ruleId, { severity }, comment);
  }

  /**
   * Changes fields of a rule (top-level fields replaced whole). For a rule of the files, a field
   * set back to the file's value is no longer overridden: it follows the file again. The
   * detector of a file rule cannot be changed; a custom rule's stays `keyword` or `regex`.
   */
  editRule(actor: RulesActor, ruleId: string, patch: RuleOverride, comment?: string): Promise<AdminResult> {
    const fields = Object.keys(patch).filter((key) => (patch as Record<string, unknown>)[key] !== undefined);
    return this.change(actor, comment, {
      rule: ruleId,
      touches: fields,
      apply: (fileRules, overlay) => patchOverlay(fileRules, overlay, ruleId, patch),
    });
  }

  /**
   * Drops an admin's overrides of a rule of the files (all of them, or these fields), so it
   * follows the file again. Refused for a rule created by an admin.
   */
  revertRule(actor: RulesActor, ruleId: string, fields?: ReadonlyArray<keyof RuleOverride>, comment?: string): Promise<AdminResult> {
    return this.change(actor, comment, {
      rule: ruleId,
      touches: fields === undefined ? 'all' : [...fields],
      apply: (fileRules, overlay) => {
        if (!fileRules.some((rule) => rule.rule.id === ruleId)) {
          return { problems: [{ field: '', message: `"${ruleId}" is not a rule of the rule files: there is nothing to revert to` }] };
        }
        const current = overlay.overrides[ruleId];
        if (current === undefined) return { overlay };
        const kept: Record<string, unknown> = {};
        if (fields !== undefined) {
          for (const [key, value] of Object.entries(current)) if (!fields.includes(key as keyof RuleOverride)) kept[key] = value;
        }
        return { overlay: withOverride(overlay, ruleId, kept as RuleOverride) };
      },
    });
  }

  /** Creates a custom rule (detector `keyword` or `regex`), with an id no other rule has. */
  createRule(actor: RulesActor, rule: RuleInput, comment?: string): Promise<AdminResult> {
    return this.change(actor, comment, {
      rule: rule.id,
      touches: [],
      apply: (fileRules, overlay) => {
        const problems: FieldProblem[] = [];
        if (!CUSTOM_DETECTORS.includes(rule.detector)) {
          problems.push({ field: 'detector', message: `a custom rule uses the ${CUSTOM_DETECTORS.join(' or ')} detector` });
        }
        const inFile = fileRules.find((candidate) => candidate.rule.id === rule.id);
        if (inFile !== undefined) problems.push({ field: 'id', message: `a rule "${rule.id}" already exists in ${inFile.file}` });
        else if (overlay.added.some((candidate) => candidate.id === rule.id)) {
          problems.push({ field: 'id', message: `a rule "${rule.id}" already exists (created by an admin)` });
        }
        if (problems.length > 0) return { problems };
        return { overlay: { overrides: overlay.overrides, added: [...overlay.added, rule] } };
      },
    });
  }

  /**
   * Restores the overlay of an earlier version, as a new version (`restores`). If another
   * version is saved meanwhile, the result is `conflict` (a rollback is never re-applied blindly).
   */
  async rollback(actor: RulesActor, versionId: number, comment?: string): Promise<AdminResult> {
    const target = await this.options.store.getRuleVersion(versionId);
    if (target === undefined) return { ok: false, problems: [{ field: '', message: `there is no rules version ${versionId}` }] };
    return this.change(actor, comment, {
      touches: 'all',
      source: 'rollback',
      restores: versionId,
      apply: () => ({ overlay: target.overlay }),
    });
  }

  /** Versions, newest first. */
  history(page: PageRequest): Promise<Page<RuleVersion>> {
    return this.options.store.listRuleVersions(page);
  }

  /**
   * The effective rules of one version against another's, both over the rule files in force, as
   * a unified diff (empty when equal). `files`: the files without any admin change; `current`:
   * the latest version.
   */
  async diff(a: DiffSide, b: DiffSide = 'current'): Promise<DiffResult> {
    const before = await this.overlayOf(a);
    if (typeof before === 'number') return { ok: false, missing: before };
    const after = await this.overlayOf(b);
    if (typeof after === 'number') return { ok: false, missing: after };
    const fileRules = this.options.live.fileRules();
    const text = (overlay: RuleOverlay): string => rulesYaml(applyOverlay(fileRules, overlay).rules.map((rule) => rule.rule));
    return { ok: true, diff: unifiedDiff(text(before), text(after), 3, { before: sideLabel(a), after: sideLabel(b) }) };
  }

  /**
   * The rules in force (files with admins' changes) as one rule file, loadable by
   * `charter-bot rules validate`.
   */
  exportRules(): string {
    const live = this.options.live;
    const version = live.version();
    const header =
      `# charter-bot rules in force: the rule files${version === undefined ? '' : ` with admins' changes up to version ${version}`}.\n` +
      `# One file with every rule; load it alone (e.g. RULES_DIR with only this file).\n`;
    return header + rulesYaml(live.effectiveRules().map((rule) => rule.rule));
  }

  /** Runs a rule being edited on sample messages (see `try-rule.ts`). */
  tryRule(rule: RuleInput, samples: readonly string[], channel?: ChannelContext): TryResult {
    const live = this.options.live;
    return tryRule(rule, samples, { charter: live.charter(), defaultLang: live.defaultLang(), ...(channel === undefined ? {} : { channel }) });
  }

  /**
   * What an edit of a rule would have changed over the last `days` (see `impact.ts`); for a new
   * rule, pass its id and the rule.
   */
  async impact(ruleId: string, edited: RuleInput, days = 30): Promise<ImpactPreview> {
    const current = this.options.live.effectiveRules().find((rule) => rule.rule.id === ruleId)?.rule;
    const stats = this.options.stats === undefined ? undefined : (await this.options.stats.ruleStats(this.clock.now() - days * DAY)).find((entry) => entry.rule === ruleId);
    return previewImpact(current, edited, stats, days);
  }

  private async overlayOf(side: DiffSide): Promise<RuleOverlay | number> {
    if (side === 'files') return EMPTY_OVERLAY;
    if (side === 'current') return (await this.options.store.latestRuleVersion())?.overlay ?? EMPTY_OVERLAY;
    return (await this.options.store.getRuleVersion(side))?.overlay ?? side;
  }

  private async change(actor: RulesActor, comment: string | undefined, plan: Plan): Promise<AdminResult> {
    const { store, live } = this.options;
    const files = live.files();
    const fileRules = live.fileRules();
    let base = await store.latestRuleVersion();
    for (let attempt = 0; ; attempt++) {
      const overlay = base?.overlay ?? EMPTY_OVERLAY;
      const planned = plan.apply(fileRules, overlay);
      if ('problems' in planned) return { ok: false, problems: planned.problems };
      if (sameValue(planned.overlay, overlay)) return { ok: false, unchanged: true };
      const candidate = buildEffective({ files, overlay: planned.overlay, defaultLang: live.defaultLang(), origin: UNSAVED_ORIGIN });
      if (!candidate.ok) return { ok: false, problems: toFieldProblems(candidate.problems, plan.rule) };
      const before = rulesYaml(applyOverlay(fileRules, overlay).rules.map((rule) => rule.rule));
      const after = rulesYaml(candidate.rules.map((rule) => rule.rule));
      const saved = await store.saveRuleVersion({
        basedOn: base?.id,
        author: actor.author,
        comment: comment ?? '',
        source: plan.source ?? actor.source,
        overlay: planned.overlay,
        diff: unifiedDiff(before, after, 3, { before: base === undefined ? 'rule files' : `version ${base.id}`, after: 'this change' }),
        at: this.clock.now(),
        ...(plan.restores === undefined ? {} : { restores: plan.restores }),
      });
      if (saved !== 'conflict') {
        this.options.logger?.info({ version: saved.id, author: actor.author, source: saved.source, rule: plan.rule }, 'rules version saved');
        try {
          await live.refresh();
        } catch (error) {
          this.options.logger?.warn({ err: error }, 'refreshing the rules in force failed');
        }
        return { ok: true, version: saved };
      }
      if (attempt >= 1) return { ok: false, conflict: true };
      const latest = await store.latestRuleVersion();
      if (!stillApplicable(plan, fileRules, overlay, latest?.overlay ?? EMPTY_OVERLAY)) return { ok: false, conflict: true };
      this.options.logger?.info({ rule: plan.rule, basedOn: base?.id, latest: latest?.id }, 'rules changed meanwhile; re-applying the change on the latest version');
      base = latest;
    }
  }
}

/** Whether the fields a change depends on are the same in the version it was planned on and in the latest. */
function stillApplicable(plan: Plan, fileRules: readonly FileRule[], planned: RuleOverlay, latest: RuleOverlay): boolean {
  if (plan.touches === 'all') return false;
  // No field to compare (a new rule): planning again on the latest version decides.
  if (plan.rule === undefined || plan.touches.length === 0) return true;
  const before = effectiveRule(fileRules, planned, plan.rule);
  const now = effectiveRule(fileRules, latest, plan.rule);
  if ((before === undefined) !== (now === undefined)) return false;
  if (before === undefined || now === undefined) return true;
  return plan.touches.every((field) => sameValue(before[field as keyof RuleInput], now[field as keyof RuleInput]));
}

function effectiveRule(fileRules: readonly FileRule[], overlay: RuleOverlay, id: string): RuleInput | undefined {
  return applyOverlay(fileRules, overlay).rules.find((rule) => rule.rule.id === id)?.rule;
}

/** The overlay with a rule's fields patched (see {@link AdminRules.editRule}). */
export function patchOverlay(
  fileRules: readonly FileRule[],
  overlay: RuleOverlay,
  ruleId: string,
  patch: RuleOverride,
): { overlay: RuleOverlay } | { problems: FieldProblem[] } {
  const changes = Object.entries(patch).filter(([, value]) => value !== undefined);
  const idChange = changes.find(([key]) => key === 'id');
  if (idChange !== undefined && idChange[1] !== ruleId) return { problems: [{ field: 'id', message: 'the id of a rule cannot be changed' }] };
  const fields = changes.filter(([key]) => key !== 'id');
  const inFile = fileRules.find((candidate) => candidate.rule.id === ruleId);
  if (inFile !== undefined) {
    const detector = fields.find(([key]) => key === 'detector');
    if (detector !== undefined && detector[1] !== inFile.rule.detector) {
      return { problems: [{ field: 'detector', message: 'the detector of a rule from the rule files cannot be changed; create a custom rule instead' }] };
    }
    const override: Record<string, unknown> = { ...(overlay.overrides[ruleId] ?? {}) };
    for (const [key, value] of fields) {
      if (sameValue(withDefault(key, value), withDefault(key, (inFile.rule as Record<string, unknown>)[key]))) delete override[key];
      else override[key] = value;
    }
    return { overlay: withOverride(overlay, ruleId, override as RuleOverride) };
  }
  const index = overlay.added.findIndex((candidate) => candidate.id === ruleId);
  const added = overlay.added[index];
  if (added === undefined) return { problems: [{ field: '', message: `there is no rule "${ruleId}"` }] };
  const edited = { ...added } as Record<string, unknown>;
  for (const [key, value] of fields) edited[key] = value;
  if (!CUSTOM_DETECTORS.includes(String(edited.detector))) {
    return { problems: [{ field: 'detector', message: `a custom rule uses the ${CUSTOM_DETECTORS.join(' or ')} detector` }] };
  }
  const list = [...overlay.added];
  list[index] = edited as RuleInput;
  return { overlay: { overrides: overlay.overrides, added: list } };
}

/** The overlay with a rule's override replaced (removed when empty). */
function withOverride(overlay: RuleOverlay, ruleId: string, override: RuleOverride): RuleOverlay {
  const overrides: Record<string, RuleOverride> = {};
  for (const [id, value] of Object.entries(overlay.overrides)) if (id !== ruleId) overrides[id] = value;
  if (Object.keys(override).length > 0) overrides[ruleId] = override;
  return { overrides, added: overlay.added };
}

/** A field's value with the schema's default filled in, to compare with a file's value. */
function withDefault(field: string, value: unknown): unknown {
  if (value !== undefined) return field === 'scope' && typeof value === 'object' && value !== null ? { match: 'all', ...value } : value;
  if (field === 'enabled') return true;
  if (field === 'exempt') return [];
  if (field === 'options') return {};
  return undefined;
}

function sideLabel(side: DiffSide): string {
  return side === 'files' ? 'rule files' : side === 'current' ? 'current' : `version ${side}`;
}
