/**
 * Wires the bot from its configuration: store → rules → moderation core → Slack app → relay →
 * retention. `main.ts` calls it with the environment; tests and the demo call it with their own
 * configuration (a temporary database, a Slack simulator).
 */
import type { AppConfig } from './app-config';
import { DEFAULT_CHARTER_DIR, DEFAULT_RULES_DIR } from './files/load-rules';
import { readRuleSources, watchRuleFiles } from './files/watch-rules';
import { createMessageHandler } from './moderation/handle-message';
import type { Logger } from './moderation/logger';
import { kindnessPolicy } from './moderation/policy';
import { SYSTEM_CLOCK, type Clock, type ModerationStore, type RuleSource } from './moderation/ports';
import { OutboxRelay, type RetryPolicy } from './moderation/relay';
import { scheduleRetention, type RetentionSchedule } from './moderation/retention';
import { StaffActions } from './moderation/staff';
import { warmUp } from './engine/warm-up';
import { AdminRules, LiveRules, type RuleVersionStore } from './rules-admin';
import type { Problem } from './ruleset/problems';
import { createSlackApp, type SlackApp, type SlackConnection } from './slack/app';
import { SqliteModerationStore } from './store';

/** A running bot. */
export interface RunningBot {
  /** The HTTP port (HTTP mode). */
  port?: number;
  store: ModerationStore & RuleVersionStore;
  relay: OutboxRelay;
  /** The rules in force, followed live (files + admins' versions). */
  rules: LiveRules;
  slack: SlackApp;
  /** Stops taking events, finishes the deliveries in flight, closes the database. */
  stop(): Promise<void>;
}

/** Replacements for tests and the demo. */
export interface BotOverrides {
  logger?: Logger;
  store?: ModerationStore & RuleVersionStore;
  clock?: Clock;
  retry?: Partial<RetryPolicy>;
}

/** Loads the rules, opens the store, starts the Slack app, the outbox relay and retention. */
export async function startBot(config: AppConfig, logger: Logger, overrides: BotOverrides = {}): Promise<RunningBot> {
  const clock = overrides.clock ?? SYSTEM_CLOCK;
  const store = overrides.store ?? SqliteModerationStore.open(config.databasePath);
  const rulesDir = config.rulesDir ?? DEFAULT_RULES_DIR;
  const charterDir = config.charterDir ?? DEFAULT_CHARTER_DIR;
  // Refused rule changes are told to admins once the Slack app exists.
  let tellAdmins: (problems: readonly Problem[], origin: 'files' | 'database') => void = () => undefined;
  const live = new LiveRules({
    store,
    readFiles: () => readRuleSources(rulesDir, charterDir),
    defaultLang: config.defaultLocale,
    logger,
    onInvalid: (problems, origin) => tellAdmins(problems, origin),
  });
  try {
    await live.start();
  } catch (error) {
    await store.close();
    throw error;
  }
  const watcher = watchRuleFiles([rulesDir, charterDir], () => void live.reloadFiles(), { onError: () => undefined });
  const rules: RuleSource = live;
  // Before the first message: the engine meets unusual messages with compiled code ready for them.
  warmUp(live.current());
  logger.info({ rules: live.current().rules.length, version: live.version() ?? 'files', database: config.databasePath === ':memory:' ? 'memory' : 'file' }, 'rules loaded, store open');

  let relay: OutboxRelay | undefined;
  const handleMessage = createMessageHandler({
    store,
    rules,
    clock,
    logger,
    policy: kindnessPolicy(config),
    onQueued: () => relay?.wake(),
  });
  const slack = createSlackApp({
    connection: connectionOf(config),
    handleMessage,
    staff: new StaffActions(store, clock),
    charter: () => live.charter(),
    ruleSet: () => live.current(),
    rulesAdmin: { live, admin: new AdminRules({ store, live, clock, logger, stats: store }), versions: store },
    store,
    moderators: config.moderators,
    admins: config.admins,
    escalationTarget: config.escalationTarget,
    notifyAuthorOnEscalation: config.notifyAuthorOnEscalation,
    alertDigestAfter: config.alertDigestAfter,
    windowDays: config.escalationWindowDays,
    onQueued: () => relay?.wake(),
    defaultLang: config.defaultLocale,
    retentionDays: config.retentionDays,
    onboarding: config.onboarding,
    logger,
    clock,
    health: async () => {
      await store.nextDeliveryDue();
    },
    ...(config.moderationChannel !== undefined ? { moderationChannel: config.moderationChannel } : {}),
  });
  tellAdmins = (problems, origin) => void slack.notifyInvalidRules(problems, origin);
  relay = new OutboxRelay({ store, notifier: slack.notifier, clock, logger, ...(overrides.retry !== undefined ? { retry: overrides.retry } : {}) });

  let retention: RetentionSchedule | undefined;
  try {
    const { port } = await slack.start();
    relay.start();
    retention = scheduleRetention(store, { flagDays: config.retentionDays, auditDays: config.auditRetentionDays }, { clock, logger });
    logger.info({ mode: config.mode, ...(port !== undefined ? { port } : {}) }, 'charter-bot is running');
    const running: RunningBot = {
      store,
      relay,
      slack,
      rules: live,
      async stop() {
        retention?.stop();
        watcher.close();
        live.stop();
        await slack.stop().catch((error: unknown) => logger.warn({ err: error }, 'stopping the Slack app failed'));
        await relay?.stop();
        await store.close();
      },
    };
    if (port !== undefined) running.port = port;
    return running;
  } catch (error) {
    retention?.stop();
    watcher.close();
    live.stop();
    await relay.stop();
    await store.close();
    throw error;
  }
}

function connectionOf(config: AppConfig): SlackConnection {
  const api = config.slackApiUrl !== undefined ? { slackApiUrl: config.slackApiUrl } : {};
  if (config.mode === 'socket') {
    return { mode: 'socket', botToken: config.botToken, appToken: config.appToken as string, ...api };
  }
  return { mode: 'http', botToken: config.botToken, signingSecret: config.signingSecret as string, port: config.port, host: config.host, ...api };
}
