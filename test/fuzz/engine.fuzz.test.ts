/**
 * Property-based fuzzing of the engine (fast-check, fixed seed and run counts: the same inputs on
 * every run). `evaluate(message, defaultRules)` on arbitrary Unicode, Slack-markup-shaped text,
 * long texts and texts with a planted secret, in random channels and languages:
 *
 * - it never throws and no rule reports an error;
 * - every finding lies inside the text (`0 <= start < end <= text.length`);
 * - no excerpt shows a planted secret, neither as written nor compacted (digits without their
 *   spaces): not the data-leak finding's own excerpt, nor that of another finding spanning it
 *   (a shouted line around an IBAN);
 * - a planted secret standing alone among ordinary words is found (recall).
 *
 * Time is not asserted here: speed and the worst case on 40,000-character messages are measured in
 * `npm run bench` (docs/MEASURES.md).
 */
import fc from 'fast-check';
import { isValidIBAN } from 'ibantools';
import { evaluate } from '../../src/engine/evaluate';
import { Category, ChannelContext, ChatMessage, DATA_LEAK_CATEGORIES, Lang, Verdict } from '../../src/engine/types';
import { seededRandom } from '../helpers/seeded-random';
import { defaultRuleSet } from '../helpers/default-rules';

/**
 * Fixed seed and run counts, so `npm test` replays the same inputs. For a deeper search:
 * `FUZZ_SEED=<n> FUZZ_SCALE=<x> npx jest test/fuzz` (runs multiplied by x).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (count: number): number => Math.max(1, Math.round(count * SCALE));
const rules = defaultRuleSet();

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

/** Characters that trip text handling: combining marks, bidi and zero-width controls, confusables, emoji sequences. */
const TRICKY = [
  // combining marks (also stacked "zalgo")
  '\u0301', '\u0308', '\u0327', '\u20dd', 'e\u0301', 'a\u0300\u0316\u0317\u0318\u0319',
  // bidi controls and right-to-left text
  '\u202e', '\u202d', '\u202a', '\u202b', '\u202c', '\u2066', '\u2067', '\u2068', '\u2069', '\u200e', '\u200f', '\u061c',
  'שלום', 'مرحبا', '\u202exoxb\u202c',
  // zero-width and invisible
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u180e',
  // spaces and line breaks of every kind
  '\u00a0', '\u202f', '\u2009', '\u3000', '\t', '\r\n', '\r', '\n', '\u2028', '\u2029', '\u000b', '\u0000',
  // confusables: Cyrillic, Greek, fullwidth, mathematical, other digits
  'а', 'е', 'о', 'р', 'с', 'і', 'ο', 'Ｃ', 'ｏ', 'ｎ', '𝐜𝐨𝐧', '４', '٤', '۴', '߄', '𝟒', 'ℂ', 'ﬁ', 'ß', 'İ', 'ı', 'ǅ',
  // emoji, ZWJ sequences, flags, skin tones, keycaps, variation selectors
  '😀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '👩🏽‍💻', '❤️‍🔥', '🇫🇷', '🇬🇧', '1️⃣', '#️⃣', '\ufe0f', '\ufe0e', '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
  // astral and private use, noncharacters
  '𝕏', '𠀀', '\ue000', '\uffff', '\ufffe', '\ufffd',
];

/** Words the rules care about, so random text reaches the detectors' slow paths. */
const WORDS = [
  'con', 'connard', 'putain', 'merde', 'idiot', 'fuck', 'shit', 'Scunthorpe', 'assessment',
  'mdp', 'mot de passe', 'password', 'pwd', 'pass', 'login', 'est', 'is', ':', '=', '=>',
  'carte', 'CB', 'card', 'CVV', 'exp', 'IBAN', 'FR76', 'RIB', 'xoxb-', 'xoxp-', 'xapp-', 'ghp_',
  'AKIA', 'sk_live_', 'eyJ', '-----BEGIN RSA PRIVATE KEY-----', 'postgres://app:', '@',
  'CONFIDENTIEL', 'ARRÊTEZ', 'TOUT LE MONDE', 'tu', 't\'es', 'wesh', 'NIR', 'sécu', '06 12 34 56 78',
  '+33 6 12 34 56 78', 'jean@acme.fr', '4242 4242 4242 4242', '1234567890123', '0000', '9'.repeat(25),
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** A chunk of arbitrary text, biased towards what breaks text handling. */
const unicodeChunk = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.string({ unit: 'binary-ascii', maxLength: 12 }),
  loneSurrogate,
  fc.constantFrom(...TRICKY),
  fc.constantFrom(...WORDS),
  fc.constantFrom(' ', ' ', '  ', '\n'),
);

