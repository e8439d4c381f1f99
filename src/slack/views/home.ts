/**
 * charter-bot's App Home: the charter at a glance, the acknowledgement, the user's own
 * reminders and what the bot keeps about them. Pure.
 */
import type { HomeView, KnownBlock } from '@slack/types';
import type { Lang } from '../../engine/types';
import type { Flag } from '../../moderation/model';
import type { Charter } from '../../ruleset/charter';
import { ACTION } from '../ids';
import { formatDate, formatDay, plural, t } from '../i18n';
import { escapeText, quoteExcerpt } from '../mrkdwn';
import { button, context, divider, header, LIMITS, linesToSections, section } from './blocks';
import { articleLabel, articleNumber, parseHeading, subArticles } from './charter-text';

/** What the Home tab shows. */
export interface HomeInput {
  lang: Lang;
  charter: Charter;
  /** The charter version the acknowledgement button records. */
  charterVersion: string;
  /** When the user acknowledged this version of the charter (ms); absent: not yet. */
  acknowledgedAt?: number;
  /** The user's own flags that became reminders, in any order (the newest ten are shown). */
  reminders: readonly Flag[];
  /** Now (ms), for "today" / "yesterday". */
  now: number;
  /** How long flags are kept (RETENTION_DAYS). */
  retentionDays: number;
  /** IANA time zone for dates (the user's `tz`); UTC by default. */
  timeZone?: string;
}

/** Reminders listed on the Home tab. */
export const MAX_HOME_REMINDERS = 10;
/** Articles listed one by one (one section each); the rest are counted. */
export const MAX_HOME_ARTICLES = 60;

/**
 * The Home tab: title and intro, the acknowledgement (a button, or the date it was given), one
 * section per article with a "Read" button, "Your reminders" (newest ten, or a friendly empty
 * state) and a privacy line.
 */
export function homeView(input: HomeInput): HomeView {
  const { lang, charter } = input;
  const text = charter.texts[lang];
  const blocks: KnownBlock[] = [header(text.title), section(t(lang, 'home.intro'))];

  if (input.acknowledgedAt === undefined) {
    blocks.push(
      section(
        t(lang, 'home.ack.prompt', { version: escapeText(input.charterVersion) }),
        button(t(lang, 'home.ack.button'), ACTION.acknowledge, input.charterVersion, 'primary'),
      ),
    );
  } else {
    blocks.push(context(t(lang, 'home.ack.done', { date: formatDate(lang, input.acknowledgedAt, input.timeZone) })));
  }
  blocks.push(divider());

  const articles = text.articles.filter((article) => article.level === 2);
  for (const article of articles.slice(0, MAX_HOME_ARTICLES)) {
    const subs = subArticles(charter, article.id, lang).map((sub) => escapeText(sub.title));
    const lines = [`*${escapeText(articleLabel(article, lang))}*`];
    if (subs.length > 0) lines.push(subs.join(' · '));
    blocks.push(section(lines.join('\n'), button(t(lang, 'home.read'), ACTION.readArticle, article.id)));
  }
  if (articles.length > MAX_HOME_ARTICLES) {
    blocks.push(context(t(lang, 'home.articles.more', { count: articles.length - MAX_HOME_ARTICLES })));
  }
  blocks.push(divider());

  blocks.push(header(t(lang, 'home.reminders.title')));
  const reminders = [...input.reminders].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  if (reminders.length === 0) {
    blocks.push(section(t(lang, 'home.reminders.empty')));
  } else {
    const lines = reminders.slice(0, MAX_HOME_REMINDERS).map((flag) => reminderLine(flag, input));
    blocks.push(...linesToSections(lines));
    if (reminders.length > MAX_HOME_REMINDERS) {
      blocks.push(context(t(lang, 'home.reminders.more', { shown: MAX_HOME_REMINDERS, total: reminders.length })));
    }
  }
  blocks.push(divider());

  const privacy = [plural(lang, 'home.privacy', input.retentionDays, { days: input.retentionDays })];
  const privacyArticle = charter.article('privacy', lang);
  const number = privacyArticle === undefined ? undefined : articleNumber(privacyArticle);
  if (number !== undefined) privacy.push(t(lang, 'home.privacy.rights', { number }));
  blocks.push(context(privacy.join(' ')));

  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}

/** `• *28/11/2026* · 2.1 Langage · `merde` · _message corrigé_` (or *Aujourd’hui*, *Hier*). */
function reminderLine(flag: Flag, input: HomeInput): string {
  const { lang, charter } = input;
  const article = charter.article(flag.article, lang);
  const title = article === undefined ? flag.article : shortTitle(article.title);
  const day = formatDay(lang, flag.createdAt, input.now, input.timeZone);
  const parts = [`*${day.charAt(0).toUpperCase()}${day.slice(1)}*`, escapeText(title)];
  const excerpt = quoteExcerpt(flag.excerpt);
  if (excerpt !== '') parts.push(excerpt);
  if (flag.status === 'resolved') parts.push(`_${t(lang, 'home.reminders.resolved')}_`);
  if (flag.status === 'dismissed') parts.push(`_${t(lang, 'home.reminders.dismissed')}_`);
  return `• ${parts.join(' · ')}`;
}

/** `2.1 Langage` for a sub-article, the name for an article. */
function shortTitle(title: string): string {
  const heading = parseHeading(title);
  return heading.number === undefined ? title : `${heading.number} ${heading.name}`;
}
