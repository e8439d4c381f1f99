/**
 * `charter-bot rules validate`: loads the rule files and the charter and reports either a
 * summary or every problem (file:line:column: field: message).
 */
import { loadRules } from '../files/load-rules';
import { formatProblem, RuleSetError } from '../ruleset';

/** Validates a rules directory; prints a summary or the problems. Returns whether it is valid. */
export function validateRules(rulesDir: string, charterDir: string, io: { out: (line: string) => void; err: (line: string) => void }): boolean {
  try {
    const loaded = loadRules({ rulesDir, charterDir });
    const files = new Set(loaded.entries.map((entry) => entry.file));
    const enabled = loaded.entries.filter((entry) => entry.definition.enabled).length;
    const examples = loaded.entries.reduce(
      (sum, entry) => sum + (entry.definition.examples?.flag.length ?? 0) + (entry.definition.examples?.pass.length ?? 0),
      0,
    );
    io.out(
      `✓ ${loaded.entries.length} rules (${enabled} enabled) in ${files.size} file${files.size === 1 ? '' : 's'} of ${rulesDir}; ` +
        `${examples} examples checked; charter: ${loaded.charter.ids.length} articles, every citation found.`,
    );
    return true;
  } catch (error) {
    if (!(error instanceof RuleSetError)) throw error;
    io.err(`✗ ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} in ${rulesDir}:`);
    for (const problem of error.problems) io.err(`  ${formatProblem(problem)}`);
    return false;
  }
}
