/**
 * The ModerationStore contract: the behaviour every adapter (SQLite today, PostgreSQL later)
 * must show. An adapter's test file calls {@link describeModerationStoreContract} with a factory
 * giving a fresh, empty store.
 *
 * Choices this contract fixes for every adapter:
 * - a duplicate event id returns `duplicateEvent: true` WITHOUT calling `decide`, and writes nothing;
 * - a delivery naming a rule with no flag on the message rejects the whole record (nothing written);
 * - an update of a `resolved` flag (an edit that breaks the rule again) reopens it;
 * - acknowledging a charter version twice keeps the first time;
 * - a member report (rule `member-report`) keeps its first reporter and their words when the
 *   same message is reported again (one flag per message and rule);
 * - erasing a person clears their id and words from the member reports they made on others'
 *   messages (flags kept, counted in `reportsAsReporter`, absent when 0) and from the payloads of
 *   the cards about them; member reports about the person are their flags, removed as before;
 * - `ruleTrend` windows are `(now - (k+1)·7 days, now - k·7 days]`: a flag exactly 7 days old
 *   is in the previous window, one at `now` in the latest;
 * - `alertMessageOf` picks the alert sent last (by `sentAt`), skipping digest receipts.
 */
import type { Category } from '../../src/engine/types';
import type { DeliveryPayload, Flag, NewDelivery, NewFlag } from '../../src/moderation/model';
import type {
  MessageOutcome,
  ModerationStore,
  PriorQuery,
  PriorState,
  RecordedMessage,
  RecordResult,
} from '../../src/moderation/ports';

/** A fresh, empty store, and how to dispose of it. */
export type StoreFactory = () => Promise<{ store: ModerationStore; cleanup(): Promise<void> }>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** 2024-11-28T10:40:00Z, the time of message ts 1732790400.000100. */
const T0 = 1_732_790_400_000;

const CHANNEL = 'C0123ABCD';
const OTHER_CHANNEL = 'C0987ZYXW';
const AUTHOR = 'U0456EFGH';
const OTHER_AUTHOR = 'U0789IJKL';
const MODERATOR = 'U0MOD4242';
const REPORTER = 'U0REP7777';
const WEEK = 7 * DAY;
const TS = '1732790400.000100';

const CATEGORY_OF: Record<string, Category> = {
  profanity: 'profanity',
  insult: 'insult',
  shouting: 'shouting',
  secret: 'secret',
  'profanity-mild': 'profanity',
};

/** Message ts `n` seconds after {@link TS}. */
function tsAt(n: number): string {
  return `${1_732_790_400 + n}.000100`;
}

function message(overrides: Partial<RecordedMessage> = {}): RecordedMessage {
  return {
    channel: CHANNEL,
    channelName: 'projet-atlas',
    ts: TS,
    threadTs: '1732790000.000200',
    permalink: `https://acme.slack.com/archives/${CHANNEL}/p1732790400000100`,
    author: AUTHOR,
    ...overrides,
  };
}

function newFlag(rule: string, overrides: Partial<NewFlag> = {}): NewFlag {
  return {
    rule,
    category: CATEGORY_OF[rule] ?? 'custom',
    severity: 'medium',
    action: 'nudge',
    article: 'courtesy-language',
    excerpt: `« ${rule} ••• »`,
    nudged: true,
    alerted: false,
    ...overrides,
  };
}

function payload(msg: RecordedMessage, rules: readonly string[]): DeliveryPayload {
  return {
    user: msg.author,
    channel: msg.channel,
    messageTs: msg.ts,
    lang: 'fr',
    findings: rules.map((rule) => ({
      flagRule: rule,
      category: CATEGORY_OF[rule] ?? 'custom',
      severity: 'medium',
      article: 'courtesy-language',
      excerpt: `« ${rule} ••• »`,
      explanation: { fr: 'Gardez le ton d’un e-mail.', en: 'Keep the tone of an e-mail.' },
    })),
  };
}

function delivery(kind: NewDelivery['kind'], msg: RecordedMessage, rules: string[]): NewDelivery {
  return { kind, rules, payload: payload(msg, rules) };
}

let eventSequence = 0;
function nextEventId(): string {
  eventSequence++;
  return `Ev0${String(eventSequence).padStart(8, '0')}`;
}

/** One call of recordMessage: the query's parts and the outcome `decide` returns. */
interface RecordInput {
  message?: RecordedMessage;
  eventId?: string;
  at?: number;
  rules?: string[];
  cooldownSince?: number;
  ladder?: PriorQuery['ladder'];
  outcome?: Partial<MessageOutcome> | ((prior: PriorState) => Partial<MessageOutcome>);
}

interface Recorded {
  result: RecordResult;
  /** What `decide` saw, when it was called. */
  prior: PriorState | undefined;
  calls: number;
}

async function record(store: ModerationStore, input: RecordInput = {}): Promise<Recorded> {
  const at = input.at ?? T0;
  const query: PriorQuery = {
    eventId: input.eventId ?? nextEventId(),
    message: input.message ?? message(),
    rules: input.rules ?? [],
    cooldownSince: input.cooldownSince ?? at - HOUR,
  };
  if (input.ladder !== undefined) query.ladder = input.ladder;
  let prior: PriorState | undefined;
  let calls = 0;
  const result = await store.recordMessage(query, at, (seen) => {
    prior = seen;
    calls++;
    const chosen = typeof input.outcome === 'function' ? input.outcome(seen) : (input.outcome ?? {});
    return { create: [], update: [], resolve: [], deliveries: [], ...chosen };
  });
  return { result, prior, calls };
}

/** Records `rules` as new flags on `msg` (nudged unless said otherwise), with one nudge delivery. */
async function raise(
  store: ModerationStore,
  rules: string[],
  options: { message?: RecordedMessage; at?: number; flag?: Partial<NewFlag>; deliver?: boolean } = {},
): Promise<RecordResult> {
  const msg = options.message ?? message();
  const outcome: Partial<MessageOutcome> = { create: rules.map((rule) => newFlag(rule, options.flag)) };
  if (options.deliver === true) outcome.deliveries = [delivery('nudge', msg, rules)];
  const input: RecordInput = { message: msg, rules, outcome };
  if (options.at !== undefined) input.at = options.at;
  return (await record(store, input)).result;
}

async function allFlags(store: ModerationStore): Promise<Flag[]> {
  return (await store.listFlags({ includeShadow: true }, { limit: 1000 })).items;
}

/** Defines the contract suite for the adapter `name`. */
export function describeModerationStoreContract(name: string, makeStore: StoreFactory): void {
  describe(`ModerationStore contract: ${name}`, () => {
    let store: ModerationStore;
    let cleanup: () => Promise<void>;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore());
    });

    afterEach(async () => {
      await cleanup();
    });

    describeRecordMessage(() => store);
    describeOutbox(() => store);
    describeListFlags(() => store);
    describeReview(() => store);
    describeReportsAndAcknowledgements(() => store);
    describeAudit(() => store);
    describeRetention(() => store);
    describeMemberReports(() => store);
    describeModeratorsViews(() => store);
  });
}

