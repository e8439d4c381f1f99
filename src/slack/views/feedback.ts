/**
 * Short ephemeral answers to buttons. Whether they replace the original message is the
 * caller's choice (`replace_original`). Pure.
 */
import type { KnownBlock } from '@slack/types';
import type { Lang } from '../../engine/types';
import { formatDate, t, type StringKey } from '../i18n';
import { section } from './blocks';

/** A short response: notification text and the same words as one section. */
export interface FeedbackResponse {
  text: string;
  blocks?: KnownBlock[];
}

function respond(lang: Lang, key: StringKey, params: Readonly<Record<string, string>> = {}): FeedbackResponse {
  const text = t(lang, key, params);
  return { text, blocks: [section(text)] };
}

/** "This is a mistake" recorded: thanks, the moderators will look. */
export function mistakeRecorded(lang: Lang): FeedbackResponse {
  return respond(lang, 'feedback.mistakeRecorded');
}

/** The same person already reported this reminder. */
export function mistakeAlreadyRecorded(lang: Lang): FeedbackResponse {
  return respond(lang, 'feedback.mistakeAlready');
}

/** The reminder's flags are gone (purged, erased) or unknown. */
export function mistakeUnknown(lang: Lang): FeedbackResponse {
  return respond(lang, 'feedback.mistakeUnknown');
}

/** The charter was acknowledged at `at` (ms), shown in `timeZone` (UTC by default). */
export function acknowledged(lang: Lang, at: number, timeZone?: string): FeedbackResponse {
  return respond(lang, 'feedback.acknowledged', { date: formatDate(lang, at, timeZone) });
}

/** A polite refusal that says nothing about why. */
export function notAllowed(lang: Lang): FeedbackResponse {
  return respond(lang, 'feedback.notAllowed');
}
