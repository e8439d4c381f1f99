/**
 * `handleMessage`: the use case every channel message goes through.
 *
 * Evaluate (the rule set applies channel scope and exemptions), then, when the message breaks a
 * rule or is an edit of one that may have, let the store record everything in one transaction:
 * the event as processed, the flags, and the reminders and alerts to deliver (the outbox).
 * Nothing is sent here: the relay delivers the outbox.
 */
import { evaluate } from '../engine/evaluate';
import type { ChatMessage, Lang, Verdict } from '../engine/types';
import type { Logger } from './logger';
import { decideOutcome, DEFAULT_POLICY, firstFindingPerRule, KindnessPolicy } from './policy';
import type { Clock, ModerationStore, PriorQuery, RecordedMessage, RuleSource } from './ports';
import { SYSTEM_CLOCK } from './ports';

/** A channel message as the Slack layer hands it over. */
export interface IncomingMessage {
  /** Slack's `event_id`: the same event delivered again is not processed again. */
  eventId: string;
  channel: {
    id: string;
    name?: string;
    private?: boolean;
    /** Shared with another company (Slack Connect). */
    external?: boolean;
  };
  /** The author's Slack user id. */
  author: string;
  /** The message's ts (for an edit: the edited message's ts). */
  ts: string;
  threadTs?: string;
  /** The text as Slack delivers it. Never stored, never logged. */
  text: string;
  /** The message is an edit (`message_changed`) of one already seen. */
  edited?: boolean;
  permalink?: string;
  /** The author's locale (their Slack language), when already known. */
  locale?: Lang;
  /**
   * Looks the author up, only when the message needs it: it breaks a rule (the reminder speaks
   * their language; a bot's message is not moderated), it is an edit, or its language was unclear
   * and the author's locale decides it. Most messages need no lookup at all. Without it, `locale`
   * is all there is and the author counts as a person.
   */
  lookUpAuthor?: () => Promise<AuthorFacts>;
}

/** What the Slack layer knows of an author. */
export interface AuthorFacts {
  /** Their Slack language, when their profile has one. */
  locale?: Lang;
  /** A bot user (an app posting as a user): its messages are not moderated. */
  isBot: boolean;
}

/** What happened to a message, for the caller and for logs (ids and counts only). */
export interface HandleResult {
  /** Rules the message breaks. */
  rules: string[];
  duplicateEvent: boolean;
  flagsCreated: number;
  flagsUpdated: number;
  flagsResolved: number;
  /** Reminders and alerts queued. */
  queued: number;
  /** Rules whose detector failed on this message. */
  failedRules: string[];
  /** The author turned out to be a bot: nothing was recorded. */
  botAuthor?: true;
}

/** What `createMessageHandler` needs. */
export interface MessageHandlerDeps {
  store: ModerationStore;
  rules: RuleSource;
  policy?: KindnessPolicy;
  clock?: Clock;
  logger?: Logger;
  /** Called after deliveries were queued, e.g. to wake the relay. */
  onQueued?: () => void;
}

/** A function handling one incoming message. */
export type MessageHandler = (message: IncomingMessage) => Promise<HandleResult>;

/** Builds `handleMessage` over its ports. */
export function createMessageHandler(deps: MessageHandlerDeps): MessageHandler {
  const policy = deps.policy ?? DEFAULT_POLICY;
  const clock = deps.clock ?? SYSTEM_CLOCK;
  return async function handleMessage(message: IncomingMessage): Promise<HandleResult> {
    const ruleSet = deps.rules.current();
    let locale = message.locale;
    let verdict = evaluate(chatMessage(message, locale), ruleSet);
    if (locale === undefined && message.lookUpAuthor !== undefined && needsAuthor(verdict, message)) {
      const author = await message.lookUpAuthor();
      if (author.isBot) return botAuthorResult();
      locale = author.locale;
      // The language came from the default and the author's own differs: judge it again.
      if (verdict.localeMattered && locale !== undefined && locale !== ruleSet.defaultLang) {
        verdict = evaluate(chatMessage(message, locale), ruleSet);
      }
    }
    const failedRules = verdict.errors.map((e) => e.rule);
    if (failedRules.length > 0) {
      deps.logger?.warn({ eventId: message.eventId, rules: failedRules }, 'rules failed on a message');
    }
    const byRule = firstFindingPerRule(verdict.findings);
    const rules = [...byRule.keys()];
    const result: HandleResult = {
      rules,
      duplicateEvent: false,
      flagsCreated: 0,
      flagsUpdated: 0,
      flagsResolved: 0,
      queued: 0,
      failedRules,
    };
    // A clean new message leaves no trace: only findings, or an edit that may resolve one, are recorded.
    if (byRule.size === 0 && message.edited !== true) return result;

    const now = clock.now();
    const recorded = recordedMessage(message);
    const query: PriorQuery = {
      eventId: message.eventId,
      message: recorded,
      rules,
      // No cooldown: a window that starts after now holds no earlier reminder.
      cooldownSince: policy.cooldownMs > 0 ? now - policy.cooldownMs : now + 1,
    };
    if (policy.ladder !== undefined) {
      query.ladder = { categories: policy.ladder.categories, since: now - policy.ladder.windowMs };
    }
    const lang = locale ?? verdict.lang;
    const stored = await deps.store.recordMessage(query, now, (prior) =>
      decideOutcome(byRule, prior, policy, { message: recorded, lang }),
    );
    result.duplicateEvent = stored.duplicateEvent;
    result.flagsCreated = stored.created.length;
    result.flagsUpdated = stored.updated;
    result.flagsResolved = stored.resolved;
    result.queued = stored.queued.length;
    if (stored.queued.length > 0) deps.onQueued?.();
    deps.logger?.info(
      {
        eventId: message.eventId,
        channel: message.channel.id,
        rules,
        created: result.flagsCreated,
        updated: result.flagsUpdated,
        resolved: result.flagsResolved,
        queued: result.queued,
        duplicate: result.duplicateEvent,
      },
      'message recorded',
    );
    return result;
  };
}

/** What the engine reads of an incoming message. */
function chatMessage(message: IncomingMessage, locale: Lang | undefined): ChatMessage {
  return {
    text: message.text,
    channel: message.channel,
    user: message.author,
    ...(locale !== undefined ? { lang: locale } : {}),
  };
}

/** Whether the author must be known: the message breaks a rule, is an edit, or its language was unclear. */
function needsAuthor(verdict: Verdict, message: IncomingMessage): boolean {
  return verdict.findings.length > 0 || message.edited === true || verdict.localeMattered;
}

function botAuthorResult(): HandleResult {
  return {
    rules: [],
    duplicateEvent: false,
    flagsCreated: 0,
    flagsUpdated: 0,
    flagsResolved: 0,
    queued: 0,
    failedRules: [],
    botAuthor: true,
  };
}

function recordedMessage(message: IncomingMessage): RecordedMessage {
  const recorded: RecordedMessage = { channel: message.channel.id, ts: message.ts, author: message.author };
  if (message.channel.name !== undefined) recorded.channelName = message.channel.name;
  if (message.threadTs !== undefined) recorded.threadTs = message.threadTs;
  if (message.permalink !== undefined) recorded.permalink = message.permalink;
  return recorded;
}
