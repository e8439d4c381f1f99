/**
 * Reads the rule files (`RULES_DIR/*.yaml`) and the charter (`CHARTER_DIR/charter.{fr,en}.md`)
 * from disk and builds the rule set. The only module of the rules path that touches files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildRuleSet, LoadedRules, RuleSetError, SourceFile } from '../ruleset';
import type { Lang } from '../engine/types';

/** Where the default rules and charter ship: the package's own `rules/` and `charter/`. */
export const PACKAGE_ROOT = path.resolve(__dirname, '..', '..');

/** Default directories, relative to the package. */
export const DEFAULT_RULES_DIR = path.join(PACKAGE_ROOT, 'rules');
export const DEFAULT_CHARTER_DIR = path.join(PACKAGE_ROOT, 'charter');

/** Reads `*.yaml` / `*.yml` files of a directory, sorted by name. */
export function readRuleFiles(dir: string): SourceFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (error) {
    throw new RuleSetError([{ file: dir, message: `cannot read the rules directory (${describe(error)})` }]);
  }
  return names
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      return { file, content: readFileSync(file, 'utf8') };
    });
}

/** Reads `charter.fr.md` and `charter.en.md`. */
export function readCharter(dir: string): Record<Lang, SourceFile> {
  const read = (lang: Lang): SourceFile => {
    const file = path.join(dir, `charter.${lang}.md`);
    try {
      return { file, content: readFileSync(file, 'utf8') };
    } catch (error) {
      throw new RuleSetError([{ file, message: `cannot read the charter (${describe(error)})` }]);
    }
  };
  return { fr: read('fr'), en: read('en') };
}

/** Loads rules and charter from disk; throws {@link RuleSetError} with every problem. */
export function loadRules(options: { rulesDir?: string; charterDir?: string; defaultLang?: Lang } = {}): LoadedRules {
  const ruleFiles = readRuleFiles(options.rulesDir ?? DEFAULT_RULES_DIR);
  const charter = readCharter(options.charterDir ?? DEFAULT_CHARTER_DIR);
  return buildRuleSet({ ruleFiles, charter, ...(options.defaultLang === undefined ? {} : { defaultLang: options.defaultLang }) });
}

function describe(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.message : String(error);
}