const unicodeText = fc.array(unicodeChunk, { maxLength: 40 }).map((parts) => parts.join(''));

const smallText = fc.array(unicodeChunk, { maxLength: 4 }).map((parts) => parts.join(''));
const slackId = (prefix: string): fc.Arbitrary<string> =>
  fc.oneof(fc.stringMatching(/^[A-Z0-9]{0,12}$/), smallText).map((id) => prefix + id);

/** Pieces of Slack markup, well-formed and not. */
const markupPiece = fc.oneof(
  slackId('U').map((id) => `<@${id}>`),
  fc.tuple(slackId('W'), smallText).map(([id, name]) => `<@${id}|${name}>`),
  fc.tuple(slackId('C'), smallText).map(([id, name]) => `<#${id}|${name}>`),
  slackId('C').map((id) => `<#${id}>`),
  fc.tuple(fc.constantFrom('http', 'https', 'mailto', 'ftp', 'javascript', ''), smallText, smallText).map(([scheme, host, label]) => `<${scheme}://${host}|${label}>`),
  fc.tuple(smallText, smallText).map(([url, label]) => `<http://${url}|${label}`),
  fc.webUrl().map((url) => `<${url}>`),
  fc.constantFrom('<!here>', '<!channel>', '<!everyone>', '<!here|here>', '<!subteam^S0123|@devs>', '<!date^1700000000^{date}|x>', '<!>', '<!'),
  fc.constantFrom('&amp;', '&lt;', '&gt;', '&amp', '&lt', '&', '&#39;', '&quot;', '&amp;lt;', '&amp;amp;'),
  fc.constantFrom('<', '>', '|', '<<', '>>', '<@', '<#', '<http://', '|>', '<>', '< >'),
  fc.constantFrom('`', '```', '```\n', '\n```', '> ', '\n> ', '&gt; ', '>>> ', '*', '_', '~', ':', '::', ':+1:', ':skin-tone-2:'),
  smallText.map((inner) => `\`${inner}\``),
  smallText.map((inner) => `\`\`\`${inner}\`\`\``),
  smallText.map((inner) => `> ${inner}\n`),
  smallText.map((inner) => `*${inner}*`),
  unicodeChunk,
);

const markupText = fc.array(markupPiece, { maxLength: 30 }).map((parts) => parts.join(''));

/** An alphabet for long texts, drawn from with a seeded PRNG (fast-check's own bias would repeat one character). */
const LONG_ALPHABET = [
  ...'aeiouystrnlcdmpghbfvkwxzAEIOUSTRN0123456789        ',
  ...'<>@#!|&;:/._-*`~=+\n\t',
  ...TRICKY,
  ...WORDS.map((word) => ` ${word} `),
  '<@U0ALICE01>', '<#C0GENERAL1|general>', '<http://example.com|lien>', '<!here>', '&amp;', '&lt;',
];

/** A text of exactly `length` UTF-16 code units (cut wherever it falls, surrogate pairs included). */
function longText(seed: number, length: number, alphabet: readonly string[]): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const piece = alphabet[Math.floor(random() * alphabet.length)] as string;
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('').slice(0, length);
}

