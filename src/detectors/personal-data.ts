/**
 * `personal-data`: phone numbers and e-mail addresses of people, typically in channels shared
 * with other companies (the rule's scope says where; the detector looks at every message it is
 * given).
 *
 * **Phone numbers.** Runs of digits (with `+`, `00`, parentheses and single spaces, dots or
 * dashes) not glued to letters, digits or `/ = # _ . % @ &` (ids in URLs, versions, build
 * numbers) are checked with `libphonenumber-js` full metadata: the number must be *valid* for
 * its country, not merely possible. A number written without an international prefix must be
 * written as its country writes it nationally (in France, with the leading `0`), so a build
 * number such as `20261128` is not read as a French landline. French overseas numbers written
 * nationally (`0692 …` for La Réunion) are tried against `otherCountries`. Toll-free,
 * shared-cost and premium numbers are services, not people: they are left alone. A message of
 * many numbers is checked up to a fixed budget, so a 40,000-character message stays cheap.
 *
 * **E-mail addresses.** A linear regex; role addresses (`contact@`, `support@`, `no-reply@`…),
 * documentation domains (`example.com`, `*.test`…), `ignoreDomains` (and their subdomains) and
 * `ignoreAddresses` are left alone, and so is the `user:password@host` of a URL (the `secret`
 * detector's business). Slack's `<mailto:a@b.fr|a@b.fr>` is read once.
 *
 * **What the excerpt shows.** A phone number keeps its last two digits (`•• •• •• •• 78`), as
 * in itemised bills. An e-mail address is covered whole (so the range can be used to redact it)
 * and keeps only its first character: `jean.dupont@acme.fr` → `j•••.••••••@••••.••`. The
 * domain is masked too, since for small or personal domains it identifies the person as much
 * as the local part, and the explanation already says it is an e-mail address. (The excerpt
 * masker keeps `@` and dots as shape; see `SHAPE_CHARS` in `src/engine/excerpt.ts`.)
 *
 * @example
 * // "appelle-moi au 06 12 34 56 78" → one detection over "06 12 34 56 78", excerpt "•• •• •• •• 78"
 */
import examples from 'libphonenumber-js/examples.mobile.json';
import {
  getExampleNumber,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type PhoneNumber,
} from 'libphonenumber-js/max';
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import { toOriginalRange } from '../engine/text-view';
import type { Detector } from './types';
import { findEmailAddresses } from './email-addresses';

const country = z.string().refine((code) => isSupportedCountry(code), {
  message: 'a country code known to libphonenumber, e.g. FR',
});

const optionsSchema = z
  .object({
    /** What to look for. */
    kinds: z.array(z.enum(['phone', 'email'])).min(1).default(['phone', 'email']),
    /** The country assumed for numbers written without an international prefix. */
    defaultCountry: country.default('FR'),
    /** Countries also tried for a national number that is not valid in `defaultCountry`. */
    otherCountries: z.array(country).default(['RE', 'YT', 'GP', 'MQ', 'GF', 'PM']),
    /** E-mail domains never reported, subdomains included (e.g. the company's own). */
    ignoreDomains: z.array(z.string().min(1)).default([]),
    /** E-mail addresses never reported (e.g. a shared team mailbox). */
    ignoreAddresses: z.array(z.string().min(3)).default([]),
    /** Leave role addresses alone (`contact@`, `support@`, `no-reply@`…): they name no person. */
    ignoreRoleAddresses: z.boolean().default(true),
  })
  .strict();

/** Options of the `personal-data` detector. */
export type PersonalDataOptions = z.infer<typeof optionsSchema>;

// ---------------------------------------------------------------------------------------------
// Phones

