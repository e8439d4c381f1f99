/**
 * Impact preview: what an edit would have changed over the last days, estimated from the rule's
 * statistics only. Message texts are never stored, so a change of what the rule matches (scope,
 * options, pattern…) cannot be re-run on history: the admin is pointed to "Try it" instead.
 * Pure; the views phrase the summary in French or English.
 */
import type { Action } from '../engine/types';
import type { RuleStats } from '../moderation/ports';
import { RULE_KEYS, sameValue } from './diff';
import type { RuleInput } from './model';

/**
 * - `none`: nothing that changes how often the rule fires or who is told (wording, severity,
 *   article, examples…);
 * - `disable`: the rule's `flags` in the period would not have been raised;
 * - `enable`: a disabled rule runs again: not estimable (it did not run), use Try it;
 * - `action`: same findings, different notifications: `reminders` / `alerts` change by about
 *   so many (negative: fewer);
 * - `unpredictable`: what the rule matches changed (or a new rule): use Try it.
 */
export type ImpactKind = 'none' | 'disable' | 'enable' | 'action' | 'unpredictable';

/** A summary for the views to phrase. */
export interface ImpactPreview {
  kind: ImpactKind;
  /** The period, in days. */
  days: number;
  /** Flags the rule raised in the period (shadow ones included), 0 without statistics. */
  flags: number;
  /**
   * About how many more (positive) or fewer (negative) private reminders would have been sent
   * (an upper bound: the cooldown skips some). For `disable` and `action`.
   */
  reminders?: number;
  /** About how many more or fewer moderator alerts. For `disable` and `action`. */
  alerts?: number;
  /** Top-level fields that differ between the two versions of the rule. */
  changed: string[];
}

/** Fields that change what a rule matches. */
const MATCHING_FIELDS = new Set(['detector', 'options', 'scope', 'exempt', 'lang']);

/** Every field of a rule but its id. */
const FIELDS = RULE_KEYS.filter((key): key is Exclude<(typeof RULE_KEYS)[number], 'id'> => key !== 'id');

/**
 * Estimates the effect of replacing `current` by `edited` over the last `days`, from the rule's
 * statistics over that period (`ModerationStore.ruleStats(since)`, the entry of the rule).
 *
 * @example previewImpact(rule, { ...rule, enabled: false }, { rule: rule.id, flags: 12, … }, 30)
 *   // { kind: 'disable', days: 30, flags: 12, reminders: -12, alerts: 0, changed: ['enabled'] }
 */
export function previewImpact(current: RuleInput | undefined, edited: RuleInput, stats: RuleStats | undefined, days: number): ImpactPreview {
  const flags = stats?.flags ?? 0;
  if (current === undefined) return { kind: 'unpredictable', days, flags, changed: FIELDS.filter((field) => edited[field] !== undefined) };
  const changed = FIELDS.filter((field) => !sameValue(normalized(current, field), normalized(edited, field)));
  const wasEnabled = current.enabled ?? true;
  const isEnabled = edited.enabled ?? true;
  if (wasEnabled && !isEnabled) {
    return {
      kind: 'disable',
      days,
      flags,
      reminders: -(nudges(current.action) ? flags : 0),
      alerts: -(alerts(current.action) ? flags : 0),
      changed,
    };
  }
  if (!wasEnabled && isEnabled) return { kind: 'enable', days, flags, changed };
  if (changed.some((field) => MATCHING_FIELDS.has(field))) return { kind: 'unpredictable', days, flags, changed };
  if (!isEnabled || current.action === edited.action) return { kind: 'none', days, flags, changed };
  return {
    kind: 'action',
    days,
    flags,
    reminders: (nudges(edited.action) ? flags : 0) - (nudges(current.action) ? flags : 0),
    alerts: (alerts(edited.action) ? flags : 0) - (alerts(current.action) ? flags : 0),
    changed,
  };
}

function normalized(rule: RuleInput, field: (typeof FIELDS)[number]): unknown {
  const value = rule[field];
  if (field === 'enabled') return value ?? true;
  if (field === 'exempt') return value ?? [];
  if (field === 'options') return value ?? {};
  if (field === 'scope' && value !== undefined) return { match: 'all', ...(value as object) };
  return value;
}

function nudges(action: Action): boolean {
  return action === 'nudge' || action === 'nudge+flag';
}

function alerts(action: Action): boolean {
  return action === 'flag' || action === 'nudge+flag';
}
