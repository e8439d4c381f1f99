/**
 * Kindness controls: which of a message's findings become reminders and alerts.
 *
 * Pure: given the findings and what the store knew before (`PriorState`), it returns what to
 * write. The rules it applies:
 * - one flag per rule per message; an edit updates the flag instead of adding one, and a flag
 *   the edit no longer breaks is resolved;
 * - `shadow` rules record only; `nudge` queues a reminder, `flag` an alert, `nudge+flag` both;
 * - cooldown: no more than one reminder per rule per author in the window (later hits are
 *   recorded, not nudged);
 * - escalation ladder: from the Nth reminder in the ladder's categories within its window, the
 *   reminder also alerts moderators;
 * - one reminder and at most one alert per message, listing every new finding.
 */
import type { Category, Finding, Lang } from '../engine/types';
import type { AlertReason, DeliveredFinding, DeliveryPayload, NewDelivery, NewFlag } from './model';
import type { MessageOutcome, PriorState, RecordedMessage } from './ports';

/** The escalation ladder: the `threshold`-th reminder in `categories` within `windowMs` alerts moderators. */
export interface EscalationLadder {
  categories: readonly Category[];
  threshold: number;
  windowMs: number;
}

/** How kind the bot is. */
export interface KindnessPolicy {
  /** At most one reminder per rule per author in this window (ms). */
  cooldownMs: number;
  /** Off when absent. */
  ladder?: EscalationLadder;
}

/** The etiquette categories the default ladder counts. */
export const ETIQUETTE_CATEGORIES: readonly Category[] = ['profanity', 'insult', 'shouting', 'familiar-tone', 'mass-mention'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The default policy: one reminder per rule per day; the third etiquette reminder in 30 days alerts moderators. */
export const DEFAULT_POLICY: KindnessPolicy = {
  cooldownMs: 24 * HOUR,
  ladder: { categories: ETIQUETTE_CATEGORIES, threshold: 3, windowMs: 30 * DAY },
};

/** The findings of one rule in one message: the flag keeps the first, in reading order. */
export function firstFindingPerRule(findings: readonly Finding[]): Map<string, Finding> {
  const byRule = new Map<string, Finding>();
  for (const finding of findings) {
    if (!byRule.has(finding.rule)) byRule.set(finding.rule, finding);
  }
  return byRule;
}

/** What the delivery needs to know of the message, besides the findings. */
export interface DeliveryContext {
  message: RecordedMessage;
  lang: Lang;
}

/**
 * Decides what to write for a message's findings, given what was known before.
 * Deterministic and pure: the store calls it inside its transaction.
 */
export function decideOutcome(
  byRule: ReadonlyMap<string, Finding>,
  prior: PriorState,
  policy: KindnessPolicy,
  context: DeliveryContext,
): MessageOutcome {
  const outcome: MessageOutcome = { create: [], update: [], resolve: [], deliveries: [] };
  if (prior.duplicateEvent) return outcome;

  for (const [rule, existing] of prior.existing) {
    if (!byRule.has(rule)) {
      if (existing.status === 'open') outcome.resolve.push(existing.id);
    }
  }

  const nudged: Finding[] = [];
  const alerted: Finding[] = [];
  let ladderCount = prior.ladderCount;
  let alertReason: AlertReason | undefined;
  for (const [rule, finding] of byRule) {
    const existing = prior.existing.get(rule);
    if (existing !== undefined) {
      if (existing.excerpt !== finding.excerpt || existing.status === 'resolved') {
        outcome.update.push({ id: existing.id, excerpt: finding.excerpt });
      }
      continue;
    }
    const flag = newFlag(finding);
    if (wantsNudge(finding) && !prior.recentlyNudged.has(rule)) {
      flag.nudged = true;
      nudged.push(finding);
      if (policy.ladder?.categories.includes(finding.category)) {
        ladderCount++;
        if (ladderCount >= policy.ladder.threshold) {
          flag.alerted = true;
          flag.alertReason = 'ladder';
        }
      }
    }
    if (wantsAlert(finding)) {
      flag.alerted = true;
      flag.alertReason = 'rule';
    }
    if (flag.alerted) {
      alerted.push(finding);
      if (alertReason !== 'rule') alertReason = flag.alertReason;
    }
    outcome.create.push(flag);
  }

  if (nudged.length > 0) {
    outcome.deliveries.push(delivery('nudge', nudged, context));
  }
  if (alerted.length > 0) {
    const alert = delivery('alert', alerted, context);
    if (alertReason !== undefined) alert.payload.alertReason = alertReason;
    alert.payload.recentFlags = prior.recentFlags + outcome.create.length;
    outcome.deliveries.push(alert);
  }
  return outcome;
}

function wantsNudge(finding: Finding): boolean {
  return finding.action === 'nudge' || finding.action === 'nudge+flag';
}

function wantsAlert(finding: Finding): boolean {
  return finding.action === 'flag' || finding.action === 'nudge+flag';
}

function newFlag(finding: Finding): NewFlag {
  return {
    rule: finding.rule,
    category: finding.category,
    severity: finding.severity,
    action: finding.action,
    article: finding.article,
    excerpt: finding.excerpt,
    nudged: false,
    alerted: false,
  };
}

function delivery(kind: 'nudge' | 'alert', findings: readonly Finding[], context: DeliveryContext): NewDelivery {
  const { message, lang } = context;
  const payload: DeliveryPayload = {
    user: message.author,
    channel: message.channel,
    messageTs: message.ts,
    lang,
    findings: findings.map(deliveredFinding),
  };
  if (message.channelName !== undefined) payload.channelName = message.channelName;
  if (message.threadTs !== undefined) payload.threadTs = message.threadTs;
  if (message.permalink !== undefined) payload.permalink = message.permalink;
  return { kind, rules: findings.map((f) => f.rule), payload };
}

function deliveredFinding(finding: Finding): DeliveredFinding {
  return {
    flagRule: finding.rule,
    category: finding.category,
    severity: finding.severity,
    article: finding.article,
    excerpt: finding.excerpt,
    explanation: finding.explanation,
  };
}

/** Settings of the kindness policy as the environment gives them (see `src/config.ts`). */
export interface KindnessSettings {
  nudgeCooldownHours: number;
  /** The Nth reminder alerts moderators; 0 turns the ladder off. */
  escalationThreshold: number;
  escalationWindowDays: number;
}

/** Builds the policy from its settings; the ladder counts the etiquette categories. */
export function kindnessPolicy(settings: KindnessSettings): KindnessPolicy {
  const policy: KindnessPolicy = { cooldownMs: settings.nudgeCooldownHours * HOUR };
  if (settings.escalationThreshold > 0) {
    policy.ladder = { categories: ETIQUETTE_CATEGORIES, threshold: settings.escalationThreshold, windowMs: settings.escalationWindowDays * DAY };
  }
  return policy;
}
