/**
 * The server under test of `npm run bench:e2e`, a child process (forked by run.ts, IPC channel):
 * `node server.js bot <apiUrl> <botToken> <databasePath>` runs the real bot (`startBot`, HTTP
 * mode on 127.0.0.1, silent logger); `node server.js bare <apiUrl> <botToken>` runs a bare Bolt
 * app in HTTP mode with the same signing secret and a `message` listener that does nothing.
 *
 * Tells the parent `{ type: 'ready', port }`, then its RSS every 200 ms; answers `{ type: 'sample' }`
 * with its CPU time (user + system, µs) and RSS; stops on `{ type: 'stop' }`.
 */
import { App, LogLevel } from '@slack/bolt';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { AppConfig } from '../../src/app-config';
import { startBot } from '../../src/bot';
import { readCoreConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { MODERATION_CHANNEL, SIGNING_SECRET } from './workload';

type Stop = () => Promise<void>;

/** The repository root (this file runs from build/bench/e2e/). */
const ROOT = path.resolve(__dirname, '..', '..', '..');

async function startReal(apiUrl: string, botToken: string, database: string): Promise<{ port: number; stop: Stop }> {
  const config: AppConfig = {
    ...readCoreConfig({ DATABASE_PATH: database, LOG_LEVEL: 'silent' }),
    mode: 'http',
    botToken,
    signingSecret: SIGNING_SECRET,
    slackApiUrl: apiUrl,
    port: 0,
    host: '127.0.0.1',
    rulesDir: path.join(ROOT, 'rules'),
    charterDir: path.join(ROOT, 'charter'),
    moderators: [],
    admins: [],
    onboarding: false,
    escalationTarget: { kind: 'admins' },
    notifyAuthorOnEscalation: false,
    alertDigestAfter: 5,
    moderationChannel: MODERATION_CHANNEL,
  };
  const bot = await startBot(config, createLogger({ level: 'silent' }));
  return { port: bot.port as number, stop: () => bot.stop() };
}

async function startBare(apiUrl: string, botToken: string): Promise<{ port: number; stop: Stop }> {
  // Same receiver, client options and conversation store as the bot's app (src/slack/app.ts).
  const app = new App({
    token: botToken,
    signingSecret: SIGNING_SECRET,
    endpoints: '/slack/events',
    logLevel: LogLevel.ERROR,
    convoStore: false,
    clientOptions: { slackApiUrl: apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true },
  });
  app.event('message', async () => {});
  // Diagnosis: E2E_BARE_LISTENERS=n adds n no-op action listeners (the bot registers 37 listeners
  // in all, and Bolt runs every event through each one's middleware chain).
  const extra = Number(process.env['E2E_BARE_LISTENERS'] ?? 0);
  for (let i = 0; i < extra; i++) app.action(`bench_noop_${i}`, async () => {});
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as { address(): AddressInfo };
  return { port: server.address().port, stop: () => app.stop() as Promise<void> };
}

async function main(): Promise<void> {
  const [kind, apiUrl, botToken, database] = process.argv.slice(2) as [string, string, string, string | undefined];
  const running = kind === 'bot' ? await startReal(apiUrl, botToken, database as string) : await startBare(apiUrl, botToken);
  const send = (message: unknown): void => {
    if (process.connected) process.send?.(message);
  };
  const sampler = setInterval(() => send({ type: 'rss', rss: process.memoryUsage().rss }), 200);
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'sample') {
      const cpu = process.cpuUsage();
      send({ type: 'sample', cpuMicros: cpu.user + cpu.system, rss: process.memoryUsage().rss });
      return;
    }
    if (message.type !== 'stop') return;
    clearInterval(sampler);
    void running.stop().finally(() => {
      send({ type: 'stopped', rss: process.memoryUsage().rss });
      process.disconnect?.();
      // Exit normally so that --cpu-prof writes its profile.
      setTimeout(() => process.exit(0), 50);
    });
  });
  send({ type: 'ready', port: running.port, rss: process.memoryUsage().rss });
}

main().catch((error: unknown) => {
  console.error('bench server failed:', error);
  process.exit(1);
});