function describeRecordMessage(get: () => ModerationStore): void {
  describe('recordMessage', () => {
    it('creates flags with the message, in the order of create, open and timed at `at`', async () => {
      const store = get();
      const { result, calls } = await record(store, {
        rules: ['insult', 'profanity'],
        at: T0 + 5,
        outcome: {
          create: [
            newFlag('insult', { severity: 'high', action: 'nudge+flag', alerted: true, alertReason: 'rule' }),
            newFlag('profanity'),
          ],
        },
      });
      expect(calls).toBe(1);
      expect(result.duplicateEvent).toBe(false);
      expect(result.created).toHaveLength(2);
      expect(result).toMatchObject({ updated: 0, resolved: 0, queued: [] });
      const insult = await store.getFlag(result.created[0]!);
      expect(insult).toEqual({
        id: result.created[0],
        rule: 'insult',
        category: 'insult',
        severity: 'high',
        action: 'nudge+flag',
        article: 'courtesy-language',
        channel: CHANNEL,
        channelName: 'projet-atlas',
        author: AUTHOR,
        messageTs: TS,
        threadTs: '1732790000.000200',
        permalink: `https://acme.slack.com/archives/${CHANNEL}/p1732790400000100`,
        excerpt: '« insult ••• »',
        status: 'open',
        nudged: true,
        alerted: true,
        alertReason: 'rule',
        createdAt: T0 + 5,
        updatedAt: T0 + 5,
        reports: 0,
      });
      expect((await store.getFlag(result.created[1]!))?.rule).toBe('profanity');
      expect(await store.getFlag(result.created[1]! + 1000)).toBeUndefined();
    });

    it('leaves optional message fields out when the message has none', async () => {
      const store = get();
      const bare: RecordedMessage = { channel: CHANNEL, ts: TS, author: AUTHOR };
      const [id] = await raise(store, ['profanity'], { message: bare }).then((r) => r.created);
      const flag = await store.getFlag(id!);
      expect(flag).toBeDefined();
      expect(flag).not.toHaveProperty('channelName');
      expect(flag).not.toHaveProperty('threadTs');
      expect(flag).not.toHaveProperty('permalink');
      expect(flag).not.toHaveProperty('alertReason');
      expect(flag).not.toHaveProperty('reportedBy');
      expect(flag).not.toHaveProperty('reportReason');
      expect(flag).not.toHaveProperty('handledBy');
      expect(flag).not.toHaveProperty('note');
    });

    it('processes an event id once: a retry does not call decide and writes nothing', async () => {
      const store = get();
      const eventId = 'Ev0ABCDEF12';
      const first = await record(store, {
        eventId,
        rules: ['profanity'],
        outcome: { create: [newFlag('profanity')], deliveries: [delivery('nudge', message(), ['profanity'])] },
      });
      expect(first.result.created).toHaveLength(1);

      const retry = await record(store, {
        eventId,
        message: message({ ts: tsAt(60) }),
        rules: ['insult'],
        outcome: { create: [newFlag('insult')], deliveries: [delivery('nudge', message(), ['insult'])] },
      });
      expect(retry.calls).toBe(0);
      expect(retry.result).toEqual({ duplicateEvent: true, created: [], updated: 0, resolved: 0, queued: [] });
      expect((await allFlags(store)).map((f) => f.rule)).toEqual(['profanity']);
      expect((await store.listDeliveries({}, { limit: 10 })).items).toHaveLength(1);
    });

    it('writes nothing, not even the event, when decide throws', async () => {
      const store = get();
      const eventId = 'Ev0THROWS01';
      await expect(
        record(store, {
          eventId,
          outcome: () => {
            throw new Error('policy bug');
          },
        }),
      ).rejects.toThrow('policy bug');
      const again = await record(store, { eventId, outcome: { create: [newFlag('profanity')] } });
      expect(again.calls).toBe(1);
      expect(again.result.created).toHaveLength(1);
    });

    it('shows decide the flags already recorded for the message, by rule (an edit)', async () => {
      const store = get();
      const first = await raise(store, ['profanity', 'insult'], { flag: { alerted: true, alertReason: 'rule' } });
      const edit = await record(store, { rules: ['profanity'], at: T0 + MINUTE });
      const existing = edit.prior!.existing;
      expect([...existing.keys()].sort()).toEqual(['insult', 'profanity']);
      expect(existing.get('profanity')).toEqual({
        id: first.created[0],
        rule: 'profanity',
        status: 'open',
        excerpt: '« profanity ••• »',
        nudged: true,
        alerted: true,
      });

      const otherMessage = await record(store, { message: message({ ts: tsAt(1) }) });
      expect(otherMessage.prior!.existing.size).toBe(0);
      const otherChannel = await record(store, { message: message({ channel: OTHER_CHANNEL }) });
      expect(otherChannel.prior!.existing.size).toBe(0);
    });

    it('never keeps two flags for the same message and rule: a second create updates the first', async () => {
      const store = get();
      const first = await raise(store, ['profanity']);
      const second = await record(store, {
        at: T0 + MINUTE,
        outcome: { create: [newFlag('profanity', { excerpt: '« autre ••• »' }), newFlag('insult')] },
      });
      expect(second.result.created[0]).toBe(first.created[0]);
      const flags = await allFlags(store);
      expect(flags.filter((f) => f.rule === 'profanity')).toHaveLength(1);
      expect(flags).toHaveLength(2);
      const profanity = await store.getFlag(first.created[0]!);
      expect(profanity).toMatchObject({ excerpt: '« autre ••• »', createdAt: T0, updatedAt: T0 + MINUTE });
    });

    it('updates the excerpt and time of existing flags of the message, and counts them', async () => {
      const store = get();
      const [id] = (await raise(store, ['profanity'])).created;
      const { result } = await record(store, {
        at: T0 + 2 * MINUTE,
        outcome: { update: [{ id: id!, excerpt: '« nouveau ••• »' }] },
      });
      expect(result.updated).toBe(1);
      expect(await store.getFlag(id!)).toMatchObject({
        excerpt: '« nouveau ••• »',
        createdAt: T0,
        updatedAt: T0 + 2 * MINUTE,
        status: 'open',
      });
    });

    it('resolves only flags that are still open', async () => {
      const store = get();
      const [open, confirmed] = (await raise(store, ['profanity', 'insult'])).created;
      await store.decideFlag({ flagId: confirmed!, decision: 'confirm', actor: MODERATOR, at: T0 + MINUTE });
      const { result } = await record(store, { at: T0 + 2 * MINUTE, outcome: { resolve: [open!, confirmed!] } });
      expect(result.resolved).toBe(1);
      expect(await store.getFlag(open!)).toMatchObject({ status: 'resolved', updatedAt: T0 + 2 * MINUTE });
      expect(await store.getFlag(confirmed!)).toMatchObject({ status: 'confirmed', updatedAt: T0 + MINUTE });

      const again = await record(store, { at: T0 + 3 * MINUTE, outcome: { resolve: [open!] } });
      expect(again.result.resolved).toBe(0);
    });

    it('reopens a resolved flag when an edit breaks the rule again (update)', async () => {
      const store = get();
      const [id] = (await raise(store, ['profanity'])).created;
      await record(store, { at: T0 + MINUTE, outcome: { resolve: [id!] } });
      const edit = await record(store, { at: T0 + 2 * MINUTE, outcome: { update: [{ id: id!, excerpt: '« re ••• »' }] } });
      expect(edit.result.updated).toBe(1);
      expect(await store.getFlag(id!)).toMatchObject({ status: 'open', excerpt: '« re ••• »' });
    });

    it('does not update or resolve flags of another message', async () => {
      const store = get();
      const [other] = (await raise(store, ['profanity'], { message: message({ ts: tsAt(30) }) })).created;
      const { result } = await record(store, {
        outcome: { update: [{ id: other!, excerpt: '« x »' }], resolve: [other!] },
      });
      expect(result).toMatchObject({ updated: 0, resolved: 0 });
      expect(await store.getFlag(other!)).toMatchObject({ status: 'open', excerpt: '« profanity ••• »' });
    });

    it('gives the rules the author was reminded of since the cooldown, on any message', async () => {
      const store = get();
      await raise(store, ['profanity'], { message: message({ ts: tsAt(1), channel: OTHER_CHANNEL }), at: T0 - 30 * MINUTE });
      await raise(store, ['insult'], { message: message({ ts: tsAt(2) }), at: T0 - 2 * HOUR });
      await raise(store, ['shouting'], { message: message({ ts: tsAt(3) }), at: T0 - 10 * MINUTE, flag: { nudged: false } });
      await raise(store, ['secret'], { message: message({ ts: tsAt(4), author: OTHER_AUTHOR }), at: T0 - MINUTE });
      await raise(store, ['custom-rule'], { message: message({ ts: tsAt(5) }), at: T0 - MINUTE });

      const { prior } = await record(store, {
        message: message({ ts: tsAt(10) }),
        rules: ['profanity', 'insult', 'shouting', 'secret'],
        cooldownSince: T0 - HOUR,
      });
      // profanity: 30 min ago. insult: before the cooldown. shouting: not reminded. secret: someone else.
      // custom-rule: reminded, but not among the rules asked about.
      expect([...prior!.recentlyNudged]).toEqual(['profanity']);

      const wider = await record(store, {
        message: message({ ts: tsAt(11) }),
        rules: ['profanity', 'insult'],
        cooldownSince: T0 - 2 * HOUR,
      });
      expect([...wider.prior!.recentlyNudged].sort()).toEqual(['insult', 'profanity']);
    });

    it('counts the reminded flags of the ladder categories in its window, and the recent flags', async () => {
      const store = get();
      const day = (n: number): number => T0 - n * DAY;
      await raise(store, ['profanity', 'insult'], { message: message({ ts: tsAt(1) }), at: day(3) });
      await raise(store, ['shouting'], { message: message({ ts: tsAt(2) }), at: day(10) });
      await raise(store, ['insult'], { message: message({ ts: tsAt(3) }), at: day(40) });
      await raise(store, ['profanity'], { message: message({ ts: tsAt(4) }), at: day(1), flag: { nudged: false } });
      await raise(store, ['secret'], { message: message({ ts: tsAt(5) }), at: day(2) });
      await raise(store, ['profanity-mild'], {
        message: message({ ts: tsAt(6) }),
        at: day(1),
        flag: { action: 'shadow', nudged: false },
      });
      await raise(store, ['insult'], { message: message({ ts: tsAt(7), author: OTHER_AUTHOR }), at: day(1) });

      const ladder = { categories: ['profanity', 'insult', 'shouting'] as Category[], since: day(30) };
      const { prior } = await record(store, { message: message({ ts: tsAt(20) }), ladder, cooldownSince: T0 - HOUR });
      // Reminded, in the categories, within 30 days: profanity + insult (day 3), shouting (day 10).
      expect(prior!.ladderCount).toBe(3);
      // Every non-shadow flag of the author within 30 days: 2 + 1 + 1 (not reminded) + 1 (secret).
      expect(prior!.recentFlags).toBe(5);

      const narrow = await record(store, {
        message: message({ ts: tsAt(21) }),
        ladder: { categories: ['shouting'], since: day(30) },
      });
      expect(narrow.prior!.ladderCount).toBe(1);

      const noLadder = await record(store, { message: message({ ts: tsAt(22) }), cooldownSince: day(2.5) });
      expect(noLadder.prior!.ladderCount).toBe(0);
      // Without a ladder, the history window is the cooldown's: day 1 (not reminded) and day 2 (secret).
      expect(noLadder.prior!.recentFlags).toBe(2);
    });

    it('queues deliveries linked to the flag ids of the message, new and existing', async () => {
      const store = get();
      const [insult] = (await raise(store, ['insult'])).created;
      const msg = message();
      const { result } = await record(store, {
        at: T0 + MINUTE,
        outcome: {
          create: [newFlag('profanity')],
          deliveries: [delivery('nudge', msg, ['profanity']), delivery('alert', msg, ['insult', 'profanity'])],
        },
      });
      const profanity = result.created[0]!;
      expect(result.queued).toHaveLength(2);
      const [nudgeId, alertId] = result.queued;
      const pending = (await store.listDeliveries({ status: 'pending' }, { limit: 10 })).items;
      expect(pending.map((d) => d.id)).toEqual([alertId, nudgeId]);
      const alert = pending[0]!;
      expect(alert).toEqual({
        id: alertId,
        kind: 'alert',
        flagIds: [insult, profanity],
        payload: payload(msg, ['insult', 'profanity']),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: T0 + MINUTE,
        createdAt: T0 + MINUTE,
      });
      expect(pending[1]!.flagIds).toEqual([profanity]);

      const aboutInsult = (await store.listDeliveries({ flagId: insult! }, { limit: 10 })).items;
      expect(aboutInsult.map((d) => d.id)).toEqual([alertId]);
      const aboutProfanity = (await store.listDeliveries({ flagId: profanity }, { limit: 10 })).items;
      expect(aboutProfanity.map((d) => d.id)).toEqual([alertId, nudgeId]);
    });

    it('rejects, writing nothing, a delivery about a rule with no flag on the message', async () => {
      const store = get();
      const eventId = 'Ev0BADRULE1';
      await expect(
        record(store, {
          eventId,
          outcome: { create: [newFlag('profanity')], deliveries: [delivery('nudge', message(), ['insult'])] },
        }),
      ).rejects.toThrow(/insult/);
      expect(await allFlags(store)).toEqual([]);
      expect((await store.listDeliveries({}, { limit: 10 })).items).toEqual([]);
      expect((await record(store, { eventId })).calls).toBe(1);
    });
  });
}

