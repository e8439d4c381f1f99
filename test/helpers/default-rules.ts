/**
 * The bundled default rule set, loaded once per test file, as a RuleSource.
 */
import path from 'node:path';
import type { RuleSet } from '../../src/engine/rule';
import { loadRules } from '../../src/files/load-rules';
import type { RuleSource } from '../../src/moderation/ports';

const ROOT = path.resolve(__dirname, '..', '..');
let cached: RuleSet | undefined;

/** The default rules and charter of the repository. */
export function defaultRuleSet(): RuleSet {
  cached ??= loadRules({ rulesDir: path.join(ROOT, 'rules'), charterDir: path.join(ROOT, 'charter') }).ruleSet;
  return cached;
}

/** A RuleSource serving the default rules. */
export const defaultRules: RuleSource = { current: defaultRuleSet };
