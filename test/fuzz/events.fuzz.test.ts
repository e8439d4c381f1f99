/**
 * Property-based fuzzing of event parsing (fast-check, fixed seed and run counts):
 * `readMessageEvent` on arbitrary JSON values and on real `message` / `message_changed` events
 * mutated (fields removed, given the wrong type, `null`, huge strings, nested garbage). It never
 * throws and answers `{ check }` or `{ skip }`; a `check` holds non-empty strings and a boolean
 * `edited`, and is never a DM, a bot's message or the bot's own.
 */
import fc from 'fast-check';
import {
  BOT_USER_ID,
  botMessageEvent,
  fileShareEvent,
  messageChangedEvent,
  messageDeletedEvent,
  messageEvent,
  threadBroadcastEvent,
} from '../../src/simulator';
import { MessageDecision, readMessageEvent } from '../../src/slack/message-events';

/** See test/fuzz/engine.fuzz.test.ts: `FUZZ_SEED` and `FUZZ_SCALE` for a deeper search. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (count: number): number => Math.max(1, Math.round(count * SCALE));

const SKIP_REASONS = new Set(['direct-message', 'bot', 'own-message', 'system-subtype', 'unchanged-edit', 'no-text', 'malformed']);

/** What must hold of any decision. */
function checkDecision(decision: MessageDecision, botUserId: string | undefined): void {
  const keys = Object.keys(decision);
  expect(keys).toHaveLength(1);
  if ('skip' in decision) {
    expect(SKIP_REASONS.has(decision.skip)).toBe(true);
    return;
  }
  const { check } = decision;
  for (const field of ['channel', 'author', 'ts', 'text'] as const) {
    expect(typeof check[field]).toBe('string');
    expect(check[field]).not.toBe('');
  }
  expect(typeof check.edited).toBe('boolean');
  if ('threadTs' in check) {
    expect(typeof check.threadTs).toBe('string');
    expect(check.threadTs).not.toBe(check.ts);
  }
  expect(check.text.trim()).not.toBe('');
  expect(check.channel.startsWith('D')).toBe(false);
  if (botUserId !== undefined) expect(check.author).not.toBe(botUserId);
  expect(Object.keys(check).sort()).toEqual(['author', 'channel', 'edited', 'text', 'ts', ...('threadTs' in check ? ['threadTs'] : [])].sort());
}

function read(event: unknown, botUserId: string | undefined): MessageDecision {
  const decision = readMessageEvent(event, botUserId);
  checkDecision(decision, botUserId);
  return decision;
}

const botUserId = fc.constantFrom<string | undefined>(BOT_USER_ID, undefined, '', 'U0ALICE01');

/** Values of the wrong type, `null`, huge strings, nested garbage. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.boolean(),
  fc.double(),
  fc.integer(),
  fc.constantFrom('', ' ', '\u200b', 'message_changed', 'bot_message', 'thread_broadcast', 'file_share', 'im', 'D0DM00001', 'U0CHARTERBOT', '0', 'null', '__proto__', 'constructor'),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.integer({ min: 10_000, max: 2_000_000 }).map((length) => 'x'.repeat(length)),
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withBoxedValues: true }),
  fc.array(fc.constantFrom('text', 'user', 'ts'), { maxLength: 3 }),
);

/** Real events of each shape the bot reads. */
function realEvents(): Array<Record<string, unknown>> {
  const base = { channel: 'C0GENERAL1', user: 'U0ALICE01' };
  return [
    messageEvent({ ...base, text: 'putain, encore une panne' }),
    messageEvent({ ...base, text: 'une réponse', threadTs: '1700000000.000100' }),
    messageEvent({ ...base, channel: 'G0PRIVE001', text: '/me est en retard', subtype: 'me_message' }),
    messageEvent({ ...base, channel: 'D0DM000001', text: 'en privé' }),
    messageEvent({ ...base, text: 'a rejoint', subtype: 'channel_join' }),
    messageChangedEvent({ ...base, ts: '1700000000.000200', previousText: 'bonjour', newText: 'bonjour con' }),
    messageChangedEvent({ ...base, ts: '1700000000.000300', previousText: 'même', newText: 'même', threadTs: '1700000000.000100' }),
    messageDeletedEvent({ ...base, ts: '1700000000.000400', previousText: 'effacé' }),
    threadBroadcastEvent({ ...base, text: 'à tous', threadTs: '1700000000.000100' }),
    fileShareEvent({ ...base, text: 'le fichier', files: [{ name: 'a.pdf' }] }),
    botMessageEvent({ channel: 'C0GENERAL1', text: 'déploiement fini' }),
    messageEvent({ channel: 'C0GENERAL1', user: BOT_USER_ID, text: 'le rappel du bot' }),
  ] as Array<Record<string, unknown>>;
}
const REAL = realEvents();

