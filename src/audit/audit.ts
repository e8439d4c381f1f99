/**
 * The audit: runs one rule set (and optionally a draft) over an export's messages, once, as a
 * stream, and counts what would have fired. Pure apart from reading the source.
 *
 * Memory stays bounded whatever the export's size: counters per rule, category and channel, a
 * few distinct masked excerpts per rule, and for the cooldown the reminder times per rule and
 * author (at most one per day of the export). No message text is kept: samples are the
 * findings' excerpts, which the engine has already masked for data leaks.
 *
 * What is skipped is what the bot skips in Slack (see `src/slack/message-events.ts`): direct
 * and group messages, bot and app messages, system subtypes (joins, topics, …), messages
 * without an author, and messages with no text. `thread_broadcast`, `file_share` and
 * `me_message` are checked. An edited message is checked once, in its last version.
 */
import { evaluate } from '../engine/evaluate';
import type { CompiledRule, RuleSet } from '../engine/rule';
import type { Action, Category, ChannelContext, ChatMessage } from '../engine/types';
import type { AuditReport, AuditResult, ExportChannel, ExportMessage, ExportProgress, ExportSource, RuleAuditLine } from './model';

/** A rule set and what to call it in the report (a directory, a version). */
export interface NamedRuleSet {
  name: string;
  ruleSet: RuleSet;
}

/** The rule sets to audit: the live one, and a draft to compare with it. */
export interface AuditRuleSets {
  live: NamedRuleSet;
  draft?: NamedRuleSet;
}

/** Options of {@link runAudit}. */
export interface AuditOptions {
  /** Passed to the source, for a progress bar. */
  onProgress?: (progress: ExportProgress) => void;
  /** The clock (ms since the epoch), for `generatedAt` and the timing. Default `Date.now`. */
  now?: () => number;
  /** Distinct masked excerpts kept per rule (default 3). */
  samplesPerRule?: number;
  /** Channels listed per rule (default 3). */
  topChannelsPerRule?: number;
}

/** The bot's cooldown: at most one reminder per rule per author in this window (DEFAULT_POLICY). */
export const AUDIT_COOLDOWN_MS = 24 * 3_600_000;

const DAY_MS = 86_400_000;

/** The subtypes whose text a person wrote (as in `src/slack/message-events.ts`). */
const CHECKED_SUBTYPES: ReadonlySet<string | undefined> = new Set([undefined, '', 'thread_broadcast', 'file_share', 'me_message']);

const NON_BLANK = /\S/;

/**
 * Audits an export: reads `source.messages()` once and returns the report.
 *
 * Rates are per 1,000 messages scanned. Reminders per day simulate the bot's cooldown (one
 * reminder per rule per author per 24 h, by message time) over the days the export spans;
 * alerts per day count messages that alert moderators (`flag`, `nudge+flag`; no cooldown).
 *
 * @example
 * const report = await runAudit(await openExport('export.zip'), { live: { name: 'rules/', ruleSet } });
 * report.live.rules[0] // the noisiest rule
 */
export async function runAudit(source: ExportSource, ruleSets: AuditRuleSets, options: AuditOptions = {}): Promise<AuditReport> {
  const now = options.now ?? Date.now;
  const started = now();
  const samplesPerRule = Math.max(0, options.samplesPerRule ?? 3);
  const live = new Tally(ruleSets.live, samplesPerRule);
  const draft = ruleSets.draft === undefined ? undefined : new Tally(ruleSets.draft, samplesPerRule);
  const skipped = { bots: 0, directMessages: 0, system: 0, empty: 0 };
  let scanned = 0;
  let firstMs = Infinity;
  let lastMs = -Infinity;

  let lastChannel: ExportChannel | undefined;
  let context: ChannelContext = {};
  const contexts = new Map<string, ChannelContext>();

  for await (const message of source.messages(options.onProgress)) {
    const ms = Number(message.ts) * 1000;
    if (ms === ms) {
      // not NaN
      if (ms < firstMs) firstMs = ms;
      if (ms > lastMs) lastMs = ms;
    }
    const skip = skipReason(message);
    if (skip !== undefined) {
      skipped[skip]++;
      continue;
    }
    const channel = message.channel;
    if (channel !== lastChannel) {
      lastChannel = channel;
      let known = contexts.get(channel.id);
      if (known === undefined) {
        known = { name: channel.name, private: channel.private, external: channel.external };
        contexts.set(channel.id, known);
      }
      context = known;
    }
    scanned++;
    const chat: ChatMessage =
      message.lang === undefined
        ? { text: message.text, channel: context, user: message.user as string }
        : { text: message.text, channel: context, user: message.user as string, lang: message.lang };
    live.add(chat, channel, ms, scanned);
    draft?.add(chat, channel, ms, scanned);
  }

  const hasDays = firstMs <= lastMs;
  const days = hasDays ? Math.floor(lastMs / DAY_MS) - Math.floor(firstMs / DAY_MS) + 1 : 0;
  const topChannels = Math.max(0, options.topChannelsPerRule ?? 3);
  const ended = now();
  const seconds = Math.max(0, (ended - started) / 1000);
  const read = scanned + skipped.bots + skipped.directMessages + skipped.system + skipped.empty;
  return {
    export: source.name,
    generatedAt: ended,
    scanned,
    skipped,
    ...(hasDays ? { firstDay: isoDay(firstMs), lastDay: isoDay(lastMs) } : {}),
    days,
    live: live.result(scanned, days, topChannels),
    ...(draft === undefined ? {} : { draft: draft.result(scanned, days, topChannels) }),
    problems: source.problems().map((problem) => ({ file: problem.file, message: problem.message })),
    seconds: round(seconds, 3),
    messagesPerSecond: seconds > 0 ? Math.round(read / seconds) : 0,
  };
}

