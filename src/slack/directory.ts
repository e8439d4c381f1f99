/**
 * What the bot needs to know about channels and people, looked up with the Web API and cached
 * with a TTL: a channel's name, whether it is private or shared with another company; a user's
 * locale and whether they are a bot. A failed lookup never stops a message from being checked:
 * it falls back to what is safe (no channel name, the default locale).
 */
import type { WebClient } from '@slack/web-api';
import type { Lang } from '../engine/types';
import type { Logger } from '../moderation/logger';
import { localeToLang } from './i18n';
import { TtlCache } from './ttl-cache';

/** A channel as the rules see it. */
export interface ChannelInfo {
  id: string;
  name?: string;
  private: boolean;
  /** Shared with another company (Slack Connect). */
  external: boolean;
  /** A direct message or group DM: out of scope. */
  direct: boolean;
}

/** A person as the bot needs them. */
export interface UserInfo {
  id: string;
  /** The language to answer in: their Slack locale, or the default when it is unknown. */
  lang: Lang;
  /** Their Slack locale as a language, when the lookup told it (a reminder then falls back to the message's language). */
  locale?: Lang;
  isBot: boolean;
}

/**
 * The longest a lookup may take (ms). Slack wants its answer within 3 seconds, and the message is
 * answered only once it is recorded: past this, the message is checked without the context.
 */
export const LOOKUP_TIMEOUT_MS = 1_500;

/** Resolves like `work`, or rejects after `ms`. */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('lookup timed out'), { code: 'lookup_timeout' })), ms);
    timer.unref?.();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Cached lookups of channels and users. */
export class SlackDirectory {
  private readonly channels: TtlCache<string, ChannelInfo>;
  private readonly users: TtlCache<string, UserInfo>;

  constructor(
    private readonly client: WebClient,
    private readonly defaultLang: Lang,
    private readonly logger?: Logger,
    ttlMs = 10 * 60_000,
  ) {
    this.channels = new TtlCache(ttlMs);
    this.users = new TtlCache(ttlMs);
  }

  /** The channel's context; a failed lookup gives an unnamed, internal, public channel. */
  channel(id: string): Promise<ChannelInfo> {
    return this.channels.get(id, async () => {
      try {
        const result = await withTimeout(this.client.conversations.info({ channel: id }), LOOKUP_TIMEOUT_MS);
        const c = result.channel ?? {};
        const info: ChannelInfo = {
          id,
          private: c.is_private === true || c.is_group === true,
          external: c.is_ext_shared === true || c.is_pending_ext_shared === true,
          direct: c.is_im === true || c.is_mpim === true,
        };
        if (typeof c.name === 'string') info.name = c.name;
        return info;
      } catch (error) {
        this.logger?.warn({ channel: id, err: error }, 'conversations.info failed; checking without channel context');
        throw error;
      }
    }).catch(() => ({ id, private: false, external: false, direct: id.startsWith('D') }));
  }

  /** The user's language and kind; a failed lookup gives the default language. */
  user(id: string): Promise<UserInfo> {
    return this.users.get(id, async () => {
      try {
        const result = await withTimeout(this.client.users.info({ user: id, include_locale: true }), LOOKUP_TIMEOUT_MS);
        const user = result.user ?? {};
        const info: UserInfo = { id, lang: localeToLang(user.locale, this.defaultLang), isBot: user.is_bot === true };
        if (typeof user.locale === 'string' && user.locale !== '') info.locale = info.lang;
        return info;
      } catch (error) {
        this.logger?.warn({ user: id, err: error }, 'users.info failed; using the default language');
        throw error;
      }
    }).catch(() => ({ id, lang: this.defaultLang, isBot: false }));
  }

  /** Forgets a channel (renamed, shared, archived). */
  forgetChannel(id: string): void {
    this.channels.delete(id);
  }
}
