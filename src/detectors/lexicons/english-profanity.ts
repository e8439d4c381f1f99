/**
 * English vulgar words: `bad-words`' list used as data (not its matcher), reviewed.
 *
 * The source list mixes English, foreign words (Italian, Polish, German, French "enculer",
 * Spanish "puta", Russian "hui" that fires on "aujourd'hui"), anatomy and medicine ("rectum",
 * "testicle"), and everyday words ("pawn", "knobs", "screwing", "God"). The review below drops
 * those and assigns tiers; obfuscated spellings in the source ("sh1t", "b!tch") are dropped
 * because the tokenizer reads leetspeak itself.
 */
import { Filter } from 'bad-words';
import type { LexiconEntry } from '../../engine/lexicon';
import type { Tier, TierOverrides } from './tiers';

const REVIEW: TierOverrides = {
  drop: new Set([
    // innocent, clinical or everyday English
    'anus', 'anal', 'balls', 'breasts', 'butt', 'clitoris', 'ejaculate', 'ejaculated', 'ejaculates',
    'ejaculating', 'ejaculatings', 'ejaculation', 'enema', 'feces', 'flange', 'foreskin', 'god',
    'god-dam', 'god-damned', 'homo', 'horny', 'horniest', 'labia', 'lust', 'lusting', 'masochist',
    'orgasm', 'orgasms', 'orifice', 'pawn', 'penis', 'poop', 'porn', 'porno', 'pornography', 'pornos',
    'preteen', 'rectum', 'sadist', 'screw', 'screwing', 'scrotum', 'semen', 'sex', 'sexy', 'smut',
    'snatch', 'testical', 'testicle', 'vagina', 'viagra', 'vulva', 'willies', 'willy', 'wang', 'xxx',
    'xrated', 'knob', 'knobs', 'knobz', 'cox', 'dink', 'dinks', 'muff', 'nob', 'bum', 'fanny', 'spunk',
    'hardcoresex', 'hotsex', 'phonesex', 'gaysex', 'kondum', 'kondums', 'boob', 'boobs', 'tit', 'tits',
    'teets', 'teez', 'nazi', 'nazis', 'jap', 'japs', 'paki', 'pakie', 'paky', 'polac', 'polak', 'polack',
    'spac', 'fart', 'pecker', 'queef', 'flipping the bird', 'carpet muncher', 'fudge packer',
    'bunny fucker', 'nob jokey', 'turd', 'dominatrix', 'dominatricks', 'dominatrics', 'shag', 'lesbo',
    'dyke', 'dike', 'cum', 'cums', 'kum', 'kums', 'jism', 'jiz', 'jizm', 'jizz', 'doggin', 'dogging',
    'rimming', 'boner', 'pube', 'hoar', 'hoare', 'hoer', 'hore', 'mutha', 'muther', 'lipshits',
    'lipshitz', 'mo-fo', 'heshe', 'injun', 'kraut', 'honkey', 'gook', 'coon', 'spic', 'wetback',
    'chink', 'kike', 'daygo', 'dego', 'wop', 'guiena', 'cyalis', 'v14gra', 'v1gra',
    // foreign words in the source list
    'arschloch', 'boiolas', 'buceta', 'cabron', 'cazzo', 'chraa', 'chuj', 'cipa', 'dupa', 'dziwka',
    'ekrem', 'ekto', 'enculer', 'faen', 'fanculo', 'feg', 'ficken', 'fitt', 'flikker', 'fotze',
    'futkretzn', 'helvete', 'hui', 'huevon', 'kanker', 'klootzak', 'knulle', 'kuk', 'kuksuger', 'kurac',
    'kurwa', 'kusi', 'kyrpa', 'mamhoon', 'merd', 'mibun', 'monkleigh', 'mouliewop', 'muie', 'mulkku',
    'muschi', 'nepesaurio', 'orospu', 'paska', 'perse', 'picka', 'pierdol', 'pillu', 'pimmel', 'pula',
    'pule', 'puta', 'puto', 'qahbeh', 'rautenberg', 'schaffer', 'scheiss', 'schlampe', 'schmuck',
    'sharmuta', 'sharmute', 'shipal', 'skribz', 'skurwysyn', 'sphencter', 'spierdalaj', 'suka', 'vittu',
    'wichser', 'yed', 'zabourah', 'ayir', 'andskota', 'amcik', 'dirsa', 'ejakulate', 'ejackulate',
    'h4x0r', 'pimpis', 'poontsee', 'mofo', 'w00se', 'teets', 'titt', 'retard', 's hit', 'f u c k',
    'f u c k e r', 'clit', 'clits', 'god-damned', 'cock-head', 'shiz', 'splooge', 'goatse', 'fux',
  ]),
  mild: new Set([
    'damn', 'hell', 'hells', 'crap', 'bloody', 'bugger', 'arse', 'arrse', 'piss', 'pissed', 'pisses',
    'pissing', 'pissin', 'pisser', 'pissers', 'pissoff', 'goddamn', 'goddamned', 'feck', 'fecker', 'tosser', 'sod', 'jerk-off', 'sob',
  ]),
  severe: new Set([
    'fuck', 'motherfucker', 'motherfuck', 'cunt', 'cunts', 'nigger', 'niggers', 'nigga', 'niggah',
    'niggas', 'niggaz', 'faggot', 'fag', 'fags', 'faggit', 'fagot', 'fagots', 'son-of-a-bitch',
    'cocksucker', 'whore', 'slut', 'twat',
  ]),
  ambiguousAcrossLanguages: new Set([]),
};

