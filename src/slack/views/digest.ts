/**
 * The digest card: when alerts come in a burst, one calm message in the moderation channel
 * instead of a card each ("12 new flags since 14:02", the latest few, and where to find them
 * all). No excerpts and no buttons: decisions are taken in the review queue. Pure.
 */
import type { KnownBlock } from '@slack/types';
import { CATEGORIES, SEVERITIES, type Category, type Lang, type Severity } from '../../engine/types';
import { categoryLabel, formatDate, formatTime, plural, t } from '../i18n';
import { channelMention, escapeText, truncatePlain } from '../mrkdwn';
import { context, header, LIMITS, linesToSections } from './blocks';
import { SEVERITY_EMOJI } from './alert';

/** One alert as a digest line shows it. `category` and `severity` are checked, not trusted. */
export interface DigestLine {
  rule: string;
  category: Category | string;
  severity: Severity | string;
  channel: string;
  channelName?: string;
}

/** What the digest card shows. */
export interface DigestInput {
  lang: Lang;
  /** Alerts folded into this digest so far. */
  count: number;
  /** When the digest started (ms). */
  since: number;
  /** Now (ms): the start's date is shown only when it is not today. */
  now: number;
  /** The latest alerts, newest first; the first {@link MAX_DIGEST_LINES} are listed. */
  latest: readonly DigestLine[];
  /** Point to the review queue (App Home) where every flag is. */
  moreInQueue: boolean;
  /** IANA time zone for the start time; UTC by default. */
  timeZone?: string;
}

/** Lines listed on a digest card. */
export const MAX_DIGEST_LINES = 8;

/**
 * `🔔 12 nouveaux signalements depuis 14:02`, then up to {@link MAX_DIGEST_LINES} lines
 * (severity emoji, rule, category, channel), how many older ones are not listed, and "Everything
 * is in the review queue: charter-bot's Home tab."
 */
export function digestMessage(input: DigestInput): { text: string; blocks: KnownBlock[] } {
  const { lang } = input;
  const count = Math.max(input.count, input.latest.length);
  const time = formatTime(lang, input.since, input.timeZone);
  const sameDay = formatDate(lang, input.since, input.timeZone) === formatDate(lang, input.now, input.timeZone);
  const since = sameDay ? time : `${formatDate(lang, input.since, input.timeZone)} ${time}`;
  const title = plural(lang, 'digest.header', count, { time: since });

  const shown = input.latest.slice(0, MAX_DIGEST_LINES);
  const lines = shown.map((line) => {
    const severity = isSeverity(line.severity) ? line.severity : 'medium';
    const parts = [`${SEVERITY_EMOJI[severity]} \`${escapeText(line.rule.replace(/`/g, 'ˋ'))}\``];
    if (isCategory(line.category)) parts.push(categoryLabel(lang, line.category));
    parts.push(channelMention(line.channel, line.channelName, t(lang, 'common.thisChannel')));
    return parts.join(' · ');
  });

  const blocks: KnownBlock[] = [header(title)];
  blocks.push(...linesToSections(lines));
  const footer: string[] = [];
  const hidden = count - shown.length;
  if (hidden > 0) footer.push(plural(lang, 'digest.more', hidden));
  if (input.moreInQueue) footer.push(t(lang, 'digest.queue'));
  if (footer.length > 0) blocks.push(context(...footer));
  return { text: truncatePlain(title, LIMITS.fallbackText), blocks };
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}
