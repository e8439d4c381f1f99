/**
 * Flags as CSV or JSON, for moderators' exports. Only what a flag holds: ids, rule, masked
 * excerpt, status, decision. CSV cells that a spreadsheet would read as a formula are quoted
 * with a leading apostrophe (CSV injection).
 */
import type { Flag } from './model';

/** The export formats. */
export const EXPORT_FORMATS = ['csv', 'json'] as const;
/** An export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const COLUMNS: ReadonlyArray<keyof Flag> = [
  'id',
  'createdAt',
  'rule',
  'category',
  'severity',
  'action',
  'article',
  'channel',
  'channelName',
  'author',
  'messageTs',
  'threadTs',
  'permalink',
  'excerpt',
  'status',
  'nudged',
  'alerted',
  'alertReason',
  'handledBy',
  'handledAt',
  'note',
  'reports',
  'updatedAt',
];

const TIME_COLUMNS: ReadonlySet<keyof Flag> = new Set<keyof Flag>(['createdAt', 'updatedAt', 'handledAt']);

/** Formats flags in the given format; times as ISO 8601 (UTC). */
export function formatFlags(flags: readonly Flag[], format: ExportFormat): string {
  return format === 'csv' ? toCsv(flags) : toJson(flags);
}

function toJson(flags: readonly Flag[]): string {
  const rows = flags.map((flag) => {
    const row: Record<string, unknown> = {};
    for (const column of COLUMNS) {
      const value = flag[column];
      if (value === undefined) continue;
      row[column] = TIME_COLUMNS.has(column) ? new Date(value as number).toISOString() : value;
    }
    return row;
  });
  return `${JSON.stringify(rows, null, 2)}\n`;
}

function toCsv(flags: readonly Flag[]): string {
  const lines = [COLUMNS.join(',')];
  for (const flag of flags) {
    lines.push(COLUMNS.map((column) => csvCell(cellValue(flag, column))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function cellValue(flag: Flag, column: keyof Flag): string {
  const value = flag[column];
  if (value === undefined) return '';
  if (TIME_COLUMNS.has(column)) return new Date(value as number).toISOString();
  return String(value);
}

/** One RFC 4180 cell, defused against spreadsheet formulas. */
export function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