/** Why the bot would leave a message alone, or `undefined` when it checks it (same order as the bot). */
export function skipReason(message: ExportMessage): keyof AuditReport['skipped'] | undefined {
  const kind = message.channel.kind;
  if (kind === 'dm' || kind === 'mpim') return 'directMessages';
  const subtype = message.subtype;
  if (!CHECKED_SUBTYPES.has(subtype)) return subtype === 'bot_message' ? 'bots' : 'system';
  if (message.botId !== undefined && message.botId !== '') return 'bots';
  // No author: what Slack exports for integrations and some system messages; the bot drops them.
  if (message.user === undefined || message.user === '') return 'system';
  if (message.text.length === 0 || !NON_BLANK.test(message.text)) return 'empty';
  return undefined;
}

/** One channel's counters for one rule set. */
interface ChannelTally {
  name: string;
  scanned: number;
  flagged: number;
  /** Messages per rule, by rule index. */
  ruleHits: Uint32Array;
}

/** The counters of one rule set. */
class Tally {
  private readonly rules: readonly CompiledRule[];
  private readonly ruleIndex = new Map<string, number>();
  private readonly ruleMessages: Uint32Array;
  private readonly ruleReminders: Uint32Array;
  /** The last message (its sequence number) each rule was counted in: one count per message. */
  private readonly ruleSeen: Float64Array;
  private readonly samples: Array<Set<string>>;
  /** Per rule: author → reminder times (ms, sorted), for the cooldown. */
  private readonly reminded: Array<Map<string, number[]>>;
  private readonly nudges: Uint8Array;
  private readonly alerts: Uint8Array;
  private readonly categories: Category[] = [];
  private readonly ruleCategory: Uint16Array;
  private readonly categoryMessages: number[] = [];
  private readonly categorySeen: number[] = [];
  private readonly channels = new Map<string, ChannelTally>();
  private lastChannel: ExportChannel | undefined;
  private channel: ChannelTally | undefined;
  private flagged = 0;
  private reminders = 0;
  private alertMessages = 0;

  constructor(
    private readonly named: NamedRuleSet,
    private readonly samplesPerRule: number,
  ) {
    this.rules = named.ruleSet.rules;
    const count = this.rules.length;
    this.ruleMessages = new Uint32Array(count);
    this.ruleReminders = new Uint32Array(count);
    this.ruleSeen = new Float64Array(count);
    this.nudges = new Uint8Array(count);
    this.alerts = new Uint8Array(count);
    this.ruleCategory = new Uint16Array(count);
    this.samples = [];
    this.reminded = [];
    this.rules.forEach((rule, i) => {
      if (!this.ruleIndex.has(rule.id)) this.ruleIndex.set(rule.id, i);
      this.samples.push(new Set());
      this.reminded.push(new Map());
      this.nudges[i] = wantsNudge(rule.action) ? 1 : 0;
      this.alerts[i] = wantsAlert(rule.action) ? 1 : 0;
      let category = this.categories.indexOf(rule.category);
      if (category < 0) {
        category = this.categories.push(rule.category) - 1;
        this.categoryMessages.push(0);
        this.categorySeen.push(0);
      }
      this.ruleCategory[i] = category;
    });
  }

