/**
 * Which rules a new version of the overlay changes, for its audit entry. Pure, and independent of
 * SQLite: another adapter can use it as is.
 */
import type { RuleOverlay } from '../../rules-admin/model';

/** What an overlay says about one rule: its field overrides, and the rules added under its id. */
interface RuleEntry {
  override?: unknown;
  added: unknown[];
}

/**
 * The ids of the rules whose entry differs between two overlays: an override added, removed or
 * changed, or an added rule created, removed or changed. Sorted, each once.
 *
 * Entries are compared as JSON values, so key order does not count, and neither do properties
 * set to `undefined` (they are not stored). Nothing is validated: entries without a string id
 * are skipped.
 */
export function changedRules(before: RuleOverlay, after: RuleOverlay): string[] {
  const was = entriesById(before);
  const is = entriesById(after);
  const ids = new Set([...was.keys(), ...is.keys()]);
  return [...ids]
    .filter((id) => canonicalJson(was.get(id) ?? { added: [] }) !== canonicalJson(is.get(id) ?? { added: [] }))
    .sort(compareIds);
}

function entriesById(overlay: RuleOverlay): Map<string, RuleEntry> {
  const entries = new Map<string, RuleEntry>();
  const entry = (id: string): RuleEntry => {
    let found = entries.get(id);
    if (found === undefined) {
      found = { added: [] };
      entries.set(id, found);
    }
    return found;
  };
  for (const [id, override] of Object.entries(overlay.overrides ?? {})) entry(id).override = override;
  for (const rule of Array.isArray(overlay.added) ? (overlay.added as unknown[]) : []) {
    const id = isObject(rule) ? rule['id'] : undefined;
    if (typeof id === 'string') entry(id).added.push(rule);
  }
  return entries;
}

/** JSON with object keys sorted, so equal values give equal strings. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isObject(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => compareIds(a, b))) : inner,
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
