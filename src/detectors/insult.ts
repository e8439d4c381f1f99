/**
 * `insult`: insults aimed at a person. An insulting word counts only when something points it at
 * someone: "t'es vraiment un con", "vous êtes des incapables", "bande d'incapables", "espèce
 * d'abruti", "quel crétin", "you're an idiot", "you incompetent clown", "<@U123> is useless".
 * Self-deprecation ("I'm such an idiot", "je suis nul en Excel") and opinions about things
 * ("this API is stupid", "c'est débile") are left alone.
 */
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import { compileLexicon, foldPhrase, Lexicon, LexiconEntry, matchLexicon, matchLexiconAt } from '../engine/lexicon';
import { Token, USER_TOKEN } from '../engine/token';
import type { Detector } from './types';

/**
 * How a target phrase aims at a person, which decides what may follow it:
 * - `copula`: "t'es", "you're", "he is": the insult is said of the person (nouns and adjectives);
 * - `determiner`: "quel", "what a", "espèce de": a noun phrase; an adjective must not be followed
 *   by a noun that is not itself an insult ("what a stupid bug" is about a bug);
 * - `noun-only`: "il est", "c'est un": French "il" may be a thing ("il est nul, ce film"), so only
 *   insulting nouns count.
 */
type TargetKind = 'copula' | 'determiner' | 'noun-only';

/** Phrases that aim what follows at a person: language of the insult words, and kind. */
const TARGETS: ReadonlyArray<[string, 'fr' | 'en', TargetKind]> = [
  ["t'es", 'fr', 'copula'], ['tu es', 'fr', 'copula'], ['vous etes', 'fr', 'copula'],
  ["t'etais", 'fr', 'copula'], ['tu etais', 'fr', 'copula'], ["vous n'etes que", 'fr', 'copula'],
  ["tu n'es qu'", 'fr', 'copula'], ["t'es qu'", 'fr', 'copula'], ['tu fais', 'fr', 'noun-only'],
  ['espece de', 'fr', 'determiner'], ["espece d'", 'fr', 'determiner'], ['bande de', 'fr', 'determiner'],
  ["bande d'", 'fr', 'determiner'], ['sale', 'fr', 'determiner'], ['quel', 'fr', 'determiner'],
  ['quelle', 'fr', 'determiner'], ['quels', 'fr', 'determiner'], ['quelles', 'fr', 'determiner'],
  ['pauvre', 'fr', 'determiner'], ['toi le', 'fr', 'determiner'],
  ['il est', 'fr', 'noun-only'], ['elle est', 'fr', 'noun-only'], ['ils sont', 'fr', 'noun-only'],
  ['elles sont', 'fr', 'noun-only'], ["c'est un", 'fr', 'noun-only'], ["c'est une", 'fr', 'noun-only'],
  ["you're", 'en', 'copula'], ['you are', 'en', 'copula'], ['youre', 'en', 'copula'], ['ur', 'en', 'copula'],
  ['u r', 'en', 'copula'], ['you guys are', 'en', 'copula'], ['you people are', 'en', 'copula'],
  ["he's", 'en', 'copula'], ['he is', 'en', 'copula'], ["she's", 'en', 'copula'], ['she is', 'en', 'copula'],
  ["they're", 'en', 'noun-only'], ['they are', 'en', 'noun-only'],
  ['you', 'en', 'determiner'], ['what a', 'en', 'determiner'], ['what an', 'en', 'determiner'],
  ['bunch of', 'en', 'determiner'], ['you bunch of', 'en', 'determiner'], ['are you', 'en', 'copula'],
  ['being a', 'en', 'determiner'], ['being an', 'en', 'determiner'], ['being such a', 'en', 'determiner'],
  ['being such an', 'en', 'determiner'], ['being so', 'en', 'copula'], ['that', 'en', 'determiner'],
  ['this', 'en', 'determiner'], ['is a', 'en', 'noun-only'], ['is an', 'en', 'noun-only'],
  ['is such a', 'en', 'noun-only'], ['is such an', 'en', 'noun-only'], ['are such', 'en', 'noun-only'],
  ['ce', 'fr', 'determiner'], ['cet', 'fr', 'determiner'], ['cette', 'fr', 'determiner'],
  ['ces', 'fr', 'determiner'], ['mais quel', 'fr', 'determiner'],
];

