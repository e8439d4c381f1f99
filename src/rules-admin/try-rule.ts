/**
 * "Try it": runs a rule being edited (not saved) on sample messages an admin types, so they see
 * what it would find before anyone is nudged. Pure. Excerpts are masked for data-leak categories
 * as everywhere (`evaluate` masks them); nothing is stored.
 */
import { DETECTORS } from '../detectors';
import { evaluate } from '../engine/evaluate';
import type { RuleSet } from '../engine/rule';
import type { ChannelContext, Finding, Lang } from '../engine/types';
import type { Charter } from '../ruleset/charter';
import { compileRules } from '../ruleset/compile';
import { parseRuleFile } from '../ruleset/parse-rule-file';
import { serializeRules } from './diff';
import { refine, relativeField, type FieldProblem } from './field-problems';
import type { RuleInput } from './model';

/** Most samples run at once. */
export const MAX_SAMPLES = 20;
/** Longest sample, in characters (UTF-16 code units); longer ones are cut. */
export const MAX_SAMPLE_LENGTH = 4_000;

/** Where the samples are deemed posted, and the rules' context. */
export interface TryContext {
  charter: Charter;
  defaultLang: Lang;
  /** The channel the samples are deemed posted in (none: a channel without name or flags). */
  channel?: ChannelContext;
}

/** What the rule finds in each sample. */
export interface TrySample {
  /** Index of the sample in the list given. */
  sample: number;
  /** Findings, excerpts masked for data-leak categories. */
  findings: readonly Finding[];
}

/** The outcome of {@link tryRule}. */
export type TryResult =
  | {
      ok: true;
      /** Whether the rule's scope includes the channel given (out of scope: no findings). */
      inScope: boolean;
      /** Samples beyond {@link MAX_SAMPLES} were left out, or some were cut to {@link MAX_SAMPLE_LENGTH}. */
      capped: boolean;
      results: TrySample[];
    }
  | { ok: false; problems: FieldProblem[] };

/**
 * Compiles one rule against the charter (its `examples` are checked too) and runs it on the
 * samples, even if the rule is disabled.
 *
 * @example tryRule({ id: 'codename', detector: 'keyword', category: 'confidential', severity: 'medium',
 *   action: 'shadow', article: 'confidentiality-documents', options: { terms: ['projet orion'] } },
 *   ['le projet Orion avance'], { charter, defaultLang: 'fr' }) // results[0].findings[0].excerpt === 'projet Orion'
 */
export function tryRule(rule: RuleInput, samples: readonly string[], context: TryContext): TryResult {
  const parsed = parseRuleFile('try', serializeRules([rule]));
  if (parsed.problems.length > 0) return { ok: false, problems: parsed.problems.map(toField) };
  const compiled = compileRules(parsed.rules, DETECTORS, context.charter, context.defaultLang);
  const entry = compiled.entries[0];
  if (compiled.problems.length > 0 || entry === undefined) {
    const problems = compiled.problems.map(toField);
    return { ok: false, problems: problems.length > 0 ? problems : [{ field: '', message: 'the rule could not be compiled' }] };
  }
  const single: RuleSet = { rules: [entry.compiled], defaultLang: context.defaultLang };
  const capped = samples.length > MAX_SAMPLES || samples.some((sample, index) => index < MAX_SAMPLES && sample.length > MAX_SAMPLE_LENGTH);
  const results = samples.slice(0, MAX_SAMPLES).map((sample, index) => {
    const text = sample.length > MAX_SAMPLE_LENGTH ? sample.slice(0, MAX_SAMPLE_LENGTH) : sample;
    const verdict = evaluate({ text, ...(context.channel === undefined ? {} : { channel: context.channel }) }, single);
    return { sample: index, findings: verdict.findings };
  });
  const channel = context.channel === undefined ? undefined : { ...context.channel, ...(context.channel.name === undefined ? {} : { name: context.channel.name.toLowerCase() }) };
  return { ok: true, inScope: entry.compiled.inScope(channel), capped, results };
}

function toField(problem: { field?: string; message: string }): FieldProblem {
  return { field: refine(relativeField(problem.field), problem.message), message: problem.message };
}
