/**
 * Keeps a moderators' card in step with its flags: after a decision or a note (from the card or
 * from App Home), the card posted in the moderation channel is rebuilt and updated in place
 * (`chat.update`) to show who decided what and when. Flags folded into a digest have no card of
 * their own: nothing to update.
 */
import type { WebClient } from '@slack/web-api';
import type { Lang } from '../engine/types';
import type { Flag } from '../moderation/model';
import type { Logger } from '../moderation/logger';
import type { ModerationStore } from '../moderation/ports';
import type { Charter } from '../ruleset/charter';
import { alertMessage } from './views';

/** What updating cards needs. */
export interface CardUpdaterOptions {
  client: WebClient;
  store: ModerationStore;
  charter: () => Charter;
  lang: Lang;
  windowDays: number;
  logger: Logger;
}

/** Updates the cards of decided flags. */
export class CardUpdater {
  constructor(private readonly options: CardUpdaterOptions) {}

  /**
   * Rebuilds and updates every card showing one of these flags. Returns how many cards were
   * updated (0 when the flags were only in a digest, or the update failed: the decision stands).
   */
  async refresh(flags: readonly Flag[]): Promise<number> {
    const { store, client, charter, lang, windowDays, logger } = this.options;
    const done = new Set<number>();
    let updated = 0;
    for (const flag of flags) {
      const card = await store.alertMessageOf(flag.id);
      if (card === undefined || done.has(card.deliveryId)) continue;
      done.add(card.deliveryId);
      const deliveries = await store.listDeliveries({ flagId: flag.id }, { limit: 20 });
      const delivery = deliveries.items.find((d) => d.id === card.deliveryId);
      if (delivery === undefined) continue;
      const decided = await store.flagsByIds(delivery.flagIds);
      const latest = [...decided].sort((a, b) => (b.handledAt ?? 0) - (a.handledAt ?? 0))[0];
      const decision =
        latest?.handledBy !== undefined && latest.handledAt !== undefined
          ? { status: latest.status, by: latest.handledBy, at: latest.handledAt, ...(latest.note !== undefined ? { note: latest.note } : {}) }
          : undefined;
      const message = alertMessage(delivery, charter(), lang, { windowDays, ...(decision !== undefined ? { decision } : {}) });
      try {
        await client.chat.update({ channel: card.channel, ts: card.ts, text: message.text, blocks: message.blocks });
        updated++;
      } catch (error) {
        logger.warn({ delivery: card.deliveryId, err: error }, 'could not update the moderators card');
      }
    }
    return updated;
  }
}
