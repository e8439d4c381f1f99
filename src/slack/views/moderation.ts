/**
 * What moderators act with and what their actions say: the four decision buttons (on alert cards
 * and in the App Home queue), the decision line a card shows once decided, the note modal, the
 * escalation notice for admins, and short answers (refusal, decision recorded, the author's
 * follow-up). Ids and masked excerpts only, never message text. Pure.
 */
import type { ActionsBlock, Button, KnownBlock, ModalView } from '@slack/types';
import type { Lang } from '../../engine/types';
import type { Flag, FlagStatus } from '../../moderation/model';
import { flagIdsValue, INPUT, MOD_ACTION, VIEW } from '../ids';
import { categoryLabel, formatDate, formatTime, plural, severityLabel, statusLabel, t } from '../i18n';
import { channelMention, escapeText, link, quoteExcerpt, truncatePlain, userMention } from '../mrkdwn';
import { button, context, header, LIMITS, linesToSections, plain, section } from './blocks';
import type { FeedbackResponse } from './feedback';

/** A decision taken on a card's flags: who, when, to what status, with an optional note. */
export interface AlertDecision {
  status: FlagStatus;
  /** Slack user id of the moderator (or `cli:<user>`, shown escaped). */
  by: string;
  /** When (ms since the epoch). */
  at: number;
  note?: string;
}

/** What a member report adds to a flag or an alert payload (read structurally). */
export interface ReportFields {
  alertReason?: string;
  reportedBy?: string;
  reportReason?: string;
}

/** Longest note shown on a card or in the queue; the note modal accepts {@link MAX_NOTE}. */
export const MAX_NOTE_SHOWN = 280;
/** Longest member's reason shown. */
export const MAX_REASON_SHOWN = 300;
/** Longest note a moderator can type. */
export const MAX_NOTE = 1000;
/** Flags listed one by one in an escalation notice. */
export const MAX_ESCALATION_FLAGS = 10;

/**
 * Free text someone typed (a note, a reporter's reason) made safe for mrkdwn: one line, cut to
 * `max`, backticks neutralised, `& < >` escaped so it can never mention anyone nor link.
 */
