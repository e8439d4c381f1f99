#!/usr/bin/env node
/**
 * `npm start`: the composition root. Reads the environment, starts the bot, stops it cleanly on
 * SIGINT/SIGTERM. Configuration errors are printed in full (never a token) and exit with 1.
 */
import { APP_ENVIRONMENT, MissingCredentialsError, readAppConfig } from './app-config';
import { startBot, type RunningBot } from './bot';
import { ConfigError, CORE_ENVIRONMENT } from './config';
import { createLogger } from './log';
import { RuleSetError } from './ruleset';

/** What `npm start -- --help` prints. */
export function usage(): string {
  const variables = [...APP_ENVIRONMENT, ['RULES_DIR', 'rule files directory (default: the bundled rules/)'], ['CHARTER_DIR', 'charter directory (default: the bundled charter/)'], ...CORE_ENVIRONMENT];
  return [
    'Usage: npm start            (node dist/main.js)',
    '',
    'Runs charter-bot: reads channel messages, sends private reminders, records flags for moderators.',
    'Socket Mode by default (no public URL); SLACK_MODE=http serves POST /slack/events and GET /healthz.',
    'Configuration comes from the environment (see .env.example):',
    '',
    ...variables.map(([name, meaning]) => `  ${String(name).padEnd(22)} ${meaning}`),
    '',
    'No Slack account at hand? `npm run demo` runs the bot against a local Slack simulator.',
    'Other commands (check, rules, flags, db): npx charter-bot --help',
  ].join('\n');
}

/** Starts the bot from the process environment. */
export async function main(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  let config;
  try {
    config = readAppConfig(env);
  } catch (error) {
    if (error instanceof MissingCredentialsError || error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      if (error instanceof ConfigError) process.stderr.write('See .env.example and README.md ("Install in your workspace").\n');
      process.exitCode = 1;
      return;
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  let bot: RunningBot;
  try {
    bot = await startBot(config, logger);
  } catch (error) {
    const message = error instanceof RuleSetError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`charter-bot could not start: ${message}\n`);
    process.exitCode = 1;
    return;
  }
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    bot.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  void main();
}
