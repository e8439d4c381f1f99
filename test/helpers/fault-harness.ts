/**
 * The bot-harness workspace and bot (src/bot.ts, HTTP mode, signed events, the Slack simulator,
 * a fresh SQLite file), with what fault tests need on top: the relay's retry policy (short
 * timeouts), a store of their own (e.g. a short busy timeout), no reminder cooldown and no
 * escalation ladder (every breaking message gets exactly one reminder, alerts come only from the
 * rules), and readers of what users and moderators end up seeing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../src/app-config';
import { startBot } from '../../src/bot';
import { readCoreConfig } from '../../src/config';
import { evaluate } from '../../src/engine/evaluate';
import type { Delivery, Flag } from '../../src/moderation/model';
import type { ModerationStore } from '../../src/moderation/ports';
import type { RetryPolicy } from '../../src/moderation/relay';
import { capturingLogger } from './captured-logs';
import { SlackSimulator, type PostedMessage } from '../../src/simulator';
import type { SqliteModerationStore } from '../../src/store';
import { fillWorkspace, type Harness, MODERATION, SIGNING_SECRET } from './bot-harness';

export { fillWorkspace } from './bot-harness';
import { defaultRuleSet } from './default-rules';

/** Options of {@link startFaultHarness}. */
export interface FaultHarnessOptions {
  /** The relay's retry policy (default: 20 ms doubling to 100 ms, 200 ms timeout). */
  retry?: Partial<RetryPolicy>;
  /** `null`: no MODERATION_CHANNEL. */
  moderationChannel?: string | null;
  config?: Partial<AppConfig>;
  /** Opens the bot's store on the database path (default: the bot opens it itself). */
  openStore?: (database: string) => SqliteModerationStore;
  /** How long {@link Harness.settle} may wait (ms, default 10 000). */
  settleTimeoutMs?: number;
}

/** The core settings fault tests run with: one reminder per breaking message, no ladder. */
export const FAULT_ENV = { NUDGE_COOLDOWN_HOURS: '0', ESCALATION_THRESHOLD: '0' } as const;

