/**
 * The moderation core's data: what is remembered about a flagged message, what is queued for
 * delivery, and what is audited. Plain data, shared by the use cases and every store adapter.
 *
 * Privacy by design: nothing here holds message text or a leaked value. A flag keeps the masked,
 * truncated excerpt the engine produced, and ids (Slack user, channel, message ts).
 */
import type { Action, Category, Lang, Localized, Severity } from '../engine/types';

/** Where a flag stands in review. `resolved`: the author edited the message so it no longer breaks the rule. */
export const FLAG_STATUSES = ['open', 'dismissed', 'confirmed', 'escalated', 'resolved'] as const;
/** A flag's review status. */
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** The decisions a moderator can take on a flag. */
export const DECISIONS = ['dismiss', 'confirm', 'escalate'] as const;
/** A moderator's decision. `dismiss` means "false positive". */
export type Decision = (typeof DECISIONS)[number];

/**
 * Why moderators were alerted about a flag: the rule's action (`rule`), the escalation ladder
 * (`ladder`), or a member reported the message to moderators (`report`).
 */
export const ALERT_REASONS = ['rule', 'ladder', 'report'] as const;
/** Why moderators were alerted. */
export type AlertReason = (typeof ALERT_REASONS)[number];

/** Identifies a Slack message: its channel and timestamp. */
export interface MessageRef {
  /** Slack channel id (`C…`, `G…`). */
  channel: string;
  /** The message's `ts`, its id within the channel. */
  ts: string;
}

/** One rule broken by one message, as remembered. */
export interface Flag {
  id: number;
  rule: string;
  category: Category;
  severity: Severity;
  /** The rule's action when the flag was raised. */
  action: Action;
  article: string;
  /** Slack channel id and name at the time. */
  channel: string;
  channelName?: string;
  /** Slack user id of the message's author. */
  author: string;
  messageTs: string;
  threadTs?: string;
  permalink?: string;
  /** The masked, truncated excerpt (never the raw leaked value). */
  excerpt: string;
  status: FlagStatus;
  /** A reminder was queued for the author for this flag. */
  nudged: boolean;
  /** Moderators were (or are being) alerted about this flag. */
  alerted: boolean;
  /** Why moderators were alerted: the rule's action, the escalation ladder, or a member's report. */
  alertReason?: AlertReason;
  /**
   * For a member's report (rule `member-report`): the reporter's Slack user id. Moderators only:
   * the author is never told who reported. Cleared when the reporter's data is erased.
   */
  reportedBy?: string;
  /** For a member's report: the reporter's words (at most 500 characters, truncated by the caller). */
  reportReason?: string;
  /** When it was first raised and last updated (an edit), ms since the epoch. */
  createdAt: number;
  updatedAt: number;
  /** Who took the last decision, when, and their note. */
  handledBy?: string;
  handledAt?: number;
  note?: string;
  /** How many users reported this flag as a mistake. */
  reports: number;
}

/** What a flag becomes when first recorded (the store assigns id, status and times). */
export interface NewFlag {
  rule: string;
  category: Category;
  severity: Severity;
  action: Action;
  article: string;
  excerpt: string;
  nudged: boolean;
  alerted: boolean;
  alertReason?: AlertReason;
  /** For a member's report: the reporter's Slack user id (see {@link Flag.reportedBy}). */
  reportedBy?: string;
  /** For a member's report: the reporter's words, already truncated to 500 characters. */
  reportReason?: string;
}

/** The kinds of delivery the outbox carries. */
export const DELIVERY_KINDS = ['nudge', 'alert'] as const;
/** `nudge`: a private reminder to the author. `alert`: a card for moderators. */
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** One finding as a reminder or an alert shows it: masked, explained, no raw text. */
export interface DeliveredFinding {
  flagRule: string;
  category: Category;
  severity: Severity;
  article: string;
  excerpt: string;
  explanation: Localized;
}

/** Everything a Notifier needs to deliver a reminder or an alert, without reading the store. */
export interface DeliveryPayload {
  /** The author (recipient of a nudge; subject of an alert). */
  user: string;
  channel: string;
  channelName?: string;
  messageTs: string;
  threadTs?: string;
  permalink?: string;
  /** The language to write the reminder in. */
  lang: Lang;
  findings: DeliveredFinding[];
  /** For alerts: why moderators are told (`rule` action, the escalation `ladder`, a member's `report`). */
  alertReason?: AlertReason;
  /**
   * For a member's report: the reporter's words, shown on the moderators' card. Never the
   * reporter's id (the card does not need it). Removed from queued and sent payloads when the
   * reporter's data is erased.
   */
  reportReason?: string;
  /** For alerts: how many flags the author had in the recent history window. */
  recentFlags?: number;
}

/** Where a queued delivery stands. `failed`: given up (permanent error or too many attempts). */
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
/** A delivery's status. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** A row of the outbox. */
export interface Delivery {
  id: number;
  kind: DeliveryKind;
  /** The flags this delivery is about. */
  flagIds: number[];
  payload: DeliveryPayload;
  status: DeliveryStatus;
  attempts: number;
  /** When the next attempt is due (ms since the epoch). */
  nextAttemptAt: number;
  /** The last error's code, never its text if it could quote the message. */
  lastError?: string;
  /** What Slack returned once sent, e.g. the message ts. */
  receipt?: DeliveryReceipt;
  createdAt: number;
  sentAt?: number;
}

/** What the Notifier reports after a successful delivery. */
export interface DeliveryReceipt {
  /** Where it was posted, and the posted message's ts when there is one. */
  channel?: string;
  ts?: string;
  /** How it went, e.g. `ephemeral` or `dm` after a fallback. */
  via?: string;
}

/** A delivery to queue (the store assigns id, status and times). */
export interface NewDelivery {
  kind: DeliveryKind;
  /** Rules of this message whose flags the delivery is about (mapped to flag ids by the store). */
  rules: string[];
  payload: DeliveryPayload;
}

/** What the audit log records. */
export const AUDIT_ACTIONS = [
  'view',
  'export',
  'decide',
  'note',
  'erase',
  'purge',
  'report',
  'acknowledge',
  'refused',
  'rules-change',
  'rules-rollback',
  'rules-export',
] as const;
/** An audited action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One entry of the append-only audit log: ids and short codes only, never message text. */
export interface AuditEntry {
  id: number;
  at: number;
  /** Who did it: a Slack user id, or `cli:<os user>`, or `system`. */
  actor: string;
  action: AuditAction;
  /** What it was done to, e.g. `flag:42`, `user:U123`, `flags?status=open`. */
  target: string;
  /** Short structured detail (decision taken, counts erased…), JSON. */
  detail?: Record<string, unknown>;
}

/** An audit entry to append. */
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { at?: number };

/** A false-positive report as moderators see it next to its flag. */
export interface FalsePositiveReportView {
  reporter: string;
  at: number;
  reason?: string;
}