/** Long texts: one shape repeated, or seeded noise. */
const longMessageText = fc.oneof(
  fc.tuple(fc.oneof(unicodeText, markupText), fc.integer({ min: 1_000, max: 40_000 })).map(([unit, length]) =>
    unit === '' ? 'x'.repeat(length) : unit.repeat(Math.ceil(length / unit.length)).slice(0, length),
  ),
  fc.tuple(fc.integer(), fc.integer({ min: 1_000, max: 40_000 })).map(([seed, length]) => longText(seed, length, LONG_ALPHABET)),
  fc.tuple(fc.constantFrom('4', '9', 'A', 'a', 'x', '<', '&amp;', ':', '@', 'xoxb-', ' ', '\u200b', '😀', 'mdp : '), fc.integer({ min: 1_000, max: 40_000 })).map(([unit, length]) =>
    unit.repeat(Math.ceil(length / unit.length)).slice(0, length),
  ),
);

/** Channel names the default rules scope on, and arbitrary ones. */
const channelName = fc.oneof(
  fc.constantFrom('general', 'random', 'projet-atlas', 'client-renault', 'ext-acme', 'direction-privee', 'moderation', 'Client-Renault', ''),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const channelContext: fc.Arbitrary<ChannelContext> = fc.record(
  { name: channelName, private: fc.boolean(), external: fc.boolean() },
  { requiredKeys: [] },
);
const context = fc.record(
  {
    channel: channelContext,
    user: fc.constantFrom('U0ALICE01', 'U0BOB0002', 'U0CLAIRE3'),
    lang: fc.constantFrom<Lang>('fr', 'en'),
  },
  { requiredKeys: [] },
);
type Context = Omit<ChatMessage, 'text'>;

// ---------------------------------------------------------------------------------------------
// Planted secrets, built from a seeded PRNG so every value is random-looking (no low entropy)
// ---------------------------------------------------------------------------------------------

const DIGITS = '0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function pick(random: () => number, alphabet: string, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += alphabet.charAt(Math.floor(random() * alphabet.length));
  return out;
}

