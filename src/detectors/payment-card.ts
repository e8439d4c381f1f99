/**
 * `payment-card`: payment card numbers (PAN) pasted into a message.
 *
 * A candidate is 12 to 19 digits written the way cards are written: contiguous
 * (`4970859387011106`) or in card-like groups separated consistently by single spaces or
 * dashes (4-4-4-4, 4-4-4-4-3, 4-4-4-1..4, Amex 4-6-5, Diners 4-6-4). It must not be glued to
 * other digits, letters or `/ = # _ . %` (ids in URLs, paths, versions and amounts are not
 * cards), except `=` after a card key (`pan=…`, `card_number=…`). A candidate counts when it passes the Luhn check **and** its issuer prefix allows its
 * length. About one random number in ten passes Luhn, so the shapes most often produced by
 * something else (13/14 contiguous digits such as epoch milliseconds or order numbers, and
 * Maestro's wide ranges) also need a card keyword nearby ("carte", "CB", "card", "CVV",
 * "exp"…).
 *
 * Well-known public test numbers (Stripe, Adyen, Braintree docs) are not leaks unless
 * `allowTestNumbers` is `false`.
 *
 * The excerpt keeps the last four digits, like a receipt: `•••• •••• •••• 1106`.
 *
 * @example
 * // "ma CB : 4970 8593 8701 1106" → one detection over "4970 8593 8701 1106",
 * // excerpt "•••• •••• •••• 1106"
 */
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import { toOriginalRange } from '../engine/text-view';
import { luhnValid } from './checksums';
import type { Detector } from './types';

const optionsSchema = z
  .object({
    /** Ignore the public test numbers of payment providers (4242 4242 4242 4242…). */
    allowTestNumbers: z.boolean().default(true),
    /** How far (in characters, on each side) a card keyword is looked for when one is required. */
    keywordWindow: z.number().int().min(0).max(200).default(40),
  })
  .strict();

/** Options of the `payment-card` detector. */
export type PaymentCardOptions = z.infer<typeof optionsSchema>;

/** Card networks recognised from the issuer identification number. */
export type CardBrand =
  | 'Visa'
  | 'Mastercard'
  | 'American Express'
  | 'Discover'
  | 'Diners Club'
  | 'JCB'
  | 'UnionPay'
  | 'Maestro';

/**
 * The network a card number belongs to, if its prefix and length are those of a real network.
 *
 * @example cardBrand('4970859387011106') === 'Visa'
 * @example cardBrand('497010123456789') === undefined // Visa has 13, 16 or 19 digits
 */
export function cardBrand(digits: string): CardBrand | undefined {
  const n = digits.length;
  if (n < 12 || n > 19) return undefined;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (p2 === 34 || p2 === 37) return n === 15 ? 'American Express' : undefined;
  if (digits.charCodeAt(0) === 0x34 /* 4 */) return n === 13 || n === 16 || n === 19 ? 'Visa' : undefined;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return n === 16 ? 'Mastercard' : undefined;
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 ? 'JCB' : undefined;
  if ((p3 >= 300 && p3 <= 305) || p4 === 3095 || p2 === 36 || p2 === 38 || p2 === 39) {
    return n >= 14 ? 'Diners Club' : undefined;
  }
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) {
    return n >= 16 ? 'Discover' : undefined;
  }
  if (p2 === 62) return n >= 16 ? 'UnionPay' : undefined;
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return 'Maestro';
  return undefined;
}

/** Public test card numbers published by payment providers: never real cards. */
const TEST_NUMBERS: ReadonlySet<string> = new Set([
  '4111111111111111', '4242424242424242', '4012888888881881', '4222222222222', '4000056655665556',
  '4000002500003155', '4000000000009995', '4000000000000002', '4000000000003220', '4000000000000077',
  '4000000000000093', '4000000000000010', '4000000000000341', '4000000000000101', '4000000000000127',
  '4000000000000069', '4000000000000119', '4000002760003184', '4000008260003178', '4917610000000000',
  '4988438843884305', '4166676667666746', '4646464646464644', '4000620000000007', '4035501000000008',
  '4360000001000005', '4444333322221111', '4917300800000000', '4111111111111111111',
  '5555555555554444', '5105105105105100', '5200828282828210', '5454545454545454', '2223003122003222',
  '2223000048400011', '2222400070000005', '5555341244441115', '5577000055770004', '5136333333333335',
  '5101180000000007', '5431111111111111', '5500005555555559',
  '378282246310005', '371449635398431', '378734493671000', '370000000000002', '370000000100018',
  '6011111111111117', '6011000990139424', '6011981111111113', '6011000400000000', '6011601160116611',
  '3056930009020004', '36227206271667', '30569309025904', '38520000023237', '36006666333344',
  '3566002020360505', '3566111111111113', '3530111333300000', '3569990010095841',
  '6200000000000005', '6205500000000000004', '6250946000000016', '6243030000000001',
  '6759649826438453', '6799990100000000019', '5033900000000008', '6771798021000008',
]);

