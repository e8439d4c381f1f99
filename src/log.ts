/**
 * The application's logger: pino, JSON lines, with redaction. Log ids, rule ids and counts;
 * fields that could carry message text, excerpts, tokens or request bodies are censored even if a
 * caller passes them by mistake.
 */
import pino from 'pino';

/** Field paths pino censors, wherever they appear up to two levels deep. */
export const REDACTED_PATHS: readonly string[] = [
  'text',
  '*.text',
  '*.*.text',
  'excerpt',
  '*.excerpt',
  'payload',
  '*.payload',
  'body',
  '*.body',
  'token',
  '*.token',
  'botToken',
  'appToken',
  'signingSecret',
  'headers.authorization',
  '*.headers.authorization',
  'headers["x-slack-signature"]',
  'note',
  '*.note',
];

/** Logger options: the level and, for tests, where lines go. */
export interface LoggerOptions {
  level?: string;
  destination?: pino.DestinationStream;
}

/** Creates the application logger. */
export function createLogger(options: LoggerOptions = {}): pino.Logger {
  const settings: pino.LoggerOptions = {
    level: options.level ?? 'info',
    base: { name: 'charter-bot' },
    redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  return options.destination === undefined ? pino(settings) : pino(settings, options.destination);
}

/**
 * Errors are logged by type, code and stack frames, never their message: library errors may quote
 * the request (Slack's API errors echo what was sent).
 */
function serializeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    // The stack's first line repeats the message: keep only the frames.
    const frames = (error.stack ?? '').split('\n').slice(1).join('\n');
    return { type: error.name, ...(typeof code === 'string' ? { code } : {}), ...(frames !== '' ? { stack: frames } : {}) };
  }
  return { type: typeof error };
}
