/**
 * Retention and erasure (GDPR): flags and their excerpts are purged after `RETENTION_DAYS`,
 * audit entries after a year; one person's data can be erased on request.
 */
import type { Logger } from './logger';
import type { Clock, EraseResult, ModerationStore, PurgeResult } from './ports';
import { SYSTEM_CLOCK } from './ports';

const DAY = 86_400_000;

/** How long things are kept. */
export interface RetentionPolicy {
  /** Flags, their excerpts, deliveries and reports (default 90). */
  flagDays: number;
  /** The audit log (default 365). */
  auditDays: number;
}

/** 90 days for flags, a year for the audit log. */
export const DEFAULT_RETENTION: RetentionPolicy = { flagDays: 90, auditDays: 365 };

/** Purges what is older than the policy allows; audited by the store. */
export function purgeExpired(store: ModerationStore, policy: RetentionPolicy = DEFAULT_RETENTION, clock: Clock = SYSTEM_CLOCK): Promise<PurgeResult> {
  const now = clock.now();
  return store.purge(now - policy.flagDays * DAY, now - policy.auditDays * DAY, now);
}

/** Erases one person's flags, reports and acknowledgements; audited with the actor. */
export function eraseUserData(store: ModerationStore, user: string, actor: string, clock: Clock = SYSTEM_CLOCK): Promise<EraseResult> {
  return store.eraseUser(user, actor, clock.now());
}

/** A running retention schedule; `stop()` ends it. */
export interface RetentionSchedule {
  stop(): void;
}

/**
 * Purges at once, then every `everyMs` (default: hourly), logging counts only. Errors are logged
 * and the schedule goes on.
 */
export function scheduleRetention(
  store: ModerationStore,
  policy: RetentionPolicy,
  options: { everyMs?: number; clock?: Clock; logger?: Logger } = {},
): RetentionSchedule {
  const run = (): void => {
    purgeExpired(store, policy, options.clock)
      .then((purged) => options.logger?.info({ ...purged }, 'retention: purged'))
      .catch((error: unknown) => options.logger?.error({ err: error instanceof Error ? error.name : 'unknown' }, 'retention: purge failed'));
  };
  run();
  const timer = setInterval(run, options.everyMs ?? 3_600_000);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
