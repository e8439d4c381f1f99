/**
 * What the three audit reports share: number formats, the verdict, the live-vs-draft rows.
 * Pure functions of an {@link AuditReport}.
 */
import type { AuditReport, AuditResult } from './model';

/** The bar: at most one flagged message in 2,000 (README, "Measured"). */
export const TARGET_PER_2000 = 1;

/** What generated the reports. */
export const GENERATOR = 'charter-bot audit';

/** `12345` → `12,345` (no locale data needed). */
export function formatCount(value: number): string {
  const [whole = '0', fraction] = String(Math.abs(Math.round(value * 1e6) / 1e6)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (value < 0 ? '-' : '') + grouped + (fraction === undefined ? '' : `.${fraction}`);
}

/** A rate or a per-day figure: two decimals below 10, one below 100, none above; `<0.01` when tiny. */
export function formatRate(value: number): string {
  if (value === 0) return '0';
  if (value > 0 && value < 0.01) return '<0.01';
  const digits = Math.abs(value) < 10 ? 2 : Math.abs(value) < 100 ? 1 : 0;
  return formatCount(Number(value.toFixed(digits)));
}

/** A difference with its sign: `+3`, `-2`, `0`. */
export function formatDifference(value: number): string {
  return value > 0 ? `+${formatCount(value)}` : formatCount(value);
}

/** `2026-01-05T14:03:00Z`-like, to the minute, UTC. */
export function formatDate(ms: number): string {
  if (!Number.isFinite(ms)) return 'unknown date';
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The skipped messages, all reasons together. */
export function totalSkipped(report: AuditReport): number {
  const s = report.skipped;
  return s.bots + s.directMessages + s.system + s.empty;
}

/** The days line: `31 days (2026-01-01 → 2026-01-31)`. */
export function describeDays(report: AuditReport): string {
  const days = `${formatCount(report.days)} ${report.days === 1 ? 'day' : 'days'}`;
  if (report.firstDay === undefined || report.lastDay === undefined) return days;
  return report.firstDay === report.lastDay ? `${days} (${report.firstDay})` : `${days} (${report.firstDay} → ${report.lastDay})`;
}

/** The one-line verdict on a rule set's results. */
export interface Verdict {
  remindersPerDay: number;
  alertsPerDay: number;
  /** Flagged messages per 2,000 scanned. */
  flaggedPer2000: number;
  /** Within the 1-in-2,000 target. */
  within: boolean;
  text: string;
}

/**
 * The verdict on one rule set.
 * @example verdict(report.live, report.scanned).text
 *   // '≈ 3.2 reminders a day, 0.4 flagged messages per 2,000: within the 1-in-2,000 target'
 */
export function verdict(result: AuditResult, scanned: number): Verdict {
  const flaggedPer2000 = scanned === 0 ? 0 : (result.flaggedMessages * 2000) / scanned;
  const within = flaggedPer2000 <= TARGET_PER_2000;
  const reminders = `≈ ${formatRate(result.remindersPerDay)} ${result.remindersPerDay === 1 ? 'reminder' : 'reminders'} a day`;
  const alerts = `${formatRate(result.alertsPerDay)} moderator ${result.alertsPerDay === 1 ? 'alert' : 'alerts'} a day`;
  const flagged = `${formatRate(flaggedPer2000)} flagged per 2,000 messages`;
  const text =
    scanned === 0
      ? 'No message scanned: nothing to judge.'
      : `${reminders} (${alerts}), ${flagged}: ${within ? 'within' : 'above'} the 1-in-2,000 target`;
  return { remindersPerDay: result.remindersPerDay, alertsPerDay: result.alertsPerDay, flaggedPer2000, within, text };
}

/** One rule in the live-vs-draft comparison; a count is absent when the rule is not in that set (or disabled). */
export interface ComparisonRow {
  rule: string;
  live?: number;
  draft?: number;
  /** Draft minus live (a missing rule counting 0). */
  difference: number;
}

/** Live vs draft, rule by rule: the live rules noisiest first, then the draft's new rules. */
export function compareRules(live: AuditResult, draft: AuditResult): ComparisonRow[] {
  const draftCounts = new Map(draft.rules.map((line) => [line.rule, line.messages]));
  const rows: ComparisonRow[] = live.rules.map((line) => {
    const inDraft = draftCounts.get(line.rule);
    const row: ComparisonRow = { rule: line.rule, live: line.messages, difference: (inDraft ?? 0) - line.messages };
    if (inDraft !== undefined) row.draft = inDraft;
    return row;
  });
  const known = new Set(live.rules.map((line) => line.rule));
  for (const line of draft.rules) {
    if (!known.has(line.rule)) rows.push({ rule: line.rule, draft: line.messages, difference: line.messages });
  }
  return rows;
}

/** The channels most flagged (with at least one flag), at most `limit`. */
export function mostFlaggedChannels(result: AuditResult, limit: number): AuditResult['channels'] {
  return result.channels.filter((channel) => channel.flagged > 0).slice(0, limit);
}
