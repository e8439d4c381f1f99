/**
 * The effective rules: the rule files with the latest overlay applied (precedence in
 * `model.ts`), and the rule set built from them. Pure: the caller reads the files.
 *
 * Rules the overlay does not touch stay in their own file, so problems name that file, line and
 * field as `charter-bot rules validate` would. Rules an admin changed or created are written into
 * one synthetic rule file named after the version (`database (version 4)`); a problem in a field
 * an admin changed names that origin and the rule (`database (version 4): my-rule.options.pattern`),
 * a problem in a field still coming from the files names the file, line and field there.
 */
import { Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { Lang } from '../engine/types';
import { buildRuleSet, type LoadedRules, RuleSetError, type SourceFile } from '../ruleset';
import { formatPath, type Problem } from '../ruleset/problems';
import type { RuleEntry } from '../ruleset/compile';
import { serializeRules } from './diff';
import type { RuleInput, RuleOverlay, RuleOverride } from './model';

/** What rules are built from: the rule files and the charter, as read from disk. */
export interface RuleFilesSnapshot {
  ruleFiles: readonly SourceFile[];
  charter: Readonly<Record<Lang, SourceFile>>;
}

/** A rule as written in a rule file, with where. */
export interface FileRule {
  file: string;
  /** Index in the file's `rules` list. */
  index: number;
  /** As written (not validated yet: the build validates it). */
  rule: RuleInput;
}

/** A field an admin may override. */
export type OverridableField = keyof RuleOverride;

/** One rule of the effective set. */
export interface EffectiveRule {
  /** The rule with the overlay applied. */
  rule: RuleInput;
  /** `file`: from a rule file (maybe with overridden fields); `added`: created by an admin. */
  origin: 'file' | 'added';
  /** For file rules: the file and index. */
  file?: string;
  index?: number;
  /** For file rules: the fields whose value comes from the overlay. */
  overridden: OverridableField[];
}

/** What of the overlay could not be applied. */
export interface OverlayReport {
  /** Overrides of rules no longer in the files: ignored (they apply again if the rule comes back). */
  staleOverrides: string[];
  /** Rules created by admins whose id now exists in the files (or earlier in the list): skipped. */
  conflicts: Array<{ rule: string; file: string }>;
}

/** A problem of the effective rules, with the rule it is about when known. */
export interface RuleProblem extends Problem {
  /** The id of the rule the problem is about. */
  rule?: string;
  /** The field relative to the rule, e.g. `options.pattern`, `scope.channels[0]`, '' for the rule itself. */
  ruleField?: string;
}

/**
 * Reads the rules of rule files as written. A file that is not valid YAML, or whose `rules` is
 * not a list, yields none (the build reports it); list items without a string `id` are skipped.
 */
export function readFileRules(ruleFiles: readonly SourceFile[]): FileRule[] {
  return ruleFiles.flatMap((source) => parseSource(source).rules);
}

/**
 * Applies an overlay to the files' rules. For a rule in the files, each overridden top-level
 * field replaces the file's value (whole: `scope`, `options`, `explanation`, `examples` are not
 * merged); an override of a rule no longer in the files is ignored and reported; rules created
 * by admins are appended, except one whose id now exists in the files (reported, skipped).
 */
export function applyOverlay(fileRules: readonly FileRule[], overlay: RuleOverlay): { rules: EffectiveRule[]; report: OverlayReport } {
  const rules: EffectiveRule[] = [];
  const fileOf = new Map<string, string>();
  for (const fileRule of fileRules) {
    if (!fileOf.has(fileRule.rule.id)) fileOf.set(fileRule.rule.id, fileRule.file);
    const override = Object.prototype.hasOwnProperty.call(overlay.overrides, fileRule.rule.id)
      ? overlay.overrides[fileRule.rule.id]
      : undefined;
    const { rule, overridden } = applyOverride(fileRule.rule, override);
    rules.push({ rule, origin: 'file', file: fileRule.file, index: fileRule.index, overridden });
  }
  const staleOverrides = Object.keys(overlay.overrides).filter((id) => !fileOf.has(id));
  const conflicts: OverlayReport['conflicts'] = [];
  const taken = new Map(fileOf);
  for (const added of overlay.added) {
    const clash = taken.get(added.id);
    if (clash !== undefined) {
      conflicts.push({ rule: added.id, file: clash });
      continue;
    }
    taken.set(added.id, 'database');
    rules.push({ rule: added, origin: 'added', overridden: [] });
  }
  return { rules, report: { staleOverrides, conflicts } };
}

/** A rule with an override applied (top-level fields replaced), and the fields replaced. */
export function applyOverride(rule: RuleInput, override: RuleOverride | undefined): { rule: RuleInput; overridden: OverridableField[] } {
  if (override === undefined) return { rule, overridden: [] };
  const out: Record<string, unknown> = { ...rule };
  const overridden: OverridableField[] = [];
  for (const [key, value] of Object.entries(override)) {
    if (key === 'id' || value === undefined) continue;
    out[key] = value;
    overridden.push(key as OverridableField);
  }
  return { rule: out as RuleInput, overridden };
}

/** What {@link buildEffective} needs. */
export interface EffectiveInput {
  files: RuleFilesSnapshot;
  overlay: RuleOverlay;
  defaultLang: Lang;
  /** Names the admins' rules in problems, e.g. `database (version 4)`. */
  origin: string;
}

/** The outcome of {@link buildEffective}. */
export type EffectiveBuild =
  | { ok: true; loaded: LoadedRules; rules: EffectiveRule[]; report: OverlayReport }
  | { ok: false; problems: RuleProblem[]; rules: EffectiveRule[]; report: OverlayReport };

/** The origin label of a stored version's rules in problems. */
export function versionOrigin(version: number | undefined): string {
  return version === undefined ? 'database' : `database (version ${version})`;
}

/**
 * Builds the rule set of the files with the overlay applied, validating everything
 * (`buildRuleSet`: schema, detectors and their options, RE2 patterns, charter articles, examples).
 * Entries of file rules keep their file name, even when an admin overrode some fields.
 */
export function buildEffective(input: EffectiveInput): EffectiveBuild {
  const parsed = input.files.ruleFiles.map(parseSource);
  const fileRules = parsed.flatMap((file) => file.rules);
  const { rules, report } = applyOverlay(fileRules, input.overlay);

  // Rules whose content differs from their file go to the synthetic file, with the added ones.
  const synthetic = rules.filter((rule) => rule.origin === 'added' || rule.overridden.length > 0);
  const moved = new Map<string, Set<number>>();
  for (const rule of synthetic) {
    if (rule.origin !== 'file' || rule.file === undefined || rule.index === undefined) continue;
    let indexes = moved.get(rule.file);
    if (indexes === undefined) moved.set(rule.file, (indexes = new Set()));
    indexes.add(rule.index);
  }

  const ruleFiles: SourceFile[] = [];
  /** For files some rules were taken out of: index in the built file → index in the real one. */
  const kept = new Map<string, number[]>();
  for (const file of parsed) {
    const indexes = moved.get(file.source.file);
    if (indexes === undefined) {
      ruleFiles.push(file.source);
      continue;
    }
    const remaining = withoutRules(file, indexes);
    kept.set(file.source.file, remaining.kept);
    if (remaining.kept.length > 0) ruleFiles.push({ file: file.source.file, content: remaining.content });
  }
  if (synthetic.length > 0) ruleFiles.push({ file: input.origin, content: serializeRules(synthetic.map((rule) => rule.rule)) });

  let loaded: LoadedRules;
  try {
    loaded = buildRuleSet({ ruleFiles, charter: input.files.charter, defaultLang: input.defaultLang });
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    const byFile = new Map(parsed.map((file) => [file.source.file, file]));
    const problems = error.problems.map((problem) => locateProblem(problem, { origin: input.origin, synthetic, kept, byFile }));
    return { ok: false, problems, rules, report };
  }
  const fileOfOverridden = new Map<string, string>();
  for (const rule of synthetic) if (rule.origin === 'file' && rule.file !== undefined) fileOfOverridden.set(rule.rule.id, rule.file);
  // Overridden rules keep their file name and their place: the order of the files, then admins' rules.
  const order = new Map(rules.map((rule, index) => [rule.rule.id, index]));
  const rank = (id: string): number => order.get(id) ?? rules.length;
  const entries: RuleEntry[] = loaded.entries
    .map((entry) => {
      const file = entry.file === input.origin ? fileOfOverridden.get(entry.definition.id) : undefined;
      return file === undefined ? entry : { ...entry, file };
    })
    .sort((a, b) => rank(a.definition.id) - rank(b.definition.id));
  const ruleSet = { ...loaded.ruleSet, rules: [...loaded.ruleSet.rules].sort((a, b) => rank(a.id) - rank(b.id)) };
  return { ok: true, loaded: { ...loaded, ruleSet, entries }, rules, report };
}

/** A parsed rule file. */
interface ParsedSource {
  source: SourceFile;
  /** Undefined when the YAML has errors. */
  doc?: Document;
  lineCounter: LineCounter;
  rules: FileRule[];
}

function parseSource(source: SourceFile): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return { source, lineCounter, rules: [] };
  const rules: FileRule[] = [];
  const js: unknown = doc.toJS();
  const list = js !== null && typeof js === 'object' && !Array.isArray(js) ? (js as { rules?: unknown }).rules : undefined;
  if (Array.isArray(list)) {
    list.forEach((item: unknown, index) => {
      if (item !== null && typeof item === 'object' && !Array.isArray(item) && typeof (item as { id?: unknown }).id === 'string') {
        rules.push({ file: source.file, index, rule: item as RuleInput });
      }
    });
  }
  return { source, doc, lineCounter, rules };
}