/** Most test numbers repeat one or two digits between the issuer digit and the check digit. */
function looksLikeTestNumber(digits: string): boolean {
  if (TEST_NUMBERS.has(digits)) return true;
  let first = -1;
  let second = -1;
  for (let i = 1; i < digits.length - 1; i++) {
    const c = digits.charCodeAt(i);
    if (c === first || c === second) continue;
    if (first === -1) first = c;
    else if (second === -1) second = c;
    else return false;
  }
  return true;
}

/** Fewest digits a match can hold: below it, the message is skipped without any regex. */
const MIN_DIGITS = 12;

/** The prefilter: every card shape holds eight digits with at most one separator among them. */
const PREFILTER = /\d{4}[ \u00a0\u202f-]?\d{4}/;
const NON_DIGITS = /\D/g;

/** Digits joined by single spaces or dashes (no backtracking: the branches are disjoint). */
const RUN = /\d(?:\d|[ \u00a0\u202f-](?=\d))*/g;

/** Characters that glue a number to something else: it is then an id, a path or a version. */
const GLUE_BEFORE = /[\p{L}\p{N}_/=#.%@&]/u;
const GLUE_AFTER = /[\p{L}\p{N}_/=#%]/u;
const ALNUM = /[\p{L}\p{N}]/u;

/** A card key glued to its value is no id in a URL: `pan=…`, `card_number=…`, `SMOKE_TEST_CARD=…`. */
const CARD_KEY_BEFORE =
  /(?:pan|card(?:[_-]?(?:number|num|no))?|cc(?:[_-]?(?:number|num|no))?|cb|carte|num(?:ero)?[_-]?carte|credit[_-]?card)["']?[ \t]{0,3}=$/i;

/** Words that announce a card number, in French and English. */
const CARD_KEYWORD =
  /(?<![\p{L}\p{N}])(?:cartes?|cb|card|credit|crédit|débit|debit|visa|master ?card|amex|american express|cvv2?|cvc2?|cryptogramme|crypto|exp|expiry|expiration|expire|valid thru|num(?:é|e)ro de carte|n° de carte|pan|maestro|discover|jcb|diners|union ?pay|bancaire|paiement|payment)(?![\p{L}\p{N}])/iu;

/** Longest card number, in digits. */
const MAX_DIGITS = 19;

/** Detections reported per message at most: a message full of cards is flagged anyway. */
const MAX_DETECTIONS = 50;

/** A run of digits split into its groups. */
interface Groups {
  /** Offset of each group in the run. */
  starts: number[];
  /** Digits of each group. */
  lengths: number[];
  /** Separator after each group (`' '` or `'-'`), one fewer than groups. */
  seps: string[];
}

function splitRun(run: string): Groups {
  const starts: number[] = [0];
  const lengths: number[] = [];
  const seps: string[] = [];
  let length = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      length++;
    } else {
      lengths.push(length);
      seps.push(c === 0x2d ? '-' : ' ');
      starts.push(i + 1);
      length = 0;
    }
  }
  lengths.push(length);
  return { starts, lengths, seps };
}

/** Whether group lengths (a card written in groups) have a card's shape. */
function cardShape(lengths: readonly number[]): boolean {
  const count = lengths.length;
  if (count < 3 || count > 5) return false;
  const [a, b, c, d, e] = lengths as [number, number, number, number?, number?];
  if (a !== 4) return false;
  if (count === 3) {
    // Amex 4-6-5, Diners 4-6-4, Maestro 4-4-4.
    return (b === 6 && (c === 5 || c === 4)) || (b === 4 && c === 4);
  }
  if (b !== 4 || c !== 4) return false;
  if (count === 4) return d !== undefined && d >= 1 && d <= 4;
  return d === 4 && e !== undefined && e >= 1 && e <= 3;
}

/** Detects payment card numbers (Luhn + issuer prefix + length + card-like shape). */
export const paymentCard: Detector<PaymentCardOptions> = {
  kind: 'payment-card',
  description: {
    fr: 'Numéros de carte bancaire (contrôle de Luhn, préfixe et longueur de l’émetteur), hors numéros de test publics.',
    en: 'Payment card numbers (Luhn check, issuer prefix and length), except public test numbers.',
  },
  categories: ['payment-card'],
  messages: {
    card: {
      fr: 'Numéro de carte bancaire ({{brand}}) : supprimez le message, un numéro de carte n’a jamais sa place dans Slack. Si la carte est réelle, faites-la opposer.',
      en: 'Payment card number ({{brand}}): delete the message, card numbers never belong in Slack. If the card is real, have it blocked.',
    },
  },
  optionsSchema,
  create(options) {
    const allowTestNumbers = options.allowTestNumbers;
    const reach = options.keywordWindow;
    const run = new RegExp(RUN.source, RUN.flags);

    return ({ text }) => {
      if (text.digitCount < MIN_DIGITS || !PREFILTER.test(text.original)) return NO_DETECTIONS;
      const view = text.data;
      const data = view.text;
      const detections: Detection[] = [];

      const keywordNear = (start: number, end: number): boolean =>
        CARD_KEYWORD.test(data.slice(Math.max(0, start - reach), Math.min(data.length, end + reach)));

      /** Checks digits found at data `[start, end)`; adds a detection when they are a card. */
      const consider = (digits: string, start: number, end: number, contiguous: boolean): boolean => {
        if (!luhnValid(digits)) return false;
        const brand = cardBrand(digits);
        if (brand === undefined) return false;
        if (allowTestNumbers && looksLikeTestNumber(digits)) return false;
        const needsKeyword = brand === 'Maestro' || (contiguous && digits.length <= 14);
        if (needsKeyword && !keywordNear(start, end)) return false;
        const [from, to] = toOriginalRange(view, start, end);
        detections.push({ start: from, end: to, messageId: 'card', data: { brand }, reveal: { tail: 4 } });
        return true;
      };

      run.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = run.exec(data)) !== null && detections.length < MAX_DETECTIONS) {
        const found = match[0];
        if (found.length < 12) continue;
        const runStart = match.index;
        const runEnd = runStart + found.length;
        const before = runStart > 0 ? data.charAt(runStart - 1) : '';
        const after = data.charAt(runEnd);
        const gluedBefore =
          before !== '' &&
          GLUE_BEFORE.test(before) &&
          !(before === '=' && CARD_KEY_BEFORE.test(data.slice(Math.max(0, runStart - 24), runStart)));
        const gluedAfter =
          after !== '' && (GLUE_AFTER.test(after) || ((after === '.' || after === ',') && ALNUM.test(data.charAt(runEnd + 1))));
        const { starts, lengths, seps } = splitRun(found);
        const count = lengths.length;

        for (let i = 0; i < count && detections.length < MAX_DETECTIONS; i++) {
          if (i === 0 && gluedBefore) continue;
          const first = lengths[i] as number;
          const groupStart = runStart + (starts[i] as number);

          if (first >= 12 && first <= MAX_DIGITS) {
            if (i === count - 1 && gluedAfter) continue;
            consider(found.substr(starts[i] as number, first), groupStart, groupStart + first, true);
            continue;
          }
          if (first !== 4 || i === count - 1) continue;
          const sep = seps[i] as string;
          // A card starts its sequence: "76 3000 6000 …" (an IBAN's digits) is not a card.
          if (i > 0 && seps[i - 1] === sep) continue;

          // Longest shape first: "4970 8593 8701 1106 123" may be 19 digits, or 16 and a CVV.
          let last = i;
          let total = first;
          while (last + 1 < count && seps[last] === sep && last - i < 4 && total + (lengths[last + 1] as number) <= MAX_DIGITS) {
            last++;
            total += lengths[last] as number;
          }
          for (let j = last; j >= i + 2; j--) {
            const shape = lengths.slice(i, j + 1);
            if (!cardShape(shape)) continue;
            if (j === count - 1 ? gluedAfter : seps[j] === sep && (lengths[j + 1] as number) >= 4) continue;
            const end = runStart + (starts[j] as number) + (lengths[j] as number);
            const digits = found.slice(starts[i] as number, end - runStart).replace(NON_DIGITS, '');
            if (consider(digits, groupStart, end, false)) {
              i = j;
              break;
            }
          }
        }
      }
      return detections;
    };
  },
};
