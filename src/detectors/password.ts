/**
 * `password`: passwords written out in a message, in French or English.
 *
 * A detection needs three things in a row:
 *
 * 1. a **label**: `mot de passe`, `mot-de-passe`, `mdp`, `password`, `passwd`, `pwd`, `pass`,
 *    `passphrase`, `code wifi`, `clé wifi`, possibly qualified (`mdp admin`, `le mot de passe du
 *    wifi`, `the password for the prod db`);
 * 2. a **connector**: `:`, `=`, `->`, `=>` (explicit), or `est`, `is`, `c'est`, `sera`…
 *    (in a sentence), or a plain space in a login/password pair (`login admin / pass
 *    hunter2rocks`) or after a wifi code;
 * 3. a **value** that looks like a password: the next token (or a quoted text), 6 to 64
 *    characters, not a common word ("oublié", "expired", "reset", "manager", "dans"…), not a
 *    placeholder (`****`, `<password>`, `[redacted]`, `${DB_PASSWORD}`, `…`), not a path, a URL
 *    or a code expression, and holding a digit, a symbol or mixed case — unless it follows an
 *    explicit `:`/`=` and does not start a sentence.
 *
 * So "mot de passe oublié ?", "password: reset it on the portal", "the password is expired",
 * "changez votre mot de passe tous les 90 jours" or "le mot de passe est dans le coffre-fort"
 * are left alone.
 *
 * The detection runs from the label to the end of the value; the excerpt keeps the label and
 * hides the value behind a fixed-length mask, so not even its length is told: `mdp : ••••••••`.
 *
 * @example
 * // "le mdp du wifi c'est Soleil2024!" → one detection over "mdp du wifi c'est Soleil2024!",
 * // excerpt "mdp du wifi c'est ••••••••"
 */
import { z } from 'zod';
import type { Detection } from '../engine/detection';
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
const PREFILTER = /mdp|mot[ -]?de[ -]?passe|pass(?:w(?:or)?d|phrase)?(?!\p{L})|pwd|wi-?fi/iu;

const LABEL = String.raw`mot[ -]de[ -]passe|motdepasse|mdp|pass(?:word|wd|phrase)?|pwd|(?:code|cl[ée]) wi-?fi`;
const PREPOSITION = String.raw`du|de la|de l['’]|des|de|d['’]|pour(?: le| la| les| l['’])?|for(?: the)?|of(?: the)?|on(?: the)?|sur(?: le| la)?|to(?: the)?|au|à|chez`;
const QUALIFIER = String.raw`wi-?fi|admin(?:istrateur)?|root|prod(?:uction)?|staging|pr[ée]-?prod|recette|test|dev|serveur|server|box|compte|account|bdd|db|database|vpn|s?ftp|ssh|sudo|user|utilisateur|invit[ée]s?|guest|temporaire|temporary|temp|provisoire|initial|initiale|par d[ée]faut|default|new|nouveau|nouvel|actuel|current|g[ée]n[ée]r[ée]|generated|unique|partag[ée]|shared|commun|common|master|ma[iî]tre|principal|windows|linux|mail|messagerie|outlook|session|portail|portal|intranet|extranet|jira|confluence|gitlab|github|aws|azure|bastion|routeur|router|imprimante|printer|app|application|api|client|du jour|of the day|here|ici`;
const SPACE = String.raw`[ \t\u00a0\u202f]`;

/**
 * label, qualifiers, connector. The value is read by code after the match. Every repetition is
 * bounded, so a 40,000-character message stays linear.
 */
const LABELLED = new RegExp(
  String.raw`(?<![\p{L}\p{N}/-])(?<label>${LABEL})(?![\p{L}\p{N}])[*_~]{0,2}` +
    String.raw`(?:${SPACE}{1,3}(?:(?:${PREPOSITION})${SPACE}{0,2}[\p{L}\p{N}_.@'’-]{1,30}|(?:${QUALIFIER})(?![\p{L}\p{N}])))` +
    String.raw`{0,3}[*_~]{0,2}` +
    String.raw`(?:(?<strong>${SPACE}{0,3}(?:=>|->|:=|→|[:=＝：])\s{0,3})` +
    String.raw`|(?<weak>${SPACE}{1,3}(?:est|is|c['’]est|sera|will be|was|était|reste|remains|devient|becomes)(?:${SPACE}{0,3}:)?${SPACE}{1,3})` +
    String.raw`|(?<bare>${SPACE}{1,3}))(?=\S)`,
  'giu',
);

/** A login written just before the password label: "login admin / pass …", "user: bob pwd …". */
const LOGIN_BEFORE =
  /(?<![\p{L}\p{N}])(?:login|identifiant|id|user(?:name)?|utilisateur|compte|account|e-?mail)[*_]{0,2}[ \t]{0,3}(?:[:=][ \t]{0,3})?\S{1,64}[ \t]{0,3}(?:[/,;|+&]|et|and)?[ \t]{0,3}[*_]{0,2}$/iu;

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
  // Template values
  'password', 'passwd', 'motdepasse', 'mot_de_passe', 'changeme', 'secret123', 'yourpassword',
];