export function quoteText(text: string, max: number): string {
  return escapeText(truncatePlain(text.replace(/`/g, 'ˋ'), max));
}

/**
 * The four decision buttons, each carrying `flagIds` comma-separated: Dismiss (false positive),
 * Confirm (primary), Escalate (danger, behind a confirmation dialog), Add note.
 */
export function decisionButtons(flagIds: readonly number[], lang: Lang): Button[] {
  const value = flagIdsValue(flagIds);
  const escalate = button(t(lang, 'mod.button.escalate'), MOD_ACTION.escalate, value, 'danger');
  escalate.confirm = {
    title: plain(t(lang, 'mod.escalate.title'), 100),
    text: plain(t(lang, 'mod.escalate.text'), 300),
    confirm: plain(t(lang, 'mod.button.escalate'), 30),
    deny: plain(t(lang, 'mod.escalate.cancel'), 30),
    style: 'danger',
  };
  return [
    button(t(lang, 'mod.button.dismiss'), MOD_ACTION.dismiss, value),
    button(t(lang, 'mod.button.confirm'), MOD_ACTION.confirm, value, 'primary'),
    escalate,
    button(t(lang, 'mod.button.note'), MOD_ACTION.note, value),
  ];
}

/** The decision buttons as an actions block. */
export function decisionActions(flagIds: readonly number[], lang: Lang): ActionsBlock {
  return { type: 'actions', elements: decisionButtons(flagIds, lang) };
}

/**
 * `✅ Confirmé par <@U…> le 28/11/2026 à 14:02` (or dismissed, escalated, updated, fixed by the
 * author), in `timeZone` (UTC by default).
 */
export function decisionLine(decision: AlertDecision, lang: Lang, timeZone?: string): string {
  return t(lang, `mod.decision.${decision.status}`, {
    user: userMention(decision.by),
    date: formatDate(lang, decision.at, timeZone),
    time: formatTime(lang, decision.at, timeZone),
  });
}

/** `_Note :_ …`, escaped and cut; empty for no note. */
export function noteLine(note: string | undefined, lang: Lang): string {
  const text = note === undefined ? '' : quoteText(note, MAX_NOTE_SHOWN);
  return text === '' ? '' : t(lang, 'mod.note', { note: text });
}

/**
 * For a member report: `Signalé par un membre.` (or `Signalé par <@U…>.` when `showReporter`),
 * then the reason, escaped and quoted. Empty for other flags.
 */
export function reportLines(fields: ReportFields, lang: Lang, showReporter = false): string[] {
  if (fields.alertReason !== 'report') return [];
  const by =
    showReporter && fields.reportedBy !== undefined && fields.reportedBy !== ''
      ? t(lang, 'alert.why.reportBy', { user: userMention(fields.reportedBy) })
      : t(lang, 'alert.why.report');
  const reason = fields.reportReason === undefined ? '' : quoteText(fields.reportReason, MAX_REASON_SHOWN);
  return reason === '' ? [by] : [by, t(lang, 'alert.reportReason', { reason })];
}

/**
 * The note modal (callback id {@link VIEW.note}): one multiline input, at most {@link MAX_NOTE}
 * characters; `private_metadata` is `{"flags":[ids]}`.
 */
export function noteModal(flagIds: readonly number[], lang: Lang): ModalView {
  const ids = [...new Set(flagIds)].filter((id) => Number.isInteger(id) && id > 0).slice(0, 200);
  return {
    type: 'modal',
    callback_id: VIEW.note,
    private_metadata: JSON.stringify({ flags: ids }),
    title: plain(t(lang, 'note.title'), LIMITS.modalTitle),
    submit: plain(t(lang, 'note.submit'), LIMITS.modalTitle),
    close: plain(t(lang, 'note.cancel'), LIMITS.modalTitle),
    blocks: [
      context(plural(lang, 'note.intro', ids.length)),
      {
        type: 'input',
        block_id: INPUT.note.block,
        label: plain(t(lang, 'note.label'), 2000),
        hint: plain(t(lang, 'note.hint', { max: MAX_NOTE }), 2000),
        element: {
          type: 'plain_text_input',
          action_id: INPUT.note.action,
          multiline: true,
          max_length: MAX_NOTE,
          focus_on_load: true,
        },
      },
    ],
  };
}

/** What an escalation notice is about. */
export interface EscalationInput {
  lang: Lang;
  flags: readonly Flag[];
  /** The moderator who escalated. */
  by: string;
  at: number;
  note?: string;
  /** The message's link (shown once, at the top). */
  permalink?: string;
  /** IANA time zone for the date; UTC by default. */
  timeZone?: string;
}

/**
 * The escalation notice, DMed to each admin or posted in the escalation channel: who escalated
 * how many flags and when, each flag's rule, category, severity, channel, author and masked
 * excerpt (at most {@link MAX_ESCALATION_FLAGS}), the note, and a link to the message. The
 * notification text quotes nothing.
 */
export function escalationNotice(input: EscalationInput): { text: string; blocks: KnownBlock[] } {
  const { lang, flags } = input;
  const intro = plural(lang, 'escalation.intro', flags.length, {
    user: userMention(input.by),
    date: formatDate(lang, input.at, input.timeZone),
    time: formatTime(lang, input.at, input.timeZone),
  });
  const blocks: KnownBlock[] = [header(t(lang, 'escalation.header'))];
  blocks.push(section(input.permalink === undefined ? intro : `${intro} ${link(input.permalink, t(lang, 'common.viewMessage'))}`));

  const lines = flags.slice(0, MAX_ESCALATION_FLAGS).map((flag) => {
    const parts = [
      '`' + escapeText(flag.rule) + '`',
      categoryLabel(lang, flag.category),
      severityLabel(lang, flag.severity),
      channelMention(flag.channel, flag.channelName, t(lang, 'common.thisChannel')),
      userMention(flag.author),
    ];
    const excerpt = quoteExcerpt(flag.excerpt);
    if (excerpt !== '') parts.push(excerpt);
    if (flag.permalink !== undefined && flag.permalink !== input.permalink) parts.push(link(flag.permalink, t(lang, 'common.viewMessage')));
    const extra = reportLines(flag, lang);
    return [`• ${parts.join(' · ')}`, ...extra.map((line) => `    ${line}`)].join('\n');
  });
  blocks.push(...linesToSections(lines).slice(0, 10));
  const hidden = flags.length - Math.min(flags.length, MAX_ESCALATION_FLAGS);
  if (hidden > 0) blocks.push(context(plural(lang, 'escalation.more', hidden)));
  const note = noteLine(input.note, lang);
  if (note !== '') blocks.push(section(note));
  blocks.push(context(t(lang, 'escalation.queue')));
  return { text: truncatePlain(intro, LIMITS.fallbackText), blocks };
}

function respond(text: string): FeedbackResponse {
  return { text, blocks: [section(text)] };
}

/** A polite refusal to someone who is not a moderator: the attempt was recorded. */
export function notModerator(lang: Lang): FeedbackResponse {
  return respond(t(lang, 'mod.notModerator'));
}

/** The decision was recorded (said privately when the card itself could not be updated). */
export function decisionRecorded(lang: Lang, status: FlagStatus): FeedbackResponse {
  return respond(t(lang, 'mod.recorded', { status: lowerFirst(statusLabel(lang, status)) }));
}

/** A kind DM to the author of an escalated message: a moderator will follow up. No details. */
export function authorFollowUp(lang: Lang): FeedbackResponse {
  return respond(t(lang, 'mod.followUp'));
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