function luhnCheckDigit(partial: string): string {
  let sum = 0;
  for (let i = 0; i < partial.length; i++) {
    let digit = Number(partial.charAt(partial.length - 1 - i));
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

function groups(compact: string, separator: string): string {
  return (compact.match(/.{1,4}/g) ?? []).join(separator);
}

/** ISO 13616 check digits of a BBAN for a country (letters as 10..35). */
function ibanCheck(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return String(98n - (BigInt(numeric) % 97n)).padStart(2, '0');
}

/** A planted secret: the text as written in the message and the parts that must never show. */
interface Planted {
  kind: 'card' | 'iban' | 'slack-token' | 'github-token' | 'password';
  /** What is written in the message (a password comes with its label). */
  written: string;
  /** The secret value itself, as written. */
  value: string;
  /** Offset of `value` within `written`. */
  valueOffset: number;
  /** Categories that count as finding it. */
  categories: readonly Category[];
}

function plantedCard(random: () => number): Planted {
  const prefix = random() < 0.5 ? `4${pick(random, DIGITS, 14)}` : `5${pick(random, '12345', 1)}${pick(random, DIGITS, 13)}`;
  const compact = prefix + luhnCheckDigit(prefix);
  const style = random();
  const value = style < 0.5 ? groups(compact, ' ') : style < 0.75 ? groups(compact, '-') : compact;
  return { kind: 'card', written: value, value, valueOffset: 0, categories: ['payment-card'] };
}

function plantedIban(random: () => number): Planted {
  let compact: string;
  if (random() < 0.5) {
    const bank = pick(random, DIGITS, 5);
    const branch = pick(random, DIGITS, 5);
    const account = pick(random, DIGITS, 11);
    const key = String(97n - ((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n)).padStart(2, '0');
    const bban = bank + branch + account + key;
    compact = `FR${ibanCheck('FR', bban)}${bban}`;
  } else {
    const bban = pick(random, DIGITS, 18);
    compact = `DE${ibanCheck('DE', bban)}${bban}`;
  }
  if (!isValidIBAN(compact)) throw new Error(`generated an invalid IBAN ${compact}`);
  const value = random() < 0.7 ? groups(compact, ' ') : compact;
  return { kind: 'iban', written: value, value, valueOffset: 0, categories: ['bank-account'] };
}

function plantedSlackToken(random: () => number): Planted {
  const prefix = ['xoxb', 'xoxp'][Math.floor(random() * 2)] as string;
  const value = [prefix, pick(random, DIGITS, 10 + Math.floor(random() * 4)), pick(random, DIGITS, 10 + Math.floor(random() * 4)), pick(random, ALNUM, 24)].join('-');
  return { kind: 'slack-token', written: value, value, valueOffset: 0, categories: ['secret'] };
}

function plantedGithubToken(random: () => number): Planted {
  const value = ['ghp', pick(random, ALNUM, 36)].join('_');
  return { kind: 'github-token', written: value, value, valueOffset: 0, categories: ['secret'] };
}

const PASSWORD_LABELS = ['mdp :', 'mdp =', 'mot de passe :', 'password:', 'password =', 'pwd:', 'passwd:', 'le mdp du wifi :'];
const PASSWORD_WORDS = ['Tournesol', 'Papillon', 'Grenouille', 'Sunflower', 'Marmalade', 'Kangourou', 'Velociraptor', 'Chardonnay'];

function plantedPassword(random: () => number): Planted {
  const label = PASSWORD_LABELS[Math.floor(random() * PASSWORD_LABELS.length)] as string;
  const word = PASSWORD_WORDS[Math.floor(random() * PASSWORD_WORDS.length)] as string;
  const value = `${word}${pick(random, '#!_$%*?', 1)}${pick(random, DIGITS, 4)}${pick(random, ALNUM, 2)}`;
  const written = `${label} ${value}`;
  return { kind: 'password', written, value, valueOffset: label.length + 1, categories: ['password'] };
}

const PLANTERS = [plantedCard, plantedIban, plantedSlackToken, plantedGithubToken, plantedPassword];

const planted: fc.Arbitrary<Planted> = fc
  .tuple(fc.integer({ min: 0, max: PLANTERS.length - 1 }), fc.integer())
  .map(([which, seed]) => (PLANTERS[which] as (random: () => number) => Planted)(seededRandom(seed)));

/** Ordinary words around a secret standing alone: no digits, no markup, nothing that glues to it. */
const ORDINARY_WORDS = [
  'bonjour', 'merci', 'voici', 'pour', 'le', 'la', 'projet', 'atlas', 'demain', 'réunion', 'compte', 'client',
  'hello', 'thanks', 'here', 'is', 'the', 'for', 'meeting', 'tomorrow', 'please', 'check', 'café', 'équipe',
];
const ordinaryText = fc.array(fc.constantFrom(...ORDINARY_WORDS), { maxLength: 12 }).map((words) => words.join(' '));

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

function message(text: string, ctx: Context): ChatMessage {
  return { text, ...ctx };
}

/** Evaluates and checks what must hold for any text; returns the verdict. */
function checkSafe(msg: ChatMessage): Verdict {
  const verdict = evaluate(msg, rules);
  expect(verdict.errors).toEqual([]);
  for (const finding of verdict.findings) {
    if (!(finding.start >= 0 && finding.start < finding.end && finding.end <= msg.text.length)) {
      throw new Error(`finding ${finding.rule} at [${finding.start}, ${finding.end}) outside a text of ${msg.text.length}`);
    }
    expect(typeof finding.excerpt).toBe('string');
  }
  return verdict;
}

/** The forms of a secret that must never show in an excerpt. */
function forbiddenForms(value: string): string[] {
  const forms = new Set([value, value.replace(/[\s-]/g, '')]);
  return [...forms].filter((form) => form.length >= 6);
}

function checkMasked(msg: ChatMessage, verdict: Verdict, secret: Planted, valueStart: number): void {
  const valueEnd = valueStart + secret.value.length;
  const forbidden = forbiddenForms(secret.value);
  const leakOverSecret = verdict.findings.some(
    (finding) => DATA_LEAK_CATEGORIES.has(finding.category) && finding.start < valueEnd && finding.end > valueStart,
  );
  for (const finding of verdict.findings) {
    // A data-leak finding's excerpt never shows the value; once the value is found as a leak, no
    // other finding over it (shouting, an insult next to it) shows it either.
    if (!DATA_LEAK_CATEGORIES.has(finding.category) && !leakOverSecret) continue;
    for (const form of forbidden) {
      if (finding.excerpt.includes(form) || finding.excerpt.replace(/\s/g, '').includes(form)) {
        throw new Error(`the ${finding.rule} excerpt shows the planted ${secret.kind}: ${JSON.stringify(finding.excerpt)} in ${JSON.stringify(msg.text.slice(0, 300))}`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('evaluate on arbitrary input (fast-check, seeded)', () => {
  it('arbitrary Unicode: lone surrogates, combining marks, bidi, zero-width, confusables, emoji sequences', () => {
    fc.assert(
      fc.property(unicodeText, context, (text, ctx) => {
        checkSafe(message(text, ctx));
      }),
      { seed: SEED, numRuns: runs(1500) },
    );
  });

  it('Slack-markup-shaped text: mentions, channels, links, specials, entities, unbalanced brackets, code, quotes', () => {
    fc.assert(
      fc.property(markupText, context, (text, ctx) => {
        checkSafe(message(text, ctx));
      }),
      { seed: SEED + 1, numRuns: runs(1500) },
    );
  });

  it('long texts of 1,000 to 40,000 characters', () => {
    fc.assert(
      fc.property(longMessageText, context, (text, ctx) => {
        checkSafe(message(text, ctx));
      }),
      { seed: SEED + 2, numRuns: runs(60) },
    );
  });

  it('a planted secret among arbitrary text is never shown in an excerpt', () => {
    const surrounding = fc.oneof(unicodeText, markupText, ordinaryText);
    const glue = fc.constantFrom('', ' ', '\n', ': ', ' `', '` ', '*', '> ', '\u200b', '\u00a0');
    fc.assert(
      fc.property(surrounding, glue, planted, glue, surrounding, context, (before, left, secret, right, after, ctx) => {
        const text = `${before}${left}${secret.written}${right}${after}`;
        const msg = message(text, ctx);
        const verdict = checkSafe(msg);
        checkMasked(msg, verdict, secret, before.length + left.length + secret.valueOffset);
      }),
      { seed: SEED + 3, numRuns: runs(1500) },
    );
  });

  it('a planted secret in an all-caps line is masked in every excerpt, the shouting one included', () => {
    fc.assert(
      fc.property(planted, fc.constantFrom('fr', 'en') as fc.Arbitrary<Lang>, (secret, lang) => {
        const before = lang === 'fr' ? 'ARRÊTEZ DE COLLER ÇA DANS LE CANAL' : 'STOP PASTING THIS IN THE CHANNEL';
        const text = `${before} ${secret.written} MERCI DE FAIRE ATTENTION À TOUT LE MONDE`;
        const msg = message(text, { channel: { name: 'projet-atlas' }, lang });
        const verdict = checkSafe(msg);
        checkMasked(msg, verdict, secret, before.length + 1 + secret.valueOffset);
      }),
      { seed: SEED + 4, numRuns: runs(300) },
    );
  });

  it('a planted secret standing alone among ordinary words is found (recall), in any channel', () => {
    fc.assert(
      fc.property(ordinaryText, planted, ordinaryText, context, (before, secret, after, ctx) => {
        const text = `${before} ${secret.written} ${after}`;
        const valueStart = before.length + 1 + secret.valueOffset;
        const msg = message(text, ctx);
        const verdict = checkSafe(msg);
        checkMasked(msg, verdict, secret, valueStart);
        const found = verdict.findings.some(
          (finding) => secret.categories.includes(finding.category) && finding.start <= valueStart && finding.end >= valueStart + secret.value.length,
        );
        if (!found) throw new Error(`the planted ${secret.kind} was not found in ${JSON.stringify(text)}`);
      }),
      { seed: SEED + 5, numRuns: runs(1000) },
    );
  });
});