function describeOutbox(get: () => ModerationStore): void {
  /** Queues one nudge per message ts offset, at the given times. */
  async function queue(store: ModerationStore, times: number[]): Promise<number[]> {
    const ids: number[] = [];
    for (const [index, at] of times.entries()) {
      const result = await raise(store, ['profanity'], { message: message({ ts: tsAt(index) }), at, deliver: true });
      ids.push(result.queued[0]!);
    }
    return ids;
  }

  describe('outbox', () => {
    it('claims due pending deliveries, oldest first, up to the limit, without counting an attempt', async () => {
      const store = get();
      const [a, b, c, later] = await queue(store, [T0, T0 + 1, T0 + 2, T0 + 70_000]);
      const claimed = await store.claimDueDeliveries(T0 + MINUTE, 2, 30_000);
      expect(claimed.map((d) => d.id)).toEqual([a, b]);
      expect(claimed.every((d) => d.attempts === 0 && d.status === 'pending')).toBe(true);
      const rest = await store.claimDueDeliveries(T0 + MINUTE, 10, 30_000);
      expect(rest.map((d) => d.id)).toEqual([c]);
      expect(await store.claimDueDeliveries(T0 + MINUTE, 10, 30_000)).toEqual([]);
      // At T0 + 80 s the first three are still leased (until T0 + 90 s); the fourth is due.
      expect((await store.claimDueDeliveries(T0 + 80_000, 10, 30_000)).map((d) => d.id)).toEqual([later]);
    });

    it('does not claim a leased delivery again before its lease ends, and does after (a relay restart)', async () => {
      const store = get();
      const [id] = await queue(store, [T0]);
      expect((await store.claimDueDeliveries(T0, 10, 30_000)).map((d) => d.id)).toEqual([id]);
      expect(await store.claimDueDeliveries(T0 + 29_999, 10, 30_000)).toEqual([]);
      const again = await store.claimDueDeliveries(T0 + 30_000, 10, 30_000);
      expect(again.map((d) => d.id)).toEqual([id]);
      expect(again[0]!.attempts).toBe(0);
    });

    it('completes a delivery: sent, with its receipt, one attempt, never claimed again', async () => {
      const store = get();
      const [id] = await queue(store, [T0]);
      await store.claimDueDeliveries(T0, 10, 30_000);
      await store.completeDelivery(id!, { channel: 'D0AUTHOR1', ts: '1732790401.000300', via: 'dm' }, T0 + 500);
      const [sent] = (await store.listDeliveries({ status: 'sent' }, { limit: 10 })).items;
      expect(sent).toMatchObject({
        id,
        status: 'sent',
        attempts: 1,
        sentAt: T0 + 500,
        receipt: { channel: 'D0AUTHOR1', ts: '1732790401.000300', via: 'dm' },
      });
      expect(await store.claimDueDeliveries(T0 + DAY, 10, 30_000)).toEqual([]);
      expect(await store.nextDeliveryDue()).toBeUndefined();
    });

    it('retries a delivery: one more attempt, the error code, due again at the given time, lease cleared', async () => {
      const store = get();
      const [id] = await queue(store, [T0]);
      await store.claimDueDeliveries(T0, 10, HOUR);
      await store.retryDelivery(id!, 'ratelimited', T0 + 30_000);
      const [pending] = (await store.listDeliveries({ status: 'pending' }, { limit: 10 })).items;
      expect(pending).toMatchObject({ id, attempts: 1, lastError: 'ratelimited', nextAttemptAt: T0 + 30_000 });
      expect(await store.nextDeliveryDue()).toBe(T0 + 30_000);
      expect(await store.claimDueDeliveries(T0 + 29_999, 10, HOUR)).toEqual([]);
      const retried = await store.claimDueDeliveries(T0 + 30_000, 10, HOUR);
      expect(retried.map((d) => [d.id, d.attempts])).toEqual([[id, 1]]);
      await store.retryDelivery(id!, 'timeout', T0 + 90_000);
      expect((await store.listDeliveries({}, { limit: 10 })).items[0]).toMatchObject({ attempts: 2, lastError: 'timeout' });
    });

    it('fails a delivery: given up, one more attempt, never claimed again', async () => {
      const store = get();
      const [id] = await queue(store, [T0]);
      await store.claimDueDeliveries(T0, 10, 30_000);
      await store.failDelivery(id!, 'user_not_in_channel', T0 + 100);
      const [failed] = (await store.listDeliveries({ status: 'failed' }, { limit: 10 })).items;
      expect(failed).toMatchObject({ id, status: 'failed', attempts: 1, lastError: 'user_not_in_channel' });
      expect(failed).not.toHaveProperty('sentAt');
      expect(await store.claimDueDeliveries(T0 + DAY, 10, 30_000)).toEqual([]);
      expect((await store.listDeliveries({ status: 'pending' }, { limit: 10 })).items).toEqual([]);
    });

    it('tells when the next pending delivery is due, counting leases', async () => {
      const store = get();
      expect(await store.nextDeliveryDue()).toBeUndefined();
      const [first] = await queue(store, [T0 + 10, T0 + 20]);
      expect(await store.nextDeliveryDue()).toBe(T0 + 10);
      await store.claimDueDeliveries(T0 + 15, 1, MINUTE);
      // The first is leased until T0 + 15 + 1 min: the second, due at T0 + 20, comes first.
      expect(await store.nextDeliveryDue()).toBe(T0 + 20);
      await store.claimDueDeliveries(T0 + 20, 1, 5 * MINUTE);
      expect(await store.nextDeliveryDue()).toBe(T0 + 15 + MINUTE);
      await store.completeDelivery(first!, {}, T0 + 30);
      expect(await store.nextDeliveryDue()).toBe(T0 + 20 + 5 * MINUTE);
    });

    it('lists deliveries newest first by status, in pages', async () => {
      const store = get();
      const ids = await queue(store, [T0, T0 + 1, T0 + 2, T0 + 3, T0 + 4]);
      await store.failDelivery(ids[1]!, 'channel_not_found', T0 + 10);
      const first = await store.listDeliveries({ status: 'pending' }, { limit: 2 });
      expect(first.items.map((d) => d.id)).toEqual([ids[4], ids[3]]);
      expect(first.next).toBeDefined();
      const second = await store.listDeliveries({ status: 'pending' }, { limit: 2, after: first.next! });
      expect(second.items.map((d) => d.id)).toEqual([ids[2], ids[0]]);
      expect(second.next).toBeUndefined();
      expect((await store.listDeliveries({ status: 'failed' }, { limit: 5 })).items.map((d) => d.id)).toEqual([ids[1]]);
    });
  });
}