/** One mutation: where (top level, `message`, `previous_message`, or deeper), which field, what to do. */
interface Mutation {
  target: 'top' | 'message' | 'previous_message' | 'message.edited' | 'files.0';
  field: string;
  op: 'delete' | 'set';
  value: unknown;
}

const FIELDS = ['type', 'subtype', 'user', 'bot_id', 'bot_profile', 'app_id', 'text', 'ts', 'thread_ts', 'channel', 'channel_type', 'hidden', 'message', 'previous_message', 'blocks', 'edited', 'files', 'event_ts'];

const mutation: fc.Arbitrary<Mutation> = fc.record({
  target: fc.constantFrom('top', 'top', 'message', 'previous_message', 'message.edited', 'files.0'),
  field: fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 8 })),
  op: fc.constantFrom('delete', 'set', 'set'),
  value: garbage,
});

function locate(event: Record<string, unknown>, target: Mutation['target']): unknown {
  if (target === 'top') return event;
  let node: unknown = event;
  for (const key of target.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function mutate(original: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
  const event = structuredClone(original);
  for (const { target, field, op, value } of mutations) {
    const node = locate(event, target);
    if (node === null || typeof node !== 'object') continue;
    if (op === 'delete') delete (node as Record<string, unknown>)[field];
    else Object.defineProperty(node, field, { value, enumerable: true, writable: true, configurable: true });
  }
  return event;
}

describe('readMessageEvent on arbitrary input (fast-check, seeded)', () => {
  it('arbitrary values, JSON or not, never throw and get a well-formed decision', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 5 }), fc.anything({ maxDepth: 4, withNullPrototype: true, withMap: true, withBoxedValues: true }), garbage), botUserId, (event, bot) => {
        read(event, bot);
      }),
      { seed: SEED, numRuns: runs(2000) },
    );
  });

  it('objects with message-like fields of random types', () => {
    const messageLike = fc.record(
      {
        type: fc.oneof(fc.constant('message'), garbage),
        subtype: fc.oneof(fc.constantFrom(undefined, 'message_changed', 'thread_broadcast', 'file_share', 'me_message', 'bot_message', 'channel_join'), garbage),
        user: fc.oneof(fc.constantFrom('U0ALICE01', BOT_USER_ID), garbage),
        text: fc.oneof(fc.string(), garbage),
        ts: fc.oneof(fc.constant('1700000000.000100'), garbage),
        thread_ts: fc.oneof(fc.constant('1700000000.000100'), garbage),
        channel: fc.oneof(fc.constantFrom('C0GENERAL1', 'G0PRIVE001', 'D0DM000001'), garbage),
        channel_type: fc.oneof(fc.constantFrom('channel', 'group', 'im', 'mpim'), garbage),
        bot_id: garbage,
        message: garbage,
        previous_message: garbage,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(messageLike, botUserId, (event, bot) => {
        read(event, bot);
        read({ ...event, subtype: 'message_changed', message: event }, bot);
      }),
      { seed: SEED + 1, numRuns: runs(2000) },
    );
  });

  it('real message and message_changed events, mutated, never throw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: REAL.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }), botUserId, (which, mutations, bot) => {
        read(mutate(REAL[which] as Record<string, unknown>, mutations), bot);
      }),
      { seed: SEED + 2, numRuns: runs(3000) },
    );
  });

  it('the real events unmutated are read as expected (the mutations start from valid input)', () => {
    const decisions = REAL.map((event) => readMessageEvent(event, BOT_USER_ID));
    expect(decisions.map((decision) => ('check' in decision ? 'check' : decision.skip))).toEqual([
      'check',
      'check',
      'check',
      'direct-message',
      'system-subtype',
      'check',
      'unchanged-edit',
      'system-subtype',
      'check',
      'check',
      'bot',
      'own-message',
    ]);
  });
});
