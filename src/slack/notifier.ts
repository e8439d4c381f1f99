/**
 * Delivers the moderation core's outbox to Slack: reminders as ephemeral messages to the author
 * (in the thread when the message was in one), falling back to a DM when the ephemeral cannot be
 * shown; moderator alerts as messages in `MODERATION_CHANNEL`. Slack's errors are classified for
 * the relay: rate limits (with Retry-After), 5xx, network errors and Slack's own transient
 * errors are retried; the rest is permanent.
 */
import type { ChatPostEphemeralArguments, ChatPostMessageArguments, WebClient } from '@slack/web-api';
import type { Lang } from '../engine/types';
import type { Delivery, DeliveryReceipt } from '../moderation/model';
import { DeliveryError, Notifier } from '../moderation/ports';
import type { Charter } from '../ruleset/charter';
import { AlertDigest } from './alert-digest';
import { alertMessage, digestMessage, reminderMessage } from './views';

/** Slack errors that mean "the ephemeral cannot be shown there": try a DM instead. */
const DM_FALLBACK_ERRORS: ReadonlySet<string> = new Set([
  'user_not_in_channel',
  'not_in_channel',
  'channel_not_found',
  'is_archived',
  'restricted_action',
  'cannot_dm_bot',
  'messages_tab_disabled',
]);

/** Slack platform errors worth trying again later. */
const TRANSIENT_PLATFORM_ERRORS: ReadonlySet<string> = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'team_added_to_org',
]);

/** What the notifier needs. */
export interface SlackNotifierOptions {
  client: WebClient;
  /** The charter in force (for article titles in reminders). */
  charter: () => Charter;
  /** Where moderator alerts go; alerts fail permanently (visible with the flag) without it. */
  moderationChannel?: string;
  /** The language of moderator alerts. */
  moderatorLang: Lang;
  /** Alerts per minute before they are grouped into a digest card (default 5). */
  digestAfter?: number;
  /** The escalation ladder's window, shown on cards (days). */
  windowDays?: number;
}

/** The Notifier port over the Slack Web API. */
export class SlackNotifier implements Notifier {
  private readonly digest: AlertDigest;

  constructor(private readonly options: SlackNotifierOptions) {
    const { client, moderatorLang } = options;
    this.digest = new AlertDigest(options.digestAfter ?? 5, {
      post: async (digest) => {
        const message = digestMessage({ lang: moderatorLang, count: digest.count, since: digest.since, now: Date.now(), latest: digest.latest, moreInQueue: true });
        const posted = await client.chat.postMessage({ channel: options.moderationChannel as string, text: message.text, blocks: message.blocks });
        return { channel: posted.channel ?? (options.moderationChannel as string), ts: posted.ts as string };
      },
      update: async (digest) => {
        const message = digestMessage({ lang: moderatorLang, count: digest.count, since: digest.since, now: Date.now(), latest: digest.latest, moreInQueue: true });
        await client.chat.update({ channel: digest.channel, ts: digest.ts, text: message.text, blocks: message.blocks });
      },
    });
  }

  /** Sends the digest card's last update (on shutdown). */
  flush(): Promise<void> {
    return this.digest.flush();
  }

  async deliver(delivery: Delivery): Promise<DeliveryReceipt> {
    try {
      return delivery.kind === 'nudge' ? await this.remind(delivery) : await this.alert(delivery);
    } catch (error) {
      throw classifySlackError(error);
    }
  }

  private async remind(delivery: Delivery): Promise<DeliveryReceipt> {
    const { client, charter } = this.options;
    const { payload } = delivery;
    const message = reminderMessage(delivery, charter(), { via: 'ephemeral' });
    const ephemeral: ChatPostEphemeralArguments = {
      channel: payload.channel,
      user: payload.user,
      text: message.text,
      blocks: message.blocks,
      ...(payload.threadTs !== undefined ? { thread_ts: payload.threadTs } : {}),
    };
    try {
      const result = await client.chat.postEphemeral(ephemeral);
      return { channel: payload.channel, ...(result.message_ts !== undefined ? { ts: result.message_ts } : {}), via: 'ephemeral' };
    } catch (error) {
      const code = platformErrorCode(error);
      if (code === undefined || !DM_FALLBACK_ERRORS.has(code)) throw error;
    }
    const opened = await client.conversations.open({ users: payload.user });
    const dm = opened.channel?.id;
    if (dm === undefined) throw new DeliveryError('dm_not_opened', 'transient');
    const direct = reminderMessage(delivery, charter(), { via: 'dm' });
    const posted = await client.chat.postMessage({ channel: dm, text: direct.text, blocks: direct.blocks } satisfies ChatPostMessageArguments);
    return { channel: dm, ...(posted.ts !== undefined ? { ts: posted.ts } : {}), via: 'dm' };
  }

  private async alert(delivery: Delivery): Promise<DeliveryReceipt> {
    const { client, charter, moderationChannel, moderatorLang } = this.options;
    if (moderationChannel === undefined) throw new DeliveryError('moderation_channel_not_set', 'permanent');
    if (!this.digest.admitCard()) {
      const { payload } = delivery;
      const first = payload.findings[0];
      const placed = await this.digest.add({
        rule: first?.flagRule ?? '',
        category: first?.category ?? 'custom',
        severity: first?.severity ?? 'medium',
        channel: payload.channel,
        ...(payload.channelName !== undefined ? { channelName: payload.channelName } : {}),
      });
      return { ...placed, via: 'digest' };
    }
    const message = alertMessage(delivery, charter(), moderatorLang, this.options.windowDays !== undefined ? { windowDays: this.options.windowDays } : {});
    const posted = await client.chat.postMessage({ channel: moderationChannel, text: message.text, blocks: message.blocks });
    return { channel: moderationChannel, ...(posted.ts !== undefined ? { ts: posted.ts } : {}), via: 'channel' };
  }
}

/** Slack's error code for a platform error (`{ ok: false, error }`), if it is one. */
export function platformErrorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const e = error as { code?: unknown; data?: { error?: unknown } };
  if (e.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string') return e.data.error;
  return undefined;
}

/**
 * Reads a Web API error as a delivery error: transient (rate limit with its Retry-After, HTTP 5xx
 * or 408, network errors, Slack's transient errors) or permanent (everything else Slack refused).
 */
export function classifySlackError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error === null || typeof error !== 'object') return new DeliveryError('unknown', 'transient');
  const e = error as { code?: unknown; retryAfter?: unknown; statusCode?: unknown };
  switch (e.code) {
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' ? e.retryAfter : 1;
      return new DeliveryError('ratelimited', 'transient', seconds * 1000);
    }
    case 'slack_webapi_http_error': {
      const status = typeof e.statusCode === 'number' ? e.statusCode : 0;
      return new DeliveryError(`http_${status}`, status >= 500 || status === 408 || status === 0 ? 'transient' : 'permanent');
    }
    case 'slack_webapi_request_error':
      return new DeliveryError('request_error', 'transient');
    case 'slack_webapi_platform_error': {
      const code = platformErrorCode(error) ?? 'platform_error';
      return new DeliveryError(code, TRANSIENT_PLATFORM_ERRORS.has(code) ? 'transient' : 'permanent');
    }
    default:
      return new DeliveryError(typeof e.code === 'string' ? e.code : 'unknown', 'transient');
  }
}
