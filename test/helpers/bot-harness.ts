/**
 * The whole bot, as `npm start` wires it (src/bot.ts), in HTTP mode on 127.0.0.1 (events
 * delivered signed, like Slack does) or in Socket Mode (`{ mode: 'socket' }`: the bot opens its
 * WebSocket to the simulator with the app-level token), against the Slack simulator, with a
 * fresh SQLite file.
 *
 * The workspace: Alice (fr-FR) and Bob (en-US) in #general, #projet-atlas, the private
 * #direction-privee and the shared #client-renault; Claire (fr-FR) only in #general; a bot
 * user; the moderators' channel #moderation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../../src/app-config';
import { startBot, RunningBot } from '../../src/bot';
import { readCoreConfig } from '../../src/config';
import { SlackDelivery, SlackSimulator, type SocketDelivery } from '../../src/simulator';
import { capturingLogger } from './captured-logs';

export const ALICE = 'U0ALICE01';
export const BOB = 'U0BOB0002';
export const CLAIRE = 'U0CLAIRE3';
export const OTHER_BOT = 'U0DEPLOYBOT';
export const GENERAL = 'C0GENERAL1';
export const PROJET = 'C0PROJET01';
export const CLIENT = 'C0CLIENT01';
export const PRIVATE = 'G0PRIVE001';
export const MODERATION = 'C0MODS0001';
export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** A running bot, its simulator and what it logged. */
interface BaseHarness {
  sim: SlackSimulator;
  bot: RunningBot;
  dir: string;
  database: string;
  /** Every log line the bot wrote (JSON). */
  logs: string[];
  /** Waits until the bot has handled what was sent and delivered its outbox. */
  settle(): Promise<void>;
  /** Stops the bot, then the simulator, and removes the database; calling it again does nothing. */
  stop(): Promise<void>;
}

/** The bot in HTTP mode: `slack` POSTs signed requests to its Request URL. */
export interface Harness extends BaseHarness {
  slack: SlackDelivery;
}

/** The bot in Socket Mode: `slack` sends envelopes on its WebSocket and resolves with its acks. */
export interface SocketHarness extends BaseHarness {
  slack: SocketDelivery;
}

/** Options of the harness. */
export interface HarnessOptions {
  onboarding?: boolean;
  moderationChannel?: string | null;
  config?: Partial<AppConfig>;
  /** `'http'` (default) or `'socket'`. */
  mode?: 'http' | 'socket';
}

/** Fills the simulator with the harness's workspace: its people, channels and ids. */
export function fillWorkspace(sim: SlackSimulator): void {
  sim.addUser({ id: ALICE, name: 'alice', realName: 'Alice Martin', locale: 'fr-FR' });
  sim.addUser({ id: BOB, name: 'bob', realName: 'Bob Smith', locale: 'en-US' });
  sim.addUser({ id: CLAIRE, name: 'claire', realName: 'Claire Petit', locale: 'fr-FR' });
  sim.addUser({ id: OTHER_BOT, name: 'deploybot', isBot: true, botId: 'B0DEPLOY' });
  const members = [ALICE, BOB, sim.botUserId];
  sim.addChannel({ id: GENERAL, name: 'general', members: [...members, CLAIRE] });
  sim.addChannel({ id: PROJET, name: 'projet-atlas', members });
  sim.addChannel({ id: CLIENT, name: 'client-renault', isExtShared: true, members });
  sim.addChannel({ id: PRIVATE, name: 'direction-privee', isPrivate: true, members });
  sim.addChannel({ id: MODERATION, name: 'moderation', members: [sim.botUserId] });
}

/** Starts the simulator, fills the workspace, starts the bot. */
// The HTTP signature comes last: it is the one `Parameters<typeof startHarness>` sees.
export function startHarness(options: HarnessOptions & { mode: 'socket' }): Promise<SocketHarness>;
export function startHarness(options?: HarnessOptions & { mode?: 'http' }): Promise<Harness>;
export async function startHarness(options: HarnessOptions = {}): Promise<Harness | SocketHarness> {
  const socketMode = options.mode === 'socket';
  const sim = await SlackSimulator.start();
  fillWorkspace(sim);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bot-e2e-'));
  const database = path.join(dir, 'charter.db');
  const { logger, logs } = capturingLogger();
  const moderationChannel = options.moderationChannel === null ? undefined : (options.moderationChannel ?? MODERATION);
  const config: AppConfig = {
    ...readCoreConfig({ DATABASE_PATH: database, LOG_LEVEL: 'debug' }),
    botToken: sim.botToken,
    ...(socketMode ? { mode: 'socket' as const, appToken: sim.appToken } : { mode: 'http' as const, signingSecret: SIGNING_SECRET }),
    slackApiUrl: sim.apiUrl,
    port: 0,
    host: '127.0.0.1',
    moderators: [],
    admins: [],
    onboarding: options.onboarding ?? true,
    escalationTarget: { kind: 'admins' },
    notifyAuthorOnEscalation: false,
    alertDigestAfter: 5,
    ...(moderationChannel !== undefined ? { moderationChannel } : {}),
    ...options.config,
  };
  const bot = await startBot(config, logger, { retry: { baseDelayMs: 20, maxDelayMs: 100 } });

  let stopping: Promise<void> | undefined;
  const base: BaseHarness = {
    sim,
    bot,
    dir,
    database,
    logs,
    async settle() {
      // Bolt acknowledges before listeners run: wait until the simulator has seen no call for a
      // while and nothing is left to deliver.
      let seen = -1;
      for (let round = 0; round < 200; round++) {
        await new Promise((resolve) => setTimeout(resolve, 40));
        const pending = await bot.store.nextDeliveryDue();
        if (sim.calls.length === seen && pending === undefined) return;
        seen = sim.calls.length;
      }
      throw new Error('the bot did not settle in 8 s');
    },
    stop() {
      stopping ??= (async () => {
        await bot.stop();
        // Bolt's Socket Mode receiver starts the close handshake without awaiting it: let it end
        // before the simulator cuts what is left.
        if (socketMode) await sim.waitForSocketConnections(0).catch(() => undefined);
        await sim.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
  if (socketMode) return { ...base, slack: sim.connectSocket() };
  return { ...base, slack: sim.connect({ url: `http://127.0.0.1:${bot.port}/slack/events`, signingSecret: SIGNING_SECRET }) };
}
