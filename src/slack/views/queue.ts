/**
 * The moderators' review queue, appended by the caller under their App Home: filters, one page
 * of flags with the decision buttons, paging, and the noisy rules with their trend. Ids and
 * masked excerpts only, never message text. Pure.
 */
import type {
  ActionsBlock,
  ActionsBlockElement,
  ConversationsSelect,
  Datepicker,
  KnownBlock,
  PlainTextOption,
  StaticSelect,
} from '@slack/types';
import { CATEGORIES, type Category, type Lang } from '../../engine/types';
import { FLAG_STATUSES, type Flag, type FlagStatus } from '../../moderation/model';
import type { RuleStats } from '../../moderation/ports';
import { MOD_ACTION } from '../ids';
import { categoryLabel, formatDay, plural, statusLabel, t } from '../i18n';
import { channelMention, escapeText, link, quoteExcerpt, truncatePlain, userMention } from '../mrkdwn';
import { button, context, divider, header, linesToSections, plain, section } from './blocks';
import { SEVERITY_EMOJI } from './alert';
import { decisionActions, decisionLine, noteLine, reportLines } from './moderation';

/** A rule's weekly flag counts, oldest week first (the store's `RuleTrend`). */
export interface TrendLike {
  rule: string;
  weekly: readonly number[];
}

/** The queue's filter, as the moderator chose it. */
export interface QueueFilter {
  /** Absent: every status (like `all`). */
  status?: FlagStatus | 'all';
  category?: Category;
  rule?: string;
  channel?: string;
  /** YYYY-MM-DD */
  since?: string;
}

/** What the queue section shows. */
export interface ModeratorQueueInput {
  lang: Lang;
  /** One page of flags, in the order to show them (the first {@link MAX_QUEUE_FLAGS}). */
  flags: readonly Flag[];
  /** "This is a mistake" reports per flag id (the flag's own count otherwise). */
  reportsByFlag: ReadonlyMap<number, number>;
  filter: QueueFilter;
  /** Rule ids offered by the rule filter. */
  rules: readonly string[];
  hasNext: boolean;
  /** The cursor the "Next page" button carries. */
  nextCursor?: number;
  isFirstPage: boolean;
  stats: readonly RuleStats[];
  trend: readonly TrendLike[];
  /** Now (ms), for "today" / "yesterday". */
  now: number;
  /** IANA time zone for dates (the moderator's `tz`); UTC by default. */
  timeZone?: string;
  /** Name who made a member report (`<@U…>`) rather than "a member"; false by default. */
  showReporter?: boolean;
}

/** Flags shown per page. */
export const MAX_QUEUE_FLAGS = 10;
/** Rules listed under "Noisy rules". */
export const MAX_NOISY_RULES = 10;
/** Weeks the trend shows. */
export const TREND_WEEKS = 4;
/** Options a static select may hold (Slack: 100). */
const MAX_OPTIONS = 100;
const OPTION_TEXT_MAX = 75;
const OPTION_VALUE_MAX = 150;
const ALL = 'all';

/**
 * The review queue: header, filters (status, category, rule, channel, since; each showing the
 * current choice), per flag a section (severity, rule, category, channel, author, day, status,
 * masked excerpt, "this is a mistake" reports, a member's report and reason, the last decision
 * and note) and its decision buttons, paging, an empty state, then the noisy rules (counts,
 * false-positive rate, a sparkline of the weekly trend). At most 29 blocks for 10 flags.
 */
export function moderatorQueueBlocks(input: ModeratorQueueInput): KnownBlock[] {
  const { lang } = input;
  const blocks: KnownBlock[] = [divider(), header(t(lang, 'queue.header')), filterActions(input)];

  const flags = input.flags.slice(0, MAX_QUEUE_FLAGS);
  if (flags.length === 0) {
    blocks.push(section(isDefaultFilter(input.filter) ? t(lang, 'queue.empty') : t(lang, 'queue.empty.filtered')));
  }
  for (const flag of flags) {
    blocks.push(section(flagText(flag, input)));
    blocks.push(decisionActions([flag.id], lang));
  }

  const paging: ActionsBlockElement[] = [];
  if (!input.isFirstPage) paging.push(button(t(lang, 'queue.page.first'), MOD_ACTION.pageFirst, 'first'));
  if (input.hasNext && input.nextCursor !== undefined) {
    paging.push(button(t(lang, 'queue.page.next'), MOD_ACTION.pageNext, String(input.nextCursor)));
  }
  if (paging.length > 0) blocks.push({ type: 'actions', elements: paging });

  blocks.push(divider(), header(t(lang, 'queue.noisy.title')), ...noisyRules(input));
  return blocks;
}

