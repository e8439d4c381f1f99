/**
 * `national-id`: French social security numbers (NIR, "numéro de sécurité sociale").
 *
 * A NIR has 15 characters: sex (1 or 2; 3, 4, 7 or 8 for provisional numbers), year of birth
 * (2 digits), month (01–12, or 20–42 and 50–99 when unknown), department (2 digits, `2A`/`2B`
 * for Corsica, or 3 digits `97x`/`98x` overseas, whose commune then has 2 digits), commune,
 * birth order (3 digits) and a control key: `97 − (first 13 digits mod 97)`, with Corsica's
 * `2A` counted as 19 and `2B` as 18. Both the usual spacing (`1 85 05 78 006 084 91`) and the
 * contiguous form are read; the number must not be glued to other letters or digits.
 *
 * The excerpt shows nothing of the number, only its shape: `• •• •• •• ••• ••• ••`.
 *
 * @example
 * // "mon numéro de sécu : 1 85 05 78 006 084 91" → one detection over the number
 */
import { z } from 'zod';
import { NO_DETECTIONS, type Detection } from '../engine/detection';
import { toOriginalRange } from '../engine/text-view';
import { nirKey } from './checksums';
import type { Detector } from './types';

const optionsSchema = z
  .object({
    /** Also report provisional numbers (first digit 3, 4, 7 or 8). */
    provisional: z.boolean().default(true),
  })
  .strict();

/** Options of the `national-id` detector. */
export type NationalIdOptions = z.infer<typeof optionsSchema>;

/** Fewest digits a match can hold: below it, the message is skipped without any regex. */
const MIN_DIGITS = 11;

/** The prefilter: sex, year, month and department, with or without separators. */
const PREFILTER = /[1-478][ .]?\d\d[ .]?\d\d[ .]?(?:\d\d|2[ABab])/;

/**
 * sex, year, month, department + commune (2+3, 2A/2B+3 or 97x+2), order, key; single optional
 * spaces or dots between the parts. Every repetition is bounded: linear time.
 */
const NIR =
  /(?<![\p{L}\p{N}_])([1-478])[ .]?(\d{2})[ .]?(0[1-9]|1[0-2]|[2-3]\d|4[0-2]|[5-9]\d)[ .]?((?:\d{2}|2[ABab])[ .]?\d{3}|9[78]\d[ .]?\d{2})[ .]?(\d{3})[ .]?(\d{2})(?![\p{L}\p{N}_])/gu;

const SEPARATORS = /[ .]/g;

/** Detections reported per message at most. */
const MAX_DETECTIONS = 50;

/**
 * Whether the 13 characters and the key of a NIR (separators removed) agree.
 *
 * @example nirValid('1850578006084', '36') // true when 97 − (1850578006084 mod 97) = 36
 */
export function nirValid(first13: string, key: string): boolean {
  const department = first13.slice(5, 7).toUpperCase();
  if (department === '00') return false;
  const numeric =
    department === '2A' ? `${first13.slice(0, 5)}19${first13.slice(7)}`
    : department === '2B' ? `${first13.slice(0, 5)}18${first13.slice(7)}`
    : first13;
  if (numeric.slice(10, 13) === '000') return false;
  return nirKey(numeric) === Number(key);
}

/** Detects French social security numbers with a valid key. */
export const nationalId: Detector<NationalIdOptions> = {
  kind: 'national-id',
  description: {
    fr: 'Numéros de sécurité sociale français (NIR) dont la clé de contrôle est juste.',
    en: 'French social security numbers (NIR) with a valid control key.',
  },
  categories: ['national-id'],
  messages: {
    nir: {
      fr: 'Numéro de sécurité sociale : supprimez le message. C’est une donnée personnelle sensible, qui ne se transmet que par les outils RH prévus.',
      en: 'French social security number: delete the message. It is sensitive personal data, to be sent only through the HR tools meant for it.',
    },
  },
  optionsSchema,
  create(options) {
    const provisional = options.provisional;
    const nir = new RegExp(NIR.source, NIR.flags);

    return ({ text }) => {
      if (text.digitCount < MIN_DIGITS || !PREFILTER.test(text.original)) return NO_DETECTIONS;
      const view = text.data;
      const data = view.text;
      const detections: Detection[] = [];
      nir.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = nir.exec(data)) !== null && detections.length < MAX_DETECTIONS) {
        const sex = match[1] as string;
        if (!provisional && sex !== '1' && sex !== '2') continue;
        const compact = match[0].replace(SEPARATORS, '');
        if (!nirValid(compact.slice(0, 13), compact.slice(13))) {
          // The number may start inside this one ("1 1 85 05 …"): look again from the next character.
          nir.lastIndex = match.index + 1;
          continue;
        }
        const [from, to] = toOriginalRange(view, match.index, match.index + match[0].length);
        detections.push({ start: from, end: to, messageId: 'nir', reveal: {} });
      }
      return detections;
    };
  },
};
