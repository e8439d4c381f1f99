/**
 * Warms the engine up before it serves.
 *
 * V8 compiles a hot function for the inputs it has seen. A function compiled on ordinary chat
 * alone meets an unusual message (markup that never closes, long runs of digits, other scripts,
 * token prefixes) with no feedback for that path: it throws its compiled code away and runs
 * several times slower, for the rest of a message that may be 40,000 characters long. Evaluating
 * a range of unusual synthetic texts first, before the compiler settles, gives it that feedback.
 *
 * The texts are generated here (deterministic, about 1,500 characters each) and never leave this
 * module; the verdicts are thrown away. Pure: no I/O.
 */
import { evaluate } from './evaluate';
import type { RuleSet } from './rule';
import type { ChannelContext } from './types';

/** Pieces a message can be made of: markup, the things detectors look for, and their near misses. */
const FRAGMENTS: readonly string[] = [
  '<@U024BE7LH> ', '<#C024BE7LR|general> ', '<https://intranet.example.fr/a?b=1|le lien> ', '<mailto:a@b.fr|a@b.fr> ',
  '<!here> ', '<!channel> ', '<!everyone> ', '<!subteam^S1|@devs> ', '&amp; ', '&lt;', '&gt; cité\n', '`code` ',
  '```\nconst x = 1;\n``` ', ':tada: ', ':+1::skin-tone-2: ', '*gras* ', '_italique_ ', '~barré~ ', '\n• point\n',
  'mdp : ', 'password= ', 'mot de passe est ', 'login: admin / ', 'xoxb-', 'xoxp-1234-', 'ghp_', 'AKIA', 'sk_live_',
  'eyJhbGciOi.', 'eyJzdWIi.', 'https://user:pass@host/ ', '-----BEGIN PRIVATE KEY----- ', 'FR76 3000 6000 0112 ',
  'DE89 3704 ', '4970 1012 3456 7890 ', '4111-1111-', '1 85 05 78 006 ', '2A ', '06 12 34 56 78 ', '+33 1 ',
  'jean.dupont@exemple.fr ', 'a@b. ', 'f u c k ', 'p*tain ', 'sh1t ', 'fuuuuck ', 'SHOUTING LOUDLY ', 'ASAP ',
  "t'es ", 'vraiment ', 'un ', 'con ', 'you are ', 'such an ', 'idiot ', 'bande ', "d'incapables ", 'mdr ', 'lol ',
  'wesh ', 'confidentiel ', 'NDA ', 'assessment ', 'Scunthorpe ', 'cocktail ', 'analyse ', 'constat ', 'bite ',
  'Заказ ', 'αβγ ', 'ｆｕｌｌ ', 'é', 'Ç', 'ß', 'ﬁ', '\u200b', '\u202e', '\u00a0', '😀', '👍🏽', '𝐛𝐨𝐥𝐝 ', 'e\u0301',
  '12:30 ', '2026-11-29 ', '1732838400000 ', '#4521 ', 'v2.6.14 ', '$', '@', '!', '*', '-', '_', '.', '/', '|',
];

/**
 * Whole messages that break each kind of default rule, so the paths that validate and report a
 * finding (Luhn, mod 97, NIR keys, token shapes, masking, excerpts) are compiled too. Secrets are
 * assembled from pieces: this file holds no scannable credential.
 */
const BREAKING: readonly string[] = [
  "t'es vraiment un con",
  'this is fucking broken again',
  'ma carte : 4970 1012 3456 7893',
  'virement sur FR76 3000 6000 0112 3456 7890 189 stp',
  'mon numéro de sécu : 1 85 05 78 006 084 91',
  `le token du bot : ${['xoxb', '2918273645', '1827364519', 'aBcDeFgHiJkLmNoPqRsTuVwX'].join('-')}`,
  `export GITHUB_TOKEN=${['ghp', 'R4nd0mL00k1ngT0k3nW1thN0M34n1ng00007'].join('_')}`,
  'mdp : Tournesol#2026',
  'ARRÊTEZ DE MODIFIER LE FICHIER PARTAGÉ SANS PRÉVENIR PERSONNE',
  '<!channel> qui a pris mon chargeur ?',
  'appelez-moi au 06 12 34 56 78 ou jean.dupont@exemple.fr',
  'mdr wesh tkt',
  'le projet est confidentiel',
];

/** Alphabets for noise: what random or pasted text is made of. */
const ALPHABETS: readonly string[] = [
  'abcdefghijklmnopqrstuvwxyz0123456789 .:/@-_*<>&!$`~|=#\n',
  '0123456789 -./',
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=_-',
  'aeiouéèêàçôûïAEIOUÉÀ аеорсхАЕОРСΑΒΕΖΗ ｆｕｃｋ\u200b\u200d\u2060 ',
];

const CHANNELS: readonly ChannelContext[] = [
  { name: 'general' },
  { name: 'ext-acme', external: true },
  { name: 'direction', private: true },
  { name: 'annonces' },
];

const TEXT_LENGTH = 1_500;

/** A small deterministic generator (LCG): the same texts on every start. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 0x1_0000_0000;
  };
}

/**
 * The warm-up texts: messages that break each kind of rule, fragment soups, noise over each
 * alphabet, and long runs of one fragment.
 */
export function warmUpTexts(): string[] {
  const random = generator(20261129);
  const texts: string[] = [...BREAKING];
  for (let soup = 0; soup < 8; soup++) {
    let text = '';
    while (text.length < TEXT_LENGTH) text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
    texts.push(text);
  }
  for (const alphabet of ALPHABETS) {
    const characters = [...alphabet];
    let text = '';
    while (text.length < TEXT_LENGTH) text += characters[Math.floor(random() * characters.length)];
    texts.push(text);
  }
  for (let run = 0; run < FRAGMENTS.length; run += 3) {
    const fragment = FRAGMENTS[run] as string;
    texts.push(fragment.repeat(Math.ceil(TEXT_LENGTH / 4 / fragment.length)));
  }
  return texts;
}

/**
 * Evaluates the warm-up texts a few times in several kinds of channel. Call it once per process,
 * when the rules are loaded and before the first message (a few tens of milliseconds).
 */
export function warmUp(ruleSet: RuleSet, rounds = 3): void {
  const texts = warmUpTexts();
  for (let round = 0; round < rounds; round++) {
    texts.forEach((text, n) => {
      evaluate({ text, channel: CHANNELS[n % CHANNELS.length] as ChannelContext, user: 'UWARMUP' }, ruleSet);
    });
  }
}
