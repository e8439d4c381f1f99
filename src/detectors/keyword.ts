/**
 * `keyword`: words or phrases chosen by an admin (a project code name, "strictement
 * confidentiel", a customer's name in the wrong channel). Whole words, folded like all text:
 * case, accents, look-alike letters and leetspeak do not hide them.
 */
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import { compileLexicon, matchLexicon } from '../engine/lexicon';
import type { Token } from '../engine/tokenize';
import { CATEGORIES, Localized } from '../engine/types';
import type { Detector } from './types';

const optionsSchema = z
  .object({
    /** Words or phrases to find. */
    terms: z.array(z.string().trim().min(1)).min(1),
    /** Words that also match when longer ("confidenti" → "confidentiel", "confidential"). */
    stems: z.array(z.string().trim().min(3)).default([]),
    /** `prose`: the author's own words; `all`: code, quotes and link targets too. */
    scan: z.enum(['prose', 'all']).default('prose'),
  })
  .strict();

/** Options of the `keyword` detector. */
export type KeywordOptions = z.infer<typeof optionsSchema>;

const KEYWORD_MESSAGE: Localized = {
  fr: 'Ce message contient « {{term}} », que la charte encadre dans ce canal.',
  en: 'This message contains "{{term}}", which the charter restricts in this channel.',
};

/** Detects admin-chosen words and phrases. */
export const keyword: Detector<KeywordOptions> = {
  kind: 'keyword',
  description: {
    fr: 'Mots ou expressions choisis par un administrateur (mots entiers, sans tenir compte des accents ni de la casse).',
    en: 'Words or phrases chosen by an admin (whole words, ignoring case and accents).',
  },
  categories: CATEGORIES,
  messages: { keyword: KEYWORD_MESSAGE },
  optionsSchema,
  create(options) {
    const lexicon = compileLexicon([
      ...options.terms.map((phrase) => ({ phrase, tag: phrase })),
      ...options.stems.map((phrase) => ({ phrase, stem: true, tag: phrase })),
    ]);
    const scanAll = options.scan === 'all';
    return ({ text }) => {
      const inProse = text.mayMatch(lexicon);
      const inHidden = scanAll && !text.hasOnlyProse && text.hiddenMayMatch(lexicon);
      if (!inProse && !inHidden) return NO_DETECTIONS;
      const detections: Detection[] = [];
      const report = (tokens: readonly Token[], range: (first: Token, last: Token) => [number, number]): void => {
        for (const match of matchLexicon(lexicon, tokens)) {
          const [start, end] = range(tokens[match.first] as Token, tokens[match.last] as Token);
          detections.push({ start, end, messageId: 'keyword', data: { term: match.entry.tag ?? '' } });
        }
      };
      if (inProse) report(text.tokens, (first, last) => text.tokenRange(first, last));
      if (inHidden) {
        report(text.hiddenTokens, (first, last) => text.hiddenTokenRange(first, last));
        if (detections.length > 1) detections.sort((a, b) => a.start - b.start);
      }
      return detections;
    };
  },
};