/** Characters a placeholder or a code expression starts with. */
const PLACEHOLDER_START = /^[<[{(%$*•.…#!]/;
const CODE_VALUE =
  /^(?:process\.env|os\.(?:environ|getenv)|getenv|env[.([]|secrets?[.[]|config[.[]|settings[.[]|vault[:.]|self\.|this\.|~?\/|\.\.?\/)|:\/\/|\(.*\)$/i;
const REPEATED = /^(.)\1*$/;
const DIGIT = /\p{N}/u;
const SYMBOL = /[^\p{L}\p{N}]/u;
const LOWER = /\p{Ll}/u;
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

/** Labels too ambiguous to stand without an explicit `:`/`=` or a login just before. */
const WEAK_LABELS = new Set(['pass', 'pwd']);

/** Detections reported per message at most. */
const MAX_DETECTIONS = 50;

/** Longest password value read. */
const MAX_VALUE = 64;

function fold(word: string): string {
  return word.normalize('NFD').replace(DIACRITICS, '').toLowerCase();
}

/** Whether a character ends an unquoted value. */
function endsValue(code: number, stopAtAmpersand: boolean): boolean {
  return (
    code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0xa0 || code === 0x202f ||
    code === 0x3c /* < */ || code === 0x3e /* > */ || code === 0x7c /* | */ || code === 0x60 /* ` */ ||
    (stopAtAmpersand && code === 0x26)
  );
}

/** A value read after a connector: data offsets, and its text without quotes or formatting. */
interface Value {
  /** Where the detection ends (after a closing quote, before trailing punctuation). */
  end: number;
  /** The value itself. */
  text: string;
  /** The rest of the line after the value starts like prose. */
  proseAfter: boolean;
}

function readValue(data: string, at: number, stopAtAmpersand: boolean): Value | undefined {
  const close = OPENING_QUOTES[data.charAt(at)];
  if (close !== undefined) {
    const closing = data.indexOf(close, at + 1);
    if (closing > at + 1 && closing - at - 1 <= MAX_VALUE) {
      const inner = data.slice(at + 1, closing);
      if (!inner.includes('\n')) return { end: closing + 1, text: inner.trim(), proseAfter: false };
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
    proseAfter: PROSE_AFTER.test(data.slice(end, end + 80)),
  };
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
    const labelled = new RegExp(LABELLED.source, LABELLED.flags);

    const looksLikePassword = (value: string, explicit: boolean, proseAfter: boolean): boolean => {
      if (value.length < minLength || value.length > MAX_VALUE) return false;
      const bare = value.replace(TRAILING_MARKS, '');
      if (bare.length < minLength) return false;
      if (common.has(fold(bare))) return false;
      if (PLACEHOLDER_START.test(value) || REPEATED.test(bare) || hasPlaceholderMarker(value)) return false;
      if (CODE_VALUE.test(value)) return false;
      const shaped = DIGIT.test(bare) || SYMBOL.test(bare) || (LOWER.test(bare) && UPPER_AFTER_FIRST.test(bare));
      if (shaped) return true;
      // A plain word: a password only right after ":" or "=", and not the first word of a sentence.
      return explicit && !proseAfter;
    };

    return ({ text }) => {
      if (!PREFILTER.test(text.original)) return [];
      const view = text.data;
      const data = view.text;
      const detections: Detection[] = [];
      labelled.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = labelled.exec(data)) !== null && detections.length < MAX_DETECTIONS) {
        const groups = match.groups ?? {};
        const label = fold(groups.label ?? '');
        const start = match.index;
        const valueAt = start + match[0].length;
        const explicit = groups.strong !== undefined;
        const inSentence = groups.weak !== undefined;
        const loginBefore = (): boolean => {
          const lineStart = data.lastIndexOf('\n', start - 1) + 1;
          return LOGIN_BEFORE.test(data.slice(Math.max(lineStart, start - 80), start));
        };
        if (WEAK_LABELS.has(label) && !explicit && !loginBefore()) continue;
        if (!explicit && !inSentence && !label.includes('wi') && !loginBefore()) continue;

        const before = start > 0 ? data.charAt(start - 1) : '';
        const value = readValue(data, valueAt, before === '?' || before === '&');
        if (value === undefined || !looksLikePassword(value.text, explicit, value.proseAfter)) continue;

        const [from, to] = toOriginalRange(view, start, value.end);
        const head = toOriginalRange(view, valueAt, valueAt + 1)[0] - from;
        detections.push({ start: from, end: to, messageId: 'password', reveal: { head, fixedLength: true } });
        labelled.lastIndex = value.end;
      }
      return detections;
    };
  },
};
