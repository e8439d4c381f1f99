/**
 * The moderation core: use cases over ports, no Slack, no SQLite.
 */
export * from './model';
export * from './ports';
export * from './policy';
export * from './handle-message';
export * from './relay';
export * from './review';
export * from './staff';
export * from './retention';
export * from './export';
export type { Logger, LogMethod } from './logger';
