/**
 * `password`: passwords written out in a message, in French or English.
 *
 * A detection needs three things in a row:
 *
 * 1. a **label**: `mot de passe`, `mot-de-passe`, `mdp`, `password`, `passwd`, `pwd`, `pw`,
 *    `pass`, `passphrase`, `code wifi`, `clé wifi`, possibly followed by up to six words
 *    (`mdp admin`, `le mot de passe du compte Canva partagé`, `the pass for the router page`);
 * 2. a **connector**: `:`, `=`, `->`, `=>` (explicit); `est`, `is`, `c'est`, `sera`… (in a
 *    sentence, optionally with "still", "toujours"…); a question answered on the next line
 *    ("c'est quoi le mdp de la préprod ?⏎…"); or a plain space;
 * 3. a **value**: the next token (or a quoted text), 6 to 64 characters, not a common word
 *    ("oublié", "expired", "reset", "manager", "dans"…), not a placeholder (`****`,
 *    `<password>`, `[redacted]`, `${DB_PASSWORD}`, `…`), not a path, a URL, a date or a code
 *    expression, and looking like a password as much as the context requires:
 *    - after `:`/`=` right after the label (or after known qualifiers such as "du wifi"), any
 *      other word counts, unless it starts a sentence ("mdp : voir avec Julie");
 *    - after unknown words ("password policy: …") or in a sentence, it needs a digit, a symbol
 *      or mixed case;
 *    - after a plain space or as the answer to a question, it needs three of lower case, upper
 *      case, digits and symbols ("password Gala-Night-2025") — or, after a login
 *      ("login admin / pass hunter2rocks") or a wifi code, only a digit, symbol or mixed case.
 *
 * "pass" that is a ticket ("boarding pass", "pass Navigo") is no label. Credentials without a
 * password label count too when the value is strong: "VPN login is jmartin / Autumn_leaves_77".
 *
 * So "mot de passe oublié ?", "password: reset it on the portal", "the password is expired",
 * "changez votre mot de passe tous les 90 jours" or "le mot de passe est dans le coffre-fort"
 * are left alone.
 *
 * The detection runs from the label (or the login) to the end of the value; the excerpt keeps
 * what comes before the value and hides the value behind a fixed-length mask, so not even its
 * length is told: `mdp : ••••••••`, `login is jmartin / ••••••••`.
 *
 * @example
 * // "le mdp du wifi c'est Soleil2024!" → one detection over "mdp du wifi c'est Soleil2024!",
 * // excerpt "mdp du wifi c'est ••••••••"
 */
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import type { PreparedText } from '../engine/prepare';
import type { Token } from '../engine/tokenize';
import { internKey, markWords } from '../engine/vocabulary';
import { collapseRuns } from '../engine/word-fold';
import { toOriginalRange } from '../engine/text-view';
import { hasPlaceholderMarker } from './secret';
import type { Detector } from './types';

const optionsSchema = z
  .object({
    /** Shortest value taken for a password. */
    minLength: z.number().int().min(1).max(64).default(6),
    /** More words that are never passwords (e.g. the name of the company's password manager). */
    ignoreValues: z.array(z.string().min(1)).default([]),
  })
  .strict();

/** Options of the `password` detector. */
export type PasswordOptions = z.infer<typeof optionsSchema>;

/** The prefilter: no label, no password. ("passe", "passer", "passé" do not pass it.) */
const PREFILTER =
  /mdp|mot[ -]?de[ -]?passe|pass(?:w(?:or)?d|phrase)?(?!\p{L})|pwd|pw(?!\p{L})|wi-?fi|login|identifiant|creds|credentials|acc[eè]s/iu;

/**
 * Words that can start a label (whole words, folded: "mot" for "mot de passe", "wi"/"wifi" for
 * "code wifi"). Every label the patterns below accept begins with one of them.
 */