/** Insults aimed at someone by their very wording: no target phrase needed. */
const DIRECTED: ReadonlyArray<string> = [
  'ntm', 'nique ta mere', 'nique ta race', 'ta gueule', 'ferme ta gueule', 'fermez vos gueules',
  'va te faire foutre', 'allez vous faire foutre', 'va te faire enculer', 'va chier', 'fuck you',
  'fuck off', 'screw you', 'go fuck yourself', 'shut the fuck up', 'stfu', 'sale con', 'sale connard',
  'pauvre con', 'pauvre conne', 'pauvre type', 'pauvre idiot', 'gros con', 'grosse conne',
];

/** Insulting words that are adjectives: they may describe a thing when a noun follows. */
const ADJECTIVES = new Set([
  'nul', 'nulle', 'debile', 'stupide', 'bete', 'minable', 'incompetent', 'incompetente', 'incapable',
  'stupid', 'dumb', 'useless', 'pathetic', 'worthless', 'retarded', 'braindead', 'amateur',
]);

/** Words allowed between the target phrase and the insult ("t'es VRAIMENT UN con"). */
const FILLERS = new Set(
  [
    'vraiment', 'trop', 'tellement', 'un', 'une', 'des', 'le', 'la', 'les', 'completement', 'totalement',
    'vrai', 'gros', 'grosse', 'sacre', 'sacree', 'de', 'd', 'bien', 'si', 'qu', 'que', 'encore',
    'juste', 'franchement', 'vraie', 'beau', 'belle', 'petit', 'petite', 'pauvre', 'espece', 'sombre',
    'such', 'a', 'an', 'so', 'really', 'totally', 'complete', 'completely', 'utter', 'absolute',
    'the', 'most', 'just', 'real', 'fucking', 'bloody', 'freaking', 'damn', 'big', 'little', 'total',
    'an', 'all', 'being', 'truly', 'incredibly', 'absolutely', 'very', 'stupid', 'bunch', 'of',
    'pathetic', 'useless',
  ].map((word) => foldPhrase(word).join(' ')),
);

