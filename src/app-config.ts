/**
 * The Slack app's environment (DESIGN.md §3): Slack credentials and mode, HTTP address, people,
 * onboarding, plus the core settings of `config.ts`. Every problem is listed at once; token and
 * secret values are never echoed. With no Slack credentials at all, the error says what to set,
 * where to get it, and mentions `npm run demo`.
 */
import { z } from 'zod';
import { ConfigError, CoreConfig, readCoreConfig } from './config';

/** Socket Mode (default: no public URL) or HTTP (events at `POST /slack/events`). */
export type SlackMode = 'socket' | 'http';

/** Everything `main.ts` needs to run the bot. */
export interface AppConfig extends CoreConfig {
  mode: SlackMode;
  botToken: string;
  /** Socket Mode only. */
  appToken?: string;
  /** HTTP mode only. */
  signingSecret?: string;
  /** Web API base URL (GovSlack, a proxy, a simulator); Slack's when absent. */
  slackApiUrl?: string;
  port: number;
  host: string;
  rulesDir?: string;
  charterDir?: string;
  /** Channel id where moderator alerts go; alerts are recorded as undeliverable without it. */
  moderationChannel?: string;
  /** User ids (U…/W…) and user-group ids (S…). */
  moderators: string[];
  admins: string[];
  /** DM new members the charter on `team_join`. */
  onboarding: boolean;
  /** What "Escalate" does: DM every admin, or post in a channel (its id). */
  escalationTarget: { kind: 'admins' } | { kind: 'channel'; channel: string };
  /** Tell the author (kindly, no details) that a moderator will follow up after an escalation. */
  notifyAuthorOnEscalation: boolean;
  /** More alerts than this within a minute are grouped into one digest card. */
  alertDigestAfter: number;
}

/** The variables the app reads beyond the core ones, with what they mean (for `--help` and errors). */
export const APP_ENVIRONMENT: ReadonlyArray<[string, string]> = [
  ['SLACK_BOT_TOKEN', 'the bot token, xoxb-… (api.slack.com/apps → your app → OAuth & Permissions)'],
  ['SLACK_APP_TOKEN', 'Socket Mode: an app-level token xapp-… with connections:write (Basic Information → App-Level Tokens)'],
  ['SLACK_SIGNING_SECRET', 'HTTP mode: the signing secret (Basic Information → App Credentials)'],
  ['SLACK_MODE', 'socket (default, no public URL needed) or http'],
  ['SLACK_API_URL', "Web API base URL, e.g. for GovSlack, a proxy or a simulator (default: Slack's)"],
  ['PORT', 'HTTP mode: port to listen on (default: 3000)'],
  ['HOST', 'HTTP mode: address to listen on (default: 0.0.0.0)'],
  ['MODERATION_CHANNEL', 'channel id (C…) where moderator alerts are posted; invite the bot there'],
  ['MODERATORS', 'comma-separated user ids (U…) and user-group ids (S…) allowed to decide flags'],
  ['ADMINS', 'comma-separated user ids and user-group ids allowed to edit rules'],
  ['ONBOARDING', 'true (default) or false: DM new members the charter when they join'],
  ['ESCALATION_TARGET', 'what "Escalate" does: admins (default: DM every admin) or a channel id (C…) to post in'],
  ['NOTIFY_AUTHOR_ON_ESCALATION', 'true or false (default): tell the author a moderator will follow up'],
  ['ALERT_DIGEST_AFTER', 'alerts per minute before they are grouped into one digest card (default: 5)'],
];

const BOT_TOKEN = /^xox[bp]-[A-Za-z0-9-]+$/;
const APP_TOKEN = /^xapp-[A-Za-z0-9-]+$/;
const PEOPLE_ID = /^[UWS][A-Z0-9]{2,}$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

const peopleList = z
  .string()
  .transform((value) => value.split(',').map((part) => part.trim()).filter((part) => part !== ''))
  .refine((ids) => ids.every((id) => PEOPLE_ID.test(id)), { message: 'must be comma-separated Slack user ids (U…, W…) or user-group ids (S…)' });

const appSchema = z.object({
  SLACK_MODE: z.enum(['socket', 'http'], { message: 'must be socket or http' }).default('socket'),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_APP_TOKEN: z.string().optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_API_URL: z.url({ message: 'must be a URL, e.g. https://slack.com/api/' }).optional(),
  PORT: z
    .string()
    .regex(/^\d+$/, { message: 'must be a port number' })
    .transform(Number)
    .pipe(z.number().int().min(0, { message: 'must be 0–65535' }).max(65535, { message: 'must be 0–65535' }))
    .default(3000),
  HOST: z.string().default('0.0.0.0'),
  RULES_DIR: z.string().optional(),
  CHARTER_DIR: z.string().optional(),
  MODERATION_CHANNEL: z.string().regex(CHANNEL_ID, { message: 'must be a channel id (C… or G…), not a name' }).optional(),
  MODERATORS: peopleList.default([]),
  ADMINS: peopleList.default([]),
  ONBOARDING: z.enum(['true', 'false'], { message: 'must be true or false' }).default('true'),
  ESCALATION_TARGET: z
    .string()
    .refine((value) => value === 'admins' || CHANNEL_ID.test(value), { message: 'must be admins or a channel id (C… or G…)' })
    .default('admins'),
  NOTIFY_AUTHOR_ON_ESCALATION: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
  ALERT_DIGEST_AFTER: z
    .string()
    .regex(/^\d+$/, { message: 'must be a whole number' })
    .transform(Number)
    .pipe(z.number().int().min(1, { message: 'must be at least 1' }).max(1000, { message: 'must be at most 1000' }))
    .default(5),
});

