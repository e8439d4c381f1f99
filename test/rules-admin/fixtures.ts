/**
 * Small rule files and the repository's charter for the rules-admin tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../src/ruleset';
import { buildCharter } from '../../src/ruleset/charter';
import type { Charter } from '../../src/ruleset/charter';
import type { RuleFilesSnapshot } from '../../src/rules-admin/effective';
import type { RuleInput } from '../../src/rules-admin/model';
import type { RulesActor } from '../../src/rules-admin/admin-rules';

const ROOT = path.resolve(__dirname, '..', '..');

export const CHARTER_FILES: Record<'fr' | 'en', SourceFile> = {
  fr: { file: 'charter/charter.fr.md', content: readFileSync(path.join(ROOT, 'charter/charter.fr.md'), 'utf8') },
  en: { file: 'charter/charter.en.md', content: readFileSync(path.join(ROOT, 'charter/charter.en.md'), 'utf8') },
};

export const CHARTER: Charter = buildCharter(CHARTER_FILES).charter;

export const A_YAML = `# Two rules.
rules:
  - id: shout
    detector: shouting
    category: shouting
    severity: low
    action: nudge
    article: tone-shouting

  - id: codename
    detector: keyword
    category: confidential
    severity: medium
    action: flag
    article: confidentiality-documents
    options:
      terms: [projet orion]
    examples:
      flag: ["le projet Orion avance"]
      pass: ["orion tout seul"]
`;

export const B_YAML = `rules:
  - id: mentions
    detector: mass-mention
    category: mass-mention
    severity: low
    action: nudge
    article: channels-mentions
`;

/** The rule files and charter, with replacements of some files' contents. */
export function snapshot(files: Record<string, string> = {}): RuleFilesSnapshot {
  const all: Record<string, string> = { 'rules/a.yaml': A_YAML, 'rules/b.yaml': B_YAML, ...files };
  return {
    ruleFiles: Object.entries(all)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([file, content]) => ({ file, content })),
    charter: CHARTER_FILES,
  };
}

/** A custom keyword rule. */
export function customRule(overrides: Partial<RuleInput> = {}): RuleInput {
  return {
    id: 'client-names',
    detector: 'keyword',
    category: 'confidential',
    severity: 'medium',
    action: 'shadow',
    article: 'confidentiality-documents',
    options: { terms: ['acme corp'] },
    ...overrides,
  } as RuleInput;
}

export const ALICE: RulesActor = { author: 'U0ALICE', source: 'slack' };
export const BOB: RulesActor = { author: 'cli:bob', source: 'cli' };

/** Waits until the condition holds (polling), or fails after `ms`. */
export async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
