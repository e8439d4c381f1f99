/**
 * `charter-bot audit --format json`: the report as JSON, keys in a fixed order (the model's),
 * whatever order the report object was built in. Pure.
 */
import type { AuditReport, AuditResult, RuleAuditLine } from './model';

/** The report as indented JSON (a trailing newline), parseable back into an {@link AuditReport}. */
export function renderJson(report: AuditReport): string {
  return `${JSON.stringify(stableReport(report), null, 2)}\n`;
}

/** A copy of the report with its keys in the model's order; optional fields only when present. */
export function stableReport(report: AuditReport): AuditReport {
  return {
    export: report.export,
    generatedAt: report.generatedAt,
    scanned: report.scanned,
    skipped: {
      bots: report.skipped.bots,
      directMessages: report.skipped.directMessages,
      system: report.skipped.system,
      empty: report.skipped.empty,
    },
    ...(report.firstDay === undefined ? {} : { firstDay: report.firstDay }),
    ...(report.lastDay === undefined ? {} : { lastDay: report.lastDay }),
    days: report.days,
    live: stableResult(report.live),
    ...(report.draft === undefined ? {} : { draft: stableResult(report.draft) }),
    problems: report.problems.map((problem) => ({ file: problem.file, message: problem.message })),
    seconds: report.seconds,
    messagesPerSecond: report.messagesPerSecond,
  };
}

function stableResult(result: AuditResult): AuditResult {
  return {
    rulesName: result.rulesName,
    rules: result.rules.map(stableLine),
    categories: result.categories.map((c) => ({ category: c.category, messages: c.messages, ratePer1000: c.ratePer1000 })),
    channels: result.channels.map((c) => ({ channel: c.channel, scanned: c.scanned, flagged: c.flagged })),
    flaggedMessages: result.flaggedMessages,
    remindersPerDay: result.remindersPerDay,
    alertsPerDay: result.alertsPerDay,
  };
}

function stableLine(line: RuleAuditLine): RuleAuditLine {
  return {
    rule: line.rule,
    category: line.category,
    severity: line.severity,
    action: line.action,
    messages: line.messages,
    ratePer1000: line.ratePer1000,
    remindersPerDay: line.remindersPerDay,
    topChannels: line.topChannels.map((t) => ({ channel: t.channel, messages: t.messages })),
    samples: [...line.samples],
  };
}
