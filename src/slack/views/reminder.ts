/**
 * The private reminder sent to a message's author: ephemeral in the channel, or a DM when the
 * ephemeral could not be shown. Kind and short; it cites the charter and never shames. Pure.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { Category, Lang } from '../../engine/types';
import type { DeliveredFinding, Delivery } from '../../moderation/model';
import type { Charter } from '../../ruleset/charter';
import { ACTION, flagIdsValue } from '../ids';
import { plural, t } from '../i18n';
import { channelMention, escapeText, link, quoteExcerpt, truncateMrkdwn } from '../mrkdwn';
import { actions, button, context, header, section } from './blocks';
import { articleLabel, articleNumber } from './charter-text';

/** How the reminder reaches its reader. */
export interface ReminderOptions {
  /** `ephemeral` (default): shown in the channel to the author only. `dm`: the fallback. */
  via?: 'ephemeral' | 'dm';
}

/** Findings shown one by one; the rest are counted. */
export const MAX_REMINDER_FINDINGS = 5;
/** "Read the article" buttons, one per distinct article. */
export const MAX_READ_BUTTONS = 2;
const MAX_EXPLANATION = 1000;

/** Leaks that call for immediate action: delete, then change, revoke or tell. */
const URGENT_LEAKS: ReadonlySet<Category> = new Set<Category>(['secret', 'password', 'payment-card', 'bank-account', 'national-id']);

/**
 * The reminder for a `nudge` delivery, in `delivery.payload.lang`.
 *
 * Each finding shows its charter article, its explanation and its masked excerpt; a section
 * accessory button opens each distinct article (at most {@link MAX_READ_BUTTONS}: Slack wants
 * action ids unique within a block, so they cannot share one actions block). The actions block
 * carries "Got it" and "This is a mistake", whose value is the delivery's flag ids.
 * `text` (the notification) never quotes the message.
 */
export function reminderMessage(
  delivery: Delivery,
  charter: Charter,
  options: ReminderOptions = {},
): { text: string; blocks: KnownBlock[] } {
  const { payload } = delivery;
  const lang = payload.lang;
  const channel = channelMention(payload.channel, payload.channelName, t(lang, 'common.thisChannel'));
  const urgent = payload.findings.some((finding) => URGENT_LEAKS.has(finding.category));

  let intro = t(lang, urgent ? 'reminder.intro.leak' : 'reminder.intro', { channel });
  if (payload.permalink !== undefined) intro += ' ' + link(payload.permalink, t(lang, 'common.viewMessage'));

  const blocks: KnownBlock[] = [header(t(lang, urgent ? 'reminder.header.leak' : 'reminder.header')), section(intro)];

  const shown = payload.findings.slice(0, MAX_REMINDER_FINDINGS);
  const articlesWithButton = new Set<string>();
  for (const finding of shown) {
    let accessory: Button | undefined;
    const article = charter.article(finding.article, lang);
    if (article !== undefined && !articlesWithButton.has(article.id) && articlesWithButton.size < MAX_READ_BUTTONS) {
      articlesWithButton.add(article.id);
      const number = articleNumber(article);
      const label = number === undefined ? t(lang, 'reminder.readArticle.plain') : t(lang, 'reminder.readArticle', { number });
      accessory = button(label, ACTION.readArticle, article.id);
    }
    blocks.push(section(findingText(finding, charter, lang), accessory));
  }
  const hidden = payload.findings.length - shown.length;
  if (hidden > 0) blocks.push(context(plural(lang, 'reminder.more', hidden)));

  const advice = adviceText(payload.findings, lang);
  if (advice !== undefined) blocks.push(section(advice));

  const value = flagIdsValue(delivery.flagIds);
  blocks.push(
    actions([
      button(t(lang, 'reminder.gotIt'), ACTION.gotIt, value, 'primary'),
      button(t(lang, 'reminder.mistake'), ACTION.reportMistake, value),
    ]),
  );
  blocks.push(context(t(lang, options.via === 'dm' ? 'reminder.viaDm' : 'reminder.onlyYou')));

  return { text: fallbackText(payload.findings, charter, lang, channel, urgent), blocks };
}

/** `*Article 2.1 — Langage*`, the explanation, the masked excerpt. */
function findingText(finding: DeliveredFinding, charter: Charter, lang: Lang): string {
  const article = charter.article(finding.article, lang);
  const title = article === undefined ? escapeText(finding.article) : escapeText(articleLabel(article, lang));
  const lines = [`*${title}*`];
  const explanation = finding.explanation[lang].trim();
  if (explanation !== '') lines.push(truncateMrkdwn(escapeText(explanation), MAX_EXPLANATION));
  const excerpt = quoteExcerpt(finding.excerpt);
  if (excerpt !== '') lines.push(t(lang, 'reminder.excerpt', { excerpt }));
  return lines.join('\n');
}

/** What to do now after a leak: delete, then change / revoke / tell. */
function adviceText(findings: readonly DeliveredFinding[], lang: Lang): string | undefined {
  const categories = new Set(findings.map((finding) => finding.category));
  if (![...categories].some((category) => URGENT_LEAKS.has(category))) return undefined;
  const steps = [t(lang, 'advice.delete')];
  if (categories.has('password')) steps.push(t(lang, 'advice.password'));
  if (categories.has('secret')) steps.push(t(lang, 'advice.secret'));
  if (categories.has('national-id')) steps.push(t(lang, 'advice.tellSecurityAndDpo'));
  else if (categories.has('payment-card') || categories.has('bank-account')) steps.push(t(lang, 'advice.tellSecurity'));
  return [`*${t(lang, 'advice.title')}*`, ...steps.map((step) => `• ${step}`), `_${t(lang, 'advice.reassure')}_`].join('\n');
}

/** The notification text: short, no excerpt. */
function fallbackText(
  findings: readonly DeliveredFinding[],
  charter: Charter,
  lang: Lang,
  channel: string,
  urgent: boolean,
): string {
  if (urgent) return t(lang, 'reminder.text.leak', { channel });
  const labels = [...new Set(findings.map((finding) => finding.article))].slice(0, 3).map((id) => {
    const article = charter.article(id, lang);
    return escapeText(article === undefined ? id : articleLabel(article, lang));
  });
  return t(lang, 'reminder.text', { channel, articles: labels.join(', ') });
}
