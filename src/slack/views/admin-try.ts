/**
 * "Try a rule": admins type sample messages, "Test" runs the rule on them (the listener answers
 * with `response_action: 'update'` and this modal re-rendered with the results), and an
 * estimate of what a change would have done over the last days. Nothing is recorded or sent.
 * Masked excerpts and counts only. Pure.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import type { Category, Lang } from '../../engine/types';
import type { RuleInput } from '../../rules-admin/model';
import { ADMIN_INPUT, ADMIN_VIEW } from '../admin-ids';
import { actionLabel, categoryLabel, plural, t } from '../i18n';
import { quoteExcerpt } from '../mrkdwn';
import { context, divider, header, LIMITS, linesToSections, plain, section } from './blocks';
import { inlineCode, inputBlock, parseJson, quotePlain, readText, splitLines, textInput, type ViewStateValues } from './admin-form';

/** What the rule found in one sample message. */
export interface TrySampleResult {
  /** The sample as typed (shown escaped, on one line, cut). */
  sample: string;
  findings: ReadonlyArray<{ excerpt: string; category: Category; explanation: string }>;
}

/**
 * What a change would have done over the last `days` days (the shape of rules-admin's impact
 * preview). By `kind`:
 * - `unpredictable`, `enable`, `unknown`: cannot be estimated (messages are not kept): says so
 *   and points to the trial above;
 * - `none`: nothing would have changed;
 * - `disable`: the `flags` would not have been raised;
 * - `disable`, `action` (and any other kind): `reminders` / `alerts` about so many fewer
 *   (negative) or more (positive).
 */
export interface TryImpact {
  kind: string;
  flags: number;
  reminders?: number;
  alerts?: number;
  days: number;
}

/** What the "try a rule" modal shows. */
export interface AdminTryModalInput {
  lang: Lang;
  ruleId: string;
  rule: RuleInput;
  /** The samples as typed, one per line (kept in the input when the modal is re-rendered). */
  samples?: string;
  results?: readonly TrySampleResult[];
  impact?: TryImpact;
  /** False when the rule's scope leaves out the trial's channel (hence no findings). */
  inScope?: boolean;
  /** Some samples were left out or cut. */
  capped?: boolean;
  /** Why the rule cannot run (its options refused, a pattern RE2 rejects…). */
  problems?: ReadonlyArray<{ field?: string; message: string }>;
  /** `rule` is an edited, unsaved rule: carried in the modal so each test tries it again. */
  draft?: boolean;
}

/** The "try" modal's `private_metadata`. */
export interface TryModalMetadata {
  ruleId: string;
  /** The edited, unsaved rule being tried (absent: the rule in force). */
  draft?: RuleInput;
}

/** Longest `private_metadata` Slack keeps; a draft that does not fit is not carried. */
const MAX_METADATA = 3000;

/** Samples whose results are listed; the rest are counted. */
export const MAX_TRY_SAMPLES = 20;
/** Findings listed per sample. */
export const MAX_TRY_FINDINGS = 5;
/** Problems listed. */
const MAX_TRY_PROBLEMS = 10;
/** Longest sample line shown, and the longest explanation. */
const SAMPLE_SHOWN = 120;
const EXPLANATION_SHOWN = 200;
/** Sections the results may take (the modal stays far below 100 blocks). */
const MAX_RESULT_SECTIONS = 20;

/**
 * The "try a rule" modal (callback id {@link ADMIN_VIEW.try}; "Test" submits it): the rule, a
 * multiline input for sample messages (kept as typed), the problems that keep the rule from
 * running, the results (per sample `✗ 2 findings` or `✓ nothing`, with each finding's masked
 * excerpt, category and explanation) and the estimated impact. `private_metadata`: `{"ruleId"}`.
 */
