/**
 * What the moderators' listeners share: roles, the review use cases, card updates, escalation,
 * member reports, and each moderator's queue filter (kept in memory: a restart resets filters,
 * never decisions).
 */
import type { WebClient } from '@slack/web-api';
import type { RuleSet } from '../engine/rule';
import type { Category, Lang } from '../engine/types';
import type { Logger } from '../moderation/logger';
import type { Flag, FlagStatus } from '../moderation/model';
import type { Clock, FlagFilter, ModerationStore } from '../moderation/ports';
import { ModerationReview } from '../moderation/review';
import type { Charter } from '../ruleset/charter';
import { CardUpdater } from './cards';
import type { Roles } from './roles';
import { authorFollowUp, escalationNotice } from './views';

/** A moderator's queue view: the filter chosen in App Home and the page shown. */
export interface QueueState {
  status: FlagStatus | 'all';
  category?: Category;
  rule?: string;
  channel?: string;
  /** YYYY-MM-DD */
  since?: string;
  /** Cursor of the page shown (undefined: the first page). */
  after?: number;
}

/** Where escalations go. */
export type EscalationTarget = { kind: 'admins' } | { kind: 'channel'; channel: string };

/** Options of the services. */
export interface ModerationServicesOptions {
  client: WebClient;
  store: ModerationStore;
  roles: Roles;
  charter: () => Charter;
  ruleSet: () => RuleSet;
  moderatorLang: Lang;
  windowDays: number;
  escalationTarget: EscalationTarget;
  notifyAuthorOnEscalation: boolean;
  logger: Logger;
  clock: Clock;
  /** A person's language (their Slack locale). */
  langOf: (user: string) => Promise<Lang>;
  /** Wakes the outbox relay after a member report. */
  onQueued?: () => void;
}

/** The moderators' shared services. */
export class ModerationServices {
  readonly review: ModerationReview;
  readonly cards: CardUpdater;
  private readonly queues = new Map<string, QueueState>();

  constructor(readonly options: ModerationServicesOptions) {
    this.review = new ModerationReview(options.store, options.clock);
    this.cards = new CardUpdater({
      client: options.client,
      store: options.store,
      charter: options.charter,
      lang: options.moderatorLang,
      windowDays: options.windowDays,
      logger: options.logger,
    });
  }

  /** The moderator's queue state (open flags, first page, by default). */
  queue(user: string): QueueState {
    return this.queues.get(user) ?? { status: 'open' };
  }

  /** Changes the moderator's queue state. */
  setQueue(user: string, state: QueueState): void {
    this.queues.set(user, state);
  }

  /** The store filter of a queue state. */
  filterOf(state: QueueState): FlagFilter {
    const filter: FlagFilter = {};
    if (state.status !== 'all') filter.status = [state.status];
    if (state.category !== undefined) filter.category = state.category;
    if (state.rule !== undefined) filter.rule = state.rule;
    if (state.channel !== undefined) filter.channel = state.channel;
    if (state.since !== undefined) {
      const since = Date.parse(`${state.since}T00:00:00Z`);
      if (!Number.isNaN(since)) filter.since = since;
    }
    return filter;
  }

  /**
   * Escalates: DMs every admin or posts in the escalation channel, and, when configured, tells
   * the author kindly that a moderator will follow up. Failures are logged: the decision stands.
   */
  async escalate(flags: readonly Flag[], by: string, note?: string): Promise<void> {
    const { client, escalationTarget, moderatorLang, roles, logger, clock } = this.options;
    if (flags.length === 0) return;
    const permalink = flags.find((f) => f.permalink !== undefined)?.permalink;
    const notice = escalationNotice({ lang: moderatorLang, flags: [...flags], by, at: clock.now(), ...(note !== undefined ? { note } : {}), ...(permalink !== undefined ? { permalink } : {}) });
    try {
      if (escalationTarget.kind === 'channel') {
        await client.chat.postMessage({ channel: escalationTarget.channel, text: notice.text, blocks: notice.blocks });
      } else {
        for (const admin of await roles.adminUsers()) {
          const dm = (await client.conversations.open({ users: admin })).channel?.id;
          if (dm !== undefined) await client.chat.postMessage({ channel: dm, text: notice.text, blocks: notice.blocks });
        }
      }
    } catch (error) {
      logger.error({ flags: flags.map((f) => f.id), err: error }, 'could not notify the escalation');
    }
    if (!this.options.notifyAuthorOnEscalation) return;
    const authors = new Set(flags.map((f) => f.author));
    for (const author of authors) {
      try {
        const dm = (await client.conversations.open({ users: author })).channel?.id;
        const message = authorFollowUp(await this.options.langOf(author));
        if (dm !== undefined) await client.chat.postMessage({ channel: dm, text: message.text, ...(message.blocks !== undefined ? { blocks: message.blocks } : {}) });
      } catch (error) {
        logger.warn({ err: error }, 'could not tell the author about the follow-up');
      }
    }
  }
}
