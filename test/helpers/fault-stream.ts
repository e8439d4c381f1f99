/**
 * A deterministic stream of channel messages for fault tests: clean chat mixed with messages that
 * break the default rules, from Alice (fr) and Bob (en) in #projet-atlas and #general, each with
 * its Slack event, its own `event_id` (Slack's retries carry the same one) and what the bot
 * should do with it.
 */
import { generateCleanChat } from '../../bench/chat-corpus';
import { type Json, messageEvent } from '../../src/simulator';
import { ALICE, BOB, GENERAL, PROJET } from './bot-harness';
import { BREAKING_TEXTS } from './breaking-messages';
import { expectedOutcome } from './fault-harness';
import { seededRandom } from './seeded-random';

/** One message of the stream. */
export interface StreamMessage {
  eventId: string;
  event: Json;
  ts: string;
  text: string;
  channel: string;
  user: string;
  /** What the bot should record and deliver for it. */
  expected: { rules: string[]; reminder: boolean; alert: boolean };
}

const CHANNELS = [
  { id: PROJET, name: 'projet-atlas' },
  { id: GENERAL, name: 'general' },
] as const;
const PEOPLE = [
  { id: ALICE, lang: 'fr' },
  { id: BOB, lang: 'en' },
] as const;

/**
 * `count` messages, about `breakingShare` of them breaking a rule; event ids `Ev0F<tag><n>`.
 * Message ts are unique (the simulator's clock).
 */
export function messageStream(count: number, options: { seed?: number; breakingShare?: number; tag?: string } = {}): StreamMessage[] {
  const random = seededRandom(options.seed ?? 7);
  const share = options.breakingShare ?? 0.4;
  const tag = options.tag ?? 'A';
  const clean = generateCleanChat(count, options.seed ?? 7);
  return clean.map((chat, i) => {
    const channel = CHANNELS[i % CHANNELS.length] as (typeof CHANNELS)[number];
    const person = PEOPLE[Math.floor(random() * PEOPLE.length)] as (typeof PEOPLE)[number];
    const text = random() < share ? (BREAKING_TEXTS[Math.floor(random() * BREAKING_TEXTS.length)] as string) : chat.text;
    const event = messageEvent({ channel: channel.id, user: person.id, text });
    return {
      eventId: `Ev0F${tag}${String(i).padStart(6, '0')}`,
      event,
      ts: String(event.ts),
      text,
      channel: channel.id,
      user: person.id,
      expected: expectedOutcome(text, channel, person.lang),
    };
  });
}

/** The flag rules expected per message ts (messages that break nothing are absent). */
export function expectedFlags(stream: readonly StreamMessage[]): Map<string, string[]> {
  return new Map(stream.filter((m) => m.expected.rules.length > 0).map((m) => [m.ts, m.expected.rules]));
}