/** How to get going without credentials: printed when none is set. */
export function missingCredentialsHelp(): string {
  return [
    'charter-bot needs Slack credentials to run. Set them in the environment (or a .env file you source):',
    '',
    '  Socket Mode (default, no public URL needed):',
    '    SLACK_BOT_TOKEN   xoxb-…  api.slack.com/apps → your app → OAuth & Permissions → Bot User OAuth Token',
    '    SLACK_APP_TOKEN   xapp-…  Basic Information → App-Level Tokens → generate one with connections:write',
    '',
    '  HTTP mode (SLACK_MODE=http, events at POST /slack/events):',
    '    SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (Basic Information → App Credentials)',
    '',
    'Create the app from manifest.yml (README: "Install in your workspace").',
    'No Slack account at hand? `npm run demo` runs the bot against a local Slack simulator.',
  ].join('\n');
}

/** Credentials are missing altogether: the message explains how to get them. */
export class MissingCredentialsError extends Error {
  constructor() {
    super(missingCredentialsHelp());
    this.name = 'MissingCredentialsError';
  }
}

/**
 * Reads and validates the app's environment.
 * @throws MissingCredentialsError when no Slack credential is set at all
 * @throws ConfigError listing every missing or invalid variable (values never echoed)
 */
export function readAppConfig(env: NodeJS.ProcessEnv): AppConfig {
  const cleaned = withoutEmpty(env);
  if (cleaned.SLACK_BOT_TOKEN === undefined && cleaned.SLACK_APP_TOKEN === undefined && cleaned.SLACK_SIGNING_SECRET === undefined) {
    throw new MissingCredentialsError();
  }
  const problems: string[] = [];
  let core: CoreConfig | undefined;
  try {
    core = readCoreConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const parsed = appSchema.safeParse(cleaned);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  // Credentials are checked from the raw values, so they are listed even when other variables are wrong.
  problems.push(...credentialProblems(cleaned));
  if (problems.length > 0 || core === undefined || !parsed.success) throw new ConfigError(problems);

  const value = parsed.data;
  const config: AppConfig = {
    ...core,
    mode: value.SLACK_MODE,
    botToken: value.SLACK_BOT_TOKEN as string,
    port: value.PORT,
    host: value.HOST,
    moderators: value.MODERATORS,
    admins: value.ADMINS,
    onboarding: value.ONBOARDING === 'true',
    escalationTarget: value.ESCALATION_TARGET === 'admins' ? { kind: 'admins' } : { kind: 'channel', channel: value.ESCALATION_TARGET },
    notifyAuthorOnEscalation: value.NOTIFY_AUTHOR_ON_ESCALATION === 'true',
    alertDigestAfter: value.ALERT_DIGEST_AFTER,
  };
  if (value.SLACK_APP_TOKEN !== undefined) config.appToken = value.SLACK_APP_TOKEN;
  if (value.SLACK_SIGNING_SECRET !== undefined) config.signingSecret = value.SLACK_SIGNING_SECRET;
  if (value.SLACK_API_URL !== undefined) config.slackApiUrl = value.SLACK_API_URL.endsWith('/') ? value.SLACK_API_URL : `${value.SLACK_API_URL}/`;
  if (value.RULES_DIR !== undefined) config.rulesDir = value.RULES_DIR;
  if (value.CHARTER_DIR !== undefined) config.charterDir = value.CHARTER_DIR;
  if (value.MODERATION_CHANNEL !== undefined) config.moderationChannel = value.MODERATION_CHANNEL;
  return config;
}

/** Which credentials the mode needs, and their shapes (named, never shown). */
function credentialProblems(value: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (value.SLACK_BOT_TOKEN === undefined) problems.push('SLACK_BOT_TOKEN: missing; the bot token xoxb-… (OAuth & Permissions)');
  else if (!BOT_TOKEN.test(value.SLACK_BOT_TOKEN)) problems.push('SLACK_BOT_TOKEN: does not look like a bot token (xoxb-…)');
  if (value.SLACK_MODE !== 'http') {
    if (value.SLACK_APP_TOKEN === undefined) problems.push('SLACK_APP_TOKEN: missing; Socket Mode needs an app-level token xapp-… with connections:write (or set SLACK_MODE=http)');
    else if (!APP_TOKEN.test(value.SLACK_APP_TOKEN)) problems.push('SLACK_APP_TOKEN: does not look like an app-level token (xapp-…)');
  } else if (value.SLACK_SIGNING_SECRET === undefined) {
    problems.push('SLACK_SIGNING_SECRET: missing; HTTP mode needs the signing secret (Basic Information → App Credentials)');
  }
  return problems;
}

function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') result[key] = value.trim();
  }
  return result;
}
