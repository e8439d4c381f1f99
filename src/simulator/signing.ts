/**
 * Slack request signing (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `v0=` + hex HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`), sent in
 * `x-slack-signature`, with the timestamp in seconds in `x-slack-request-timestamp`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Headers that carry a Slack signature. */
export interface SignatureHeaders {
  'x-slack-request-timestamp': string;
  'x-slack-signature': string;
}

/** The current time in whole seconds, as Slack puts it in `x-slack-request-timestamp`. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** `v0=<hex>`: the signature of `rawBody` sent at `timestamp` (seconds). */
export function computeSignature(signingSecret: string, timestamp: number | string, rawBody: string): string {
  const hmac = createHmac('sha256', signingSecret);
  hmac.update(`v0:${timestamp}:${rawBody}`);
  return `v0=${hmac.digest('hex')}`;
}

/** Signs `rawBody` as Slack does; `timestamp` defaults to now. */
export function signRequest(signingSecret: string, rawBody: string, timestamp: number = nowSeconds()): SignatureHeaders {
  return {
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': computeSignature(signingSecret, timestamp, rawBody),
  };
}

/** Why {@link verifySignature} refused a request, or `ok`. */
export type VerifyResult = 'ok' | 'missing' | 'stale' | 'mismatch';

/**
 * Checks a signature the way a receiver must: the timestamp at most `maxAgeSeconds` (300) old,
 * and the HMAC equal in constant time. Independent of Bolt, for tests of the signing itself.
 */
export function verifySignature(
  signingSecret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  rawBody: string,
  options: { now?: number; maxAgeSeconds?: number } = {},
): VerifyResult {
  const { timestamp, signature } = headers;
  if (timestamp === undefined || signature === undefined || !/^\d+$/.test(timestamp)) return 'missing';
  const now = options.now ?? nowSeconds();
  if (Math.abs(now - Number(timestamp)) > (options.maxAgeSeconds ?? 300)) return 'stale';
  const expected = Buffer.from(computeSignature(signingSecret, timestamp, rawBody));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? 'ok' : 'mismatch';
}
