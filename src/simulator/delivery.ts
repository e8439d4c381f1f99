/**
 * Delivers events, interactions and slash commands to the app as Slack does: signed POSTs to
 * its Request URL (JSON for events, `payload=<json>` forms for interactivity, plain forms for
 * slash commands).
 */
import { request } from 'node:http';
import { eventCallback } from './events';
import { nextEventId } from './ids';
import type { Json } from './shapes';
import { signRequest } from './signing';

/** Where and how to reach the app. */
export interface AppTarget {
  /** The Request URL, e.g. `http://127.0.0.1:3000/slack/events`. */
  url: string;
  /** The app's signing secret. */
  signingSecret: string;
}

/** What the app answered. */
export interface DeliveryResult {
  status: number;
  body: string;
  /** Response headers, lower-cased. */
  headers: Record<string, string | string[] | undefined>;
}

/** Options of {@link SlackDelivery.sendEvent}. */
export interface SendEventOptions {
  /** Force the `event_id` (a retry carries the same id as the first attempt). */
  eventId?: string;
  /** Send `x-slack-retry-num` (and `x-slack-retry-reason`), as Slack does when it retries. */
  retryNum?: number;
  /** `x-slack-retry-reason`; `'http_timeout'` by default when `retryNum` is set. */
  retryReason?: string;
  /** Request timestamp in seconds (a stale one to test replay protection). */
  timestamp?: number;
  /** Send this signature instead of the real one (a forgery). */
  signature?: string;
  /** Send this raw body instead of the envelope (still signed, unless `signature` is given). */
  body?: string;
}

/** A client that delivers to the app like Slack. */
export interface SlackDelivery {
  /**
   * Wraps the event in an `event_callback` envelope, signs it and POSTs it as JSON. Message
   * events also update the simulated workspace (the message appears in `messages(channel)`).
   */
  sendEvent(event: Record<string, unknown>, options?: SendEventOptions): Promise<DeliveryResult & { eventId: string }>;
  /** Interactivity: a signed form POST `payload=<json>`, content type `application/x-www-form-urlencoded`. */
  sendInteraction(payload: Record<string, unknown>): Promise<DeliveryResult>;
  /** Slash command: the fields as a signed form POST. */
  sendCommand(fields: Record<string, string>): Promise<DeliveryResult>;
  /** Raw POST of any body and headers (nothing added, nothing signed): for malformed input. */
  post(body: string, headers: Record<string, string>): Promise<DeliveryResult>;
  /** The signature headers Slack would send for `body` (now, or at `timestamp` seconds). */
  signatureHeaders(body: string, timestamp?: number): Record<string, string>;
}

/** Options of {@link createDelivery}. */
export interface DeliveryOptions {
  /** Called with each event before it is sent (the simulator keeps its workspace in step). */
  onEvent?: (event: Json) => void;
  /** How long to wait for the app's answer; default 10 s. */
  timeoutMs?: number;
}

const FORM = 'application/x-www-form-urlencoded';

/** A {@link SlackDelivery} to `target`. */
export function createDelivery(target: AppTarget, options: DeliveryOptions = {}): SlackDelivery {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const post = (body: string, headers: Record<string, string>): Promise<DeliveryResult> =>
    httpPost(target.url, body, headers, timeoutMs);
  const signed = (body: string, contentType: string): Promise<DeliveryResult> =>
    post(body, { 'content-type': contentType, ...signRequest(target.signingSecret, body) });

  return {
    async sendEvent(event, sendOptions = {}) {
      const eventId = sendOptions.eventId ?? nextEventId();
      const body = sendOptions.body ?? JSON.stringify(eventCallback(event, { eventId }));
      if (sendOptions.body === undefined) options.onEvent?.(event);
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...signRequest(target.signingSecret, body, sendOptions.timestamp),
      };
      if (sendOptions.signature !== undefined) headers['x-slack-signature'] = sendOptions.signature;
      if (sendOptions.retryNum !== undefined) {
        headers['x-slack-retry-num'] = String(sendOptions.retryNum);
        headers['x-slack-retry-reason'] = sendOptions.retryReason ?? 'http_timeout';
      }
      const result = await post(body, headers);
      return { ...result, eventId };
    },
    sendInteraction(payload) {
      return signed(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), FORM);
    },
    sendCommand(fields) {
      return signed(new URLSearchParams(fields).toString(), FORM);
    },
    post,
    signatureHeaders(body, timestamp) {
      return { ...signRequest(target.signingSecret, body, timestamp) };
    },
  };
}

function httpPost(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<DeliveryResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        timeout: timeoutMs,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: { ...res.headers } }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`SlackSimulator: the app did not answer ${url} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
