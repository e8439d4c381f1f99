/**
 * "Report to moderators": any member can point moderators at a message. It becomes a flag
 * (rule `member-report`, the category the reporter chose, action `flag`) and a card for
 * moderators, recorded in one transaction like any other flag. The author is not told, and
 * never who reported. The reporter's reason is kept with the flag (truncated); the message
 * itself only as a masked excerpt.
 */
import type { RuleSet } from '../engine/rule';
import type { Category, Lang } from '../engine/types';
import type { Logger } from './logger';
import type { DeliveryPayload, NewFlag } from './model';
import type { Clock, ModerationStore, RecordedMessage } from './ports';
import { SYSTEM_CLOCK } from './ports';

/** The rule id of flags raised by members. */
export const MEMBER_REPORT_RULE = 'member-report';

/** The longest reason kept. */
export const MAX_REPORT_REASON = 500;

/** A member's report. */
export interface MemberReport {
  reporter: string;
  message: RecordedMessage;
  /** The message as a masked excerpt (see `maskedExcerpt`), never its raw text. */
  excerpt: string;
  category: Category;
  reason?: string;
  /** The moderators' language, for the card's explanation. */
  lang: Lang;
}

/** What became of a report. */
export type MemberReportOutcome = 'recorded' | 'already-reported';

/** The charter article a category belongs to: the first rule of that category cites it. */
export function articleForCategory(category: Category, ruleSet: RuleSet): string {
  return ruleSet.rules.find((rule) => rule.category === category)?.article ?? 'enforcement';
}

/** Records a member's report as a flag and queues the moderators' card. */
export async function reportToModerators(
  deps: { store: ModerationStore; ruleSet: RuleSet; clock?: Clock; logger?: Logger; onQueued?: () => void },
  report: MemberReport,
): Promise<MemberReportOutcome> {
  const clock = deps.clock ?? SYSTEM_CLOCK;
  const now = clock.now();
  const reason = report.reason?.trim().slice(0, MAX_REPORT_REASON);
  const article = articleForCategory(report.category, deps.ruleSet);
  const flag: NewFlag = {
    rule: MEMBER_REPORT_RULE,
    category: report.category,
    severity: 'medium',
    action: 'flag',
    article,
    excerpt: report.excerpt,
    nudged: false,
    alerted: true,
    alertReason: 'report',
    reportedBy: report.reporter,
    ...(reason !== undefined && reason !== '' ? { reportReason: reason } : {}),
  };
  const payload: DeliveryPayload = {
    user: report.message.author,
    channel: report.message.channel,
    messageTs: report.message.ts,
    lang: report.lang,
    alertReason: 'report',
    findings: [
      {
        flagRule: MEMBER_REPORT_RULE,
        category: report.category,
        severity: 'medium',
        article,
        excerpt: report.excerpt,
        explanation: { fr: 'Signalé par un membre.', en: 'Reported by a member.' },
      },
    ],
    ...(report.message.channelName !== undefined ? { channelName: report.message.channelName } : {}),
    ...(report.message.threadTs !== undefined ? { threadTs: report.message.threadTs } : {}),
    ...(report.message.permalink !== undefined ? { permalink: report.message.permalink } : {}),
    ...(reason !== undefined && reason !== '' ? { reportReason: reason } : {}),
  };
  const result = await deps.store.recordMessage(
    {
      eventId: `report:${report.message.channel}:${report.message.ts}:${report.reporter}`,
      message: report.message,
      rules: [MEMBER_REPORT_RULE],
      cooldownSince: now + 1,
    },
    now,
    (prior) => {
      if (prior.existing.has(MEMBER_REPORT_RULE)) return { create: [], update: [], resolve: [], deliveries: [] };
      return { create: [flag], update: [], resolve: [], deliveries: [{ kind: 'alert', rules: [MEMBER_REPORT_RULE], payload: { ...payload, recentFlags: prior.recentFlags + 1 } }] };
    },
  );
  await deps.store.appendAudit({ actor: report.reporter, action: 'report', target: `message:${report.message.channel}:${report.message.ts}`, detail: { category: report.category }, at: now });
  if (result.queued.length > 0) deps.onQueued?.();
  deps.logger?.info({ channel: report.message.channel, created: result.created.length }, 'member report');
  return result.created.length > 0 ? 'recorded' : 'already-reported';
}