/** The file's text without some of its rules, and which original index each remaining rule has. */
function withoutRules(file: ParsedSource, removed: ReadonlySet<number>): { content: string; kept: number[] } {
  const copy = parseDocument(file.source.content, { uniqueKeys: true });
  const count = file.doc === undefined ? 0 : lengthOf(file.doc.get('rules', true));
  const kept: number[] = [];
  for (let index = 0; index < count; index++) if (!removed.has(index)) kept.push(index);
  for (const index of [...removed].sort((a, b) => b - a)) copy.deleteIn(['rules', index]);
  return { content: String(copy), kept };
}

function lengthOf(node: unknown): number {
  return node !== null && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown }).items)
    ? (node as { items: unknown[] }).items.length
    : 0;
}

interface LocateContext {
  origin: string;
  synthetic: readonly EffectiveRule[];
  kept: ReadonlyMap<string, number[]>;
  byFile: ReadonlyMap<string, ParsedSource>;
}

const RULE_FIELD = /^rules\[(\d+)\](.*)$/;

/** Points a problem of the built files back at the real file, line and field, or at the admins' rule. */
function locateProblem(problem: Problem, context: LocateContext): RuleProblem {
  const match = problem.field === undefined ? null : RULE_FIELD.exec(problem.field);
  if (match === null) return problem;
  const builtIndex = Number(match[1]);
  const rest = match[2] ?? '';
  const ruleField = rest.startsWith('.') ? rest.slice(1) : rest;
  const path = parseFieldPath(ruleField);

  if (problem.file === context.origin) {
    const rule = context.synthetic[builtIndex];
    if (rule === undefined) return problem;
    const id = rule.rule.id;
    const top = path[0];
    const fromFile =
      rule.origin === 'file' && rule.file !== undefined && rule.index !== undefined && typeof top === 'string' && !rule.overridden.includes(top as OverridableField);
    if (fromFile && rule.file !== undefined && rule.index !== undefined) {
      return inFile(problem, context.byFile.get(rule.file), rule.file, rule.index, path, id, ruleField);
    }
    const { line: _line, column: _column, ...rest0 } = problem;
    return { ...rest0, field: ruleField === '' ? id : `${id}.${ruleField}`.replace(/\.\[/g, '['), rule: id, ruleField };
  }

  const parsed = context.byFile.get(problem.file);
  const kept = context.kept.get(problem.file);
  const index = kept === undefined ? builtIndex : kept[builtIndex];
  if (index === undefined) return problem;
  const id = parsed?.rules.find((rule) => rule.index === index)?.rule.id;
  if (kept === undefined) return { ...problem, ...(id === undefined ? {} : { rule: id }), ruleField };
  return inFile(problem, parsed, problem.file, index, path, id, ruleField);
}

function inFile(
  problem: Problem,
  parsed: ParsedSource | undefined,
  file: string,
  index: number,
  path: readonly PropertyKey[],
  id: string | undefined,
  ruleField: string,
): RuleProblem {
  const fullPath = ['rules', index, ...path];
  const { line: _line, column: _column, ...rest } = problem;
  const position = parsed?.doc === undefined ? {} : locatePath(parsed.doc, parsed.lineCounter, fullPath);
  return { ...rest, ...position, file, field: formatPath(fullPath), ...(id === undefined ? {} : { rule: id }), ruleField };
}

/** `options.tiers[1]` → `['options', 'tiers', 1]`. */
export function parseFieldPath(field: string): PropertyKey[] {
  const path: PropertyKey[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(field)) !== null) {
    if (match[2] !== undefined) path.push(Number(match[2]));
    else if (match[1] !== undefined) path.push(match[1]);
  }
  return path;
}

/** Line and column of the deepest node of `path` that exists in the document. */
function locatePath(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): Pick<Problem, 'line' | 'column'> {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range !== undefined && node.range !== null) {
      const position = lineCounter.linePos(node.range[0]);
      return { line: position.line, column: position.col };
    }
  }
  return {};
}
