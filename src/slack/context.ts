/**
 * What every listener needs, built once by `createSlackApp`.
 */
import type { Lang } from '../engine/types';
import type { MessageHandler } from '../moderation/handle-message';
import type { Logger } from '../moderation/logger';
import type { Clock } from '../moderation/ports';
import type { StaffActions } from '../moderation/staff';
import type { Charter } from '../ruleset/charter';
import type { SlackDirectory } from './directory';
import type { AdminServices } from './admin-services';
import type { ModerationServices } from './moderation-services';

/** Shared services of the Slack listeners. */
export interface SlackContext {
  directory: SlackDirectory;
  handleMessage: MessageHandler;
  staff: StaffActions;
  /** The charter in force and its version. */
  charter: () => Charter;
  charterVersion: () => string;
  /** Builds a message permalink (set once the workspace URL is known). */
  permalink: (channel: string, ts: string, threadTs?: string) => string | undefined;
  defaultLang: Lang;
  retentionDays: number;
  onboarding: boolean;
  logger: Logger;
  clock: Clock;
  /** The moderators' services (roles, review, cards): App Home shows moderators their queue. */
  moderation?: ModerationServices;
  /** The admins' services: App Home shows admins the rules. */
  admin?: AdminServices;
}
