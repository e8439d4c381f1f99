/**
 * charter-bot's public API for code that embeds the engine: evaluate messages against a rule
 * set loaded from files (or built from texts), and the types of what comes back.
 *
 * @example
 * import { evaluate, loadRules } from 'charter-bot';
 * const { ruleSet } = loadRules();
 * evaluate({ text: "t'es vraiment un con", lang: 'fr' }, ruleSet).findings;
 */
export { evaluate } from './engine/evaluate';
export type { CompiledRule, RuleSet } from './engine/rule';
export * from './engine/types';
export { DETECTORS } from './detectors';
export type { Detector } from './detectors/types';
export { buildRuleSet, formatProblem, RuleSetError } from './ruleset';
export type { Charter, CharterArticle, LoadedRules, Problem, RuleDefinition, RuleEntry, RuleSources, SourceFile } from './ruleset';
export { loadRules, readCharter, readRuleFiles } from './files/load-rules';
