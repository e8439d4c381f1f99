/**
 * The contract every detector implements, in the style of ESLint rules: metadata (kind,
 * categories, messages in both languages with `{{placeholders}}`, an options schema) plus a
 * pure function compiled once from the rule's options.
 */
import type { z } from 'zod';
import type { DetectFunction, MessageTable } from '../engine/detection';
import type { Category, Localized } from '../engine/types';

export type { Detection, DetectFunction, DetectionInput, Reveal } from '../engine/detection';
export { fillPlaceholders } from '../engine/detection';

/** A kind of detector, e.g. `wordlist` or `payment-card`. */
export interface Detector<Options = unknown> {
  /** Stable identifier used in rule files (`detector: payment-card`). */
  readonly kind: string;
  /** What it detects, for admins reading `rules list` or the docs. */
  readonly description: Localized;
  /** Categories a rule using this detector may declare. */
  readonly categories: readonly Category[];
  /** Explanations shown to users, by message id, in both languages. */
  readonly messages: MessageTable;
  /** Validates a rule's `options` and fills in defaults. */
  readonly optionsSchema: z.ZodType<Options>;
  /** Compiles the options once; the returned function runs on every message. Throws on unusable options. */
  create(options: Options): DetectFunction;
}

