/**
 * Building blocks shared by the admins' views: input blocks, options, radio buttons and
 * checkboxes within Slack's limits; readers of a submitted modal's state; dates, rates and code
 * blocks that are safe whatever an admin wrote. Pure.
 */
import type {
  Checkboxes,
  InputBlock,
  InputBlockElement,
  PlainTextInput,
  PlainTextOption,
  RadioButtons,
  SectionBlock,
  StaticSelect,
} from '@slack/types';
import type { Lang } from '../../engine/types';
import { formatDate, formatDay, formatTime, t } from '../i18n';
import { escapeText, SECTION_TEXT_MAX, truncatePlain } from '../mrkdwn';
import { plain, section } from './blocks';

/** A submitted value, as Slack puts it in `view.state.values[block][action]` (read structurally). */
export interface AdminStateValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: ReadonlyArray<{ value: string }>;
  selected_users?: readonly string[];
}

/** `view.state.values`: by block id, then by action id. Bolt's `ViewOutput['state']['values']` fits. */
export type ViewStateValues = Readonly<Record<string, Readonly<Record<string, AdminStateValue>>>>;

/** An input block's ids (see `ADMIN_INPUT`). */
export interface InputIds {
  readonly block: string;
  readonly action: string;
}

/** Slack's limits for inputs and options. */
export const FORM_LIMITS = {
  label: 2000,
  hint: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 150,
  optionDescription: 75,
  selectOptions: 100,
  radioOptions: 10,
  checkboxOptions: 10,
  textInput: 3000,
} as const;

/** An option: text cut to 75 characters, value to 150, an optional description to 75. */
export function option(text: string, value: string, description?: string): PlainTextOption {
  const out: PlainTextOption = { text: plain(text, FORM_LIMITS.optionText), value: value.slice(0, FORM_LIMITS.optionValue) };
  if (description !== undefined && description !== '') out.description = plain(description, FORM_LIMITS.optionDescription);
  return out;
}

/** An input block; `optional` unless said otherwise. */
export function inputBlock(
  ids: InputIds,
  label: string,
  element: InputBlockElement,
  options: { optional?: boolean; hint?: string } = {},
): InputBlock {
  const block: InputBlock = {
    type: 'input',
    block_id: ids.block,
    label: plain(label, FORM_LIMITS.label),
    element,
    optional: options.optional ?? true,
  };
  if (options.hint !== undefined) block.hint = plain(options.hint, FORM_LIMITS.hint);
  return block;
}

/** A plain-text input, single or multiline, with its initial value when there is one. */
export function textInput(
  ids: InputIds,
  options: { initial?: string; multiline?: boolean; max?: number; placeholder?: string; focus?: boolean } = {},
): PlainTextInput {
  const max = Math.min(options.max ?? FORM_LIMITS.textInput, FORM_LIMITS.textInput);
  const element: PlainTextInput = { type: 'plain_text_input', action_id: ids.action, max_length: max };
  if (options.multiline === true) element.multiline = true;
  if (options.initial !== undefined && options.initial !== '') element.initial_value = options.initial.slice(0, max);
  if (options.placeholder !== undefined) element.placeholder = plain(options.placeholder, FORM_LIMITS.placeholder);
  if (options.focus === true) element.focus_on_load = true;
  return element;
}

/** A static select whose initial option is the one valued `selected`, if any. */
export function staticSelect(ids: InputIds, placeholder: string, options: PlainTextOption[], selected?: string): StaticSelect {
  const element: StaticSelect = {
    type: 'static_select',
    action_id: ids.action,
    placeholder: plain(placeholder, FORM_LIMITS.placeholder),
    options: options.slice(0, FORM_LIMITS.selectOptions),
  };
  const initial = element.options?.find((o) => o.value === selected);
  if (initial !== undefined) element.initial_option = initial;
  return element;
}

/** Radio buttons whose initial option is the one valued `selected`, if any. */
export function radioButtons(ids: InputIds, options: PlainTextOption[], selected?: string): RadioButtons {
  const kept = options.slice(0, FORM_LIMITS.radioOptions);
  const element: RadioButtons = { type: 'radio_buttons', action_id: ids.action, options: kept };
  const initial = kept.find((o) => o.value === selected);
  if (initial !== undefined) element.initial_option = initial;
  return element;
}

/** Checkboxes with the options valued in `selected` ticked. */
export function checkboxes(ids: InputIds, options: PlainTextOption[], selected: readonly string[]): Checkboxes {
  const kept = options.slice(0, FORM_LIMITS.checkboxOptions);
  const element: Checkboxes = { type: 'checkboxes', action_id: ids.action, options: kept };
  const initial = kept.filter((o) => o.value !== undefined && selected.includes(o.value));
  if (initial.length > 0) element.initial_options = initial;
  return element;
}

