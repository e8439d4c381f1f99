/**
 * `wordlist`: vulgar words from the reviewed English and French lists (see `lexicons/`), by
 * severity tier, plus the rule's own words, minus its allow-list. Whole words only, so
 * "assessment", "Scunthorpe", "cocktail", "analyse" or "constat" never match; obfuscations
 * (leetspeak, stretched or spelled-out letters, look-alike letters, `p*tain`) do.
 */
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import { compileLexicon, foldPhrase, Lexicon, LexiconEntry, LexiconMatch, matchLexicon } from '../engine/lexicon';
import type { Token } from '../engine/tokenize';
import { englishProfanity } from './lexicons/english-profanity';
import { frenchProfanity } from './lexicons/french-profanity';
import { Tier, TIERS } from './lexicons/tiers';
import type { Detector } from './types';

const optionsSchema = z
  .object({
    /** Built-in lists to use. */
    lists: z.array(z.enum(['en', 'fr'])).min(1).default(['en', 'fr']),
    /** Tiers that count: mild words ("damn", "zut") are left out by default. */
    tiers: z.array(z.enum(TIERS)).min(1).default(['moderate', 'severe']),
    /** Extra words or phrases the rule also counts. */
    add: z.array(z.string().min(1)).default([]),
    /**
     * Words or phrases never counted: a listed word inside one of them is innocent
     * ("Dick Cheney", "Sussex"). Added to the built-in innocent phrases ("pros and cons", "cul-de-sac").
     */
    allow: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** Options of the `wordlist` detector. */
export type WordlistOptions = z.infer<typeof optionsSchema>;

/** Built-in lists, derived once per process (they are data, not I/O). */
let builtIn: { en: LexiconEntry[]; fr: LexiconEntry[] } | undefined;

function builtInLists(): { en: LexiconEntry[]; fr: LexiconEntry[] } {
  builtIn ??= { en: englishProfanity(), fr: frenchProfanity() };
  return builtIn;
}

/** Reads a list entry's tag, `tier` or `tier|lang`. */
function parseTag(tag: string | undefined): { tier: Tier; onlyIn?: 'fr' | 'en' } {
  const [tier, lang] = (tag ?? 'moderate').split('|');
  const known = (TIERS as readonly string[]).includes(tier ?? '') ? (tier as Tier) : 'moderate';
  return lang === 'fr' || lang === 'en' ? { tier: known, onlyIn: lang } : { tier: known };
}

/** Detects vulgar words and phrases. */
export const wordlist: Detector<WordlistOptions> = {
  kind: 'wordlist',
  description: {
    fr: 'Mots grossiers (listes française et anglaise revues, par niveau de gravité), hors code et liens.',
    en: 'Vulgar words (reviewed French and English lists, by severity tier), outside code and links.',
  },
  categories: ['profanity', 'insult', 'custom'],
  messages: {
    vulgar: {
      fr: 'Ce message contient un mot grossier. Même entre collègues, un message écrit reste : gardez le ton que vous auriez dans un e-mail.',
      en: 'This message contains vulgar language. Even among colleagues, written words stay: keep the tone you would use in an e-mail.',
    },
  },
  optionsSchema,
  create(options) {
    const { lexicon, innocent } = compiledLists(options);
    const tiers = new Set<Tier>(options.tiers);
    return ({ text }) => {
      if (!text.mayMatch(lexicon)) return NO_DETECTIONS;
      const tokens = text.tokens;
      const detections: Detection[] = [];
      let innocentSpans: LexiconMatch[] | undefined;
      for (const match of text.memo(lexicon, () => matchLexicon(lexicon, tokens))) {
        const { tier, onlyIn } = parseTag(match.entry.tag);
        if (match.entry.tag !== ADDED && !tiers.has(tier)) continue;
        if (onlyIn !== undefined && onlyIn !== text.lang) continue;
        innocentSpans ??= text.memo(innocent, () => matchLexicon(innocent, tokens));
        if (innocentSpans.some((span) => span.first <= match.first && span.last >= match.last)) continue;
        const [start, end] = text.tokenRange(tokens[match.first] as Token, tokens[match.last] as Token);
        detections.push({ start, end, messageId: 'vulgar' });
      }
      return detections;
    };
  },
};

/** Tag of the words a rule adds with `add`: they count whatever the rule's tiers. */
const ADDED = 'added';

interface CompiledLists {
  lexicon: Lexicon;
  innocent: Lexicon;
}

/**
 * Word lists compiled once per distinct configuration (lists, additions, allow-list), every tier
 * included: rules that differ only by tier share one lexicon, so a message is scanned once for
 * all of them and each rule keeps the tiers it acts on.
 */
const compiledCache = new Map<string, CompiledLists>();

function compiledLists(options: WordlistOptions): CompiledLists {
  const key = JSON.stringify([[...options.lists].sort(), options.add, options.allow]);
  const known = compiledCache.get(key);
  if (known !== undefined) return known;
  const allowed = new Set(options.allow.map((phrase) => foldPhrase(phrase).join(' ')));
  const entries: LexiconEntry[] = [];
  for (const list of options.lists) {
    for (const entry of builtInLists()[list]) {
      if (!allowed.has(foldPhrase(entry.phrase).join(' '))) entries.push(entry);
    }
  }
  for (const phrase of options.add) entries.push({ phrase, tag: ADDED });
  const compiled = {
    lexicon: compileLexicon(entries),
    innocent: compileLexicon([...INNOCENT_PHRASES, ...options.allow].map((phrase) => ({ phrase }))),
  };
  compiledCache.set(key, compiled);
  return compiled;
}

/**
 * Everyday phrases that contain a listed word, mostly across languages: the word is innocent there,
 * whatever the message's language ("on a listé les pros and cons").
 */
export const INNOCENT_PHRASES: readonly string[] = [
  'pros and cons', 'pro and con', 'pros cons', 'cul de sac', 'cul-de-sac', 'culs de sac', 'grab a bite',
  'quick bite', 'a bite to eat', 'bite sized', 'bite-size', 'con artist', 'con man', 'cons of', 'the cons',
  'les miserables', 'dick tracy', 'moby dick', 'philip k dick', 'bite d amarrage', 'bites d amarrage',
];
