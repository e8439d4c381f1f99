/**
 * Reads the times the CLI accepts: a date (`2026-11-01`), a date and time in ISO 8601
 * (`2026-11-01T09:00Z`), or a duration back from now (`7d`, `24h`, `30m`).
 */

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * Milliseconds since the epoch for a CLI time argument.
 * @throws Error naming the option and what is accepted
 */
export function parseTimeArg(value: string, option: string, now: number): number {
  const trimmed = value.trim();
  const relative = /^(\d+)\s*([mhdw])$/i.exec(trimmed);
  if (relative !== null) {
    const unit = UNITS[(relative[2] as string).toLowerCase()] as number;
    return now - Number(relative[1]) * unit;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? `${trimmed}T00:00:00Z` : trimmed);
    if (!Number.isNaN(time)) return time;
  }
  throw new Error(`${option}: "${value}" is not a time; use a date (2026-11-01), an ISO time (2026-11-01T09:00Z) or a duration back from now (7d, 24h, 30m)`);
}

/** A time as the CLI prints it: `2026-11-28 09:14` (UTC). */
export function formatTime(time: number): string {
  return new Date(time).toISOString().slice(0, 16).replace('T', ' ');
}
