/**
 * What staff do: say "this is a mistake" about a reminder, acknowledge the charter, and see their
 * own record. Each report and acknowledgement is audited.
 */
import type { Flag } from './model';
import type { Clock, ModerationStore } from './ports';
import { SYSTEM_CLOCK } from './ports';

/** The outcome of a "this is a mistake" report. */
export type ReportOutcome = 'recorded' | 'already-reported' | 'unknown-flag';

/** Staff use cases over the store. */
export class StaffActions {
  private readonly clock: Clock;

  constructor(
    private readonly store: ModerationStore,
    clock?: Clock,
  ) {
    this.clock = clock ?? SYSTEM_CLOCK;
  }

  /**
   * Records that `reporter` thinks a flag is a mistake (shown to moderators next to the flag).
   * Only the flag's author may report it: a reminder is only ever shown to them.
   */
  async reportMistake(reporter: string, flagId: number, reason?: string): Promise<ReportOutcome> {
    const flag = await this.store.getFlag(flagId);
    if (flag === undefined || flag.author !== reporter) return 'unknown-flag';
    const at = this.clock.now();
    const recorded = await this.store.recordReport({ flagId, reporter, at, ...(reason !== undefined ? { reason } : {}) });
    if (!recorded) return 'already-reported';
    await this.store.appendAudit({ actor: reporter, action: 'report', target: `flag:${flagId}`, at });
    return 'recorded';
  }

  /** Records that a user read this version of the charter. */
  async acknowledgeCharter(user: string, charterVersion: string): Promise<void> {
    const at = this.clock.now();
    await this.store.acknowledgeCharter(user, charterVersion, at);
    await this.store.appendAudit({ actor: user, action: 'acknowledge', target: `charter:${charterVersion}`, at });
  }

  /** When the user acknowledged this version of the charter, if they did. */
  acknowledgedAt(user: string, charterVersion: string): Promise<number | undefined> {
    return this.store.acknowledgedAt(user, charterVersion);
  }

  /** The reminders the bot sent this user, newest first (nothing about anyone else). */
  async ownReminders(user: string, limit = 20): Promise<Flag[]> {
    const page = await this.store.listFlags({ author: user, nudgedOnly: true, includeShadow: false }, { limit });
    return page.items;
  }
}
