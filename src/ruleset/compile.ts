/**
 * Compiles parsed rules into a {@link RuleSet}: resolves detectors, validates their options,
 * checks charter citations and categories, compiles scopes, then runs every rule's `examples`.
 * Every problem is collected with its file, line and field.
 */
import { evaluate } from '../engine/evaluate';
import type { CompiledRule, RuleSet } from '../engine/rule';
import type { ChatMessage, Lang } from '../engine/types';
import type { Detector } from '../detectors/types';
import type { Charter } from './charter';
import type { LocatedRule } from './parse-rule-file';
import { formatPath, Problem } from './problems';
import type { RuleDefinition, RuleExample } from './schema';
import { compileScope } from './scope';

/** A compiled rule with its source, for listings and diagnostics. */
export interface RuleEntry {
  definition: RuleDefinition;
  file: string;
  compiled: CompiledRule;
}

/** The outcome of compiling: the rule set (enabled rules only), every rule, and the problems. */
export interface CompileResult {
  ruleSet: RuleSet;
  entries: RuleEntry[];
  problems: Problem[];
}

/**
 * Compiles located rules against the detector registry and the charter.
 *
 * @param detectors the registry (see `src/detectors/index.ts`)
 */
export function compileRules(
  located: readonly LocatedRule[],
  detectors: ReadonlyMap<string, Detector<any>>,
  charter: Charter,
  defaultLang: Lang,
): CompileResult {
  const problems: Problem[] = [];
  const entries: RuleEntry[] = [];
  const seen = new Map<string, string>();
  for (const item of located) {
    const { rule } = item;
    const where = (path: readonly PropertyKey[], message: string): void => {
      problems.push({ file: item.file, ...item.locate(path), field: formatPath(['rules', item.index, ...path]), message });
    };
    const previous = seen.get(rule.id);
    if (previous !== undefined) where(['id'], `rule id "${rule.id}" is already used in ${previous}`);
    seen.set(rule.id, item.file);
    const compiled = compileOne(item, detectors, charter, where);
    if (compiled !== undefined) entries.push({ definition: rule, file: item.file, compiled });
  }
  const ruleSet: RuleSet = {
    rules: entries.filter((entry) => entry.definition.enabled).map((entry) => entry.compiled),
    defaultLang,
  };
  for (const entry of entries) checkExamples(entry, located, defaultLang, problems);
  return { ruleSet, entries, problems };
}

function compileOne(
  item: LocatedRule,
  detectors: ReadonlyMap<string, Detector<any>>,
  charter: Charter,
  where: (path: readonly PropertyKey[], message: string) => void,
): CompiledRule | undefined {
  const { rule } = item;
  let ok = true;
  if (!charter.ids.includes(rule.article)) {
    where(['article'], `cites article "${rule.article}", which the charter does not have (known: ${charter.ids.join(', ')})`);
    ok = false;
  }
  const detector = detectors.get(rule.detector);
  if (detector === undefined) {
    where(['detector'], `unknown detector "${rule.detector}" (known: ${[...detectors.keys()].join(', ')})`);
    return undefined;
  }
  if (!detector.categories.includes(rule.category)) {
    where(['category'], `detector "${detector.kind}" cannot report category "${rule.category}" (it reports: ${detector.categories.join(', ')})`);
    ok = false;
  }
  const options = detector.optionsSchema.safeParse(rule.options);
  if (!options.success) {
    for (const issue of options.error.issues) where(['options', ...issue.path], issue.message);
    return undefined;
  }
  let detect;
  try {
    detect = detector.create(options.data);
  } catch (error) {
    where(['options'], error instanceof Error ? error.message : String(error));
    return undefined;
  }
  if (!ok) return undefined;
  return {
    id: rule.id,
    category: rule.category,
    severity: rule.severity,
    action: rule.action,
    article: rule.article,
    ...(rule.lang === undefined ? {} : { lang: rule.lang }),
    inScope: compileScope(rule.scope),
    exempt: new Set(rule.exempt),
    detect,
    messages: detector.messages,
    ...(rule.explanation === undefined ? {} : { explanation: rule.explanation }),
  };
}

/** Turns an example into the message it stands for. */
export function exampleMessage(example: RuleExample): ChatMessage {
  if (typeof example === 'string') return { text: example };
  const channel = {
    ...(example.channel === undefined ? {} : { name: example.channel }),
    ...(example.external === undefined ? {} : { external: example.external }),
    ...(example.private === undefined ? {} : { private: example.private }),
  };
  return { text: example.text, channel, ...(example.lang === undefined ? {} : { lang: example.lang }) };
}

/** Each `flag` example must be found by its rule, each `pass` example must not. */
function checkExamples(entry: RuleEntry, located: readonly LocatedRule[], defaultLang: Lang, problems: Problem[]): void {
  const examples = entry.definition.examples;
  if (examples === undefined) return;
  const item = located.find((candidate) => candidate.file === entry.file && candidate.rule === entry.definition);
  if (item === undefined) return;
  const single: RuleSet = { rules: [entry.compiled], defaultLang };
  const check = (kind: 'flag' | 'pass', list: readonly RuleExample[]): void => {
    list.forEach((example, index) => {
      const verdict = evaluate(exampleMessage(example), single);
      const found = verdict.findings.length > 0;
      if (found === (kind === 'flag')) return;
      const path = ['examples', kind, index];
      problems.push({
        file: entry.file,
        ...item.locate(path),
        field: formatPath(['rules', item.index, ...path]),
        message:
          kind === 'flag'
            ? 'this example should be flagged by the rule, but it is not'
            : `this example should pass, but the rule finds: ${verdict.findings.map((f) => JSON.stringify(f.excerpt)).join(', ')}`,
      });
    });
  };
  check('flag', examples.flag);
  check('pass', examples.pass);
}