function describeListFlags(get: () => ModerationStore): void {
  /** Seven flags over two channels, two authors, several rules, times and statuses. */
  async function seed(store: ModerationStore): Promise<Record<string, number>> {
    const ids: Record<string, number> = {};
    const add = async (
      key: string,
      rule: string,
      at: number,
      msg: Partial<RecordedMessage>,
      flag: Partial<NewFlag> = {},
    ): Promise<void> => {
      ids[key] = (await raise(store, [rule], { message: message(msg), at, flag })).created[0]!;
    };
    await add('a', 'profanity', T0, { ts: tsAt(1) });
    await add('b', 'insult', T0 + HOUR, { ts: tsAt(2) }, { nudged: false, action: 'flag' });
    await add('c', 'profanity', T0 + 2 * HOUR, { ts: tsAt(3), channel: OTHER_CHANNEL });
    await add('d', 'secret', T0 + 3 * HOUR, { ts: tsAt(4), author: OTHER_AUTHOR }, { category: 'secret' });
    await add('e', 'profanity-mild', T0 + 4 * HOUR, { ts: tsAt(5) }, { action: 'shadow', nudged: false });
    await add('f', 'shouting', T0 + 5 * HOUR, { ts: tsAt(6), author: OTHER_AUTHOR });
    await add('g', 'insult', T0 + 6 * HOUR, { ts: tsAt(7), channel: OTHER_CHANNEL });
    await store.decideFlag({ flagId: ids['a']!, decision: 'dismiss', actor: MODERATOR, at: T0 + 7 * HOUR });
    await store.decideFlag({ flagId: ids['d']!, decision: 'escalate', actor: MODERATOR, at: T0 + 7 * HOUR });
    return ids;
  }

  async function keys(store: ModerationStore, ids: Record<string, number>, filter: Parameters<ModerationStore['listFlags']>[0]): Promise<string[]> {
    const byId = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
    const page = await store.listFlags(filter, { limit: 100 });
    return page.items.map((flag) => byId.get(flag.id) ?? `?${flag.id}`);
  }

  describe('listFlags', () => {
    it('lists newest first and leaves shadow flags out unless asked', async () => {
      const store = get();
      const ids = await seed(store);
      expect(await keys(store, ids, {})).toEqual(['g', 'f', 'd', 'c', 'b', 'a']);
      expect(await keys(store, ids, { includeShadow: true })).toEqual(['g', 'f', 'e', 'd', 'c', 'b', 'a']);
    });

    it('narrows by each filter field', async () => {
      const store = get();
      const ids = await seed(store);
      expect(await keys(store, ids, { status: ['open'] })).toEqual(['g', 'f', 'c', 'b']);
      expect(await keys(store, ids, { status: ['dismissed', 'escalated'] })).toEqual(['d', 'a']);
      expect(await keys(store, ids, { status: [] })).toEqual([]);
      expect(await keys(store, ids, { rule: 'profanity' })).toEqual(['c', 'a']);
      expect(await keys(store, ids, { category: 'insult' })).toEqual(['g', 'b']);
      expect(await keys(store, ids, { category: 'profanity', includeShadow: true })).toEqual(['e', 'c', 'a']);
      expect(await keys(store, ids, { channel: OTHER_CHANNEL })).toEqual(['g', 'c']);
      expect(await keys(store, ids, { author: OTHER_AUTHOR })).toEqual(['f', 'd']);
      expect(await keys(store, ids, { since: T0 + 2 * HOUR })).toEqual(['g', 'f', 'd', 'c']);
      expect(await keys(store, ids, { until: T0 + 2 * HOUR })).toEqual(['b', 'a']);
      expect(await keys(store, ids, { since: T0 + HOUR, until: T0 + 3 * HOUR })).toEqual(['c', 'b']);
      expect(await keys(store, ids, { nudgedOnly: true })).toEqual(['g', 'f', 'd', 'c', 'a']);
      expect(await keys(store, ids, { author: AUTHOR, nudgedOnly: true, status: ['open'] })).toEqual(['g', 'c']);
    });

    it('reportedOnly keeps flags with at least one "this is a mistake" report', async () => {
      const store = get();
      const ids = await seed(store);
      expect(await keys(store, ids, { reportedOnly: true })).toEqual([]);
      await store.recordReport({ flagId: ids['b']!, reporter: AUTHOR, at: T0 + 8 * HOUR });
      await store.recordReport({ flagId: ids['b']!, reporter: OTHER_AUTHOR, at: T0 + 8 * HOUR });
      await store.recordReport({ flagId: ids['e']!, reporter: AUTHOR, at: T0 + 8 * HOUR });
      await store.recordReport({ flagId: ids['a']!, reporter: OTHER_AUTHOR, at: T0 + 8 * HOUR });
      expect(await keys(store, ids, { reportedOnly: true })).toEqual(['b', 'a']);
      expect(await keys(store, ids, { reportedOnly: true, includeShadow: true })).toEqual(['e', 'b', 'a']);
      expect(await keys(store, ids, { reportedOnly: true, status: ['open'] })).toEqual(['b']);
      expect(await keys(store, ids, { reportedOnly: false })).toEqual(['g', 'f', 'd', 'c', 'b', 'a']);
      const page = await store.listFlags({ reportedOnly: true }, { limit: 1 });
      expect(page.items.map((f) => [f.id, f.reports])).toEqual([[ids['b'], 2]]);
      const rest = await store.listFlags({ reportedOnly: true }, { limit: 1, after: page.next! });
      expect(rest.items.map((f) => f.id)).toEqual([ids['a']]);
      expect(rest.next).toBeUndefined();
    });

    it('pages with the id cursor: every flag once, no gap, no next after the last page', async () => {
      const store = get();
      for (let i = 0; i < 7; i++) {
        await raise(store, ['profanity'], { message: message({ ts: tsAt(i) }), at: T0 + i });
      }
      const expected = (await store.listFlags({}, { limit: 100 })).items.map((f) => f.id);
      expect(expected).toHaveLength(7);
      const seen: number[] = [];
      const sizes: number[] = [];
      let after: number | undefined;
      do {
        const page = await store.listFlags({}, after === undefined ? { limit: 3 } : { limit: 3, after });
        seen.push(...page.items.map((f) => f.id));
        sizes.push(page.items.length);
        after = page.next;
      } while (after !== undefined);
      expect(sizes).toEqual([3, 3, 1]);
      expect(seen).toEqual(expected);

      const exact = await store.listFlags({}, { limit: 7 });
      expect(exact.items).toHaveLength(7);
      expect(exact.next).toBeUndefined();
    });

    it('pages within a filter', async () => {
      const store = get();
      const ids = await seed(store);
      const first = await store.listFlags({ status: ['open'] }, { limit: 3 });
      const second = await store.listFlags({ status: ['open'] }, { limit: 3, after: first.next! });
      expect([...first.items, ...second.items].map((f) => f.id)).toEqual([ids['g'], ids['f'], ids['c'], ids['b']]);
      expect(second.next).toBeUndefined();
    });
  });
}

