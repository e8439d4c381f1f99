/**
 * Small Block Kit constructors that keep within Slack's limits (texts cut with an ellipsis),
 * so every view stays valid whatever the charter or the rules say. Pure.
 */
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from '@slack/types';
import { SECTION_TEXT_MAX, truncateMrkdwn, truncatePlain } from '../mrkdwn';

/** Slack's limits (https://docs.slack.dev/reference/block-kit/blocks). */
export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: SECTION_TEXT_MAX,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  contextElements: 10,
  actionsElements: 25,
  modalTitle: 24,
  /** `text` of a message: Slack truncates beyond 40,000; notifications show far less. */
  fallbackText: 3000,
} as const;

/** A plain-text object, cut to `max` characters. */
export function plain(text: string, max: number = LIMITS.sectionText): PlainTextElement {
  return { type: 'plain_text', text: truncatePlain(text, max) || ' ', emoji: true };
}

/** A mrkdwn text object, cut to `max` characters. */
export function mrkdwn(text: string, max: number = LIMITS.sectionText): MrkdwnElement {
  return { type: 'mrkdwn', text: truncateMrkdwn(text, max) || ' ' };
}

/** A header block (plain text, ≤ 150 characters). */
export function header(text: string): HeaderBlock {
  return { type: 'header', text: plain(text, LIMITS.headerText) };
}

/** A section of mrkdwn, with an optional accessory button. */
export function section(text: string, accessory?: Button): SectionBlock {
  const block: SectionBlock = { type: 'section', text: mrkdwn(text) };
  if (accessory !== undefined) block.accessory = accessory;
  return block;
}

/** A section of up to 10 mrkdwn fields. */
export function fields(texts: readonly string[]): SectionBlock {
  return {
    type: 'section',
    fields: texts.slice(0, LIMITS.sectionFields).map((text) => mrkdwn(text, LIMITS.fieldText)),
  };
}

/** A context block of mrkdwn lines (at most 10 elements). */
export function context(...texts: string[]): ContextBlock {
  return {
    type: 'context',
    elements: texts.filter((text) => text !== '').slice(0, LIMITS.contextElements).map((text) => mrkdwn(text)),
  };
}

/** A divider. */
export function divider(): DividerBlock {
  return { type: 'divider' };
}

/** A button; `style` only for the one primary action of a set. */
export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  const element: Button = {
    type: 'button',
    text: plain(text, LIMITS.buttonText),
    action_id: actionId,
    value: value.slice(0, LIMITS.buttonValue),
  };
  if (style !== undefined) element.style = style;
  return element;
}

/** An actions block (at most 25 elements). */
export function actions(elements: readonly Button[]): ActionsBlock {
  return { type: 'actions', elements: elements.slice(0, LIMITS.actionsElements) };
}

/** Lines packed into as few sections as fit Slack's 3,000 characters, never splitting a line. */
export function linesToSections(lines: readonly string[]): SectionBlock[] {
  const texts: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current !== '' && current.length + 1 + line.length > LIMITS.sectionText) {
      texts.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') texts.push(current);
  return texts.map((text) => section(text));
}
