/**
 * `iban`: bank account numbers (IBAN) pasted into a message.
 *
 * A candidate is a country code and two check digits followed by the BBAN, either contiguous
 * (`FR7630006000011234567890189`) or in groups of four separated by single spaces
 * (`FR76 3000 6000 0112 3456 7890 189`), in upper or lower case, not glued to other letters or
 * digits. It counts when `ibantools` accepts it: known country, that country's length and BBAN
 * format (and national check digits where ibantools knows them, e.g. the French RIB key), and
 * the ISO 13616 mod-97 check.
 *
 * **What the excerpt shows.** The country code and the last two characters:
 * `FR•• •••• •••• •••• •••• •••• •89`. The country code carries no account information (the
 * length already tells it) and lets a reader see at once that this is an IBAN; the last two
 * characters let the author recognise which account it was. That is four characters in all,
 * and never the check digits, the bank code or the account number. (For French IBANs the last
 * two characters are the RIB key, itself a checksum.)
 *
 * @example
 * // "mon IBAN : FR76 3000 6000 0112 3456 7890 189" → one detection over the IBAN,
 * // excerpt "FR•• •••• •••• •••• •••• •••• •89"
 */
import { electronicFormatIBAN, getCountrySpecifications, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import { toOriginalRange } from '../engine/text-view';
import type { Detector } from './types';

const optionsSchema = z
  .object({
    /** Only report IBANs of these countries (ISO 3166 alpha-2 codes); empty means every country. */
    countries: z
      .array(z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code in capitals, e.g. FR'))
      .default([]),
  })
  .strict();

/** Options of the `iban` detector. */
export type IbanOptions = z.infer<typeof optionsSchema>;

/**
 * Fewest digits a match can hold: the two check digits (some countries' account part may be all
 * letters, AZ or QA). Below it, the message is skipped without any regex.
 */
const MIN_DIGITS = 2;

/** The prefilter: a country code, two check digits and the start of the BBAN. */
const PREFILTER = /[A-Za-z]{2}\d\d[ \u00a0]?[A-Za-z0-9]{4}/;

/**
 * A country code, two digits, then the BBAN either contiguous or in space-separated groups of
 * at most four. Bounded repetitions and disjoint branches keep it linear.
 */
const CANDIDATE = /(?<![\p{L}\p{N}_])[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{1,30}|(?:[ \u00a0][A-Za-z0-9]{1,4}){2,8})/gu;

const ALNUM = /[\p{L}\p{N}_]/u;
const NBSP = /\u00a0/g;

/** Shortest (Norway) and longest IBANs, in characters. */
const MIN_LENGTH = 15;
const MAX_LENGTH = 34;

/** IBAN length by country, so only candidates of the right length reach the full validation. */
const LENGTHS: ReadonlyMap<string, number> = new Map(
  Object.entries(getCountrySpecifications()).flatMap(([country, spec]) =>
    spec.chars !== undefined && spec.bban_regexp !== undefined ? [[country, spec.chars] as [string, number]] : [],
  ),
);

/** Detections reported per message at most. */
const MAX_DETECTIONS = 50;

/** Detects valid IBANs, grouped or contiguous. */
export const iban: Detector<IbanOptions> = {
  kind: 'iban',
  description: {
    fr: 'Numéros de compte bancaire (IBAN) valides : longueur du pays et clé de contrôle.',
    en: 'Valid bank account numbers (IBAN): country length and check digits.',
  },
  categories: ['bank-account'],
  messages: {
    iban: {
      fr: 'IBAN ({{country}}) : supprimez le message ; les coordonnées bancaires se transmettent par l’outil prévu (paie, comptabilité, achats), pas dans Slack.',
      en: 'IBAN ({{country}}): delete the message; bank details go through the proper tool (payroll, accounting, purchasing), not Slack.',
    },
  },
  optionsSchema,
  create(options) {
    const countries = options.countries.length === 0 ? null : new Set(options.countries);
    const candidate = new RegExp(CANDIDATE.source, CANDIDATE.flags);

    return ({ text }) => {
      if (text.digitCount < MIN_DIGITS || !PREFILTER.test(text.original)) return NO_DETECTIONS;
      const view = text.data;
      const data = view.text;
      const detections: Detection[] = [];

      /** Validates data `[start, end)`; true when it is an IBAN (and reported). */
      const consider = (start: number, end: number): boolean => {
        if (end < data.length && ALNUM.test(data.charAt(end))) return false;
        const compact = electronicFormatIBAN(data.slice(start, end).replace(NBSP, ' '));
        if (compact === null || compact.length < MIN_LENGTH || compact.length > MAX_LENGTH) return false;
        if (LENGTHS.get(compact.slice(0, 2)) !== compact.length || !isLeakableIBAN(compact)) return false;
        const country = compact.slice(0, 2);
        if (countries !== null && !countries.has(country)) return true;
        const [from, to] = toOriginalRange(view, start, end);
        detections.push({ start: from, end: to, messageId: 'iban', data: { country }, reveal: { head: 2, tail: 2 } });
        return true;
      };

      candidate.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = candidate.exec(data)) !== null && detections.length < MAX_DETECTIONS) {
        const found = match[0];
        const start = match.index;
        if (found.length < MIN_LENGTH) {
          candidate.lastIndex = start + 1;
          continue;
        }
        let accepted = -1;
        const expected = LENGTHS.get(found.slice(0, 2).toUpperCase());
        if (expected === undefined) {
          // Not a country code.
        } else if (found.charCodeAt(4) !== 0x20 && found.charCodeAt(4) !== 0xa0) {
          if (found.length === expected && consider(start, start + found.length)) accepted = start + found.length;
        } else {
          // Groups: all but the last have four characters. The IBAN ends where its country's
          // length is reached, so a word after it ("… 189 merci") is never taken for a group.
          let groupStart = 5;
          let compact = 4;
          for (let i = 5; i <= found.length && compact < expected; i++) {
            if (i === found.length || found.charCodeAt(i) === 0x20 || found.charCodeAt(i) === 0xa0) {
              const length = i - groupStart;
              compact += length;
              if (compact === expected) {
                if (consider(start, start + i)) accepted = start + i;
              } else if (length !== 4) {
                break;
              }
              groupStart = i + 1;
            }
          }
        }
        // Go on right after the IBAN; or, when this was none, from the next word, which may start one.
        candidate.lastIndex = accepted === -1 ? start + 1 : accepted;
      }
      return detections;
    };
  },
};

/**
 * Country length, format and mod-97 check, as the issue asks. ibantools also checks some
 * countries' national check digits (Spain, Belgium…); an account number with a wrong national
 * key but a right mod-97 is still someone's bank details typed with one slip, so that check
 * alone does not clear it.
 */
function isLeakableIBAN(compact: string): boolean {
  const { errorCodes } = validateIBAN(compact);
  return errorCodes.every((code) => code === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
}