function describeReview(get: () => ModerationStore): void {
  describe('review', () => {
    it.each([
      ['dismiss', 'dismissed'],
      ['confirm', 'confirmed'],
      ['escalate', 'escalated'],
    ] as const)('decideFlag %s sets the status %s, who, when and the note, and audits it', async (decision, status) => {
      const store = get();
      const [id] = (await raise(store, ['insult'])).created;
      const flag = await store.decideFlag({ flagId: id!, decision, actor: MODERATOR, note: 'vu avec le manager', at: T0 + HOUR });
      expect(flag).toMatchObject({ id, status, handledBy: MODERATOR, handledAt: T0 + HOUR, note: 'vu avec le manager', updatedAt: T0 + HOUR });
      expect(await store.getFlag(id!)).toEqual(flag);
      const audit = (await store.listAudit({ action: 'decide' }, { limit: 10 })).items;
      expect(audit).toEqual([
        { id: expect.any(Number), at: T0 + HOUR, actor: MODERATOR, action: 'decide', target: `flag:${id}`, detail: { decision, from: 'open' } },
      ]);
    });

    it('keeps the previous note when a decision comes without one, and audits the previous status', async () => {
      const store = get();
      const [id] = (await raise(store, ['insult'])).created;
      await store.decideFlag({ flagId: id!, decision: 'escalate', actor: MODERATOR, note: 'à revoir', at: T0 + HOUR });
      const flag = await store.decideFlag({ flagId: id!, decision: 'confirm', actor: 'U0MOD9999', at: T0 + 2 * HOUR });
      expect(flag).toMatchObject({ status: 'confirmed', note: 'à revoir', handledBy: 'U0MOD9999', handledAt: T0 + 2 * HOUR });
      const [latest] = (await store.listAudit({ action: 'decide' }, { limit: 1 })).items;
      expect(latest?.detail).toEqual({ decision: 'confirm', from: 'escalated' });
    });

    it('decideFlag and addNote return undefined for a missing flag and audit nothing', async () => {
      const store = get();
      expect(await store.decideFlag({ flagId: 4242, decision: 'confirm', actor: MODERATOR, at: T0 })).toBeUndefined();
      expect(await store.addNote({ flagId: 4242, actor: MODERATOR, note: 'x', at: T0 })).toBeUndefined();
      expect((await store.listAudit({}, { limit: 10 })).items).toEqual([]);
    });

    it('addNote sets the note and audits its length, never its text', async () => {
      const store = get();
      const [id] = (await raise(store, ['insult'])).created;
      const note = 'Contexte : dispute entre collègues, à suivre';
      const flag = await store.addNote({ flagId: id!, actor: MODERATOR, note, at: T0 + HOUR });
      expect(flag).toMatchObject({ id, note, status: 'open', updatedAt: T0 + HOUR });
      expect(flag).not.toHaveProperty('handledBy');
      const audit = (await store.listAudit({}, { limit: 10 })).items;
      expect(audit).toEqual([
        { id: expect.any(Number), at: T0 + HOUR, actor: MODERATOR, action: 'note', target: `flag:${id}`, detail: { length: note.length } },
      ]);
      expect(JSON.stringify(audit)).not.toContain('dispute');
    });

    it('ruleStats counts flags per rule by status, with reports and the false-positive rate', async () => {
      const store = get();
      const p: number[] = [];
      for (let i = 0; i < 4; i++) {
        p.push((await raise(store, ['profanity'], { message: message({ ts: tsAt(i) }), at: T0 + i * HOUR })).created[0]!);
      }
      const insult = (await raise(store, ['insult'], { message: message({ ts: tsAt(10) }), at: T0 })).created[0]!;
      const mild = (await raise(store, ['profanity-mild'], { message: message({ ts: tsAt(11) }), at: T0, flag: { action: 'shadow' } })).created[0]!;
      await store.decideFlag({ flagId: p[0]!, decision: 'dismiss', actor: MODERATOR, at: T0 + DAY });
      await store.decideFlag({ flagId: p[1]!, decision: 'dismiss', actor: MODERATOR, at: T0 + DAY });
      await store.decideFlag({ flagId: p[2]!, decision: 'confirm', actor: MODERATOR, at: T0 + DAY });
      await store.decideFlag({ flagId: mild, decision: 'escalate', actor: MODERATOR, at: T0 + DAY });
      await record(store, { message: message({ ts: tsAt(3) }), at: T0 + DAY, outcome: { resolve: [p[3]!] } });
      await store.recordReport({ flagId: p[0]!, reporter: AUTHOR, at: T0 + HOUR });
      await store.recordReport({ flagId: p[0]!, reporter: OTHER_AUTHOR, at: T0 + HOUR });
      await store.recordReport({ flagId: insult, reporter: AUTHOR, at: T0 + HOUR });

      const stats = await store.ruleStats();
      expect(stats).toEqual([
        { rule: 'profanity', flags: 4, open: 0, confirmed: 1, dismissed: 2, escalated: 0, resolved: 1, reports: 2, falsePositiveRate: 2 / 3 },
        { rule: 'insult', flags: 1, open: 1, confirmed: 0, dismissed: 0, escalated: 0, resolved: 0, reports: 1 },
        { rule: 'profanity-mild', flags: 1, open: 0, confirmed: 0, dismissed: 0, escalated: 1, resolved: 0, reports: 0 },
      ]);
      expect(stats[1]).not.toHaveProperty('falsePositiveRate');

      const recent = await store.ruleStats(T0 + 2 * HOUR);
      expect(recent).toEqual([
        { rule: 'profanity', flags: 2, open: 0, confirmed: 1, dismissed: 0, escalated: 0, resolved: 1, reports: 0, falsePositiveRate: 0 },
      ]);
      expect(await store.ruleStats(T0 + 10 * DAY)).toEqual([]);
    });
  });
}

function describeReportsAndAcknowledgements(get: () => ModerationStore): void {
  describe('reports and acknowledgements', () => {
    it('records one report per reporter and flag, none for a missing flag', async () => {
      const store = get();
      const [id] = (await raise(store, ['profanity'])).created;
      expect(await store.recordReport({ flagId: id!, reporter: AUTHOR, at: T0 + 1, reason: 'citation' })).toBe(true);
      expect(await store.recordReport({ flagId: id!, reporter: AUTHOR, at: T0 + 2, reason: 'encore' })).toBe(false);
      expect(await store.recordReport({ flagId: id!, reporter: OTHER_AUTHOR, at: T0 + 3 })).toBe(true);
      expect(await store.recordReport({ flagId: id! + 100, reporter: AUTHOR, at: T0 + 4 })).toBe(false);
      expect(await store.listReports(id!)).toEqual([
        { flagId: id, reporter: AUTHOR, at: T0 + 1, reason: 'citation' },
        { flagId: id, reporter: OTHER_AUTHOR, at: T0 + 3 },
      ]);
      expect((await store.getFlag(id!))?.reports).toBe(2);
      expect((await store.listFlags({}, { limit: 1 })).items[0]?.reports).toBe(2);
      expect(await store.listReports(id! + 100)).toEqual([]);
    });

    it('remembers when a user acknowledged each charter version, the first time only', async () => {
      const store = get();
      expect(await store.acknowledgedAt(AUTHOR, 'sha256:1a2b')).toBeUndefined();
      await store.acknowledgeCharter(AUTHOR, 'sha256:1a2b', T0);
      await store.acknowledgeCharter(AUTHOR, 'sha256:1a2b', T0 + DAY);
      expect(await store.acknowledgedAt(AUTHOR, 'sha256:1a2b')).toBe(T0);
      expect(await store.acknowledgedAt(AUTHOR, 'sha256:3c4d')).toBeUndefined();
      expect(await store.acknowledgedAt(OTHER_AUTHOR, 'sha256:1a2b')).toBeUndefined();
    });
  });
}