/** The filters: three static selects, a channel picker and a date picker. */
function filterActions(input: ModeratorQueueInput): ActionsBlock {
  const { lang, filter } = input;

  const statusOptions = [...FLAG_STATUSES, ALL].map((status) =>
    option(status === ALL ? t(lang, 'status.all') : statusLabel(lang, status as FlagStatus), status),
  );
  const status = select(MOD_ACTION.filterStatus, t(lang, 'queue.filter.status'), statusOptions, filter.status ?? ALL);

  const categoryOptions = [
    option(t(lang, 'queue.filter.allCategories'), ALL),
    ...CATEGORIES.map((category) => option(categoryLabel(lang, category), category)),
  ];
  const category = select(MOD_ACTION.filterCategory, t(lang, 'queue.filter.category'), categoryOptions, filter.category ?? ALL);

  // The rule filtered on stays selectable even when the rule set no longer has it.
  const ruleIds = [...new Set([...(filter.rule !== undefined ? [filter.rule] : []), ...input.rules])]
    .filter((rule) => rule !== '' && rule !== ALL && rule.length <= OPTION_VALUE_MAX)
    .slice(0, MAX_OPTIONS - 1);
  const ruleOptions = [option(t(lang, 'queue.filter.allRules'), ALL), ...ruleIds.map((rule) => option(rule, rule))];
  const rule = select(MOD_ACTION.filterRule, t(lang, 'queue.filter.rule'), ruleOptions, filter.rule ?? ALL);

  const channel: ConversationsSelect = {
    type: 'conversations_select',
    action_id: MOD_ACTION.filterChannel,
    placeholder: plain(t(lang, 'queue.filter.channel'), 150),
    filter: { include: ['public', 'private'], exclude_bot_users: true },
  };
  if (filter.channel !== undefined && /^[CG][A-Z0-9]{2,20}$/.test(filter.channel)) channel.initial_conversation = filter.channel;

  const since: Datepicker = {
    type: 'datepicker',
    action_id: MOD_ACTION.filterSince,
    placeholder: plain(t(lang, 'queue.filter.since'), 150),
  };
  if (filter.since !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(filter.since)) since.initial_date = filter.since;

  return { type: 'actions', elements: [status, category, rule, channel, since] };
}

function option(text: string, value: string): PlainTextOption {
  return { text: plain(text, OPTION_TEXT_MAX), value: value.slice(0, OPTION_VALUE_MAX) };
}

/** A static select whose initial option is the one valued `selected` (the first when none is). */
function select(actionId: string, placeholder: string, options: PlainTextOption[], selected: string): StaticSelect {
  const initial = options.find((o) => o.value === selected) ?? options[0];
  const element: StaticSelect = {
    type: 'static_select',
    action_id: actionId,
    placeholder: plain(placeholder, 150),
    options,
  };
  if (initial !== undefined) element.initial_option = initial;
  return element;
}

function isDefaultFilter(filter: QueueFilter): boolean {
  return (
    (filter.status === undefined || filter.status === 'open' || filter.status === ALL) &&
    filter.category === undefined &&
    filter.rule === undefined &&
    filter.channel === undefined &&
    filter.since === undefined
  );
}

/**
 * `🟠 `insult` · Insulte · <#C…> · <@U…> · aujourd’hui · _À revoir_`, the masked excerpt,
 * reports, a member's report, the last decision and note, and the link to the message.
 */
