/**
 * Problems found while loading rules or the charter: each says what and where (file, line,
 * column, field), and they are collected so one error lists every problem at once.
 */

/** One problem in a rule file or the charter. */
export interface Problem {
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  /** Dotted path of the field, e.g. `rules[2].options.tiers`. */
  field?: string;
  message: string;
}

/** Formats a problem as `file:line:column: field: message`. */
export function formatProblem(problem: Problem): string {
  let where = problem.file;
  if (problem.line !== undefined) where += `:${problem.line}`;
  if (problem.column !== undefined) where += `:${problem.column}`;
  const field = problem.field !== undefined && problem.field !== '' ? `${problem.field}: ` : '';
  return `${where}: ${field}${problem.message}`;
}

/** Thrown when rules or the charter cannot be loaded; lists every problem found. */
export class RuleSetError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(
      `The rules could not be loaded (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
    this.name = 'RuleSetError';
  }
}

/** Turns a path like `['rules', 2, 'options']` into `rules[2].options`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
