/**
 * Keeps a burst of alerts from burying the moderation channel: up to `threshold` cards a minute
 * are posted one by one; beyond that, alerts are folded into one digest card ("12 new flags since
 * 14:02 — all in the review queue"), posted once and updated at most every few seconds. Nothing
 * is lost: every flag is in the queue (App Home, `charter-bot flags list`) whatever the channel
 * shows.
 */

/** What a digest line shows of an alert. */
export interface DigestItem {
  rule: string;
  category: string;
  severity: string;
  channel: string;
  channelName?: string;
}

/** The digest card being filled. */
export interface OpenDigest {
  channel: string;
  ts: string;
  since: number;
  count: number;
  latest: DigestItem[];
}

/** How to post and update a digest card (the Slack calls, injected). */
export interface DigestPoster {
  post(digest: Omit<OpenDigest, 'ts' | 'channel'>): Promise<{ channel: string; ts: string }>;
  update(digest: OpenDigest): Promise<void>;
}

/** Decides card or digest, and keeps the digest card up to date. */
export class AlertDigest {
  private readonly cardTimes: number[] = [];
  private digest: OpenDigest | undefined;
  private opening: Promise<OpenDigest> | undefined;
  private updateTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly threshold: number,
    private readonly poster: DigestPoster,
    private readonly now: () => number = Date.now,
    private readonly windowMs = 60_000,
    private readonly updateEveryMs = 3_000,
  ) {}

  /** True when this alert may have its own card (and counts it); false when it goes to the digest. */
  admitCard(): boolean {
    const now = this.now();
    while (this.cardTimes.length > 0 && (this.cardTimes[0] as number) <= now - this.windowMs) this.cardTimes.shift();
    if (this.cardTimes.length >= this.threshold) return false;
    this.cardTimes.push(now);
    return true;
  }

  /** Adds an alert to the open digest (posting one if none is open); returns where it is. */
  async add(item: DigestItem): Promise<{ channel: string; ts: string }> {
    const now = this.now();
    const open = this.digest !== undefined && this.digest.since > now - this.windowMs ? this.digest : undefined;
    if (open !== undefined) {
      open.count++;
      open.latest = [item, ...open.latest].slice(0, 8);
      this.scheduleUpdate();
      return { channel: open.channel, ts: open.ts };
    }
    if (this.opening !== undefined) {
      const opening = await this.opening;
      opening.count++;
      opening.latest = [item, ...opening.latest].slice(0, 8);
      this.scheduleUpdate();
      return { channel: opening.channel, ts: opening.ts };
    }
    this.opening = this.poster.post({ since: now, count: 1, latest: [item] }).then((posted) => {
      const digest: OpenDigest = { ...posted, since: now, count: 1, latest: [item] };
      this.digest = digest;
      return digest;
    });
    try {
      const digest = await this.opening;
      return { channel: digest.channel, ts: digest.ts };
    } finally {
      this.opening = undefined;
    }
  }

  /** Sends the pending update now (on shutdown). */
  async flush(): Promise<void> {
    if (this.updateTimer === undefined) return;
    clearTimeout(this.updateTimer);
    this.updateTimer = undefined;
    if (this.digest !== undefined) await this.poster.update(this.digest).catch(() => undefined);
  }

  private scheduleUpdate(): void {
    if (this.updateTimer !== undefined) return;
    this.updateTimer = setTimeout(() => {
      this.updateTimer = undefined;
      const digest = this.digest;
      if (digest !== undefined) void this.poster.update(digest).catch(() => undefined);
    }, this.updateEveryMs);
    this.updateTimer.unref?.();
  }
}