/** Words that insult a person, with their language. Plurals are added automatically. */
const INSULTS: ReadonlyArray<[string, 'fr' | 'en']> = [
  ['con', 'fr'], ['conne', 'fr'], ['connard', 'fr'], ['connarde', 'fr'], ['connasse', 'fr'],
  ['abruti', 'fr'], ['abrutie', 'fr'], ['cretin', 'fr'], ['cretine', 'fr'], ['imbecile', 'fr'],
  ['idiot', 'fr'], ['idiote', 'fr'], ['debile', 'fr'], ['incapable', 'fr'], ['incompetent', 'fr'],
  ['incompetente', 'fr'], ['nul', 'fr'], ['nulle', 'fr'], ['nullard', 'fr'], ['nullarde', 'fr'],
  ['bouffon', 'fr'], ['bouffonne', 'fr'], ['tocard', 'fr'], ['tocarde', 'fr'], ['minable', 'fr'],
  ['guignol', 'fr'], ['clown', 'fr'], ['boulet', 'fr'], ['enfoire', 'fr'], ['enfoiree', 'fr'],
  ['salaud', 'fr'], ['salopard', 'fr'], ['ordure', 'fr'], ['andouille', 'fr'], ['cruche', 'fr'],
  ['naze', 'fr'], ['nase', 'fr'], ['bon a rien', 'fr'], ['bonne a rien', 'fr'], ['moins que rien', 'fr'],
  ['demeure', 'fr'], ['attarde', 'fr'], ['attardee', 'fr'], ['gogol', 'fr'], ['manche', 'fr'],
  ['branleur', 'fr'], ['feignasse', 'fr'], ['feignant', 'fr'], ['faineant', 'fr'], ['raclure', 'fr'],
  ['batard', 'fr'], ['pignouf', 'fr'], ['blaireau', 'fr'], ['charlot', 'fr'], ['amateur', 'fr'],
  ['amateurs', 'fr'], ['stupide', 'fr'], ['bete', 'fr'], ['teube', 'fr'], ['teubé', 'fr'],
  ['idiot', 'en'], ['moron', 'en'], ['stupid', 'en'], ['dumb', 'en'], ['useless', 'en'],
  ['incompetent', 'en'], ['imbecile', 'en'], ['clown', 'en'], ['clowns', 'en'], ['loser', 'en'],
  ['retard', 'en'], ['retarded', 'en'], ['dumbass', 'en'], ['jerk', 'en'], ['fool', 'en'],
  ['pathetic', 'en'], ['worthless', 'en'], ['halfwit', 'en'], ['dimwit', 'en'], ['numpty', 'en'],
  ['muppet', 'en'], ['asshole', 'en'], ['prick', 'en'], ['dickhead', 'en'], ['douchebag', 'en'],
  ['cretin', 'en'], ['buffoon', 'en'], ['amateurs', 'en'], ['idiots', 'en'], ['morons', 'en'],
  ['brain dead', 'en'], ['braindead', 'en'], ['waste of space', 'en'], ['piece of shit', 'en'],
  ['wanker', 'en'], ['bitch', 'en'], ['cunt', 'en'], ['twat', 'en'], ['motherfucker', 'en'],
  ['bastard', 'en'], ['douche', 'en'], ['tosser', 'en'], ['fuckwit', 'en'], ['dipshit', 'en'],
  ['jackass', 'en'], ['fdp', 'fr'], ['encule', 'fr'], ['enculee', 'fr'], ['salope', 'fr'],
  ['pute', 'fr'], ['trouduc', 'fr'], ['trou du cul', 'fr'], ['bite', 'fr'], ['pd', 'fr'],
  ['tete de con', 'fr'], ['sombre idiot', 'fr'], ['chieur', 'fr'], ['chieuse', 'fr'], ['casse couilles', 'fr'],
];

const optionsSchema = z
  .object({
    /** Extra insulting words, counted in both languages. */
    add: z.array(z.string().min(1)).default([]),
    /** Words never counted. */
    allow: z.array(z.string().min(1)).default([]),
    /** Words allowed between the target and the insult. */
    maxGap: z.number().int().min(0).max(5).default(3),
  })
  .strict();

/** Options of the `insult` detector. */
export type InsultOptions = z.infer<typeof optionsSchema>;

/** Detects insults aimed at a person. */
export const insult: Detector<InsultOptions> = {
  kind: 'insult',
  description: {
    fr: 'Insultes adressées à une personne (« t’es vraiment un con », « you’re an idiot »).',
    en: 'Insults aimed at a person ("t’es vraiment un con", "you’re an idiot").',
  },
  categories: ['insult'],
  messages: {
    insult: {
      fr: 'Ce message s’en prend à une personne. Critiquez le travail, jamais la personne : le respect de chacun est la première règle de la charte.',
      en: 'This message attacks a person. Criticise the work, never the person: respect for everyone is the charter’s first rule.',
    },
  },
  optionsSchema,
  create(options) {
    const allowed = new Set(options.allow.map((word) => foldPhrase(word).join(' ')));
    const targets = compileLexicon(TARGETS.map(([phrase, lang, kind]) => ({ phrase, tag: `${lang}|${kind}` })));
    const insultEntries: LexiconEntry[] = insultEntriesByLanguage(allowed);
    for (const phrase of options.add) insultEntries.push({ phrase, tag: 'any' });
    const insults = compileLexicon(insultEntries);
    const directed = compileLexicon(DIRECTED.map((phrase) => ({ phrase })));
    /** Every insulting word or phrase: a message with none of them needs no further look. */
    const anyInsult = compileLexicon([...insultEntries, ...DIRECTED.map((phrase) => ({ phrase }))]);
    return ({ text }) => {
      if (!text.mayMatch(anyInsult)) return NO_DETECTIONS;
      const tokens = text.tokens;
      if (matchLexicon(anyInsult, tokens).length === 0) return NO_DETECTIONS;
      const detections: Detection[] = [];
      for (let i = 0; i < tokens.length; i++) {
        const outright = matchLexiconAt(directed, tokens, i);
        if (outright !== undefined) {
          const [start, end] = text.tokenRange(tokens[i] as Token, tokens[outright.last] as Token);
          detections.push({ start, end, messageId: 'insult' });
          i = outright.last;
          continue;
        }
        const found = insultAfterTarget(tokens, i, targets, insults, options.maxGap, text.prose.text);
        if (found === undefined) continue;
        const [start, end] = text.tokenRange(tokens[i] as Token, tokens[found] as Token);
        detections.push({ start, end, messageId: 'insult' });
        i = found;
      }
      return detections;
    };
  },
};