export function adminTryModal(input: AdminTryModalInput): ModalView {
  const { lang, rule } = input;
  const metadata: TryModalMetadata = { ruleId: input.ruleId };
  if (input.draft === true && JSON.stringify({ ...metadata, draft: rule }).length <= MAX_METADATA) metadata.draft = rule;
  const blocks: KnownBlock[] = [
    section(
      t(lang, 'admin.try.intro', {
        rule: inlineCode(input.ruleId),
        category: categoryLabel(lang, rule.category),
        action: actionLabel(lang, rule.action),
      }),
    ),
    inputBlock(
      ADMIN_INPUT.samples,
      t(lang, 'admin.try.samples'),
      textInput(ADMIN_INPUT.samples, { initial: input.samples ?? '', multiline: true, focus: input.results === undefined }),
      { optional: false, hint: t(lang, 'admin.try.samples.hint') },
    ),
  ];

  const problems = input.problems ?? [];
  if (problems.length > 0) {
    const lines = problems.slice(0, MAX_TRY_PROBLEMS).map((problem) => {
      const field = problem.field === undefined || problem.field === '' ? '' : `${inlineCode(problem.field, 60)} `;
      return `• ${field}${quotePlain(problem.message, 300)}`;
    });
    blocks.push(...linesToSections([`⚠️ ${t(lang, 'admin.try.problems')}`, ...lines]).slice(0, 3));
  }

  if (input.results !== undefined) {
    blocks.push(divider(), header(t(lang, 'admin.try.results')));
    const lines: string[] = [];
    for (const result of input.results.slice(0, MAX_TRY_SAMPLES)) {
      const sample = quoteExcerpt(result.sample.slice(0, SAMPLE_SHOWN));
      const verdict =
        result.findings.length === 0 ? t(lang, 'admin.try.nothing') : plural(lang, 'admin.try.found', result.findings.length);
      lines.push(`*${verdict}* — ${sample === '' ? '—' : sample}`);
      for (const finding of result.findings.slice(0, MAX_TRY_FINDINGS)) {
        const excerpt = quoteExcerpt(finding.excerpt);
        const parts = [excerpt, categoryLabel(lang, finding.category), quotePlain(finding.explanation, EXPLANATION_SHOWN)].filter((p) => p !== '');
        lines.push(`    • ${parts.join(' · ')}`);
      }
    }
    blocks.push(...linesToSections(lines).slice(0, MAX_RESULT_SECTIONS));
    const hidden = input.results.length - Math.min(input.results.length, MAX_TRY_SAMPLES);
    const notes: string[] = [];
    if (hidden > 0) notes.push(plural(lang, 'admin.try.more', hidden));
    if (input.capped === true) notes.push(t(lang, 'admin.try.capped'));
    if (input.inScope === false) notes.push(t(lang, 'admin.try.outOfScope'));
    if (notes.length > 0) blocks.push(context(...notes));
  }

  if (input.impact !== undefined) {
    blocks.push(divider(), section(`*${t(lang, 'admin.impact.title')}*\n${impactLines(lang, input.impact).join('\n')}`));
  }

  return {
    type: 'modal',
    callback_id: ADMIN_VIEW.try,
    private_metadata: JSON.stringify(metadata),
    title: plain(t(lang, 'admin.try.title'), LIMITS.modalTitle),
    submit: plain(t(lang, 'admin.try.submit'), LIMITS.modalTitle),
    close: plain(t(lang, 'admin.close'), LIMITS.modalTitle),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}

/** Kinds of impact that cannot be estimated from statistics. */
const UNPREDICTABLE = new Set(['unknown', 'unpredictable', 'enable']);

/** The impact in words: what would not (or also) have happened, nothing changed, or cannot say. */
function impactLines(lang: Lang, impact: TryImpact): string[] {
  if (UNPREDICTABLE.has(impact.kind)) return [t(lang, 'admin.impact.unknown')];
  const days = Math.max(1, Math.round(impact.days));
  if (impact.kind === 'none') return [t(lang, 'admin.impact.none', { days })];
  const lines: string[] = [];
  if (impact.kind === 'disable' && impact.flags > 0) lines.push(plural(lang, 'admin.impact.flags', impact.flags, { days }));
  const counts: string[] = [];
  const reminders = Math.round(impact.reminders ?? 0);
  if (reminders < 0) counts.push(plural(lang, 'admin.impact.reminders', -reminders));
  if (reminders > 0) counts.push(plural(lang, 'admin.impact.moreReminders', reminders));
  const alerts = Math.round(impact.alerts ?? 0);
  if (alerts < 0) counts.push(plural(lang, 'admin.impact.alerts', -alerts));
  if (alerts > 0) counts.push(plural(lang, 'admin.impact.moreAlerts', alerts));
  if (lines.length === 0 && counts.length > 0) lines.push(t(lang, 'admin.impact.period', { days }));
  lines.push(...counts);
  return lines.length === 0 ? [t(lang, 'admin.impact.none', { days })] : lines;
}

/** The samples submitted, one per line (blank lines and duplicates dropped), and the text as typed. */
export function readTryForm(values: ViewStateValues): { samples: string[]; text: string } {
  const text = readText(values, ADMIN_INPUT.samples) ?? '';
  return { samples: splitLines(text), text };
}

/** Reads the "try" modal's `private_metadata`; undefined when malformed. */
export function parseTryMetadata(text: string | undefined): TryModalMetadata | undefined {
  const data = parseJson(text);
  if (data === undefined || typeof data.ruleId !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(data.ruleId)) return undefined;
  const draft = data.draft;
  return draft !== null && typeof draft === 'object' && !Array.isArray(draft) ? { ruleId: data.ruleId, draft: draft as RuleInput } : { ruleId: data.ruleId };
}
