#!/usr/bin/env node
/**
 * `npm start`: the composition root. Reads the environment, starts the bot, stops it cleanly on
 * SIGINT/SIGTERM. Configuration errors are printed in full (never a token) and exit with 1.
 */
import { MissingCredentialsError, readAppConfig } from './app-config';
import { startBot, type RunningBot } from './bot';
import { ConfigError } from './config';
import { createLogger } from './log';
import { RuleSetError } from './ruleset';

/** Starts the bot from the process environment. */
export async function main(env: NodeJS.ProcessEnv = process.env): Promise<void> {
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
