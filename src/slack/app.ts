/**
 * The Bolt app: Socket Mode (default) or HTTP (`POST /slack/events`, `GET /healthz`), with the
 * listeners of this folder and a Notifier for the moderation core's outbox.
 *
 * The Web API client makes no retries of its own and rejects rate-limited calls: the outbox relay
 * owns retries (with Retry-After), so a reminder is never retried twice over.
 */
import { App, LogLevel } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { RuleSet } from '../engine/rule';
import type { AdminRules, LiveRules, RuleVersionStore } from '../rules-admin';
import type { Problem } from '../ruleset/problems';
import type { Lang } from '../engine/types';
import type { MessageHandler } from '../moderation/handle-message';
import type { Logger } from '../moderation/logger';
import type { Clock, ModerationStore } from '../moderation/ports';
import type { StaffActions } from '../moderation/staff';
import type { Charter } from '../ruleset/charter';
import { boltLogger } from './bolt-logger';
import { charterVersion } from './charter-version';
import type { SlackContext } from './context';
import { SlackDirectory } from './directory';
import { AdminServices } from './admin-services';
import { registerActionListeners } from './listeners/actions';
import { registerAdminListeners } from './listeners/admin';
import { registerCharterCommand } from './listeners/charter-command';
import { registerHomeListener } from './listeners/home';
import { registerMessageListener, RetryLater } from './listeners/messages';
import { registerModerationListeners } from './listeners/moderation';
import { registerOnboarding } from './listeners/onboarding';
import { ModerationServices, type EscalationTarget } from './moderation-services';
import { Roles } from './roles';
import { platformErrorCode, SlackNotifier } from './notifier';
import { permalinkBuilder } from './permalink';
import { adminInvalidRulesNotice } from './views';

/** auth.test errors that mean the token itself is wrong: the bot cannot start. */
const REFUSED_TOKEN_ERRORS: ReadonlySet<string> = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive']);

/** How to connect to Slack. */
export type SlackConnection =
  | { mode: 'socket'; botToken: string; appToken: string; slackApiUrl?: string }
  | { mode: 'http'; botToken: string; signingSecret: string; slackApiUrl?: string; port: number; host: string };

/** What the Slack app is built from. */
export interface SlackAppOptions {
  connection: SlackConnection;
  handleMessage: MessageHandler;
  staff: StaffActions;
  charter: () => Charter;
  /** The rule set in force (rule names for the queue's filter, masking of member reports). */
  ruleSet: () => RuleSet;
  store: ModerationStore;
  moderators: readonly string[];
  admins: readonly string[];
  escalationTarget: EscalationTarget;
  notifyAuthorOnEscalation: boolean;
  /** Alerts per minute before a digest card. */
  alertDigestAfter: number;
  /** The escalation ladder's window (days), shown on cards. */
  windowDays: number;
  defaultLang: Lang;
  retentionDays: number;
  onboarding: boolean;
  moderationChannel?: string;
  logger: Logger;
  clock: Clock;
  /** Rules administration (App Home for ADMINS); absent: rules are read-only in Slack. */
  rulesAdmin?: { live: LiveRules; admin: AdminRules; versions: RuleVersionStore };
  /** Called after something was queued for delivery (a member report), to wake the relay. */
  onQueued?: () => void;
  /** Answers `GET /healthz` (HTTP mode): resolves when the bot can serve. */
  health: () => Promise<void>;
}

