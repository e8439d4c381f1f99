/**
 * French vulgar words: `french-badwords-list` used as data, reviewed.
 *
 * The source has ~2,400 entries but ~240 distinct words once its leetspeak spellings are set
 * aside (the tokenizer reads leetspeak itself). It includes everyday words that are only rude in
 * some contexts ("manche" sleeve, "gland" acorn, "andouille" sausage, "pet", "punaise", "sale",
 * "lavette", "raton" as in raton laveur, "pédale" of a bike), and lacks the most common abbreviated
 * insults ("fdp", "ntm", "tg", "ta gueule"). The review below drops the former, adds the latter
 * and assigns tiers. "con", "cons", "bite" and "cul" are innocent in English ("pros and cons",
 * "grab a bite", "cul-de-sac"): they count only in French messages.
 */
import { array as sourceList } from 'french-badwords-list';
import type { LexiconEntry } from '../../engine/lexicon';
import type { Tier, TierOverrides } from './tiers';

const REVIEW: TierOverrides = {
  drop: new Set([
    'sale', 'manche', 'pet', 'punaise', 'gourde', 'crotte', 'crotte', 'coche', 'gland', 'magot', 'minus',
    'epais', 'chauffard', 'raton', 'pouf', 'cacou', 'cafre', 'caldoche', 'cricri', 'crouton', 'courtaud',
    'moinaille', 'monacaille', 'rosbif', 'fritz', 'kraut', 'godon', 'niac', 'andouille', 'bougre',
    'vaurien', 'trainee', 'niaiseux', 'lavette', 'mauviette', 'pleutre', 'avorton', 'pedale', 'kikoo',
    'kikou', 'michto', 'poucav', 'fumier', 'pourriture', 'minable', 'bouffon', 'beauf', 'plouc',
    'bouseux', 'pequenaud', 'pimbeche', 'putin', 'marchandot', 'pecque', 'patarin', 'gaupe',
    'gourgandine', 'chagasse', 'panoufle', 'ripopee', 'robespierrot', 'sottiseux', 'stearique',
    'margouilliste', 'glandouillou', 'xeropineur', 'counifle', 'envaselineur', 'dugenoux', 'lacheux',
    'teteux', 'peteux', 'pisseux', 'pissou', 'porcas', 'porcasse', 'truiasse', 'satrouille', 'bourdille',
    'drouille', 'gouilland', 'gueniche', 'guindoule', 'pounde', 'makoume', 'moins-que-rien', 'nase',
    'naze', 'tebe', 'debile', 'cretin', 'imbecile', 'abruti', 'emmanche', 'empafe', 'goi', 'yeule',
    'bitembois', 'pakos', 'viedase', 'chnoque', 'schnoc', 'schnock', 'schnoque', 'du schnoc',
    'duschnock', 'schbeb', 'demerder', 'miserable', 'glandeur', 'glandeuse', 'glandu', 'epais', 'crevard',
  ]),
  mild: new Set(['bordel', 'cul', 'emmerder', 'casse-bonbon', 'branque', 'couillon', 'couillonner']),
  severe: new Set([
    'encule', 'enculer', 'enculeur', 'pute', 'salope', 'connasse', 'pd', 'pede', 'tapette', 'tarlouze',
    'tantouze', 'tantouserie', 'fiotte', 'gouine', 'lopette', 'bougnoul', 'bougnoule', 'bougnoulie',
    'bougnoulisation', 'bougnouliser', 'bicot', 'negro', 'youpin', 'youpine', 'youpinisation', 'youtre',
    'youd', 'chinetoc', 'chinetoque', 'chintok', 'crouillat', 'crouille', 'bounioul', 'gnoul', 'gnoule',
    'boukak', 'niakoue', 'moricaud', 'fdp', 'ntm', 'sous-merde', 'mange-merde', 'pouffiasse', 'poufiasse',
  ]),
  ambiguousAcrossLanguages: new Set(['con', 'cons', 'bite', 'cul', 'tg', 'pine', 'chatte']),
};

/** Words and phrases the source lacks, with their tier. */
const ADDITIONS: ReadonlyArray<[string, Tier]> = [
  ['fdp', 'severe'],
  ['ntm', 'severe'],
  ['tg', 'moderate'],
  ['ta gueule', 'severe'],
  ['ferme ta gueule', 'severe'],
  ['fermez vos gueules', 'severe'],
  ['ta gueule', 'severe'],
  ['nique ta mere', 'severe'],
  ['nique ta race', 'severe'],
  ['fils de pute', 'severe'],
  ['va te faire foutre', 'severe'],
  ['allez vous faire foutre', 'severe'],
  ['va te faire enculer', 'severe'],
  ['va chier', 'moderate'],
  ['bordel de merde', 'moderate'],
  ['putain de merde', 'moderate'],
  ['merdique', 'moderate'],
  ['merdier', 'moderate'],
  ['chiant', 'mild'],
  ['chiante', 'mild'],
  ['ptn', 'moderate'],
  ['ptain', 'moderate'],
  ['putain', 'moderate'],
  ['merde', 'moderate'],
  ['connard', 'moderate'],
  ['connards', 'moderate'],
  ['conne', 'moderate'],
  ['con', 'moderate'],
  ['cons', 'moderate'],
  ['couilles', 'moderate'],
  ['trou du cul', 'moderate'],
  ['enfoire', 'moderate'],
  ['enfoires', 'moderate'],
  ['salaud', 'moderate'],
  ['batard', 'moderate'],
  ['teub', 'moderate'],
  ['zgueg', 'moderate'],
  ['boloss', 'moderate'],
  ['pine', 'moderate'],
  ['chatte', 'moderate'],
  ['zut', 'mild'],
  ['mince', 'mild'],
  ['punaise', 'mild'],
  ['purée', 'mild'],
  ['flute', 'mild'],
];

/** Stems: every word starting with them is vulgar ("enculés", "enculeurs"). */
const STEMS = new Set(['encul', 'connard', 'connass']);

const SOURCE_WORD = /^[a-zàâäéèêëîïôöùûüç][a-zàâäéèêëîïôöùûüç' -]*[a-zàâäéèêëîïôöùûüç]$/;

/** Folds a source entry like the tokenizer folds text: lowercase, no accents. */
function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The reviewed French list: each entry tagged `tier` or `tier|fr` (counted only in French).
 * Derived from `french-badwords-list` at load time; nothing is read from disk.
 */
export function frenchProfanity(): LexiconEntry[] {
  const seen = new Set<string>();
  const entries: LexiconEntry[] = [];
  const add = (word: string, tier: Tier): void => {
    if (seen.has(word)) return;
    seen.add(word);
    const tag = REVIEW.ambiguousAcrossLanguages.has(word) ? `${tier}|fr` : tier;
    entries.push({ phrase: word, tag, ...(STEMS.has(word) ? { stem: true } : {}) });
  };
  for (const [word, tier] of ADDITIONS) add(fold(word), tier);
  for (const stem of STEMS) add(stem, 'severe');
  for (const raw of sourceList) {
    const lower = raw.toLowerCase();
    if (!SOURCE_WORD.test(lower)) continue;
    const word = fold(lower);
    if (REVIEW.drop.has(word)) continue;
    add(word, tierOf(word));
  }
  return entries;
}

function tierOf(word: string): Tier {
  if (REVIEW.mild.has(word)) return 'mild';
  if (REVIEW.severe.has(word)) return 'severe';
  return 'moderate';
}