const LABEL_FIRST_WORDS = [
  'mdp', 'mot', 'motdepasse', 'password', 'passwd', 'passphrase', 'pass', 'pwd', 'pw', 'code', 'cle', 'login',
  'identifiant', 'identifiants', 'creds', 'credentials', 'acces', 'access',
];

/**
 * 1 at the vocabulary ids of {@link LABEL_FIRST_WORDS}, indexed by id (collapsed keys: "pass"
 * shares "pas" with French "pas"). The words are interned when this module loads, so their ids
 * are small and the table short; one array read per word of a message.
 */
const IS_LABEL_ID: Uint8Array = (() => {
  const ids = LABEL_FIRST_WORDS.map((word) => internKey(collapseRuns(word)));
  const table = new Uint8Array(Math.max(...ids) + 1);
  for (const id of ids) table[id] = 1;
  return table;
})();
const LABEL_WORD_SET = new Set(LABEL_FIRST_WORDS);
/** The word mark of {@link LABEL_FIRST_WORDS}: a prose without it has no label word. */
const LABEL_MARK = markWords(
  LABEL_FIRST_WORDS.map((word) => internKey(collapseRuns(word))),
  false,
);

/**
 * A cheap first look: the prose's words are already read, so a message whose prose has no label
 * word is ruled out without running any pattern, unless its hidden parts (code, quotes, link
 * targets) pass the pattern prefilter, which reads them as they are. A label word in the prose
 * is confirmed by the prefilter too.
 */
function mayHoldLabel(text: PreparedText): boolean {
  const tokens = text.hasWordMarked(LABEL_MARK) ? text.tokens : NO_TOKENS;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const id = token.vocabulary;
    if (id >= 0 && id < IS_LABEL_ID.length && IS_LABEL_ID[id] === 1 && LABEL_WORD_SET.has(token.norm)) {
      // "code" and "login" are common words: the prefilter confirms a label ("code wifi").
      return PREFILTER.test(text.original);
    }
  }
  return !text.hasOnlyProse && PREFILTER.test(text.hidden.text);
}

const NO_TOKENS: readonly Token[] = [];

const LABEL = String.raw`mot[ -]de[ -]passe|motdepasse|mdp|pass(?:word|wd|phrase)?|pwd|pw|(?:code|cl[ée]) wi-?fi`;
const SPACE = String.raw`[ \t\u00a0\u202f]`;
const WORD = String.raw`[\p{L}\p{N}_.@'’-]{1,30}`;
/** A colon that does not open an emoji shortcode: in "fail on CI :sweat_smile:" it is not a connector. */
const EMOJI_SAFE_COLON = String.raw`:(?![a-z0-9_+'-]{1,64}:)`;
const ADVERB = String.raw`still|now|currently|toujours|encore|maintenant|désormais|actuellement|temporairement|temporarily`;

/**
 * label, then one of:
 * - up to six words ("du compte Canva partagé", "for the router admin page") and a connector,
 *   explicit (`:`, `=`, `->`) or in a sentence (`est`, `is`, `c'est`…);
 * - a question answered on the next line ("c'est quoi le mdp de la préprod ?\nP@ss…");
 * - a plain space ("login admin / pass hunter2rocks", "password Gala-Night-2025").
 *
 * The value is read by code after the match. Every repetition is bounded and the words are
 * split by spaces only, so a 40,000-character message stays linear.
 */
const LABELLED = new RegExp(
  String.raw`(?<![\p{L}\p{N}/-])(?<label>${LABEL})(?![\p{L}\p{N}])[*_~]{0,2}` +
    String.raw`(?:(?<words>(?:${SPACE}{1,3}${WORD}){0,6}?)[*_~]{0,2}` +
    String.raw`(?:(?<strong>${SPACE}{0,3}(?:=>|->|:=|→|${EMOJI_SAFE_COLON}|[=＝：])\s{0,3})` +
    String.raw`|(?<weak>${SPACE}{1,3}(?:est|is|c['’]est|sera|will be|was|était|reste|remains|devient|becomes)(?:${SPACE}{1,3}(?:${ADVERB}))?(?:${SPACE}{0,3}:)?${SPACE}{1,3}))` +
    String.raw`|(?<question>[^\n?]{0,80}\?${SPACE}{0,3}\n${SPACE}{0,3})` +
    String.raw`|(?<bare>${SPACE}{1,3}))(?=\S)`,
  'giu',
);

