/**
 * `familiar-tone`: chat slang (mdr, ptdr, lol, wesh, tkt, wtf…). Fine among colleagues; out of
 * place where the formality of an e-mail is expected, so default rules scope it to client-facing,
 * shared and management channels.
 */
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import { compileLexicon, foldPhrase, matchLexicon } from '../engine/lexicon';
import type { Token } from '../engine/tokenize';
import type { Detector } from './types';

/**
 * Markers that are also acronyms when written in capitals: "MDR" is the EU Medical Device
 * Regulation in a client channel; "mdr" is laughter.
 */
const ACRONYM_WHEN_CAPITALISED = new Set(['mdr', 'slt', 'jsp']);

/** Slang markers, French and English. Chosen to be unambiguous: no "grave", no "cc". */
export const FAMILIAR_MARKERS: readonly string[] = [
  'mdr', 'mdrr', 'ptdr', 'xptdr', 'lol', 'lool', 'loool', 'lmao', 'lmfao', 'rofl', 'roflmao', 'wesh',
  'wsh', 'tkt', 'wtf', 'jpp', 'osef', 'oklm', 'chui', 'chuis', 'jsp', 'jsais pas', 'wallah', 'wallah',
  'zarma', 'frerot', 'frero', 'kikoo', 'kikou', 'slt', 'omg', 'lulz', 'xd', 'trkl', 'bg', 'wsh',
  'tg', 'ahah', 'ahahah', 'hihi', 'mdrrr', 'ptdrrr', 'yo', 'stfu', 'srsly',
];

const optionsSchema = z
  .object({
    /** Extra markers. */
    add: z.array(z.string().min(1)).default([]),
    /** Markers never counted. */
    allow: z.array(z.string().min(1)).default(['bg', 'yo', 'tg']),
  })
  .strict();

/** Options of the `familiar-tone` detector. */
export type FamiliarToneOptions = z.infer<typeof optionsSchema>;

/** Detects familiar register. */
export const familiarTone: Detector<FamiliarToneOptions> = {
  kind: 'familiar-tone',
  description: {
    fr: 'Registre familier (mdr, ptdr, lol, wesh, tkt, wtf…), pour les canaux formels ou partagés avec des clients.',
    en: 'Familiar register (mdr, lol, wtf…), for formal channels and channels shared with customers.',
  },
  categories: ['familiar-tone'],
  messages: {
    familiar: {
      fr: 'Ce canal est formel ou partagé avec l’extérieur : gardez le registre d’un e-mail professionnel.',
      en: 'This channel is formal or shared with another company: keep the register of a professional e-mail.',
    },
  },
  optionsSchema,
  create(options) {
    const allowed = new Set(options.allow.map((word) => foldPhrase(word).join(' ')));
    const markers = [...FAMILIAR_MARKERS, ...options.add].filter((word) => !allowed.has(foldPhrase(word).join(' ')));
    const lexicon = compileLexicon(markers.map((phrase) => ({ phrase })));
    return ({ text }) => {
      if (!text.mayMatch(lexicon)) return NO_DETECTIONS;
      const tokens = text.tokens;
      const detections: Detection[] = [];
      for (const match of matchLexicon(lexicon, tokens)) {
        const first = tokens[match.first] as Token;
        if (match.first === match.last && first.capitals === first.letters && ACRONYM_WHEN_CAPITALISED.has(first.norm)) continue;
        if (isIdentifierPart(text.prose.text, first, tokens[match.last] as Token)) continue;
        const [start, end] = text.tokenRange(tokens[match.first] as Token, tokens[match.last] as Token);
        detections.push({ start, end, messageId: 'familiar' });
      }
      return detections;
    };
  },
};

/** `mobile-bff`, `lol_cat.png`: part of a name, not slang. */
function isIdentifierPart(prose: string, first: Token, last: Token): boolean {
  return IDENTIFIER_JOINERS.has(prose.charAt(first.start - 1)) || IDENTIFIER_JOINERS.has(prose.charAt(last.end));
}

const IDENTIFIER_JOINERS = new Set(['-', '_', '/', '.', '@']);
