/**
 * Builds a rule set from the texts of rule files and of the charter. Pure: the caller reads
 * the files (see `src/files/`). Every problem of every file is reported at once.
 */
import { DETECTORS } from '../detectors';
import type { Lang } from '../engine/types';
import { buildCharter, Charter } from './charter';
import { compileRules, RuleEntry } from './compile';
import { parseRuleFile } from './parse-rule-file';
import { Problem, RuleSetError } from './problems';
import type { RuleSet } from '../engine/rule';

/** A text and where it came from. */
export interface SourceFile {
  file: string;
  content: string;
}

/** Everything a rule set is built from. */
export interface RuleSources {
  ruleFiles: readonly SourceFile[];
  charter: Readonly<Record<Lang, SourceFile>>;
  /** Locale assumed when neither the text nor its author tells (DEFAULT_LOCALE). */
  defaultLang?: Lang;
}

/** A loaded rule set with the charter and every rule's source. */
export interface LoadedRules {
  ruleSet: RuleSet;
  charter: Charter;
  entries: RuleEntry[];
}

/**
 * Builds the rule set, or throws a {@link RuleSetError} listing every problem (file, line, field).
 */
export function buildRuleSet(sources: RuleSources): LoadedRules {
  const problems: Problem[] = [];
  const { charter, problems: charterProblems } = buildCharter(sources.charter);
  problems.push(...charterProblems);
  const located = [];
  for (const source of sources.ruleFiles) {
    const parsed = parseRuleFile(source.file, source.content);
    problems.push(...parsed.problems);
    located.push(...parsed.rules);
  }
  if (sources.ruleFiles.length === 0) problems.push({ file: '(rules)', message: 'no rule file found (*.yaml)' });
  const compiled = compileRules(located, DETECTORS, charter, sources.defaultLang ?? 'fr');
  problems.push(...compiled.problems);
  if (problems.length > 0) throw new RuleSetError(problems);
  return { ruleSet: compiled.ruleSet, charter, entries: compiled.entries };
}

export { RuleSetError, formatProblem } from './problems';
export type { Problem } from './problems';
export type { Charter, CharterArticle } from './charter';
export type { RuleEntry } from './compile';
export type { RuleDefinition } from './schema';