function describeAudit(get: () => ModerationStore): void {
  describe('audit log', () => {
    it('appends entries and lists them newest first, filtered and paged', async () => {
      const store = get();
      await store.appendAudit({ at: T0, actor: MODERATOR, action: 'view', target: 'flags?status=open' });
      await store.appendAudit({ at: T0 + 1, actor: 'cli:alice', action: 'export', target: 'flags', detail: { rows: 12 } });
      await store.appendAudit({ at: T0 + 2, actor: MODERATOR, action: 'view', target: 'flag:7' });
      await store.appendAudit({ at: T0 + 3, actor: MODERATOR, action: 'refused', target: 'flags', detail: { role: 'member' } });

      const all = (await store.listAudit({}, { limit: 10 })).items;
      expect(all.map((e) => e.at)).toEqual([T0 + 3, T0 + 2, T0 + 1, T0]);
      expect(all[2]).toEqual({ id: expect.any(Number), at: T0 + 1, actor: 'cli:alice', action: 'export', target: 'flags', detail: { rows: 12 } });
      expect(all[3]).not.toHaveProperty('detail');

      expect((await store.listAudit({ actor: MODERATOR }, { limit: 10 })).items.map((e) => e.at)).toEqual([T0 + 3, T0 + 2, T0]);
      expect((await store.listAudit({ action: 'view' }, { limit: 10 })).items.map((e) => e.target)).toEqual(['flag:7', 'flags?status=open']);
      expect((await store.listAudit({ since: T0 + 2 }, { limit: 10 })).items.map((e) => e.at)).toEqual([T0 + 3, T0 + 2]);

      const first = await store.listAudit({}, { limit: 3 });
      const second = await store.listAudit({}, { limit: 3, after: first.next! });
      expect([...first.items, ...second.items]).toEqual(all);
      expect(second.next).toBeUndefined();
    });

    it('times an entry appended without a time', async () => {
      const store = get();
      await store.appendAudit({ actor: 'system', action: 'view', target: 'stats' });
      const [entry] = (await store.listAudit({}, { limit: 1 })).items;
      expect(typeof entry?.at).toBe('number');
      expect(entry?.at).toBeGreaterThan(0);
    });

    it('offers no way to change or remove an entry but retention', async () => {
      const store = get();
      const methods = new Set<string>();
      for (let proto: object | null = store; proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        for (const key of Object.getOwnPropertyNames(proto)) methods.add(key);
      }
      const changers = [...methods].filter((key) => /audit/i.test(key) && /^(update|delete|remove|edit|change|clear|set|replace|truncate)/i.test(key));
      expect(changers).toEqual([]);
      expect(typeof (store as unknown as Record<string, unknown>)['appendAudit']).toBe('function');

      await store.appendAudit({ at: T0, actor: MODERATOR, action: 'view', target: 'flag:1', detail: { n: 1 } });
      const before = (await store.listAudit({}, { limit: 10 })).items;
      const [id] = (await raise(store, ['insult'])).created;
      await store.decideFlag({ flagId: id!, decision: 'dismiss', actor: MODERATOR, at: T0 + 1 });
      await store.eraseUser(OTHER_AUTHOR, MODERATOR, T0 + 2);
      const after = (await store.listAudit({}, { limit: 10 })).items;
      expect(after.slice(-1)).toEqual(before);
    });
  });
}

function describeRetention(get: () => ModerationStore): void {
  describe('retention and erasure', () => {
    it('purge removes old flags with their reports and deliveries, old event ids and old audit entries, and audits itself', async () => {
      const store = get();
      const now = T0 + 400 * DAY;
      const old = await raise(store, ['profanity', 'insult'], { message: message({ ts: tsAt(1) }), at: T0, deliver: true });
      const kept = await raise(store, ['profanity'], { message: message({ ts: tsAt(2) }), at: now - 2 * DAY, deliver: true });
      await store.recordReport({ flagId: old.created[0]!, reporter: OTHER_AUTHOR, at: T0 + HOUR });
      await store.recordReport({ flagId: old.created[1]!, reporter: OTHER_AUTHOR, at: T0 + HOUR });
      await store.recordReport({ flagId: kept.created[0]!, reporter: OTHER_AUTHOR, at: now - HOUR });
      await store.appendAudit({ at: T0, actor: MODERATOR, action: 'view', target: 'flags' });
      await store.appendAudit({ at: now - 10 * DAY, actor: MODERATOR, action: 'view', target: 'flags' });
      await record(store, { eventId: 'Ev0RECENT01', message: message({ ts: tsAt(3) }), at: now - HOUR });

      const result = await store.purge(now - 90 * DAY, now - 365 * DAY, now);
      // Events older than a day: those of the two raises (T0 and 2 days ago), not the one an hour ago.
      expect(result).toEqual({ flags: 2, deliveries: 1, reports: 2, events: 2, audit: 1 });

      expect((await allFlags(store)).map((f) => f.id)).toEqual(kept.created);
      expect((await store.listDeliveries({}, { limit: 10 })).items.map((d) => d.id)).toEqual(kept.queued);
      expect(await store.listReports(old.created[0]!)).toEqual([]);
      expect(await store.listReports(kept.created[0]!)).toHaveLength(1);

      const audit = (await store.listAudit({}, { limit: 10 })).items;
      expect(audit.map((e) => e.action)).toEqual(['purge', 'view']);
      expect(audit[0]).toEqual({
        id: expect.any(Number),
        at: now,
        actor: 'system',
        action: 'purge',
        target: 'retention',
        detail: { flags: 2, deliveries: 1, reports: 2, events: 2, audit: 1 },
      });

      expect((await record(store, { eventId: 'Ev0RECENT01', message: message({ ts: tsAt(3) }), at: now })).calls).toBe(0);
    });

    it('purge removes pending deliveries about purged flags', async () => {
      const store = get();
      const old = await raise(store, ['profanity'], { at: T0, deliver: true });
      expect(await store.nextDeliveryDue()).toBe(T0);
      const result = await store.purge(T0 + 1, 0, T0 + 2 * DAY);
      expect(result).toMatchObject({ flags: 1, deliveries: 1 });
      expect(await store.listDeliveries({ flagId: old.created[0]! }, { limit: 10 })).toEqual({ items: [] });
      expect(await store.nextDeliveryDue()).toBeUndefined();
      expect(await store.claimDueDeliveries(T0 + 3 * DAY, 10, MINUTE)).toEqual([]);
    });

    it("eraseUser removes the person's flags, their deliveries and reports, the reports they made and their acknowledgements", async () => {
      const store = get();
      const mine = await raise(store, ['profanity', 'insult'], { message: message({ ts: tsAt(1) }), deliver: true });
      const theirs = await raise(store, ['secret'], { message: message({ ts: tsAt(2), author: OTHER_AUTHOR }), deliver: true });
      await store.recordReport({ flagId: mine.created[0]!, reporter: AUTHOR, at: T0 + 1 });
      await store.recordReport({ flagId: mine.created[0]!, reporter: OTHER_AUTHOR, at: T0 + 1 });
      await store.recordReport({ flagId: theirs.created[0]!, reporter: AUTHOR, at: T0 + 1 });
      await store.recordReport({ flagId: theirs.created[0]!, reporter: MODERATOR, at: T0 + 1 });
      // A delivery about the person that names no flag is theirs too.
      const unlinked = message({ ts: tsAt(3) });
      await record(store, { message: unlinked, outcome: { deliveries: [delivery('nudge', unlinked, [])] } });
      await store.acknowledgeCharter(AUTHOR, 'sha256:1a2b', T0);
      await store.acknowledgeCharter(AUTHOR, 'sha256:3c4d', T0);
      await store.acknowledgeCharter(OTHER_AUTHOR, 'sha256:1a2b', T0);

      const result = await store.eraseUser(AUTHOR, 'U0ADMIN001', T0 + DAY);
      expect(result).toEqual({ flags: 2, deliveries: 2, reports: 3, acknowledgements: 2 });

      expect((await allFlags(store)).map((f) => f.id)).toEqual(theirs.created);
      expect((await store.listDeliveries({}, { limit: 10 })).items.map((d) => d.id)).toEqual(theirs.queued);
      expect((await store.listReports(theirs.created[0]!)).map((r) => r.reporter)).toEqual([MODERATOR]);
      expect(await store.acknowledgedAt(AUTHOR, 'sha256:1a2b')).toBeUndefined();
      expect(await store.acknowledgedAt(OTHER_AUTHOR, 'sha256:1a2b')).toBe(T0);

      const [entry] = (await store.listAudit({ action: 'erase' }, { limit: 10 })).items;
      expect(entry).toEqual({
        id: expect.any(Number),
        at: T0 + DAY,
        actor: 'U0ADMIN001',
        action: 'erase',
        target: `user:${AUTHOR}`,
        detail: { flags: 2, deliveries: 2, reports: 3, acknowledgements: 2 },
      });
      expect(await store.eraseUser(AUTHOR, 'U0ADMIN001', T0 + 2 * DAY)).toEqual({
        flags: 0,
        deliveries: 0,
        reports: 0,
        acknowledgements: 0,
      });
    });
  });
}

/** A member's report of `msg` as the Slack layer records it: a `member-report` flag and a card. */
async function memberReport(
  store: ModerationStore,
  msg: RecordedMessage,
  options: { reporter?: string; reason?: string; category?: Category; at?: number } = {},
): Promise<RecordResult> {
  const reporter = options.reporter ?? REPORTER;
  const flag = newFlag('member-report', {
    category: options.category ?? 'insult',
    action: 'flag',
    nudged: false,
    alerted: true,
    alertReason: 'report',
    reportedBy: reporter,
    ...(options.reason !== undefined ? { reportReason: options.reason } : {}),
  });
  const card: NewDelivery = {
    kind: 'alert',
    rules: ['member-report'],
    payload: {
      ...payload(msg, ['member-report']),
      alertReason: 'report',
      ...(options.reason !== undefined ? { reportReason: options.reason } : {}),
    },
  };
  const input: RecordInput = {
    eventId: `report:${msg.channel}:${msg.ts}:${reporter}`,
    message: msg,
    rules: ['member-report'],
    outcome: { create: [flag], deliveries: [card] },
  };
  if (options.at !== undefined) input.at = options.at;
  return (await record(store, input)).result;
}

