/**
 * The moderation core's bars: replayed events flag and remind once; a flaky Notifier still gets
 * every delivery made exactly once; planted secrets never reach the database or the logs.
 */
import fs from 'node:fs';
import { generateCleanChat } from '../../bench/chat-corpus';
import { evaluate } from '../../src/engine/evaluate';
import { createMessageHandler, IncomingMessage } from '../../src/moderation/handle-message';
import { OutboxRelay } from '../../src/moderation/relay';
import { capturingLogger } from '../helpers/captured-logs';
import { BREAKING_TEXTS, PLANTED_SECRETS } from '../helpers/breaking-messages';
import { defaultRules, defaultRuleSet } from '../helpers/default-rules';
import { FakeNotifier, ManualClock } from '../helpers/fake-notifier';
import { seededRandom, shuffle } from '../helpers/seeded-random';
import { openTempStore, TempStore } from '../helpers/temp-store';

let temp: TempStore;
let clock: ManualClock;

beforeEach(() => {
  temp = openTempStore();
  clock = new ManualClock();
});

afterEach(async () => {
  await temp.cleanup();
});

/** A stream of messages: a quarter break a rule, the rest is ordinary chat; each author posts a few. */
function stream(count: number, random: () => number): IncomingMessage[] {
  const clean = generateCleanChat(count, 7);
  return clean.map((chat, i) => {
    const text = random() < 0.25 ? (BREAKING_TEXTS[Math.floor(random() * BREAKING_TEXTS.length)] as string) : chat.text;
    return {
      eventId: `Ev${String(i).padStart(6, '0')}`,
      channel: { id: `C${i % 7}`, name: 'projet-atlas' },
      author: `U${String(i % 97).padStart(4, '0')}`,
      ts: `1732790400.${String(i).padStart(6, '0')}`,
      text,
      locale: 'fr',
    };
  });
}

/** Each event delivered 1 to 4 times, retries arriving later and out of order, as Slack retries do. */
function withRetries(events: IncomingMessage[], random: () => number): IncomingMessage[] {
  const deliveries: IncomingMessage[] = [];
  for (const event of events) {
    const copies = 1 + Math.floor(random() * 4);
    for (let copy = 0; copy < copies; copy++) deliveries.push(event);
  }
  // Keep the stream roughly in order: shuffle within windows of 50 deliveries.
  const windows: IncomingMessage[] = [];
  for (let start = 0; start < deliveries.length; start += 50) windows.push(...shuffle(deliveries.slice(start, start + 50), random));
  return windows;
}

describe('moderation core reliability', () => {
  it('replaying 1,000 events, each delivered 1 to 4 times, gives exactly one flag per rule broken and at most one reminder per message', async () => {
    const random = seededRandom(20261128);
    const events = stream(1_000, random);
    const notifier = new FakeNotifier();
    const handle = createMessageHandler({ store: temp.store, rules: defaultRules, clock, policy: { cooldownMs: 0 } });
    const relay = new OutboxRelay({ store: temp.store, notifier, clock });
    let tick = 0;
    for (const event of withRetries(events, random)) {
      await handle(event);
      if (++tick % 37 === 0) await relay.drain();
      clock.advance(10);
    }
    await relay.drain();

    const expected = new Map<string, string[]>();
    for (const event of events) {
      const rules = [...new Set(evaluate({ text: event.text, channel: event.channel, lang: 'fr' }, defaultRuleSet()).findings.map((f) => f.rule))];
      if (rules.length > 0) expected.set(event.ts, rules.sort());
    }
    expect(expected.size).toBeGreaterThan(150);

    const flags = (await temp.store.listFlags({ includeShadow: true }, { limit: 200 }));
    const all = [...flags.items];
    let next = flags.next;
    while (next !== undefined) {
      const page = await temp.store.listFlags({ includeShadow: true }, { limit: 200, after: next });
      all.push(...page.items);
      next = page.next;
    }
    const found = new Map<string, string[]>();
    for (const flag of all) found.set(flag.messageTs, [...(found.get(flag.messageTs) ?? []), flag.rule].sort());
    expect(found).toEqual(expected);

    const remindersPerMessage = new Map<string, number>();
    for (const delivery of notifier.delivered.filter((d) => d.kind === 'nudge')) {
      remindersPerMessage.set(delivery.payload.messageTs, (remindersPerMessage.get(delivery.payload.messageTs) ?? 0) + 1);
    }
    expect(Math.max(...remindersPerMessage.values())).toBe(1);
    expect(remindersPerMessage.size).toBe(expected.size);
  });

  it('with a Notifier failing 30 % of calls transiently, every delivery is made exactly once', async () => {
    const random = seededRandom(42);
    const events = stream(600, random);
    const flaky = seededRandom(7);
    const notifier = new FakeNotifier(() => {
      const roll = flaky();
      if (roll < 0.1) return { transient: 'ratelimited', retryAfterMs: 2_000 };
      if (roll < 0.2) return { transient: 'http_503' };
      if (roll < 0.3) return 'throw';
      return 'ok';
    });
    const handle = createMessageHandler({ store: temp.store, rules: defaultRules, clock, policy: { cooldownMs: 0 } });
    const relay = new OutboxRelay({ store: temp.store, notifier, clock, random: flaky });
    for (const event of events) await handle(event);
    const queued = (await temp.store.listDeliveries({ status: 'pending' }, { limit: 5_000 })).items.length;
    expect(queued).toBeGreaterThan(100);

    for (let round = 0; round < 1_000 && (await temp.store.nextDeliveryDue()) !== undefined; round++) {
      await relay.drain();
      clock.advance(60_000);
    }
    expect(notifier.calls).toBeGreaterThan(queued);
    expect(await temp.store.nextDeliveryDue()).toBeUndefined();
    expect((await temp.store.listDeliveries({ status: 'failed' }, { limit: 10 })).items).toEqual([]);
    const counts = notifier.deliveryCounts();
    expect(counts.size).toBe(queued);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('planted secrets reach neither the database file nor the logs', async () => {
    const { logger, logs: lines } = capturingLogger();
    const notifier = new FakeNotifier();
    const handle = createMessageHandler({ store: temp.store, rules: defaultRules, clock, logger, policy: { cooldownMs: 0 } });
    const relay = new OutboxRelay({ store: temp.store, notifier, clock, logger });
    let i = 0;
    for (const text of BREAKING_TEXTS) {
      for (const channel of [{ id: 'C1', name: 'projet-atlas' }, { id: 'C2', name: 'ext-acme', external: true }]) {
        i++;
        await handle({ eventId: `Ev${i}`, channel, author: 'U0456EFGH', ts: `1732790400.${i}`, text, locale: 'fr' });
      }
    }
    await relay.drain();
    expect(notifier.delivered.length).toBeGreaterThan(10);
    expect(lines.length).toBeGreaterThan(10);

    const files = [temp.file, `${temp.file}-wal`].filter((f) => fs.existsSync(f));
    const stored = files.map((f) => fs.readFileSync(f).toString('latin1') + fs.readFileSync(f).toString('utf8')).join('\n');
    const logged = lines.join('');
    for (const secret of PLANTED_SECRETS) {
      const compact = secret.replace(/ /g, '');
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(compact);
      expect(logged).not.toContain(secret);
      expect(logged).not.toContain(compact);
    }
    // The message texts themselves are not stored either.
    expect(stored).not.toContain('encore une panne');
    expect(logged).not.toContain('encore une panne');
  });
});
