/**
 * The rule file format (`rules/*.yaml`), validated with zod. Unknown fields are refused so a
 * typo (`sevrity:`) is an error, not a silently ignored line.
 */
import { z } from 'zod';
import { ACTIONS, CATEGORIES, SEVERITIES } from '../engine/types';

const localized = z.object({ fr: z.string().min(1), en: z.string().min(1) }).strict();

/** A sample message in a rule's `examples`: a text, or a text with its channel context. */
export const exampleSchema = z.union([
  z.string().min(1),
  z
    .object({
      text: z.string().min(1),
      channel: z.string().min(1).optional(),
      external: z.boolean().optional(),
      private: z.boolean().optional(),
      lang: z.enum(['fr', 'en']).optional(),
    })
    .strict(),
]);

/** A sample message in a rule's `examples`. */
export type RuleExample = z.infer<typeof exampleSchema>;

const channelPattern = z
  .string()
  .min(1)
  .regex(/^[a-z0-9_*?-]+$/, 'a channel name pattern uses lowercase letters, digits, - and _, with * and ? as wildcards');

/**
 * Where a rule applies. With `match: all` (default) every condition given must hold; with
 * `match: any`, one of `channels`, `external` or `private` is enough. `exceptChannels` always wins.
 */
export const scopeSchema = z
  .object({
    channels: z.array(channelPattern).min(1).optional(),
    exceptChannels: z.array(channelPattern).min(1).optional(),
    external: z.boolean().optional(),
    private: z.boolean().optional(),
    match: z.enum(['all', 'any']).default('all'),
  })
  .strict();

/** A rule's scope as written. */
export type ScopeDefinition = z.infer<typeof scopeSchema>;

/** One rule as written in a rule file. */
export const ruleSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'a rule id uses lowercase letters, digits and dashes, e.g. profanity-fr'),
    detector: z.string().min(1),
    category: z.enum(CATEGORIES),
    severity: z.enum(SEVERITIES),
    action: z.enum(ACTIONS),
    article: z.string().min(1),
    enabled: z.boolean().default(true),
    lang: z.enum(['fr', 'en']).optional(),
    description: z.string().optional(),
    scope: scopeSchema.optional(),
    exempt: z.array(z.string().regex(/^[UW][A-Z0-9]+$/, 'a Slack user id, e.g. U024BE7LH')).default([]),
    explanation: localized.optional(),
    options: z.record(z.string(), z.unknown()).default({}),
    examples: z
      .object({ flag: z.array(exampleSchema).default([]), pass: z.array(exampleSchema).default([]) })
      .strict()
      .optional(),
  })
  .strict();

/** One rule as written, defaults filled in. */
export type RuleDefinition = z.infer<typeof ruleSchema>;

/** A rule file: a list of rules. */
export const ruleFileSchema = z.object({ rules: z.array(ruleSchema) }).strict();