/** Starts the simulator, fills the workspace, starts the bot with the fault options. */
export async function startFaultHarness(options: FaultHarnessOptions = {}): Promise<Harness> {
  const sim = await SlackSimulator.start();
  fillWorkspace(sim);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bot-fault-'));
  const database = path.join(dir, 'charter.db');
  const { logger, logs } = capturingLogger();
  const moderationChannel = options.moderationChannel === null ? undefined : (options.moderationChannel ?? MODERATION);
  const config: AppConfig = {
    ...readCoreConfig({ DATABASE_PATH: database, LOG_LEVEL: 'debug', ...FAULT_ENV }),
    botToken: sim.botToken,
    mode: 'http',
    signingSecret: SIGNING_SECRET,
    slackApiUrl: sim.apiUrl,
    port: 0,
    host: '127.0.0.1',
    moderators: [],
    admins: [],
    onboarding: false,
    escalationTarget: { kind: 'admins' },
    notifyAuthorOnEscalation: false,
    // Every alert is its own card (no digest), so each can be counted.
    alertDigestAfter: 1000,
    ...(moderationChannel !== undefined ? { moderationChannel } : {}),
    ...options.config,
  };
  const retry = { baseDelayMs: 20, maxDelayMs: 100, timeoutMs: 200, ...options.retry };
  const store = options.openStore?.(database);
  const bot = await startBot(config, logger, { retry, ...(store !== undefined ? { store } : {}) });
  const settleRounds = Math.ceil((options.settleTimeoutMs ?? 10_000) / 40);

  let stopping: Promise<void> | undefined;
  return {
    sim,
    bot,
    dir,
    database,
    logs,
    slack: sim.connect({ url: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret: SIGNING_SECRET }),
    async settle() {
      let seen = -1;
      for (let round = 0; round < settleRounds; round++) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        const pending = await bot.store.nextDeliveryDue();
        if (sim.calls.length === seen && pending === undefined) return;
        seen = sim.calls.length;
      }
      throw new Error(`the bot did not settle in ${settleRounds * 40} ms`);
    },
    stop() {
      stopping ??= (async () => {
        await bot.stop();
        await sim.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

// ── What users and moderators see ────────────────────────────────────────────────────────────

/** The message ts a bot message links to (`…/archives/C…/p1732790400000900`), if any. */
export function linkedTs(message: PostedMessage | { text?: string; blocks?: unknown }): string | undefined {
  const match = /\/archives\/[A-Z0-9]+\/p(\d{10})(\d{6})/.exec(JSON.stringify([message.text, message.blocks]));
  return match === null ? undefined : `${match[1]}.${match[2]}`;
}

/**
 * Every reminder users can see, by the ts of the message it is about: ephemerals (in `channels`)
 * and DMs to `users`, as the simulator shows them (failed calls left no message).
 */
export function remindersShown(sim: SlackSimulator, channels: readonly string[], users: readonly string[]): Map<string, PostedMessage[]> {
  const shown: PostedMessage[] = [];
  for (const channel of channels) shown.push(...sim.messages(channel).filter((m) => m.ephemeralTo !== undefined && users.includes(m.ephemeralTo)));
  for (const user of users) {
    const dm = sim.dmChannelOf(user);
    if (dm !== undefined) shown.push(...sim.messages(dm).filter((m) => m.user === sim.botUserId));
  }
  return byLinkedTs(shown);
}

/** Moderator alert cards in the moderation channel, by the ts of the message they are about. */
export function alertsShown(sim: SlackSimulator, channel = MODERATION): Map<string, PostedMessage[]> {
  return byLinkedTs(sim.messages(channel).filter((m) => m.ephemeralTo === undefined && m.deleted !== true));
}

function byLinkedTs(messages: readonly PostedMessage[]): Map<string, PostedMessage[]> {
  const out = new Map<string, PostedMessage[]>();
  for (const message of messages) {
    const ts = linkedTs(message) ?? '(no link)';
    out.set(ts, [...(out.get(ts) ?? []), message]);
  }
  return out;
}

/** Counts per key (for `toEqual` against an expectation). */
export function counts<T>(map: ReadonlyMap<string, readonly T[]>): Map<string, number> {
  return new Map([...map].map(([key, values]) => [key, values.length]));
}

/** The rules the default rule set finds in `text` in `channel`, as the bot evaluates it. */
export function expectedRules(text: string, channel: { id: string; name: string; private?: boolean; external?: boolean }, lang: 'fr' | 'en'): string[] {
  const rules = new Set(evaluate({ text, channel: { private: false, external: false, ...channel }, lang }, defaultRuleSet()).findings.map((f) => f.rule));
  return [...rules].sort();
}

/** What the bot should do with a message: its flags' rules, and whether a reminder and an alert go out (no cooldown, no ladder). */
export function expectedOutcome(
  text: string,
  channel: { id: string; name: string; private?: boolean; external?: boolean },
  lang: 'fr' | 'en',
): { rules: string[]; reminder: boolean; alert: boolean } {
  const findings = evaluate({ text, channel: { private: false, external: false, ...channel }, lang }, defaultRuleSet()).findings;
  return {
    rules: [...new Set(findings.map((f) => f.rule))].sort(),
    reminder: findings.some((f) => f.action === 'nudge' || f.action === 'nudge+flag'),
    alert: findings.some((f) => f.action === 'flag' || f.action === 'nudge+flag'),
  };
}

/** Every flag in the store (shadow ones included), all pages. */
export async function allFlags(store: ModerationStore): Promise<Flag[]> {
  const flags: Flag[] = [];
  let after: number | undefined;
  do {
    const page = await store.listFlags({ includeShadow: true }, { limit: 200, ...(after !== undefined ? { after } : {}) });
    flags.push(...page.items);
    after = page.next;
  } while (after !== undefined);
  return flags;
}

/** Flag rules by message ts (sorted), as moderators list them. */
export async function flagRulesByMessage(store: ModerationStore): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const flag of await allFlags(store)) out.set(flag.messageTs, [...(out.get(flag.messageTs) ?? []), flag.rule].sort());
  return out;
}

/** Every delivery with `status` (all of them when absent). */
export async function allDeliveries(store: ModerationStore, status?: Delivery['status']): Promise<Delivery[]> {
  return (await store.listDeliveries(status !== undefined ? { status } : {}, { limit: 5_000 })).items;
}

/** The deliveries `flags show <id>` lists for a flag. */
export async function deliveriesOfFlag(store: ModerationStore, flagId: number): Promise<Delivery[]> {
  return (await store.listDeliveries({ flagId }, { limit: 100 })).items;
}