/**
 * Where {@link LABELLED} may start: its label alone. Every match of LABELLED starts where this
 * one matches, so the scan looks for labels with this cheaper pattern and tries the whole one
 * (sticky) only there. It has no look-behind (LABELLED's own rejects a label glued to a word):
 * a pattern that opens with one is searched position by position, twice as slowly. No groups
 * either: a match costs no group strings.
 */
const LABEL_AT = new RegExp(String.raw`(?:${LABEL})(?![\p{L}\p{N}])`, 'giu');

/** Credentials without a password label: "VPN login is jmartin / Autumn_leaves_77". */
const CREDENTIALS = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:login|identifiants?|creds|credentials|acc[eè]s|access)` +
    String.raw`(?:${SPACE}{1,3}(?:is|are|est|sont|c['’]est)${SPACE}{1,3}|${SPACE}{0,3}[:=]${SPACE}{0,3})` +
    String.raw`[^\s/|,;]{2,64}${SPACE}{0,3}/${SPACE}{0,3}(?=\S)`,
  'giu',
);

/** Words that open {@link CREDENTIALS} (folded), and the same words for a raw text. */
const CREDENTIAL_WORDS = ['login', 'identifiant', 'identifiants', 'creds', 'credentials', 'acces', 'access'];
const CREDENTIAL_MARK = markWords(
  CREDENTIAL_WORDS.map((word) => internKey(collapseRuns(word))),
  false,
);
const CREDENTIAL_WORD = /login|identifiant|creds|credentials|acc[eè]s/i;

/**
 * Whether {@link CREDENTIALS} may match: its opening word is among the prose's words, or in the
 * hidden parts. Spares most messages that mention a password a scan of the whole text.
 */
function mayHoldCredentials(text: PreparedText): boolean {
  return text.hasWordMarked(CREDENTIAL_MARK) || (!text.hasOnlyProse && CREDENTIAL_WORD.test(text.hidden.text));
}

/** A login written just before the password label: "login admin / pass …", "user: bob pwd …". */
const LOGIN_BEFORE =
  /(?<![\p{L}\p{N}])(?:login|identifiant|id|user(?:name)?|utilisateur|compte|account|e-?mail)[*_]{0,2}[ \t]{0,3}(?:[:=][ \t]{0,3})?\S{1,64}[ \t]{0,3}(?:[/,;|+&]|et|and)?[ \t]{0,3}[*_]{0,2}$/iu;

/**
 * Words that may stand between a label and its connector and still make a plain word after
 * ":" a password ("mot de passe du compte admin : soleil"). Other words ("password policy:
 * enforced") require the value to look like a password. Compared without accents.
 */
const QUALIFIER_WORDS: ReadonlySet<string> = new Set([
  'du', 'de', 'la', 'l', 'des', 'd', 'pour', 'le', 'les', 'for', 'the', 'of', 'on', 'sur', 'to', 'au', 'a',
  'chez', 'my', 'mon', 'ma', 'mes', 'your', 'votre', 'ton', 'ta', 'our', 'notre', 'this', 'ce', 'cette', 'its',
  'son', 'sa', 'wifi', 'wi-fi', 'admin', 'administrateur', 'root', 'prod', 'production', 'staging', 'preprod',
  'pre-prod', 'recette', 'test', 'dev', 'serveur', 'server', 'box', 'compte', 'account', 'bdd', 'db',
  'database', 'vpn', 'ftp', 'sftp', 'ssh', 'sudo', 'user', 'utilisateur', 'invite', 'invites', 'guest',
  'guests', 'temporaire', 'temporary', 'temp', 'provisoire', 'initial', 'initiale', 'par', 'defaut',
  'default', 'new', 'nouveau', 'nouvel', 'nouvelle', 'actuel', 'current', 'genere', 'generated', 'unique',
  'partage', 'partagee', 'shared', 'commun', 'common', 'master', 'maitre', 'principal', 'windows', 'linux',
  'mail', 'messagerie', 'outlook', 'session', 'portail', 'portal', 'intranet', 'extranet', 'jira',
  'confluence', 'gitlab', 'github', 'aws', 'azure', 'bastion', 'routeur', 'router', 'imprimante', 'printer',
  'app', 'application', 'api', 'client', 'jour', 'day', 'here', 'ici',
]);

/** "boarding pass", "pass Navigo": a pass that is a ticket, not a password. */
const PASS_BEFORE: ReadonlySet<string> = new Set([
  'boarding', 'ski', 'season', 'bus', 'day', 'press', 'backstage', 'hall', 'weekly', 'monthly', 'annual',
  'museum', 'gym', 'metro', 'rail', 'train', 'event', 'vip', 'free', 'hotel', 'mon', 'ton', 'son',
]);
const PASS_AFTER: ReadonlySet<string> = new Set([
  'navigo', 'sanitaire', 'vaccinal', 'culture', 'rail', 'famille', 'annuel', 'mensuel', 'ski', 'vip', 'presse',
  'decouverte', 'liberte', 'easy', 'the', 'it', 'on', 'along', 'by',
]);
const LAST_WORD = /([\p{L}\p{N}'’-]+)[ \t\u00a0]*$/u;

/** Words that follow a password label without being a password (compared without accents). */
const COMMON_WORDS: readonly string[] = [
  // French
  'oublie', 'oublies', 'oubliee', 'expire', 'expiree', 'expires', 'perdu', 'perime', 'incorrect', 'incorrecte',
  'invalide', 'errone', 'erronee', 'faux', 'requis', 'obligatoire', 'change', 'changee', 'changer', 'modifie',
  'modifier', 'reinitialise', 'reinitialiser', 'reinitialisation', 'dans', 'sur', 'avec', 'sans', 'ici',
  'ci-dessous', 'dessous', 'joint', 'envoye', 'envoyee', 'masque', 'cache', 'secret', 'confidentiel',
  'identique', 'pareil', 'meme', 'habituel', 'provisoire', 'temporaire', 'vide', 'aucun', 'aucune', 'coffre',
  'coffre-fort', 'gestionnaire', 'encore', 'toujours', 'jamais', 'mauvais', 'demande', 'demander', 'voir',
  'inchange', 'different', 'valide', 'faible', 'minimum', 'maximum', 'caracteres', 'chiffres', 'lettres',
  'envoyer', 'bloque', 'verrouille', 'desactive', 'active', 'personnel', 'partage', 'chiffre', 'crypte',
  'hache', 'complexe', 'robuste', 'securise', 'generer', 'genere', 'saisir', 'retaper', 'renouveler',
  'renouvele', 'suivant', 'suivante', 'precedent', 'ancien', 'nouveau', 'nouvelle', 'personne',
  // English
  'forgotten', 'forgot', 'expired', 'expires', 'expiring', 'reset', 'required', 'incorrect', 'invalid', 'wrong',
  'missing', 'changed', 'change', 'updated', 'update', 'rotated', 'manager', 'policy', 'policies', 'vault',
  'keychain', 'keepass', 'bitwarden', '1password', 'lastpass', 'dashlane', 'keeper', 'please', 'below',
  'above', 'attached', 'hidden', 'masked', 'confidential', 'protected', 'strong', 'empty', 'blank',
  'undefined', 'string', 'number', 'boolean', 'optional', 'disabled', 'enabled', 'locked', 'blocked',
  'unknown', 'unchanged', 'different', 'correct', 'characters', 'default', 'generated', 'temporary', 'hashed',
  'salted', 'encrypted', 'protected', 'needed', 'necessary', 'mandatory', 'complex', 'requirements',
  'stored', 'shared', 'sent', 'same', 'previous', 'current', 'provided', 'supplied', 'another', 'something',
  // Template values, and the labels themselves
  'password', 'passwd', 'passphrase', 'pass', 'pwd', 'mdp', 'mot', 'motdepasse', 'mot_de_passe', 'changeme',
  'secret123', 'yourpassword', 'is', 'est', 'the', 'le', 'la', 'les', 'un', 'une', 'a', 'an',
];

/** Characters a placeholder or a code expression starts with. */
const PLACEHOLDER_START = /^[<[{(%$*•.…#!]/;
const CODE_VALUE =
  /^(?:process\.env|os\.(?:environ|getenv)|getenv|env[.([]|secrets?[.[]|config[.[]|settings[.[]|vault[:.]|self\.|this\.|~?\/|\.\.?\/)|:\/\/|\(.*\)$/i;
const REPEATED = /^(.)\1*$/;
/** Dates, times and formatted numbers ("2025-01-01", "12/03", "14:30") are not passwords. */
const FORMATTED_NUMBER = /^\d{1,4}(?:[./:-]\d{1,4})+$/;
const DIGIT = /\p{N}/u;
const SYMBOL = /[^\p{L}\p{N}\s]/u;
const SPACES = /\s+/;
const WORD_SEPARATORS = /[\s'’]+/;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const UPPER_AFTER_FIRST = /^.+\p{Lu}/u;
const PROSE_AFTER = /^[ \t\u00a0]{1,3}\p{L}{2,}[ \t\u00a0]{1,3}\p{L}/u;
const TRAILING_PUNCTUATION = /[.,;:)\]}»”’"']+$/;
const TRAILING_MARKS = /[!?]+$/;
const FORMATTING = /^([*_~])(.+)\1$/;
const DIACRITICS = /\p{M}/gu;

const OPENING_QUOTES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '`': '`',
  '«': '»',
  '“': '”',
  '‘': '’',
  '„': '“',
};

/** Labels too ambiguous to stand before a plain space without a login just before. */
const WEAK_LABELS = new Set(['pass', 'pwd', 'pw']);

/** Detections reported per message at most. */
const MAX_DETECTIONS = 50;

/** Longest password value read. */
const MAX_VALUE = 64;

function fold(word: string): string {
  return word.normalize('NFD').replace(DIACRITICS, '').toLowerCase();
}

/** Whether a character ends an unquoted value. */
function endsValue(code: number, stopAtAmpersand: boolean): boolean {
  // In the data view, Slack's markup is already read: a `<` or `|` left is the author's own.
  return (
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x202f ||
    code === 0x60 /* ` */ || (stopAtAmpersand && code === 0x26)
  );
}

/** A value read after a connector: data offsets, and its text without quotes or formatting. */
interface Value {
  /** Where the detection ends (after a closing quote, before trailing punctuation). */
  end: number;
  /** The value itself. */
  text: string;
  /**
   * Where the rest of the line after the value starts in the data view (-1 after a quoted value),
   * for {@link hasProseAfter}: read only when a value's fate depends on it.
   */
  restAt: number;
  /** The value was quoted: deliberate, like a value after ":". */
  quoted: boolean;
}

/** "boarding pass is AF1234", "pass Navigo 2024 : 86 €": a ticket, not a password. */
function isTicketPass(data: string, start: number, words: string): boolean {
  const previous = LAST_WORD.exec(data.slice(Math.max(0, start - 40), start));
  if (previous !== null && PASS_BEFORE.has(fold(previous[1] as string))) return true;
  const next = fold(words).split(WORD_SEPARATORS)[0] ?? '';
  return PASS_AFTER.has(next);
}

/** Whether a login is written on the same line just before `at` ("login admin / pass …"). */
function loginBefore(data: string, at: number): boolean {
  const before = data.slice(Math.max(0, at - 80), at);
  return LOGIN_BEFORE.test(before.slice(before.lastIndexOf('\n') + 1));
}

function readValue(data: string, at: number, stopAtAmpersand: boolean): Value | undefined {
  const close = OPENING_QUOTES[data.charAt(at)];
  if (close !== undefined) {
    // Looked for within a value's length only: an unclosed quote must not cost a scan of the message.
    const closing = data.slice(at + 1, at + 2 + MAX_VALUE).indexOf(close) + at + 1;
    if (closing > at + 1) {
      const inner = data.slice(at + 1, closing);
      if (!inner.includes('\n')) return { end: closing + 1, text: inner.trim(), restAt: -1, quoted: true };
    }
  }
  let end = at;
  const limit = Math.min(data.length, at + MAX_VALUE + 2);
  while (end < limit && !endsValue(data.charCodeAt(end), stopAtAmpersand)) end++;
  if (end === limit && end < data.length && !endsValue(data.charCodeAt(end), stopAtAmpersand)) return undefined;
  const raw = data.slice(at, end);
  const trimmed = raw.replace(TRAILING_PUNCTUATION, '');
  if (trimmed.length === 0) return undefined;
  const unwrapped = FORMATTING.exec(trimmed);
  return {
    end: at + trimmed.length,
    text: unwrapped === null ? trimmed : (unwrapped[2] as string),
    restAt: end,
    quoted: false,
  };
}

/** Whether the rest of the line after an unquoted value starts like prose ("mdp : voir avec Julie"). */
function hasProseAfter(data: string, value: Value): boolean {
  return value.restAt !== -1 && PROSE_AFTER.test(data.slice(value.restAt, value.restAt + 80));
}

/** Detects passwords written out after a label such as "mdp :" or "the password is". */
export const password: Detector<PasswordOptions> = {
  kind: 'password',
  description: {
    fr: 'Mots de passe écrits dans un message (« mdp : … », « le mot de passe est … », « password: … »).',
    en: 'Passwords written out in a message ("password: …", "the password is …", "mdp : …").',
  },
  categories: ['password'],
  messages: {
    password: {
      fr: 'Mot de passe en clair : supprimez le message et changez ce mot de passe. Pour partager un accès, utilisez le gestionnaire de mots de passe de l’entreprise.',
      en: 'Password in clear text: delete the message and change that password. To share access, use the company’s password manager.',
    },
  },
  optionsSchema,
  create(options) {
    const minLength = options.minLength;
    const common = new Set([...COMMON_WORDS, ...options.ignoreValues.map(fold)]);
    const labelAt = new RegExp(LABEL_AT.source, LABEL_AT.flags);
    // Sticky: tried at each label that labelAt finds, as the global pattern would be.
    const labelled = new RegExp(LABELLED.source, 'iuy');

    /** How much a value must look like a password to count. */
    type Demand = 'plain' | 'shaped' | 'strong';

    /**
     * `plain`: any word but the common ones (after an explicit ":" and not starting a sentence);
     * `shaped`: a digit, a symbol or mixed case; `strong`: three of lower case, upper case,
     * digits and symbols, like a password policy.
     */
    const hasPasswordLength = (value: Value): boolean => value.text.length >= minLength && value.text.length <= MAX_VALUE;

    const looksLikePassword = (value: Value, demand: Demand, data: string): boolean => {
      const text = value.text;
      if (!hasPasswordLength(value)) return false;
      const bare = text.replace(TRAILING_MARKS, '');
      if (bare.length < minLength) return false;
      // "oublié", "expired"…, or only such words quoted after the label ('password is …').
      const folded = fold(bare);
      if (common.has(folded) || folded.split(SPACES).every((word) => common.has(word))) return false;
      if (PLACEHOLDER_START.test(text) || REPEATED.test(bare) || hasPlaceholderMarker(text)) return false;
      if (CODE_VALUE.test(text) || FORMATTED_NUMBER.test(bare)) return false;
      const lower = LOWER.test(bare);
      const digit = DIGIT.test(bare);
      const symbol = SYMBOL.test(bare);
      if (demand === 'strong') return Number(lower) + Number(UPPER.test(bare)) + Number(digit) + Number(symbol) >= 3;
      if (digit || symbol || (lower && UPPER_AFTER_FIRST.test(bare))) return true;
      return demand === 'plain' && !hasProseAfter(data, value);
    };

    /** What a labelled match asks of its value, or `undefined` when it cannot hold a password. */
    const demandOf = (groups: Record<string, string | undefined>, data: string, start: number, value: Value): Demand | undefined => {
      const label = fold(groups.label ?? '');
      const words = (groups.words ?? '').trim();
      if (label === 'pass' && isTicketPass(data, start, words)) return undefined;
      if (groups.question !== undefined) return 'strong';
      if (groups.bare !== undefined) {
        if (loginBefore(data, start) || label.includes('wi')) return 'shaped';
        return WEAK_LABELS.has(label) ? undefined : 'strong';
      }
      if (groups.weak !== undefined) return value.quoted ? 'plain' : 'shaped';
      // An explicit ":" or "=": a plain word counts unless unknown words stand before the colon.
      const known = words === '' || fold(words).split(WORD_SEPARATORS).every((word) => word === '' || QUALIFIER_WORDS.has(word));
      return known || value.quoted ? 'plain' : 'shaped';
    };

    const credentials = new RegExp(CREDENTIALS.source, CREDENTIALS.flags);

    return ({ text }) => {
      if (!mayHoldLabel(text)) return NO_DETECTIONS;
      const view = text.data;
      const data = view.text;
      const found: Array<{ start: number; valueAt: number; end: number }> = [];

      // The matches of the global pattern, found without making a match object for those
      // whose value is too short or too long: test() tells where the value starts, and the
      // groups are read (exec) only for values of a password's length. As with the global
      // pattern, the next search starts after a match, or one character on when none starts here.
      labelAt.lastIndex = 0;
      let match: RegExpExecArray | null;
      let label: RegExpExecArray | null;
      while (found.length < MAX_DETECTIONS && (label = labelAt.exec(data)) !== null) {
        const start = label.index;
        labelled.lastIndex = start;
        if (!labelled.test(data)) {
          labelAt.lastIndex = start + 1;
          continue;
        }
        const valueAt = labelled.lastIndex;
        labelAt.lastIndex = valueAt;
        const before = start > 0 ? data.charAt(start - 1) : '';
        const value = readValue(data, valueAt, before === '?' || before === '&');
        // Too short or too long whatever the context: the context is not read.
        if (value === undefined || !hasPasswordLength(value)) continue;
        labelled.lastIndex = start;
        match = labelled.exec(data) as RegExpExecArray;
        const demand = demandOf(match.groups ?? {}, data, start, value);
        if (demand === undefined || !looksLikePassword(value, demand, data)) continue;
        found.push({ start, valueAt, end: value.end });
        labelAt.lastIndex = value.end;
      }

      // "login is jmartin / Autumn_leaves_77": no password label, a strong value after the login.
      credentials.lastIndex = 0;
      const credentialsPossible = mayHoldCredentials(text);
      while (credentialsPossible && (match = credentials.exec(data)) !== null && found.length < MAX_DETECTIONS) {
        const start = match.index;
        const valueAt = start + match[0].length;
        const value = readValue(data, valueAt, false);
        if (value === undefined || !looksLikePassword(value, 'strong', data)) continue;
        if (found.some((other) => start < other.end && other.start < value.end)) continue;
        found.push({ start, valueAt, end: value.end });
      }

      found.sort((a, b) => a.start - b.start);
      return found.map(({ start, valueAt, end }): Detection => {
        const [from, to] = toOriginalRange(view, start, end);
        const head = toOriginalRange(view, valueAt, valueAt + 1)[0] - from;
        return { start: from, end: to, messageId: 'password', reveal: { head, fixedLength: true } };
      });
    };
  },
};
