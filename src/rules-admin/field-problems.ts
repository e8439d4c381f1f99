/**
 * Problems as an edit form shows them: each next to the input of the field it is about
 * (Slack's `response_action: errors`), relative to the rule being edited.
 */
import { formatProblem } from '../ruleset/problems';
import type { RuleProblem } from './effective';

/** A problem with the rule being edited, or with another rule the change would break. */
export interface FieldProblem {
  /**
   * The field relative to the rule, e.g. `options.pattern`, `article`, `scope.channels[1]`,
   * `examples.flag[0]`; '' for the rule as a whole (or for a problem about another rule).
   */
  field: string;
  message: string;
  /** Set when the problem is about another rule than the one edited (its id, when known). */
  rule?: string;
}

/** The message RE2 refusals start with (`src/detectors/regex.ts`); the build reports them on `options`. */
const PATTERN_REFUSED = /^pattern refused/;

/**
 * Maps the problems of an effective rule set to form fields of `target` (the rule edited).
 * Problems about other rules keep their location in the message (`file:line: field: …`).
 */
export function toFieldProblems(problems: readonly RuleProblem[], target: string | undefined): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const problem of problems) {
    if (target !== undefined && problem.rule === target) {
      out.push({ field: refine(problem.ruleField ?? '', problem.message), message: problem.message });
    } else {
      out.push({ field: '', message: formatProblem(problem), ...(problem.rule === undefined ? {} : { rule: problem.rule }) });
    }
  }
  return dedupe(out);
}

/** The detector refuses a whole `options` object when RE2 refuses its pattern: name the pattern. */
export function refine(field: string, message: string): string {
  return field === 'options' && PATTERN_REFUSED.test(message) ? 'options.pattern' : field;
}

/** `rules[0].options.pattern` → `options.pattern` (for a rule file of one rule). */
export function relativeField(field: string | undefined): string {
  if (field === undefined) return '';
  return field.replace(/^rules\[\d+\]\.?/, '');
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.rule ?? ''}\u0000${problem.field}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