function describeMemberReports(get: () => ModerationStore): void {
  describe('member reports', () => {
    it('keeps the reporter and their words through recordMessage, getFlag, listFlags and flagsByIds', async () => {
      const store = get();
      const reason = 'Propos humiliants envers un collègue en réunion, pas la première fois.';
      const { created, queued } = await memberReport(store, message(), { reason, at: T0 + 5 });
      const id = created[0]!;
      const expected: Flag = {
        id,
        rule: 'member-report',
        category: 'insult',
        severity: 'medium',
        action: 'flag',
        article: 'courtesy-language',
        channel: CHANNEL,
        channelName: 'projet-atlas',
        author: AUTHOR,
        messageTs: TS,
        threadTs: '1732790000.000200',
        permalink: `https://acme.slack.com/archives/${CHANNEL}/p1732790400000100`,
        excerpt: '« member-report ••• »',
        status: 'open',
        nudged: false,
        alerted: true,
        alertReason: 'report',
        reportedBy: REPORTER,
        reportReason: reason,
        createdAt: T0 + 5,
        updatedAt: T0 + 5,
        reports: 0,
      };
      expect(await store.getFlag(id)).toEqual(expected);
      expect((await store.listFlags({ rule: 'member-report' }, { limit: 10 })).items).toEqual([expected]);
      expect(await store.flagsByIds([id])).toEqual([expected]);
      const [card] = (await store.listDeliveries({ flagId: id }, { limit: 10 })).items;
      expect(card).toMatchObject({ id: queued[0], kind: 'alert', flagIds: [id], payload: { alertReason: 'report', reportReason: reason } });
    });

    it('keeps a reason of 500 characters whole, and leaves reportReason out when there is none', async () => {
      const store = get();
      const long = `${'é'.repeat(250)}${'x'.repeat(250)}`;
      const [withReason] = (await memberReport(store, message({ ts: tsAt(1) }), { reason: long })).created;
      const [without] = (await memberReport(store, message({ ts: tsAt(2) }))).created;
      expect((await store.getFlag(withReason!))?.reportReason).toBe(long);
      const bare = await store.getFlag(without!);
      expect(bare).toMatchObject({ reportedBy: REPORTER, alertReason: 'report' });
      expect(bare).not.toHaveProperty('reportReason');
    });

    it('a second report of the same message keeps the first reporter and their words', async () => {
      const store = get();
      const [first] = (await memberReport(store, message(), { reporter: REPORTER, reason: 'premier' })).created;
      const [second] = (await memberReport(store, message(), { reporter: OTHER_AUTHOR, reason: 'second', at: T0 + MINUTE })).created;
      expect(second).toBe(first);
      expect(await store.getFlag(first!)).toMatchObject({ reportedBy: REPORTER, reportReason: 'premier' });
      const [third] = (await memberReport(store, message({ ts: tsAt(9) }), { reporter: REPORTER })).created;
      const [fourth] = (await memberReport(store, message({ ts: tsAt(9) }), { reporter: OTHER_AUTHOR, reason: 'mots' })).created;
      expect(fourth).toBe(third);
      const kept = await store.getFlag(third!);
      expect(kept?.reportedBy).toBe(REPORTER);
      expect(kept).not.toHaveProperty('reportReason');
    });

    it("eraseUser clears the reporter's id and words from their reports on others' messages, and counts them", async () => {
      const store = get();
      const words = 'il a recommencé, cf. capture';
      // The person (AUTHOR) reported two messages of someone else, and one of their own.
      const onOther = await memberReport(store, message({ ts: tsAt(1), author: OTHER_AUTHOR }), { reporter: AUTHOR, reason: words });
      const onOther2 = await memberReport(store, message({ ts: tsAt(2), author: OTHER_AUTHOR, channel: OTHER_CHANNEL }), { reporter: AUTHOR });
      const onSelf = await memberReport(store, message({ ts: tsAt(3) }), { reporter: AUTHOR, reason: 'moi-même' });
      // Someone reported the person's message: a flag about the person, removed as their flags are.
      const aboutThem = await memberReport(store, message({ ts: tsAt(4) }), { reporter: OTHER_AUTHOR, reason: 'à voir' });
      // An unrelated member report, by someone else.
      const unrelated = await memberReport(store, message({ ts: tsAt(5), author: OTHER_AUTHOR }), { reporter: MODERATOR, reason: 'autre' });
      const before = await store.getFlag(onOther.created[0]!);

      const result = await store.eraseUser(AUTHOR, 'U0ADMIN001', T0 + DAY);
      expect(result).toEqual({ flags: 2, deliveries: 2, reports: 0, acknowledgements: 0, reportsAsReporter: 2 });

      const remaining = await allFlags(store);
      expect(remaining.map((f) => f.id)).toEqual([unrelated.created[0], onOther2.created[0], onOther.created[0]]);
      const kept = await store.getFlag(onOther.created[0]!);
      const { reportedBy: _by, reportReason: _why, ...rest } = before!;
      expect(kept).toEqual(rest);
      expect(kept).toMatchObject({ rule: 'member-report', author: OTHER_AUTHOR, alertReason: 'report', status: 'open' });
      expect(await store.getFlag(unrelated.created[0]!)).toMatchObject({ reportedBy: MODERATOR, reportReason: 'autre' });
      expect(await store.getFlag(onSelf.created[0]!)).toBeUndefined();
      expect(await store.getFlag(aboutThem.created[0]!)).toBeUndefined();

      // The card about the kept flag stays, without the reporter's words; the other cards are untouched.
      const deliveries = (await store.listDeliveries({}, { limit: 10 })).items;
      expect(deliveries.map((d) => d.id)).toEqual([unrelated.queued[0], onOther2.queued[0], onOther.queued[0]]);
      const card = deliveries.find((d) => d.id === onOther.queued[0])!;
      expect(card.payload).toEqual({ ...payload(message({ ts: tsAt(1), author: OTHER_AUTHOR }), ['member-report']), alertReason: 'report' });
      expect(deliveries.find((d) => d.id === unrelated.queued[0])!.payload.reportReason).toBe('autre');
      const left = JSON.stringify([remaining, deliveries]);
      expect(left).not.toContain(AUTHOR);
      expect(left).not.toContain(words);
      expect(left).not.toContain('moi-même');

      const [entry] = (await store.listAudit({ action: 'erase' }, { limit: 1 })).items;
      expect(entry?.detail).toEqual({ flags: 2, deliveries: 2, reports: 0, acknowledgements: 0, reportsAsReporter: 2 });
      expect(await store.eraseUser(AUTHOR, 'U0ADMIN001', T0 + 2 * DAY)).toEqual({
        flags: 0,
        deliveries: 0,
        reports: 0,
        acknowledgements: 0,
      });
    });

    it('eraseUser of the reported person removes the member reports about them, as their other flags', async () => {
      const store = get();
      const about = await memberReport(store, message({ ts: tsAt(1) }), { reporter: REPORTER, reason: 'mots' });
      await raise(store, ['profanity'], { message: message({ ts: tsAt(2) }), deliver: true });
      const result = await store.eraseUser(AUTHOR, 'U0ADMIN001', T0 + DAY);
      expect(result).toEqual({ flags: 2, deliveries: 2, reports: 0, acknowledgements: 0 });
      expect(await store.getFlag(about.created[0]!)).toBeUndefined();
      expect(await allFlags(store)).toEqual([]);
    });
  });
}