function flagText(flag: Flag, input: ModeratorQueueInput): string {
  const { lang } = input;
  const lines = [
    [
      `${SEVERITY_EMOJI[flag.severity]} \`${escapeText(flag.rule.replace(/`/g, 'ˋ'))}\``,
      categoryLabel(lang, flag.category),
      channelMention(flag.channel, flag.channelName, t(lang, 'common.thisChannel')),
      userMention(flag.author),
      formatDay(lang, flag.createdAt, input.now, input.timeZone),
      `_${statusLabel(lang, flag.status)}_`,
    ].join(' · '),
  ];
  const excerpt = quoteExcerpt(flag.excerpt);
  if (excerpt !== '') lines.push(t(lang, 'reminder.excerpt', { excerpt }));
  const reports = input.reportsByFlag.get(flag.id) ?? flag.reports;
  if (reports > 0) lines.push(t(lang, 'queue.reports', { count: reports }));
  lines.push(...reportLines(flag, lang, input.showReporter ?? false));
  if (flag.handledBy !== undefined && flag.handledAt !== undefined && flag.status !== 'open') {
    lines.push(decisionLine({ status: flag.status, by: flag.handledBy, at: flag.handledAt }, lang, input.timeZone));
  }
  const note = noteLine(flag.note, lang);
  if (note !== '') lines.push(note);
  if (flag.permalink !== undefined) lines.push(link(flag.permalink, t(lang, 'common.viewMessage')));
  return lines.join('\n');
}

/** One line per rule, the noisiest first; an empty state; how many rules are left out. */
function noisyRules(input: ModeratorQueueInput): KnownBlock[] {
  const { lang } = input;
  const stats = [...input.stats].filter((s) => s.flags > 0).sort((a, b) => b.flags - a.flags || a.rule.localeCompare(b.rule));
  if (stats.length === 0) return [section(t(lang, 'queue.noisy.empty'))];
  const trends = new Map(input.trend.map((trend) => [trend.rule, trend.weekly] as const));
  const lines = stats.slice(0, MAX_NOISY_RULES).map((s) => {
    const parts = [
      plural(lang, 'queue.noisy.flags', s.flags),
      plural(lang, 'queue.noisy.confirmed', s.confirmed),
      plural(lang, 'queue.noisy.dismissed', s.dismissed),
      t(lang, 'queue.noisy.rate', { rate: percent(lang, s.falsePositiveRate) }),
    ];
    const weekly = trends.get(s.rule);
    if (weekly !== undefined && weekly.length > 0) {
      const last = weekly.slice(-TREND_WEEKS);
      parts.push(t(lang, 'queue.noisy.trend', { trend: `${sparkline(last)} (${last.join(', ')})` }));
    }
    return `• \`${escapeText(truncatePlain(s.rule.replace(/`/g, 'ˋ'), 80))}\` — ${parts.join(' · ')}`;
  });
  const blocks: KnownBlock[] = [context(t(lang, 'queue.noisy.intro')), ...linesToSections(lines)];
  if (stats.length > MAX_NOISY_RULES) {
    blocks.push(context(t(lang, 'queue.noisy.more', { shown: MAX_NOISY_RULES, total: stats.length })));
  }
  return blocks;
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A sparkline scaled to the largest value: the largest is `█`, zero is `▁`, any other positive
 * value at least `▂`. All zeros (or nothing): all `▁`.
 *
 * @example sparkline([0, 1, 2, 4]) === '▁▃▅█'
 */
export function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values.map((v) => (Number.isFinite(v) ? v : 0)));
  return values
    .map((value) => {
      if (max <= 0 || !(value > 0)) return BARS.charAt(0);
      const level = Math.max(1, Math.round((Math.min(value, max) / max) * (BARS.length - 1)));
      return BARS.charAt(level);
    })
    .join('');
}

/** `17 %` in French, `17%` in English; `—` when there is no rate yet. */
function percent(lang: Lang, rate: number | undefined): string {
  if (rate === undefined || !Number.isFinite(rate)) return '—';
  const value = Math.round(rate * 100);
  return lang === 'fr' ? `${value}\u00a0%` : `${value}%`;
}
