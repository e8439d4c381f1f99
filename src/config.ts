/**
 * The environment contract (DESIGN.md §3), validated with zod. Every problem is reported at once,
 * naming the variable; values are never echoed (some are secrets).
 *
 * This module reads only the object it is given: `main.ts` and the CLI pass `process.env`.
 */
import path from 'node:path';
import { z } from 'zod';
import type { Lang } from './engine/types';

/** Where the SQLite file lives when `DATABASE_PATH` is not set (relative to the working directory). */
export const DEFAULT_DATABASE_PATH = './data/charter.db';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const integer = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(min, { message: `must be at least ${min}` }).max(max, { message: `must be at most ${max}` }));

const coreSchema = z.object({
  DATABASE_PATH: z.string().trim().min(1, { message: 'must not be empty' }).default(DEFAULT_DATABASE_PATH),
  RETENTION_DAYS: integer(1, 3650).default(90),
  AUDIT_RETENTION_DAYS: integer(30, 3650).default(365),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  DEFAULT_LOCALE: z.enum(['fr', 'en'], { message: 'must be fr or en' }).default('fr'),
  NUDGE_COOLDOWN_HOURS: integer(0, 24 * 365).default(24),
  ESCALATION_THRESHOLD: integer(0, 1000).default(3),
  ESCALATION_WINDOW_DAYS: integer(1, 365).default(30),
});

/** The settings of the moderation core, the store and the logs. */
export interface CoreConfig {
  databasePath: string;
  retentionDays: number;
  auditRetentionDays: number;
  logLevel: (typeof LOG_LEVELS)[number];
  defaultLocale: Lang;
  nudgeCooldownHours: number;
  /** 0 turns the escalation ladder off. */
  escalationThreshold: number;
  escalationWindowDays: number;
}

/** One or more environment variables are missing or invalid; the message lists each. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** The environment variables {@link readCoreConfig} reads, with what they mean (for `--help`). */
export const CORE_ENVIRONMENT: ReadonlyArray<[string, string]> = [
  ['DATABASE_PATH', `SQLite file, created on first start (default: ${DEFAULT_DATABASE_PATH})`],
  ['RETENTION_DAYS', 'days flags and their excerpts are kept (default: 90)'],
  ['AUDIT_RETENTION_DAYS', 'days audit entries are kept (default: 365)'],
  ['NUDGE_COOLDOWN_HOURS', 'at most one reminder per rule per person in this window (default: 24)'],
  ['ESCALATION_THRESHOLD', 'the Nth etiquette reminder within the window also alerts moderators; 0: off (default: 3)'],
  ['ESCALATION_WINDOW_DAYS', 'the escalation window (default: 30)'],
  ['LOG_LEVEL', `${LOG_LEVELS.join(', ')} (default: info)`],
  ['DEFAULT_LOCALE', 'fr or en (default: fr)'],
];

/**
 * Reads the core settings from an environment; throws a {@link ConfigError} listing every
 * problem. Empty variables count as unset.
 */
export function readCoreConfig(env: NodeJS.ProcessEnv): CoreConfig {
  const parsed = coreSchema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const value = parsed.data;
  return {
    databasePath: value.DATABASE_PATH === ':memory:' ? ':memory:' : path.resolve(value.DATABASE_PATH),
    retentionDays: value.RETENTION_DAYS,
    auditRetentionDays: value.AUDIT_RETENTION_DAYS,
    logLevel: value.LOG_LEVEL,
    defaultLocale: value.DEFAULT_LOCALE,
    nudgeCooldownHours: value.NUDGE_COOLDOWN_HOURS,
    escalationThreshold: value.ESCALATION_THRESHOLD,
    escalationWindowDays: value.ESCALATION_WINDOW_DAYS,
  };
}

function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') result[key] = value;
  }
  return result;
}
