/**
 * Parses one rule file's text: YAML syntax, then the schema. Every problem is reported with
 * the file, line, column and field it is about; a file with problems yields no rules.
 */
import { Document, isNode, LineCounter, parseDocument } from 'yaml';
import { formatPath, Problem } from './problems';
import { RuleDefinition, ruleFileSchema } from './schema';

/** A rule as parsed, with where it was written (to locate later problems). */
export interface LocatedRule {
  rule: RuleDefinition;
  file: string;
  /** Index in the file's `rules` list. */
  index: number;
  /** Finds the line and column of a field path inside this rule, e.g. `['options', 'tiers']`. */
  locate(path: readonly PropertyKey[]): Pick<Problem, 'line' | 'column'>;
}

/** The outcome of parsing one file. */
export interface ParsedRuleFile {
  rules: LocatedRule[];
  problems: Problem[];
}

/**
 * Parses a rule file's content.
 *
 * @param file the file's path, used in problems
 * @param content the file's text
 */
export function parseRuleFile(file: string, content: string): ParsedRuleFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: Problem[] = [];
  for (const error of doc.errors) {
    const position = lineCounter.linePos(error.pos[0]);
    problems.push({ file, line: position.line, column: position.col, message: `YAML: ${firstLine(error.message)}` });
  }
  if (problems.length > 0) return { rules: [], problems };
  const locate = (path: readonly PropertyKey[]): Pick<Problem, 'line' | 'column'> =>
    locatePath(doc, lineCounter, path);
  const parsed = ruleFileSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          problems.push({ file, ...locate(path), field: formatPath(path), message: `unknown field "${key}"` });
        }
        continue;
      }
      problems.push({ file, ...locate(issue.path), field: formatPath(issue.path), message: issue.message });
    }
    return { rules: [], problems };
  }
  const rules = parsed.data.rules.map((rule, index) => ({
    rule,
    file,
    index,
    locate: (path: readonly PropertyKey[]) => locate(['rules', index, ...path]),
  }));
  return { rules, problems };
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

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