/** Digits, parentheses and single separators; the branches are disjoint, so no backtracking. */
/** The phone prefilter: eight digits or more, with single separators or parentheses among them. */
const PHONE_PREFILTER = /\d[\d ().\-\u00a0\u202f]{6,40}\d/;
const PHONE_RUN = /(?:\+|\(\+?)?\d(?:[\d()]|[ .\-\u00a0\u202f](?=[\d(]))*/g;
const GLUE_BEFORE = /[\p{L}\p{N}_/=#.%@&]/u;
const GLUE_AFTER = /[\p{L}\p{N}_/=#%@]/u;
const ALNUM = /[\p{L}\p{N}]/u;
const NON_DIGITS = /\D/g;

/** Number types that are services, not people. */
const SERVICE_TYPES: ReadonlySet<string> = new Set(['TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'UAN']);

/** Most libphonenumber calls per message: each costs a few microseconds. */
const PARSE_BUDGET = 100;
/** Most digits in a written phone number (15 in E.164, plus a `00` international prefix). */
const MAX_PHONE_DIGITS = 17;
/** Fewest digits taken for a phone number. */
const MIN_PHONE_DIGITS = 8;

// ---------------------------------------------------------------------------------------------
// E-mails

/** The e-mail prefilter: `x@domain.` (a Slack mention `<@U123>` does not pass). */
const EMAIL_PREFILTER = /[\p{L}\p{N}._%+-]@[\p{L}\p{N}-]{1,63}\./u;

/** Mailboxes of a function rather than a person. */
const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'noreply', 'no-reply', 'no_reply', 'donotreply', 'do-not-reply', 'ne-pas-repondre', 'nepasrepondre',
  'contact', 'contacts', 'support', 'info', 'infos', 'information', 'hello', 'bonjour', 'hi', 'admin',
  'administrator', 'sales', 'ventes', 'commercial', 'rh', 'hr', 'jobs', 'careers', 'recrutement',
  'compta', 'comptabilite', 'accounting', 'billing', 'facturation', 'factures', 'invoice', 'invoices',
  'help', 'helpdesk', 'aide', 'it', 'dsi', 'security', 'securite', 'privacy', 'dpo', 'rgpd', 'gdpr',
  'abuse', 'postmaster', 'webmaster', 'hostmaster', 'team', 'equipe', 'office', 'accueil', 'reception',
  'service-client', 'serviceclient', 'customer-service', 'customerservice', 'communication', 'presse',
  'press', 'marketing', 'newsletter', 'notifications', 'notification', 'alerts', 'alertes', 'git',
  'purchasing', 'achats', 'procurement', 'orders', 'commandes', 'finance', 'payroll',
  'paie', 'logistics', 'logistique', 'shipping', 'expedition', 'partnerships',
  'root', 'mailer-daemon', 'devnull', 'legal', 'juridique', 'partners', 'partenaires', 'ops', 'devops',
]);

/** Domains reserved for documentation and tests (RFC 2606, RFC 6761). */
const RESERVED_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net|fr)|example|test|invalid|localhost|local)$/;

/** `scheme://user:password@host` or `scheme://user@host`: credentials in a URL, not an address. */
const URL_USERINFO_BEFORE = /:\/\/(?:[^\s/@:]{0,128}:)?$/;

/** Image suffixes such as `icon@2x.png` are file names, not addresses. */
const FILE_SUFFIX = /\.(?:png|jpe?g|gif|svg|webp|ico|bmp|tiff?|pdf|js|ts|css|json|ya?ml|lock)$/;

// ---------------------------------------------------------------------------------------------

/** Detections reported per message at most. */
const MAX_DETECTIONS = 50;

/** A phone number found in the data view. */
interface PhoneHit {
  start: number;
  end: number;
  e164: string;
}

/**
 * Reads numbers written one after the other in a run ("06 12 34 56 78 07 98 76 54 32"): from
 * the start of the run, tries the longest window of groups that can be one number, then the
 * shorter ones; after a number, goes on with the next group. Stops at the first window that is
 * no number: what follows is ambiguous (digits of a social security number, of a date…).
 */
function walkGroups(
  run: string,
  runStart: number,
  hits: PhoneHit[],
  attempt: (written: string) => string | undefined,
  more: () => boolean,
): void {
  let from = 0;
  while (from < run.length && more()) {
    // Where each group from `from` ends, and the digits up to there, within one number's length.
    const ends: number[] = [];
    const counts: number[] = [];
    let digits = 0;
    let complete = true;
    for (let i = from; i < run.length; i++) {
      const c = run.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        if (++digits > MAX_PHONE_DIGITS) {
          complete = false;
          break;
        }
      } else if (c === 0x20 || c === 0x2e || c === 0x2d || c === 0xa0 || c === 0x202f) {
        ends.push(i);
        counts.push(digits);
      }
    }
    if (complete) {
      ends.push(run.length);
      counts.push(digits);
    }
    let found = -1;
    for (let k = ends.length - 1; k >= 0 && more(); k--) {
      if ((counts[k] as number) < MIN_PHONE_DIGITS) break;
      const to = ends[k] as number;
      if (from === 0 && to === run.length) continue; // the whole run was tried already
      const e164 = attempt(run.slice(from, to));
      if (e164 !== undefined) {
        hits.push({ start: runStart + from, end: runStart + to, e164 });
        found = to;
        break;
      }
    }
    if (found === -1) return;
    from = found + 1;
  }
}

/** Counts the digits of `text`, stopping at `limit`. */
function countDigits(text: string, limit: number): number {
  let count = 0;
  for (let i = 0; i < text.length && count < limit; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
  }
  return count;
}

function digitsOf(text: string): string {
  return text.replace(NON_DIGITS, '');
}

/** How many times `char` occurs in `text`. */
function occurrences(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** Detects phone numbers and e-mail addresses of people. */
export const personalData: Detector<PersonalDataOptions> = {
  kind: 'personal-data',
  description: {
    fr: 'Numéros de téléphone valides et adresses e-mail de personnes (hors adresses génériques).',
    en: 'Valid phone numbers and e-mail addresses of people (generic addresses excepted).',
  },
  categories: ['personal-data'],
  messages: {
    phone: {
      fr: 'Numéro de téléphone : ne le partagez qu’avec l’accord de la personne, et plutôt en message privé que dans un canal partagé. Sinon, supprimez-le du message.',
      en: 'Phone number: only share it with the person’s consent, and in a private message rather than a shared channel. Otherwise, remove it from the message.',
    },
    email: {
      fr: 'Adresse e-mail personnelle : ne la partagez qu’avec l’accord de la personne, et plutôt en message privé que dans un canal partagé. Sinon, supprimez-la du message.',
      en: 'Personal e-mail address: only share it with the person’s consent, and in a private message rather than a shared channel. Otherwise, remove it from the message.',
    },
  },
  optionsSchema,
  create(options) {
    const phones = options.kinds.includes('phone');
    const emails = options.kinds.includes('email');
    const home = options.defaultCountry as CountryCode;
    const others = options.otherCountries.filter((code) => code !== home) as CountryCode[];
    const ignoredDomains = options.ignoreDomains.map((domain) => domain.toLowerCase().replace(/^@/, ''));
    const ignoredAddresses = new Set(options.ignoreAddresses.map((address) => address.toLowerCase()));
    const ignoreRoles = options.ignoreRoleAddresses;
    const phoneRun = new RegExp(PHONE_RUN.source, PHONE_RUN.flags);
    // Where national numbers start with a trunk 0 (France: 06…, UK: 07…), a national-looking run
    // without it (a build number, a date) is dismissed before libphonenumber is asked.
    const example = getExampleNumber(home, examples);
    const trunkZero = example?.formatNational().startsWith('0') ?? false;

    /** A valid number of a person, written as it is dialled in its country or internationally. */
    const acceptable = (found: PhoneNumber | undefined, written: string): boolean => {
      if (found === undefined || !found.isValid()) return false;
      const trimmed = written.charAt(0) === '(' ? written.slice(1) : written;
      const international = trimmed.startsWith('+') || trimmed.startsWith('00');
      if (!international && digitsOf(found.formatNational()) !== digitsOf(written)) return false;
      const type = found.getType();
      return type === undefined || !SERVICE_TYPES.has(type);
    };

    /**
     * Parses one written number; the E.164 form when it is a person's valid number. `overseas`
     * also tries `otherCountries` for a national number. Returns the libphonenumber calls made.
     */
    const parse = (written: string, overseas: boolean): [string | undefined, number] => {
      const lead = written.charAt(0) === '(' ? written.charAt(1) : written.charAt(0);
      if (trunkZero && lead !== '0' && lead !== '+') return [undefined, 0];
      const found = parsePhoneNumberFromString(written, home);
      if (acceptable(found, written)) return [(found as PhoneNumber).number, 1];
      if (!overseas || lead !== '0') return [undefined, 1];
      let calls = 1;
      for (const other of others) {
        calls++;
        const number = parsePhoneNumberFromString(written, other);
        if (acceptable(number, written)) return [(number as PhoneNumber).number, calls];
      }
      return [undefined, calls];
    };

    // Warm libphonenumber's metadata once, at compile time, rather than on the first message.
    if (phones && example !== undefined) parse(example.formatNational(), true);

    const findPhones = (data: string): PhoneHit[] => {
      const hits: PhoneHit[] = [];
      let budget = PARSE_BUDGET;
      const attempt = (written: string, overseas: boolean): string | undefined => {
        const [e164, calls] = parse(written, overseas);
        budget -= calls;
        return e164;
      };
      phoneRun.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = phoneRun.exec(data)) !== null && budget > 0 && hits.length < MAX_DETECTIONS) {
        let run = match[0];
        let start = match.index;
        if (run.length < 8) continue;
        const before = start > 0 ? data.charAt(start - 1) : '';
        if (before !== '' && GLUE_BEFORE.test(before)) continue;
        const after = data.charAt(start + run.length);
        if (after !== '' && (GLUE_AFTER.test(after) || ((after === '.' || after === ',') && ALNUM.test(data.charAt(start + run.length + 1))))) {
          continue;
        }
        // Parentheses around the whole number, or left unpaired, belong to the sentence: "(06 12 34 56 78)".
        const opens = occurrences(run, '(');
        const closes = occurrences(run, ')');
        if (run.startsWith('(') && run.endsWith(')') && opens === 1 && closes === 1) {
          run = run.slice(1, -1);
          start++;
        } else if (run.endsWith(')') && closes > opens) {
          run = run.slice(0, -1);
        } else if (run.startsWith('(') && !run.startsWith('(+') && closes === 0) {
          run = run.slice(1);
          start++;
        }
        const digits = countDigits(run, MAX_PHONE_DIGITS + 1);
        if (digits < MIN_PHONE_DIGITS) continue;
        if (digits <= MAX_PHONE_DIGITS) {
          const e164 = attempt(run, true);
          if (e164 !== undefined) {
            hits.push({ start, end: start + run.length, e164 });
            continue;
          }
        }
        // Several numbers in a row, or a number and something else.
        walkGroups(run, start, hits, (written) => attempt(written, false), () => budget > 0 && hits.length < MAX_DETECTIONS);
      }
      return hits;
    };

    const ignoredEmail = (address: string): boolean => {
      const lower = address.toLowerCase();
      if (ignoredAddresses.has(lower)) return true;
      const at = lower.lastIndexOf('@');
      const local = lower.slice(0, at);
      const domain = lower.slice(at + 1);
      if (RESERVED_DOMAIN.test(domain) || FILE_SUFFIX.test(lower)) return true;
      if (ignoreRoles && ROLE_LOCAL_PARTS.has(local.split('+')[0] as string)) return true;
      return ignoredDomains.some((ignored) => domain === ignored || domain.endsWith(`.${ignored}`));
    };

    return ({ text }) => {
      const original = text.original;
      const lookForPhones = phones && text.digitCount >= 8 && PHONE_PREFILTER.test(original);
      const lookForEmails = emails && text.stats.bareAt && EMAIL_PREFILTER.test(original);
      if (!lookForPhones && !lookForEmails) return NO_DETECTIONS;
      const view = text.data;
      const data = view.text;
      const detections: Detection[] = [];

      if (lookForPhones) {
        let previous: { detection: Detection; e164: string } | undefined;
        for (const hit of findPhones(data)) {
          const [from, to] = toOriginalRange(view, hit.start, hit.end);
          // <tel:+33612345678|06 12 34 56 78>: the link target and its label are one number.
          if (previous !== undefined && previous.e164 === hit.e164 && original.slice(previous.detection.end, from) === '|') {
            previous.detection.end = to;
            continue;
          }
          const detection: Detection = { start: from, end: to, messageId: 'phone', reveal: { tail: 2 } };
          detections.push(detection);
          previous = { detection, e164: hit.e164 };
        }
      }

      if (lookForEmails) {
        for (const { start, end } of findEmailAddresses(data)) {
          if (detections.length >= MAX_DETECTIONS) break;
          if (ignoredEmail(data.slice(start, end))) continue;
          if (URL_USERINFO_BEFORE.test(data.slice(Math.max(0, start - 140), start))) continue;
          const [from, to] = toOriginalRange(view, start, end);
          detections.push({ start: from, end: to, messageId: 'email', reveal: { head: 1 } });
        }
      }
      return detections;
    };
  },
};