/** The submitted value of an input, or undefined when its block is not in the view. */
export function stateOf(values: ViewStateValues, ids: InputIds): AdminStateValue | undefined {
  return values[ids.block]?.[ids.action];
}

/** A text input's value, trimmed; '' when empty; undefined when the block is absent. */
export function readText(values: ViewStateValues, ids: InputIds): string | undefined {
  const state = stateOf(values, ids);
  if (state === undefined) return undefined;
  return (state.value ?? '').trim();
}

/** A select's or radio's chosen value; undefined when none or the block is absent. */
export function readOption(values: ViewStateValues, ids: InputIds): string | undefined {
  return stateOf(values, ids)?.selected_option?.value ?? undefined;
}

/** Ticked checkbox values; undefined when the block is absent. */
export function readOptions(values: ViewStateValues, ids: InputIds): string[] | undefined {
  const state = stateOf(values, ids);
  if (state === undefined) return undefined;
  return (state.selected_options ?? []).map((o) => o.value);
}

/** Selected users; undefined when the block is absent. */
export function readUsers(values: ViewStateValues, ids: InputIds): string[] | undefined {
  const state = stateOf(values, ids);
  if (state === undefined) return undefined;
  return [...(state.selected_users ?? [])];
}

/** Lines of a multiline text: trimmed, blank lines dropped, duplicates dropped (first kept). */
export function splitLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || seen.has(line)) continue;
    seen.add(line);
    out.push(line);
  }
  return out;
}

/** `aujourd’hui à 14:02`, `le 28/11/2026 à 14:02` (`today at 14:02`, `on 28 Nov 2026 at 14:02`). */
export function whenText(lang: Lang, at: number, now: number | undefined, timeZone?: string): string {
  const time = formatTime(lang, at, timeZone);
  const date = formatDate(lang, at, timeZone);
  if (now !== undefined) {
    const day = formatDay(lang, at, now, timeZone);
    if (day !== date) return t(lang, 'admin.when.day', { day, time });
  }
  return t(lang, 'admin.when.date', { date, time });
}

/** A JSON object (e.g. a modal's `private_metadata`), or undefined. */
export function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || text === '') return undefined;
  try {
    const data: unknown = JSON.parse(text);
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `17 %` in French, `17%` in English; `—` when there is no rate. */
export function percent(lang: Lang, rate: number | undefined): string {
  if (rate === undefined || !Number.isFinite(rate)) return '—';
  const value = Math.round(rate * 100);
  return lang === 'fr' ? `${value}\u00a0%` : `${value}%`;
}

/** What an admin wrote, as inline code: one line, cut, escaped, backticks neutralised. */
export function inlineCode(text: string, max = 80): string {
  const line = truncatePlain(text.replace(/`/g, 'ˋ'), max);
  return line === '' ? '' : '`' + escapeText(line) + '`';
}

/** What an admin wrote, as prose: one line, cut, escaped, backticks neutralised. */
export function quotePlain(text: string, max: number): string {
  return escapeText(truncatePlain(text.replace(/`/g, 'ˋ'), max));
}

/** Longest line kept in a code block (longer lines are cut with an ellipsis). */
const CODE_LINE_MAX = 500;

/**
 * Text (a diff, problems) as code blocks: each line escaped, backticks neutralised (they cannot
 * close the block), lines packed into sections of at most 3,000 characters including the
 * fences, at most `maxSections` sections. Returns the sections and how many lines did not fit.
 */
export function codeSections(lines: readonly string[], maxSections: number): { sections: SectionBlock[]; hiddenLines: number } {
  const fence = '```';
  const room = SECTION_TEXT_MAX - 2 * fence.length - 2;
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  let shown = 0;
  for (const raw of lines) {
    let text = raw.replace(/`/g, 'ˋ').replace(/\t/g, '  ').replace(/\r$/, '');
    if (text.length > CODE_LINE_MAX) text = cutAt(text, CODE_LINE_MAX - 1) + '…';
    const line = text === '' ? ' ' : escapeText(text);
    const added = current.length === 0 ? line.length : size + 1 + line.length;
    if (current.length > 0 && added > room) {
      chunks.push(current);
      current = [];
      if (chunks.length >= maxSections) break;
    }
    size = current.length === 0 ? line.length : size + 1 + line.length;
    current.push(line);
    shown++;
  }
  if (current.length > 0) chunks.push(current);
  return {
    sections: chunks.map((chunk) => section(`${fence}\n${chunk.join('\n')}\n${fence}`)),
    hiddenLines: lines.length - shown,
  };
}

/** `text` cut to at most `max` code units, never inside a surrogate pair. */
function cutAt(text: string, max: number): string {
  let cut = Math.min(max, text.length);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut);
}
