/**
 * The detector registry: every kind a rule file may name in `detector:`. Explicit, so adding a
 * detector is one import and one line here.
 */
import { familiarTone } from './familiar-tone';
import { iban } from './iban';
import { insult } from './insult';
import { keyword } from './keyword';
import { massMention } from './mass-mention';
import { nationalId } from './national-id';
import { password } from './password';
import { paymentCard } from './payment-card';
import { personalData } from './personal-data';
import { regex } from './regex';
import { secret } from './secret';
import { shouting } from './shouting';
import type { Detector } from './types';
import { wordlist } from './wordlist';

/** Every detector, by kind. */
export const DETECTORS: ReadonlyMap<string, Detector<any>> = new Map<string, Detector<any>>(
  [
    wordlist,
    insult,
    shouting,
    familiarTone,
    massMention,
    paymentCard,
    iban,
    nationalId,
    secret,
    password,
    personalData,
    keyword,
    regex,
  ].map((detector) => [detector.kind, detector]),
);

export type { Detector } from './types';
