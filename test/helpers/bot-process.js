/**
 * The whole bot in its own process, from dist/ (built by `pretest`), as `node dist/main.js` runs
 * it: configuration from the environment (SLACK_MODE=http, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET,
 * SLACK_API_URL, PORT, HOST, DATABASE_PATH, MODERATION_CHANNEL, …), with one difference for
 * fault tests: the relay's retry policy is shortened (timeout RELAY_TIMEOUT_MS, default 300 ms, so
 * a lease left by a killed process expires in 3× that instead of 30 s). Prints `ready <port>` on
 * stdout once it serves; logs (JSON, LOG_LEVEL) go to stderr. Stops cleanly on SIGTERM.
 *
 * Usage: node test/helpers/bot-process.js
 */
'use strict';
const path = require('node:path');
const pino = require('pino');

const dist = path.resolve(__dirname, '..', '..', 'dist');
const { readAppConfig } = require(path.join(dist, 'app-config'));
const { startBot } = require(path.join(dist, 'bot'));
const { createLogger } = require(path.join(dist, 'log'));

async function run() {
  const config = readAppConfig(process.env);
  const logger = createLogger({ level: config.logLevel, destination: pino.destination(2) });
  const timeoutMs = Number(process.env.RELAY_TIMEOUT_MS ?? 300);
  const bot = await startBot(config, logger, { retry: { timeoutMs, baseDelayMs: 50, maxDelayMs: 500 } });
  process.stdout.write(`ready ${bot.port}\n`);
  process.once('SIGTERM', () => {
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

run().catch((error) => {
  process.stderr.write(`bot-process could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
