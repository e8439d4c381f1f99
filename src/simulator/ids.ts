/**
 * Slack-looking identifiers: message timestamps, event ids, trigger ids, view ids.
 * Timestamps are strictly increasing across the whole process, so that messages built by the
 * payload builders and messages posted through the simulated Web API sort in creation order.
 */
import { randomBytes } from 'node:crypto';

let lastMicros = 0;
let counter = 0;

/**
 * The next message timestamp, `seconds.micros` like `'1732790400.000100'`: the current time,
 * bumped by 100 µs whenever needed so that every value is greater than the previous one.
 */
export function nextTs(): string {
  const now = Date.now() * 1000;
  lastMicros = Math.max(now, lastMicros + 100);
  return microsToTs(lastMicros);
}

/** `1732790400000100` → `'1732790400.000100'`. */
export function microsToTs(micros: number): string {
  const seconds = Math.floor(micros / 1_000_000);
  const rest = micros - seconds * 1_000_000;
  return `${seconds}.${String(rest).padStart(6, '0')}`;
}

/** Whole seconds of a Slack timestamp (`'1732790400.000100'` → `1732790400`). */
export function tsSeconds(ts: string): number {
  return Math.floor(Number(ts));
}

function nextCounter(): number {
  counter += 1;
  return counter;
}

/** Upper-case base-36 id with a Slack prefix, e.g. `Ev0000000A1B` or `V00000000K`. */
function prefixedId(prefix: string, length: number): string {
  return prefix + nextCounter().toString(36).toUpperCase().padStart(length, '0');
}

/** A new event id like `Ev0000000012` (Slack's `event_id`). */
export function nextEventId(): string {
  return prefixedId('Ev', 10);
}

/** A new view id like `V000000001`. */
export function nextViewId(): string {
  return prefixedId('V', 10);
}

/** A new file id like `F000000001`. */
export function nextFileId(): string {
  return prefixedId('F', 10);
}

/** A new multi-person DM id like `G00000001M` (`conversations.open` with several users). */
export function nextMpimId(): string {
  return prefixedId('G', 9) + 'M';
}

/** A new client message id (a UUID, as Slack clients send). */
export function nextClientMsgId(): string {
  const hex = randomBytes(16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new trigger id like `1732790400123.4242.5d41402abc4b2a76b9719d911017c592`. */
export function nextTriggerId(): string {
  return `${Date.now()}.${nextCounter()}.${randomBytes(16).toString('hex')}`;
}

/** A short random block id, like the ones Slack generates for rich text (`'xwvU3'`). */
export function randomBlockId(): string {
  return randomBytes(4).toString('base64url').slice(0, 5);
}

/**
 * The id of the direct-message channel between the bot and `user`: deterministic, so an
 * `app_home_opened` event built without the simulator names the channel `conversations.open`
 * will answer (`U123ABC` → `D123ABC`).
 */
export function dmChannelId(user: string): string {
  return `D${user.replace(/^[UW]/, '')}`;
}
