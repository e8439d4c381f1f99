/**
 * What a detector receives and returns. Lives in the engine so the engine can run compiled
 * rules without knowing any detector (see `src/detectors/` for the detectors themselves).
 */
import type { PreparedText } from './prepare';
import type { ChatMessage, Lang, Localized } from './types';

/** What a detector sees of a message. */
export interface DetectionInput {
  /** The message prepared once for every rule. */
  text: PreparedText;
  /** The message itself, with its channel context. */
  message: ChatMessage;
  /** The message's language (see {@link PreparedText.lang}). */
  lang: Lang;
}

/** How much of a leaked value may stay visible in the masked excerpt. */
export interface Reveal {
  /** Characters kept at the start (e.g. a `mdp : ` label or an `xoxb-` prefix). */
  head?: number;
  /** Letters or digits kept at the end (e.g. a card's last four digits). */
  tail?: number;
  /** Replace the hidden part with a fixed-length mask, so its length is not told either. */
  fixedLength?: boolean;
}

/** One thing a detector found, in original-text offsets. */
export interface Detection {
  start: number;
  end: number;
  /** Key of the detector's `messages` explaining this detection. */
  messageId: string;
  /** Values for the message's `{{placeholders}}`. Never put a leaked value here. */
  data?: Record<string, string>;
  /** For data leaks: what may stay visible when the excerpt is masked. */
  reveal?: Reveal;
}

/** A detector compiled with a rule's options. Pure: same input, same output, no I/O. */
export type DetectFunction = (input: DetectionInput) => readonly Detection[];

/** What a detector returns when it finds nothing: one shared empty list, so a clean message allocates none. */
export const NO_DETECTIONS: readonly Detection[] = Object.freeze([]);

/** Explanations by message id, in both languages. */
export type MessageTable = Readonly<Record<string, Localized>>;

/** Fills `{{name}}` placeholders; an unknown placeholder is left visible so tests catch it. */
export function fillPlaceholders(template: string, data: Readonly<Record<string, string>> | undefined): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => data?.[name] ?? whole);
}
