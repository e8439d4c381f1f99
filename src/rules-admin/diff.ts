/**
 * Rules as YAML text and line diffs between two texts: what the history of rule versions shows
 * ("what did this change do?"). Pure.
 */
import { stringify } from 'yaml';
import type { RuleInput } from './model';

/** The fields of a rule in the order a rule file writes them. */
/** A rule's fields in the order rule files write them (README "Rules"). */
export const RULE_KEYS = [
  'id',
  'description',
  'detector',
  'category',
  'severity',
  'action',
  'article',
  'enabled',
  'lang',
  'scope',
  'exempt',
  'explanation',
  'options',
  'examples',
] as const;

const SCOPE_KEYS = ['match', 'channels', 'exceptChannels', 'external', 'private'];
const EXPLANATION_KEYS = ['fr', 'en'];
const EXAMPLES_KEYS = ['flag', 'pass'];
const EXAMPLE_KEYS = ['text', 'channel', 'external', 'private', 'lang'];

/**
 * The rules as one rule file (`rules: [...]`), in a stable form: rules sorted by id, each rule's
 * fields in the order of the README, nested keys in a fixed order (options' keys sorted), so the
 * same rules always give the same text and diffs show only real changes. Loadable as a rule file.
 *
 * @example rulesYaml([{ id: 'b', … }, { id: 'a', … }]) // 'rules:\n  - id: a\n …'
 */
export function rulesYaml(rules: readonly RuleInput[]): string {
  return serializeRules([...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

/** The rules as one rule file, in the order given (fields and nested keys in the stable order). */
export function serializeRules(rules: readonly RuleInput[]): string {
  if (rules.length === 0) return 'rules: []\n';
  return stringify({ rules: rules.map(canonicalRule) }, { lineWidth: 0, aliasDuplicateObjects: false });
}

/** A rule with its keys in the stable order (unknown keys kept, sorted, after the known ones). */
export function canonicalRule(rule: RuleInput): Record<string, unknown> {
  const source = rule as unknown as Record<string, unknown>;
  const out = ordered(source, RULE_KEYS);
  for (const [key, value] of Object.entries(out)) {
    if (key === 'scope') out[key] = nested(value, SCOPE_KEYS);
    else if (key === 'explanation') out[key] = nested(value, EXPLANATION_KEYS);
    else if (key === 'options') out[key] = sortedDeep(value);
    else if (key === 'examples') out[key] = canonicalExamples(value);
  }
  return out;
}

function canonicalExamples(value: unknown): unknown {
  const examples = nested(value, EXAMPLES_KEYS);
  if (!isPlainObject(examples)) return examples;
  for (const [kind, list] of Object.entries(examples)) {
    if (Array.isArray(list)) examples[kind] = list.map((example: unknown) => nested(example, EXAMPLE_KEYS));
  }
  return examples;
}

function nested(value: unknown, keys: readonly string[]): unknown {
  return isPlainObject(value) ? ordered(value, keys) : value;
}

/** Known keys first in their order, then the others sorted; undefined values dropped. */
function ordered(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  for (const key of Object.keys(source).sort()) {
    if (!keys.includes(key) && source[key] !== undefined) out[key] = source[key];
  }
  return out;
}

/** Objects' keys sorted, recursively; arrays keep their order. */
export function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) if (value[key] !== undefined) out[key] = sortedDeep(value[key]);
  return out;
}

/** Whether two JSON-like values are equal (object key order ignored, undefined keys ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortedDeep(a)) === JSON.stringify(sortedDeep(b));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Labels of the two sides of a diff (`---` and `+++` lines). */
export interface DiffLabels {
  before: string;
  after: string;
}

/** Above this many cells (lines before × lines after, once common ends are set aside) the LCS table is not built. */
const MAX_LCS_CELLS = 4_000_000;

interface Op {
  kind: ' ' | '-' | '+';
  line: string;
}

/**
 * A unified diff of two texts, line by line (longest common subsequence), with `context` lines
 * around each change: `--- before`, `+++ after`, then `@@ -a,b +c,d @@` hunks. The empty string
 * when the texts have the same lines.
 *
 * @example unifiedDiff('a\nb\n', 'a\nc\n') // '--- before\n+++ after\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n'
 */
export function unifiedDiff(
  before: string,
  after: string,
  context = 3,
  labels: DiffLabels = { before: 'before', after: 'after' },
): string {
  const ops = diffLines(toLines(before), toLines(after));
  const hunks = hunksOf(ops, Math.max(0, Math.floor(context)));
  if (hunks.length === 0) return '';
  return `--- ${labels.before}\n+++ ${labels.after}\n${hunks.join('')}`;
}

function toLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

/** The edit script from `a` to `b`: kept, deleted and added lines (deletions before additions). */
function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const ops: Op[] = [];
  for (let i = 0; i < prefix; i++) ops.push({ kind: ' ', line: a[i] as string });
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  ops.push(...lcsOps(midA, midB));
  for (let i = a.length - suffix; i < a.length; i++) ops.push({ kind: ' ', line: a[i] as string });
  return ops;
}

function lcsOps(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const ops: Op[] = [];
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_LCS_CELLS) {
    for (const line of a) ops.push({ kind: '-', line });
    for (const line of b) ops.push({ kind: '+', line });
    return ops;
  }
  // table[i][j]: length of the LCS of a[i..] and b[j..].
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] as number) + 1
          : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i] as string });
      i++;
      j++;
    } else if ((table[(i + 1) * width + j] as number) >= (table[i * width + j + 1] as number)) {
      ops.push({ kind: '-', line: a[i] as string });
      i++;
    } else {
      ops.push({ kind: '+', line: b[j] as string });
      j++;
    }
  }
  for (; i < n; i++) ops.push({ kind: '-', line: a[i] as string });
  for (; j < m; j++) ops.push({ kind: '+', line: b[j] as string });
  return ops;
}

/** Groups changes with their context into hunks (changes closer than 2 × context share one). */
function hunksOf(ops: readonly Op[], context: number): string[] {
  // Line numbers before each op (0-based counts of old and new lines already passed).
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const op of ops) {
    oldAt.push(oldLine);
    newAt.push(newLine);
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
  }
  const hunks: string[] = [];
  let index = 0;
  while (index < ops.length) {
    if (ops[index]?.kind === ' ') {
      index++;
      continue;
    }
    const start = Math.max(index - context, 0);
    let lastChange = index;
    let scan = index;
    while (scan < ops.length) {
      if (ops[scan]?.kind !== ' ') {
        lastChange = scan;
        scan++;
        continue;
      }
      let run = scan;
      while (run < ops.length && ops[run]?.kind === ' ') run++;
      if (run < ops.length && run - scan <= 2 * context) {
        scan = run;
        continue;
      }
      break;
    }
    const end = Math.min(ops.length, lastChange + 1 + context);
    const slice = ops.slice(start, end);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    const oldStart = (oldAt[start] as number) + (oldCount === 0 ? 0 : 1);
    const newStart = (newAt[start] as number) + (newCount === 0 ? 0 : 1);
    let text = `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n`;
    for (const op of slice) text += `${op.kind}${op.line}\n`;
    hunks.push(text);
    index = end;
  }
  return hunks;
}

function range(start: number, count: number): string {
  return count === 1 ? `${start}` : `${start},${count}`;
}
