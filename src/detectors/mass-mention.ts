/**
 * `mass-mention`: `<!channel>` and `<!everyone>` notify every member; they belong in
 * announcement channels (the rule's scope says which). `<!here>`, for something urgent, is
 * allowed unless the rule's options say otherwise.
 */
import { z } from 'zod';
import type { Detection } from '../engine/detection';
import type { Detector } from './types';

const optionsSchema = z
  .object({
    /** Which special mentions count. */
    mentions: z.array(z.enum(['channel', 'everyone', 'here'])).min(1).default(['channel', 'everyone']),
  })
  .strict();

/** Options of the `mass-mention` detector. */
export type MassMentionOptions = z.infer<typeof optionsSchema>;

/** Detects `<!channel>`, `<!everyone>` (and optionally `<!here>`). */
export const massMention: Detector<MassMentionOptions> = {
  kind: 'mass-mention',
  description: {
    fr: 'Mentions de tout le canal (@channel, @everyone) hors des canaux d’annonces.',
    en: 'Whole-channel mentions (@channel, @everyone) outside announcement channels.',
  },
  categories: ['mass-mention'],
  messages: {
    mass: {
      fr: '@{{mention}} notifie tous les membres du canal : réservez-le aux canaux d’annonces, et préférez @here pour une urgence.',
      en: '@{{mention}} notifies every member of the channel: keep it for announcement channels, and use @here for something urgent.',
    },
  },
  optionsSchema,
  create(options) {
    const counted = new Set<string>(options.mentions);
    return ({ text }) => {
      const detections: Detection[] = [];
      for (const mention of text.mentions) {
        if (!counted.has(mention.kind)) continue;
        detections.push({ start: mention.start, end: mention.end, messageId: 'mass', data: { mention: mention.kind } });
      }
      return detections;
    };
  },
};