  /** Evaluates one message (`seq` numbers it, from 1) and counts its findings. */
  add(chat: ChatMessage, source: ExportChannel, ms: number, seq: number): void {
    if (source !== this.lastChannel || this.channel === undefined) {
      this.lastChannel = source;
      let known = this.channels.get(source.id);
      if (known === undefined) {
        known = { name: source.name, scanned: 0, flagged: 0, ruleHits: new Uint32Array(this.rules.length) };
        this.channels.set(source.id, known);
      }
      this.channel = known;
    }
    const channel = this.channel;
    channel.scanned++;
    const findings = evaluate(chat, this.named.ruleSet).findings;
    if (findings.length === 0) return;
    this.flagged++;
    channel.flagged++;
    let nudged = false;
    let alerted = false;
    for (const finding of findings) {
      const i = this.ruleIndex.get(finding.rule);
      if (i === undefined || this.ruleSeen[i] === seq) continue;
      this.ruleSeen[i] = seq;
      this.ruleMessages[i]!++;
      channel.ruleHits[i]!++;
      const samples = this.samples[i] as Set<string>;
      if (samples.size < this.samplesPerRule && finding.excerpt !== '') samples.add(finding.excerpt);
      const category = this.ruleCategory[i] as number;
      if (this.categorySeen[category] !== seq) {
        this.categorySeen[category] = seq;
        this.categoryMessages[category]!++;
      }
      if (this.nudges[i] === 1 && remind(this.reminded[i] as Map<string, number[]>, chat.user as string, ms)) {
        this.ruleReminders[i]!++;
        nudged = true;
      }
      if (this.alerts[i] === 1) alerted = true;
    }
    // One reminder and at most one alert per message, listing every finding (as the bot).
    if (nudged) this.reminders++;
    if (alerted) this.alertMessages++;
  }

  /** The results, rules noisiest first. */
  result(scanned: number, days: number, topChannels: number): AuditResult {
    const perDay = Math.max(days, 1);
    const channels = [...this.channels.values()];
    const rules: RuleAuditLine[] = this.rules.map((rule, i) => {
      const messages = this.ruleMessages[i] as number;
      return {
        rule: rule.id,
        category: rule.category,
        severity: rule.severity,
        action: rule.action,
        messages,
        ratePer1000: rate(messages, scanned),
        remindersPerDay: round((this.ruleReminders[i] as number) / perDay, 4),
        topChannels: channels
          .filter((channel) => (channel.ruleHits[i] as number) > 0)
          .map((channel) => ({ channel: channel.name, messages: channel.ruleHits[i] as number }))
          .sort((a, b) => b.messages - a.messages || compareText(a.channel, b.channel))
          .slice(0, topChannels),
        samples: [...(this.samples[i] as Set<string>)],
      };
    });
    rules.sort((a, b) => b.messages - a.messages || b.remindersPerDay - a.remindersPerDay || compareText(a.rule, b.rule));
    const categories = this.categories
      .map((category, i) => {
        const messages = this.categoryMessages[i] as number;
        return { category, messages, ratePer1000: rate(messages, scanned) };
      })
      .sort((a, b) => b.messages - a.messages || compareText(a.category, b.category));
    return {
      rulesName: this.named.name,
      rules,
      categories,
      channels: channels
        .map((channel) => ({ channel: channel.name, scanned: channel.scanned, flagged: channel.flagged }))
        .sort((a, b) => b.flagged - a.flagged || b.scanned - a.scanned || compareText(a.channel, b.channel)),
      flaggedMessages: this.flagged,
      remindersPerDay: round(this.reminders / perDay, 4),
      alertsPerDay: round(this.alertMessages / perDay, 4),
    };
  }
}

/**
 * The cooldown: whether a hit at `ms` by `user` gets a reminder, given the reminders already
 * sent for this rule (sorted times). Exact for messages in time order, as the bot sees them;
 * an export is read channel by channel, so a hit is reminded when no reminder is within 24 h
 * of it either way. A message without a time is always reminded.
 */
function remind(reminded: Map<string, number[]>, user: string, ms: number): boolean {
  if (ms !== ms) return true;
  const times = reminded.get(user);
  if (times === undefined) {
    reminded.set(user, [ms]);
    return true;
  }
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((times[mid] as number) < ms) low = mid + 1;
    else high = mid;
  }
  if (low < times.length && (times[low] as number) - ms < AUDIT_COOLDOWN_MS) return false;
  if (low > 0 && ms - (times[low - 1] as number) < AUDIT_COOLDOWN_MS) return false;
  times.splice(low, 0, ms);
  return true;
}

function wantsNudge(action: Action): boolean {
  return action === 'nudge' || action === 'nudge+flag';
}

function wantsAlert(action: Action): boolean {
  return action === 'flag' || action === 'nudge+flag';
}

function rate(count: number, scanned: number): number {
  return scanned === 0 ? 0 : round((count * 1000) / scanned, 4);
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