/** A started Slack app. */
export interface SlackApp {
  app: App;
  client: WebClient;
  notifier: SlackNotifier;
  /** Tells every admin (DM) that a rules change was refused, with each problem. */
  notifyInvalidRules(problems: readonly Problem[], origin: 'files' | 'database'): Promise<void>;
  /** Starts listening; in HTTP mode resolves with the port. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** Builds the Bolt app and its listeners (nothing is started). */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { connection, logger } = options;
  const clientOptions = {
    retryConfig: { retries: 0 },
    // No call may hang: the relay and the lookups have their own, shorter limits on top.
    timeout: 15_000,
    rejectRateLimitedCalls: true,
    ...(connection.slackApiUrl !== undefined ? { slackApiUrl: connection.slackApiUrl } : {}),
  };
  const common = {
    token: connection.botToken,
    logger: boltLogger(logger),
    logLevel: LogLevel.INFO,
    convoStore: false as const,
    clientOptions,
  };
  const app =
    connection.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: connection.appToken })
      : new App({
          ...common,
          signingSecret: connection.signingSecret,
          endpoints: '/slack/events',
          // Answer Slack only once the listener has run: a message is committed (flag and outbox)
          // before its 200, so a crash before the commit leaves it unanswered and Slack sends it
          // again (de-duplicated by event_id). Listeners are quick: cached lookups and one
          // SQLite transaction; deliveries happen later, in the relay.
          processBeforeResponse: true,
          customRoutes: [
            {
              path: '/healthz',
              method: ['GET'],
              handler: (_req, res) => {
                options
                  .health()
                  .then(() => {
                    res.writeHead(200, { 'content-type': 'application/json' });
                    res.end('{"status":"ok"}');
                  })
                  .catch(() => {
                    res.writeHead(503, { 'content-type': 'application/json' });
                    res.end('{"status":"unavailable"}');
                  });
              },
            },
          ],
        });

  let permalink: ((channel: string, ts: string, threadTs?: string) => string) | undefined;
  let version: { charter: Charter; value: string } | undefined;
  const ctx: SlackContext = {
    directory: new SlackDirectory(app.client, options.defaultLang, logger),
    handleMessage: options.handleMessage,
    staff: options.staff,
    charter: options.charter,
    charterVersion: () => {
      const charter = options.charter();
      if (version?.charter !== charter) version = { charter, value: charterVersion(charter) };
      return version.value;
    },
    permalink: (channel, ts, threadTs) => permalink?.(channel, ts, threadTs),
    defaultLang: options.defaultLang,
    retentionDays: options.retentionDays,
    onboarding: options.onboarding,
    logger,
    clock: options.clock,
  };
  const roles = new Roles(app.client, { moderators: options.moderators, admins: options.admins }, logger);
  ctx.moderation = new ModerationServices({
    client: app.client,
    store: options.store,
    roles,
    charter: options.charter,
    ruleSet: options.ruleSet,
    moderatorLang: options.defaultLang,
    windowDays: options.windowDays,
    escalationTarget: options.escalationTarget,
    notifyAuthorOnEscalation: options.notifyAuthorOnEscalation,
    logger,
    clock: options.clock,
    langOf: async (user) => (await ctx.directory.user(user)).lang,
    ...(options.onQueued !== undefined ? { onQueued: options.onQueued } : {}),
  });
  if (options.rulesAdmin !== undefined) {
    ctx.admin = new AdminServices({ ...options.rulesAdmin, roles, store: options.store });
  }
  registerMessageListener(app, ctx);
  registerModerationListeners(app, ctx, ctx.moderation);
  if (ctx.admin !== undefined) registerAdminListeners(app, ctx, ctx.admin);
  registerActionListeners(app, ctx);
  registerCharterCommand(app, ctx);
  registerHomeListener(app, ctx);
  registerOnboarding(app, ctx);
  app.error(async (error) => {
    const original = (error as { original?: unknown }).original;
    // A message not recorded: thrown on so the HTTP receiver answers 500 and Slack sends it again.
    if (error instanceof RetryLater || original instanceof RetryLater) throw error;
    logger.error({ err: error }, 'unhandled error in a Slack listener');
  });

  const notifier = new SlackNotifier({
    client: app.client,
    charter: options.charter,
    moderatorLang: options.defaultLang,
    digestAfter: options.alertDigestAfter,
    windowDays: options.windowDays,
    ...(options.moderationChannel !== undefined ? { moderationChannel: options.moderationChannel } : {}),
  });

  return {
    app,
    client: app.client,
    notifier,
    async start() {
      try {
        const identity = await app.client.auth.test();
        if (typeof identity.url === 'string') permalink = permalinkBuilder(identity.url);
      } catch (error) {
        const code = platformErrorCode(error);
        if (code !== undefined && REFUSED_TOKEN_ERRORS.has(code)) {
          throw new Error(`Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again from api.slack.com/apps → your app → OAuth & Permissions.`);
        }
        logger.warn({ err: error }, 'auth.test failed: reminders will have no message link');
      }
      if (connection.mode === 'socket') {
        await app.start();
        return {};
      }
      const server = (await app.start({ port: connection.port, host: connection.host })) as { address(): unknown };
      const address = server.address();
      const port = typeof address === 'object' && address !== null && 'port' in address ? Number((address as { port: unknown }).port) : connection.port;
      return { port };
    },
    async stop() {
      await app.stop();
      await notifier.flush();
    },
    async notifyInvalidRules(problems, origin) {
      const message = adminInvalidRulesNotice({ lang: options.defaultLang, origin, problems });
      const admins = await roles.adminUsers();
      if (admins.length === 0) logger.warn({ origin, problems: problems.length }, 'a rules change was refused and no ADMINS are set to tell');
      for (const user of admins) {
        try {
          const dm = (await app.client.conversations.open({ users: user })).channel?.id;
          if (dm !== undefined) await app.client.chat.postMessage({ channel: dm, text: message.text, blocks: message.blocks });
        } catch (error) {
          logger.warn({ user, err: error }, 'could not tell an admin about refused rules');
        }
      }
    },
  };
}
