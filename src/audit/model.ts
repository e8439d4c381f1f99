/**
 * `charter-bot audit`: the shapes shared by the export reader, the audit and its reports.
 * Reading a Slack export is I/O (`export-reader.ts`); auditing and rendering are pure.
 */
import type { Action, Category, Severity } from '../engine/types';

/** A conversation of the export, with what the rules need to know of it. */
export interface ExportChannel {
  id: string;
  name: string;
  /** `channel` (public), `group` (private), `mpim` (group DM), `dm`. */
  kind: 'channel' | 'group' | 'mpim' | 'dm';
  private: boolean;
  /** Shared with another company (Slack Connect). */
  external: boolean;
}

/** One message of the export, as the audit reads it (text is never kept beyond the audit). */
export interface ExportMessage {
  channel: ExportChannel;
  ts: string;
  user?: string;
  /** As Slack exports it (entities escaped, `<@U…>` mentions). */
  text: string;
  subtype?: string;
  botId?: string;
  threadTs?: string;
  /** The message was edited (the export holds its last version). */
  edited: boolean;
  /** The author's locale when users.json tells it. */
  lang?: 'fr' | 'en';
  /** Where it came from, e.g. `general/2026-01-05.json`. */
  file: string;
}

/** Something the reader could not read, and skipped. */
export interface ExportProblem {
  /** The file, e.g. `export.zip:general/2026-01-05.json` or `users.json`. */
  file: string;
  message: string;
}

/** Progress while reading, for a progress bar. */
export interface ExportProgress {
  /** Bytes read so far and in all (when known: a zip's entries, a directory's files). */
  bytesRead: number;
  bytesTotal?: number;
  filesRead: number;
  filesTotal?: number;
  messages: number;
}

/** An opened export: its messages as a stream, read once. */
export interface ExportSource {
  /** What the export is (path), for the report. */
  name: string;
  channels: readonly ExportChannel[];
  /** Messages in file order (channel by channel, day by day), streamed: bounded memory. */
  messages(onProgress?: (progress: ExportProgress) => void): AsyncIterable<ExportMessage>;
  /** Problems met so far (complete once `messages()` is exhausted). */
  problems(): readonly ExportProblem[];
}

/** One rule's results on the export. */
export interface RuleAuditLine {
  rule: string;
  category: Category;
  severity: Severity;
  action: Action;
  /** Messages the rule found something in. */
  messages: number;
  /** Per 1,000 messages scanned. */
  ratePer1000: number;
  /** Reminders the bot would have sent (the cooldown applied), per day of the export. */
  remindersPerDay: number;
  /** The channels it fired in most: name and count. */
  topChannels: Array<{ channel: string; messages: number }>;
  /** A few masked excerpts, to judge false positives (never raw leaked values). */
  samples: string[];
}

/** The audit of one rule set on the export. */
export interface AuditResult {
  rulesName: string;
  rules: RuleAuditLine[];
  categories: Array<{ category: Category; messages: number; ratePer1000: number }>;
  channels: Array<{ channel: string; scanned: number; flagged: number }>;
  /** Messages with at least one finding. */
  flaggedMessages: number;
  /** Reminders and moderator alerts per day, all rules together. */
  remindersPerDay: number;
  alertsPerDay: number;
}

/** The whole report. */
export interface AuditReport {
  export: string;
  generatedAt: number;
  /** Messages the rules ran on. */
  scanned: number;
  /** Messages left out, by reason: bots, DMs, system messages (joins, topics…). */
  skipped: { bots: number; directMessages: number; system: number; empty: number };
  /** First and last day of the export (YYYY-MM-DD), and how many days it spans. */
  firstDay?: string;
  lastDay?: string;
  days: number;
  live: AuditResult;
  /** With `--rules DIR`: the draft rule set's results, for a side-by-side comparison. */
  draft?: AuditResult;
  problems: ExportProblem[];
  /** Seconds the audit took, and messages per second. */
  seconds: number;
  messagesPerSecond: number;
}
