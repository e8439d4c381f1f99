/**
 * The logging port of the moderation core: pino's shape, so the app passes its pino logger.
 * Log ids, rule ids and counts; never message text, excerpts or tokens.
 */

/** A log method: structured fields first, then a fixed message. */
export type LogMethod = (fields: Record<string, unknown>, message: string) => void;

/** The subset of pino's logger the core uses. */
export interface Logger {
  debug: LogMethod;
  info: LogMethod;
  warn: LogMethod;
  error: LogMethod;
}
