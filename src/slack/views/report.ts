/**
 * "Report to moderators", for every member: the modal (what is wrong, an optional reason) and
 * the private thanks. The author is never told who reported. Pure.
 */
import type { ModalView, PlainTextOption } from '@slack/types';
import type { Category, Lang } from '../../engine/types';
import { INPUT, VIEW } from '../ids';
import { categoryLabel, t } from '../i18n';
import { LIMITS, plain, section } from './blocks';
import type { FeedbackResponse } from './feedback';

/** The reported message, as the modal carries it in `private_metadata`. */
export interface ReportedMessage {
  channel: string;
  ts: string;
  author: string;
  threadTs?: string;
  /** The message as a masked excerpt (never its raw text), for the moderators' card. */
  excerpt?: string;
}

/** The categories a member can choose, in this order (`custom` is "Other"). */
export const REPORT_CATEGORIES: readonly Category[] = [
  'insult',
  'profanity',
  'shouting',
  'familiar-tone',
  'mass-mention',
  'confidential',
  'personal-data',
  'secret',
  'password',
  'payment-card',
  'bank-account',
  'national-id',
  'off-topic',
  'custom',
];

/** Longest reason a member can type. */
export const MAX_REPORT_REASON_INPUT = 500;
/** Longest excerpt carried in `private_metadata` (Slack allows 3,000 characters in all). */
const MAX_METADATA_EXCERPT = 1000;

/**
 * The report modal (callback id {@link VIEW.report}): an intro saying the author will not be told
 * who reported, a required category menu ({@link REPORT_CATEGORIES}) and an optional multiline
 * reason (at most {@link MAX_REPORT_REASON_INPUT} characters). `private_metadata` is the message
 * reference as JSON: `{"channel","ts","author","threadTs"?,"excerpt"?}`.
 */
export function reportModal(message: ReportedMessage, lang: Lang): ModalView {
  const metadata: ReportedMessage = { channel: message.channel, ts: message.ts, author: message.author };
  if (message.threadTs !== undefined) metadata.threadTs = message.threadTs;
  if (message.excerpt !== undefined) metadata.excerpt = message.excerpt.slice(0, MAX_METADATA_EXCERPT);

  const options: PlainTextOption[] = REPORT_CATEGORIES.map((category) => ({
    text: plain(category === 'custom' ? t(lang, 'report.category.other') : categoryLabel(lang, category), 75),
    value: category,
  }));

  return {
    type: 'modal',
    callback_id: VIEW.report,
    private_metadata: JSON.stringify(metadata),
    title: plain(t(lang, 'report.title'), LIMITS.modalTitle),
    submit: plain(t(lang, 'report.submit'), LIMITS.modalTitle),
    close: plain(t(lang, 'report.cancel'), LIMITS.modalTitle),
    blocks: [
      section(t(lang, 'report.intro')),
      {
        type: 'input',
        block_id: INPUT.reportCategory.block,
        label: plain(t(lang, 'report.category.label'), 2000),
        element: {
          type: 'static_select',
          action_id: INPUT.reportCategory.action,
          placeholder: plain(t(lang, 'report.category.placeholder'), 150),
          options,
        },
      },
      {
        type: 'input',
        block_id: INPUT.reportReason.block,
        optional: true,
        label: plain(t(lang, 'report.reason.label'), 2000),
        hint: plain(t(lang, 'report.reason.hint', { max: MAX_REPORT_REASON_INPUT }), 2000),
        element: {
          type: 'plain_text_input',
          action_id: INPUT.reportReason.action,
          multiline: true,
          max_length: MAX_REPORT_REASON_INPUT,
        },
      },
    ],
  };
}

/** The reporter's private thanks: the moderators have it, the author will not know who. */
export function reportThanks(lang: Lang): FeedbackResponse {
  const text = t(lang, 'report.thanks');
  return { text, blocks: [section(text)] };
}