/** If a target phrase starts at token `i` (or token `i` is a mention) and an insult follows, the insult's last token. */
function insultAfterTarget(
  tokens: readonly Token[],
  i: number,
  targets: Lexicon,
  insults: Lexicon,
  maxGap: number,
  prose: string,
): number | undefined {
  /** "idiot-proof": the word is the first half of a compound, not an insult. */
  const isCompound = (index: number): boolean => prose.charAt((tokens[index] as Token).end) === '-';
  const token = tokens[i] as Token;
  let targetLast: number;
  let lang: string | undefined;
  let kind: TargetKind;
  if (token.norm === USER_TOKEN) {
    const next = tokens[i + 1];
    const verb = next?.norm === 'is' || next?.norm === 'est' || next?.norm === 's';
    targetLast = verb ? i + 1 : i;
    kind = verb ? 'copula' : 'determiner';
  } else {
    const target = matchLexiconAt(targets, tokens, i);
    if (target === undefined) return undefined;
    targetLast = target.last;
    const [targetLang, targetKind] = (target.entry.tag ?? '').split('|');
    lang = targetLang;
    kind = targetKind as TargetKind;
  }
  let j = targetLast + 1;
  for (let gap = 0; gap <= maxGap && j < tokens.length; gap++) {
    const found = matchLexiconAt(insults, tokens, j);
    const tag = found?.entry.tag;
    if (found !== undefined && (lang === undefined || tag === 'any' || tag === lang) && !isCompound(found.last)) {
      // "a bitch to reproduce", "a pain to set up": an idiom about a task, not a person.
      if (lang === 'en' && tokens[found.last + 1]?.norm === 'to') return undefined;
      const word = foldPhrase(found.entry.phrase).join(' ');
      const adjective = ADJECTIVES.has(word) || ADJECTIVES.has(word.replace(/s$/, ''));
      if (!adjective) return found.last;
      if (kind === 'copula') return found.last;
      if (kind === 'determiner' && lang !== 'en') return found.last;
      if (kind === 'determiner') {
        const next = tokens[found.last + 1];
        if (next === undefined || next.norm === USER_TOKEN) return found.last;
        const noun = matchLexiconAt(insults, tokens, found.last + 1);
        if (noun !== undefined) return noun.last;
      }
      return undefined;
    }
    if (!FILLERS.has((tokens[j] as Token).norm)) return undefined;
    j++;
  }
  return undefined;
}

/** One lexicon entry per insulting word, tagged with its language, or `any` when both languages use it. */
function insultEntriesByLanguage(allowed: ReadonlySet<string>): LexiconEntry[] {
  const languages = new Map<string, Set<string>>();
  for (const [phrase, lang] of INSULTS) {
    const key = foldPhrase(phrase).join(' ');
    if (allowed.has(key)) continue;
    const known = languages.get(key) ?? new Set<string>();
    known.add(lang);
    languages.set(key, known);
  }
  return [...languages].map(([phrase, langs]) => ({ phrase, tag: langs.size > 1 ? 'any' : [...langs][0] ?? 'any' }));
}