/** Words the source list lacks, with their tier. */
const ADDITIONS: ReadonlyArray<[string, Tier]> = [
  ['bullshit', 'moderate'],
  ['dumbass', 'moderate'],
  ['jackass', 'moderate'],
  ['dipshit', 'moderate'],
  ['douchebag', 'moderate'],
  ['douche', 'moderate'],
  ['piece of shit', 'severe'],
  ['son of a bitch', 'severe'],
  ['stfu', 'moderate'],
  ['shut the fuck up', 'severe'],
  ['fucking', 'severe'],
  ['fucked', 'severe'],
  ['fucker', 'severe'],
  ['fuckers', 'severe'],
  ['fuckin', 'severe'],
  ['pissed off', 'mild'],
  ['holy shit', 'moderate'],
  ['shitshow', 'moderate'],
  ['clusterfuck', 'severe'],
  ['wanker', 'moderate'],
  ['bollocks', 'moderate'],
  ['dickhead', 'moderate'],
  ['prick', 'moderate'],
  ['asshole', 'moderate'],
  ['assholes', 'moderate'],
  ['bitch', 'moderate'],
];

/** Stems: every word starting with them is vulgar, e.g. "fucking", "motherfuckers". */
const STEMS = new Set(['fuck', 'motherfuck', 'shithead', 'cocksuck', 'bullshit']);

const SOURCE_WORD = /^[a-z][a-z -]*[a-z]$/;

/**
 * The reviewed English list: each entry tagged with its tier.
 * Derived from `bad-words`' list at load time; nothing is read from disk.
 */
export function englishProfanity(): LexiconEntry[] {
  const seen = new Set<string>();
  const entries: LexiconEntry[] = [];
  const add = (phrase: string, tier: Tier): void => {
    if (seen.has(phrase)) return;
    seen.add(phrase);
    entries.push({ phrase, tag: tier, ...(STEMS.has(phrase) ? { stem: true } : {}) });
  };
  for (const [phrase, tier] of ADDITIONS) add(phrase, tier);
  for (const raw of new Filter().list) {
    const word = raw.toLowerCase().replace(/^\*+|\*+$/g, '').replace(/;$/, '');
    if (!SOURCE_WORD.test(word) || REVIEW.drop.has(word)) continue;
    add(word, tierOf(word));
  }
  for (const stem of STEMS) if (!seen.has(stem)) add(stem, 'severe');
  return entries;
}

function tierOf(word: string): Tier {
  if (REVIEW.mild.has(word)) return 'mild';
  if (REVIEW.severe.has(word) || word.includes('fuck')) return 'severe';
  return 'moderate';
}
