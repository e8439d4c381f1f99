/**
 * The moderators' card for an `alert` delivery, with the decision buttons and, once decided, who
 * decided what and when. Ids and masked excerpts only, never message text. Pure.
 */
import type { KnownBlock } from '@slack/types';
import { SEVERITIES, type Lang, type Severity } from '../../engine/types';
import type { DeliveredFinding, Delivery } from '../../moderation/model';
import type { Charter } from '../../ruleset/charter';
import { categoryLabel, ordinal, plural, severityLabel, t } from '../i18n';
import { channelMention, escapeText, link, quoteExcerpt, truncateMrkdwn, userMention } from '../mrkdwn';
import { context, fields, header, section } from './blocks';
import { articleLabel } from './charter-text';
import { decisionActions, decisionLine, noteLine, reportLines, type AlertDecision, type ReportFields } from './moderation';

/** One emoji per card, by the highest severity. */
export const SEVERITY_EMOJI: Readonly<Record<Severity, string>> = {
  low: '🔵',
  medium: '🟡',
  high: '🟠',
  critical: '🔴',
};

/** Options of {@link alertMessage}. */
export interface AlertOptions {
  /** The window `recentFlags` was counted over (ESCALATION_WINDOW_DAYS); 30 by default. */
  windowDays?: number;
  /** The flags the decision buttons act on; `delivery.flagIds` by default. */
  flagIds?: readonly number[];
  /** The latest decision on these flags: shown above the buttons (which stay, to revise it). */
  decision?: AlertDecision;
  /**
   * For a member report: name the reporter (`<@U…>`) instead of "a member". False by default;
   * the author is never told either way.
   */
  showReporter?: boolean;
  /** The reporter, when the payload does not carry it (`payload.reportedBy`). */
  reporter?: string;
  /** IANA time zone for the decision's date and time; UTC by default. */
  timeZone?: string;
}

/** Findings shown one by one on a card. */
export const MAX_ALERT_FINDINGS = 5;

/**
 * The moderators' card: severity emoji, category, channel, author, rule and severity, each
 * finding's article and masked excerpt, a link to the message, why moderators are told (the
 * rule's action, the escalation ladder, or a member's report and its reason) and how many flags
 * the author had recently; then the decision (when taken) and the four decision buttons.
 */
export function alertMessage(
  delivery: Delivery,
  charter: Charter,
  lang: Lang,
  options: AlertOptions = {},
): { text: string; blocks: KnownBlock[] } {
  const { payload } = delivery;
  const days = options.windowDays ?? 30;
  const worst = highest(payload.findings);
  const main = payload.findings.find((finding) => finding.severity === worst) ?? payload.findings[0];
  const category = main === undefined ? '' : categoryLabel(lang, main.category);
  const channel = channelMention(payload.channel, payload.channelName, t(lang, 'common.thisChannel'));
  const rules = [...new Set(payload.findings.map((finding) => finding.flagRule))];

  const blocks: KnownBlock[] = [
    header(t(lang, 'alert.header', { emoji: SEVERITY_EMOJI[worst], category })),
    fields([
      `*${t(lang, 'alert.field.channel')}*\n${channel}`,
      `*${t(lang, 'alert.field.author')}*\n${userMention(payload.user)}`,
      `*${t(lang, 'alert.field.rule')}*\n${rules.map((rule) => '`' + escapeText(rule) + '`').join(', ')}`,
      `*${t(lang, 'alert.field.severity')}*\n${severityLabel(lang, worst)}`,
      `*${t(lang, 'alert.field.message')}*\n${
        payload.permalink === undefined ? t(lang, 'alert.noLink') : link(payload.permalink, t(lang, 'common.viewMessage'))
      }`,
    ]),
  ];

  const shown = payload.findings.slice(0, MAX_ALERT_FINDINGS);
  for (const finding of shown) blocks.push(section(findingText(finding, charter, lang)));
  const hidden = payload.findings.length - shown.length;
  if (hidden > 0) blocks.push(context(plural(lang, 'alert.more', hidden)));

  // Read structurally: member reports add `report` and the reporter's fields to the payload.
  const report: ReportFields = payload;
  const reported = reportLines(
    {
      ...report,
      ...(options.reporter !== undefined ? { reportedBy: options.reporter } : {}),
    },
    lang,
    options.showReporter ?? false,
  );
  const why =
    reported[0] ??
    (payload.alertReason === 'ladder'
      ? t(lang, 'alert.why.ladder', { nth: ordinal(lang, Math.max(1, payload.recentFlags ?? 1)), days })
      : t(lang, 'alert.why.rule'));
  const history = payload.recentFlags === undefined ? '' : plural(lang, 'alert.history', payload.recentFlags, { days });
  blocks.push(context(why, history));
  if (reported[1] !== undefined) blocks.push(section(reported[1]));

  if (options.decision !== undefined) {
    blocks.push(context(decisionLine(options.decision, lang, options.timeZone), noteLine(options.decision.note, lang)));
  }
  blocks.push(decisionActions(options.flagIds ?? delivery.flagIds, lang));

  const text = t(lang, 'alert.text', { channel, category, severity: severityLabel(lang, worst) });
  return { text, blocks };
}

/** `*Article 5.1 — …*`, category · severity, masked excerpt. */
function findingText(finding: DeliveredFinding, charter: Charter, lang: Lang): string {
  const article = charter.article(finding.article, lang);
  const title = article === undefined ? escapeText(finding.article) : escapeText(articleLabel(article, lang));
  const lines = [
    `*${title}*`,
    `\`${escapeText(finding.flagRule)}\` · ${categoryLabel(lang, finding.category)} · ${severityLabel(lang, finding.severity)}`,
  ];
  const excerpt = quoteExcerpt(finding.excerpt);
  if (excerpt !== '') lines.push(t(lang, 'reminder.excerpt', { excerpt }));
  return truncateMrkdwn(lines.join('\n'), 3000);
}

function highest(findings: readonly DeliveredFinding[]): Severity {
  let index = 0;
  for (const finding of findings) index = Math.max(index, SEVERITIES.indexOf(finding.severity));
  return SEVERITIES[index] ?? 'low';
}