function describeModeratorsViews(get: () => ModerationStore): void {
  describe('flagsByIds', () => {
    it('gives the flags in id order, each once, unknown ids skipped, shadow flags included', async () => {
      const store = get();
      const [a] = (await raise(store, ['profanity'], { message: message({ ts: tsAt(1) }) })).created;
      const [b] = (await raise(store, ['profanity-mild'], { message: message({ ts: tsAt(2) }), flag: { action: 'shadow' } })).created;
      const [c] = (await raise(store, ['insult'], { message: message({ ts: tsAt(3) }) })).created;
      const flags = await store.flagsByIds([c!, a! + 1000, a!, b!, c!]);
      expect(flags.map((f) => f.id)).toEqual([a, b, c]);
      expect(flags[1]).toEqual(await store.getFlag(b!));
      expect(await store.flagsByIds([])).toEqual([]);
      expect(await store.flagsByIds([a! + 1000, -1])).toEqual([]);
    });
  });

  describe('ruleTrend', () => {
    const NOW = T0 + 100 * DAY;
    let sequence = 0;
    async function flagAt(store: ModerationStore, rule: string, at: number, flag: Partial<NewFlag> = {}): Promise<void> {
      sequence++;
      await raise(store, [rule], { message: message({ ts: tsAt(1000 + sequence) }), at, flag });
    }

    it('counts flags per rule in 7-day windows ending at now, oldest first; exactly 7 days old is the previous window', async () => {
      const store = get();
      // Latest window: (now - 7 d, now].
      await flagAt(store, 'profanity', NOW);
      await flagAt(store, 'profanity', NOW - 1);
      await flagAt(store, 'profanity', NOW - WEEK + 1);
      // Previous window: (now - 14 d, now - 7 d].
      await flagAt(store, 'profanity', NOW - WEEK);
      await flagAt(store, 'profanity', NOW - 2 * WEEK + 1);
      // Oldest of four: (now - 28 d, now - 21 d].
      await flagAt(store, 'profanity', NOW - 3 * WEEK);
      await flagAt(store, 'profanity', NOW - 4 * WEEK + 1);
      // Outside: exactly four weeks old, and after now.
      await flagAt(store, 'profanity', NOW - 4 * WEEK);
      await flagAt(store, 'profanity', NOW + 1);
      // Shadow flags count.
      await flagAt(store, 'profanity-mild', NOW - 3 * DAY, { action: 'shadow', nudged: false });
      await flagAt(store, 'profanity-mild', NOW - 10 * DAY, { action: 'shadow', nudged: false });
      await flagAt(store, 'insult', NOW - 16 * DAY);
      await flagAt(store, 'insult', NOW - 2 * DAY);
      // Silent in the period: left out.
      await flagAt(store, 'secret', NOW - 40 * DAY);
      await flagAt(store, 'shouting', NOW + DAY);

      expect(await store.ruleTrend(4, NOW)).toEqual([
        { rule: 'profanity', weekly: [2, 0, 2, 3] },
        { rule: 'insult', weekly: [0, 1, 0, 1] },
        { rule: 'profanity-mild', weekly: [0, 0, 1, 1] },
      ]);
      expect(await store.ruleTrend(1, NOW)).toEqual([
        { rule: 'profanity', weekly: [3] },
        { rule: 'insult', weekly: [1] },
        { rule: 'profanity-mild', weekly: [1] },
      ]);
      // A week later every flag is one window older: the oldest have slid out, the one just after now is in.
      expect(await store.ruleTrend(4, NOW + WEEK)).toEqual([
        { rule: 'profanity', weekly: [0, 2, 3, 1] },
        { rule: 'insult', weekly: [1, 0, 1, 0] },
        { rule: 'profanity-mild', weekly: [0, 1, 1, 0] },
        { rule: 'shouting', weekly: [0, 0, 0, 1] },
      ]);
      expect((await store.ruleTrend(10, NOW)).find((t) => t.rule === 'secret')?.weekly).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
    });

    it('counts every status and member reports, sorts by total then rule id, and is empty without flags', async () => {
      const store = get();
      expect(await store.ruleTrend(4, NOW)).toEqual([]);
      await flagAt(store, 'shouting', NOW - DAY);
      await flagAt(store, 'insult', NOW - DAY);
      await memberReport(store, message({ ts: tsAt(1) }), { at: NOW - 8 * DAY });
      const [dismissed] = (await raise(store, ['secret'], { message: message({ ts: tsAt(2) }), at: NOW - 2 * DAY })).created;
      await flagAt(store, 'secret', NOW - 9 * DAY);
      await store.decideFlag({ flagId: dismissed!, decision: 'dismiss', actor: MODERATOR, at: NOW });
      expect(await store.ruleTrend(2, NOW)).toEqual([
        { rule: 'secret', weekly: [1, 1] },
        { rule: 'insult', weekly: [0, 1] },
        { rule: 'member-report', weekly: [1, 0] },
        { rule: 'shouting', weekly: [0, 1] },
      ]);
    });

    it('refuses a number of weeks that is not a positive integer, and a time that is not finite', async () => {
      const store = get();
      await expect(store.ruleTrend(0, NOW)).rejects.toThrow(RangeError);
      await expect(store.ruleTrend(-1, NOW)).rejects.toThrow(RangeError);
      await expect(store.ruleTrend(1.5, NOW)).rejects.toThrow(RangeError);
      await expect(store.ruleTrend(4, Number.NaN)).rejects.toThrow(RangeError);
    });
  });

  describe('alertMessageOf', () => {
    /** Queues one more alert (or nudge) about the message's existing flags. */
    async function queue(store: ModerationStore, kind: NewDelivery['kind'], rules: string[], msg = message()): Promise<number> {
      const { result } = await record(store, { message: msg, outcome: { deliveries: [delivery(kind, msg, rules)] } });
      return result.queued[0]!;
    }

    it('gives the card sent last (by sentAt) among sent alerts whose receipt has a channel and a ts', async () => {
      const store = get();
      const [insult, profanity] = (await raise(store, ['insult', 'profanity'])).created;
      expect(await store.alertMessageOf(insult!)).toBeUndefined();

      const nudge = await queue(store, 'nudge', ['insult']);
      await store.completeDelivery(nudge, { channel: 'D0AUTHOR1', ts: '1732790500.000100', via: 'dm' }, T0 + 50);
      expect(await store.alertMessageOf(insult!)).toBeUndefined();

      const early = await queue(store, 'alert', ['insult', 'profanity']);
      const late = await queue(store, 'alert', ['insult']);
      // Queued after `early`, but sent before it: `early` is the card moderators saw last.
      await store.completeDelivery(late, { channel: 'C0MODS001', ts: '1732790410.000100', via: 'channel' }, T0 + 10);
      await store.completeDelivery(early, { channel: 'C0MODS001', ts: '1732790420.000100', via: 'channel' }, T0 + 20);
      expect(await store.alertMessageOf(insult!)).toEqual({ deliveryId: early, channel: 'C0MODS001', ts: '1732790420.000100' });
      expect(await store.alertMessageOf(profanity!)).toEqual({ deliveryId: early, channel: 'C0MODS001', ts: '1732790420.000100' });

      // Ignored: pending, failed, a receipt without ts or channel, a digest card, a nudge.
      await queue(store, 'alert', ['insult']);
      const failed = await queue(store, 'alert', ['insult']);
      await store.failDelivery(failed, 'channel_not_found', T0 + 30);
      const noTs = await queue(store, 'alert', ['insult']);
      await store.completeDelivery(noTs, { channel: 'C0MODS001', via: 'ephemeral' }, T0 + 40);
      const noChannel = await queue(store, 'alert', ['insult']);
      await store.completeDelivery(noChannel, { ts: '1732790440.000100' }, T0 + 41);
      const empty = await queue(store, 'alert', ['insult']);
      await store.completeDelivery(empty, {}, T0 + 42);
      const digest = await queue(store, 'alert', ['insult']);
      await store.completeDelivery(digest, { channel: 'C0MODS001', ts: '1732790999.000100', via: 'digest' }, T0 + 43);
      const nudgeLater = await queue(store, 'nudge', ['insult']);
      await store.completeDelivery(nudgeLater, { channel: CHANNEL, ts: '1732790450.000100', via: 'ephemeral' }, T0 + 60);
      expect(await store.alertMessageOf(insult!)).toEqual({ deliveryId: early, channel: 'C0MODS001', ts: '1732790420.000100' });

      const newest = await queue(store, 'alert', ['profanity']);
      await store.completeDelivery(newest, { channel: 'C0MODS002', ts: '1732790470.000100' }, T0 + 70);
      expect(await store.alertMessageOf(profanity!)).toEqual({ deliveryId: newest, channel: 'C0MODS002', ts: '1732790470.000100' });
      expect(await store.alertMessageOf(insult!)).toEqual({ deliveryId: early, channel: 'C0MODS001', ts: '1732790420.000100' });
      expect(await store.alertMessageOf(profanity! + 1000)).toBeUndefined();
    });

    it("finds a member report's card", async () => {
      const store = get();
      const { created, queued } = await memberReport(store, message(), { reason: 'voir le fil' });
      expect(await store.alertMessageOf(created[0]!)).toBeUndefined();
      await store.completeDelivery(queued[0]!, { channel: 'C0MODS001', ts: '1732790401.000100', via: 'channel' }, T0 + 1);
      expect(await store.alertMessageOf(created[0]!)).toEqual({ deliveryId: queued[0], channel: 'C0MODS001', ts: '1732790401.000100' });
    });
  });
}
