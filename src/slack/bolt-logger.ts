/**
 * Bolt's and the Web API client's logs, sent to our pino logger with only their string parts:
 * Bolt logs payloads and API arguments at debug level and errors with their data, which may
 * quote messages. Objects are reduced to their error type and code; debug lines are dropped.
 */
import { LogLevel, type Logger as SlackLogger } from '@slack/logger';
import type { Logger } from '../moderation/logger';

/** Adapts the app logger to Bolt's Logger interface. */
export function boltLogger(logger: Logger): SlackLogger {
  let level: LogLevel = LogLevel.INFO;
  let name = 'bolt';
  const forward = (method: 'info' | 'warn' | 'error', parts: unknown[]): void => {
    logger[method]({ source: name, ...describeParts(parts) }, 'slack library');
  };
  return {
    debug: () => undefined,
    info: (...parts: unknown[]) => forward('info', parts),
    warn: (...parts: unknown[]) => forward('warn', parts),
    error: (...parts: unknown[]) => forward('error', parts),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: (next: string) => {
      name = next;
    },
  };
}

/** The short strings of a log call (not long ones, which may be payloads) and the errors' codes. */
function describeParts(parts: unknown[]): Record<string, unknown> {
  const words: string[] = [];
  const errors: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      if (part.length <= 200 && !part.includes('{')) words.push(part);
    } else if (part instanceof Error) {
      const code = (part as { code?: unknown }).code;
      errors.push(typeof code === 'string' ? code : part.name);
    }
  }
  return { note: words.join(' '), ...(errors.length > 0 ? { errors } : {}) };
}
