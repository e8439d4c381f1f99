/**
 * Test helpers for Block Kit payloads: Slack's limits, and markup that must never reach Slack.
 * Reusable by any test that builds blocks or views:
 *
 *   expect(validateBlocks(message.blocks)).toEqual([]);
 *   expect(validateView(view)).toEqual([]);
 *   expect(unsafeMarkup(message)).toEqual([]);
 *
 * Each returns a list of problems (empty when fine), so a failure names every problem at once.
 */

/** Where blocks are shown: messages allow 50 blocks, modals and the Home tab 100. */
export type Surface = 'message' | 'modal' | 'home';

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

/** Slack's documented limits (https://docs.slack.dev/reference/block-kit). */
export const SLACK_LIMITS = {
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  modalTitle: 24,
  modalButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  plainTextInput: 3000,
} as const;

/** Interactive elements the views use, and where Slack accepts them. */
const ACTIONS_ELEMENTS = new Set(['button', 'static_select', 'conversations_select', 'users_select', 'channels_select', 'datepicker', 'overflow']);
const INPUT_ELEMENTS = new Set(['plain_text_input', 'static_select', 'conversations_select', 'users_select', 'channels_select', 'datepicker', 'checkboxes', 'radio_buttons']);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a text object: type, non-empty, length. */
function checkText(where: string, value: unknown, max: number, problems: string[], plainOnly = false): void {
  if (!isObject(value)) {
    problems.push(`${where}: missing text object`);
    return;
  }
  if (value.type !== 'plain_text' && value.type !== 'mrkdwn') problems.push(`${where}: text type "${String(value.type)}"`);
  if (plainOnly && value.type !== 'plain_text') problems.push(`${where}: must be plain_text`);
  if (typeof value.text !== 'string' || value.text.length === 0) {
    problems.push(`${where}: empty text`);
    return;
  }
  if (value.text.length > max) problems.push(`${where}: text is ${value.text.length} characters (max ${max})`);
  if (/\{[a-zA-Z]+\}/.test(value.text)) problems.push(`${where}: unfilled placeholder in "${value.text.slice(0, 60)}"`);
}

/** Checks a confirmation dialog: title, text, confirm and deny buttons. */
function checkConfirm(where: string, confirm: unknown, problems: string[]): void {
  if (!isObject(confirm)) {
    problems.push(`${where}: not an object`);
    return;
  }
  checkText(`${where}.title`, confirm.title, SLACK_LIMITS.confirmTitle, problems, true);
  checkText(`${where}.text`, confirm.text, SLACK_LIMITS.confirmText, problems);
  checkText(`${where}.confirm`, confirm.confirm, SLACK_LIMITS.confirmButton, problems, true);
  checkText(`${where}.deny`, confirm.deny, SLACK_LIMITS.confirmButton, problems, true);
  if (confirm.style !== undefined && confirm.style !== 'primary' && confirm.style !== 'danger') problems.push(`${where}: style "${String(confirm.style)}"`);
}

/** Checks a static select's options and that its initial option is exactly one of them. */
function checkStaticSelect(where: string, element: Json, problems: string[]): void {
  const options = Array.isArray(element.options) ? element.options : [];
  if (options.length === 0) problems.push(`${where}: no options`);
  if (options.length > SLACK_LIMITS.selectOptions) problems.push(`${where}: ${options.length} options (max 100)`);
  const values = new Set<string>();
  options.forEach((option, i) => {
    if (!isObject(option)) {
      problems.push(`${where}.options[${i}]: not an object`);
      return;
    }
    checkText(`${where}.options[${i}].text`, option.text, SLACK_LIMITS.optionText, problems, true);
    if (typeof option.value !== 'string' || option.value === '') problems.push(`${where}.options[${i}]: no value`);
    else {
      if (option.value.length > SLACK_LIMITS.optionValue) problems.push(`${where}.options[${i}]: value too long`);
      if (values.has(option.value)) problems.push(`${where}: duplicate option value "${option.value}"`);
      values.add(option.value);
    }
  });
  if (element.initial_option !== undefined) {
    const initial = JSON.stringify(element.initial_option);
    if (!options.some((option) => JSON.stringify(option) === initial)) problems.push(`${where}: initial_option is not one of the options`);
  }
}

/** Checks an interactive element: buttons fully; selects, pickers and text inputs their limits. */
function checkElement(where: string, element: unknown, problems: string[]): string | undefined {
  if (!isObject(element)) {
    problems.push(`${where}: not an object`);
    return undefined;
  }
  const actionId = element.action_id;
  if (typeof actionId === 'string' && actionId.length > SLACK_LIMITS.actionId) problems.push(`${where}: action_id too long`);
  if (element.confirm !== undefined) checkConfirm(`${where}.confirm`, element.confirm, problems);
  if (element.placeholder !== undefined) checkText(`${where}.placeholder`, element.placeholder, SLACK_LIMITS.placeholder, problems, true);
  if (element.type === 'static_select') checkStaticSelect(where, element, problems);
  if (element.type === 'datepicker' && element.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(element.initial_date))) {
    problems.push(`${where}: initial_date "${String(element.initial_date)}"`);
  }
  if (element.type === 'conversations_select' && element.initial_conversation !== undefined && !/^[CGD][A-Z0-9]+$/.test(String(element.initial_conversation))) {
    problems.push(`${where}: initial_conversation "${String(element.initial_conversation)}"`);
  }
  if (element.type === 'plain_text_input') {
    const max = element.max_length;
    if (max !== undefined && (typeof max !== 'number' || max < 1 || max > SLACK_LIMITS.plainTextInput)) problems.push(`${where}: max_length ${String(max)}`);
  }
  if (element.type !== 'button' && typeof actionId !== 'string') problems.push(`${where}: ${String(element.type)} without action_id`);
  if (element.type === 'button') {
    checkText(`${where}.text`, element.text, SLACK_LIMITS.buttonText, problems, true);
    if (typeof element.value === 'string' && element.value.length > SLACK_LIMITS.buttonValue) problems.push(`${where}: value too long`);
    if (typeof element.url === 'string' && element.url.length > SLACK_LIMITS.buttonUrl) problems.push(`${where}: url too long`);
    if (element.style !== undefined && element.style !== 'primary' && element.style !== 'danger') {
      problems.push(`${where}: style "${String(element.style)}"`);
    }
    if (typeof actionId !== 'string' && typeof element.url !== 'string') problems.push(`${where}: button without action_id`);
  }
  return typeof actionId === 'string' ? actionId : undefined;
}

/**
 * Every problem with `blocks` for the given surface: block count, unique block ids, and per
 * block type the text lengths, field and element counts, button limits, action ids unique
 * within a block, at most one primary button per block, no unfilled `{placeholder}`; select
 * options and initial options, date and channel pickers, confirmation dialogs, and input blocks
 * (modals only: label, hint, element).
 */
export function validateBlocks(blocks: readonly unknown[], surface: Surface = 'message'): string[] {
  const problems: string[] = [];
  if (blocks.length === 0) problems.push('no blocks');
  if (blocks.length > MAX_BLOCKS[surface]) problems.push(`${blocks.length} blocks (max ${MAX_BLOCKS[surface]} in a ${surface})`);
  const blockIds = new Set<string>();
  blocks.forEach((block, index) => {
    const where = `blocks[${index}]`;
    if (!isObject(block)) {
      problems.push(`${where}: not an object`);
      return;
    }
    if (typeof block.block_id === 'string') {
      if (block.block_id.length > SLACK_LIMITS.blockId) problems.push(`${where}: block_id too long`);
      if (blockIds.has(block.block_id)) problems.push(`${where}: duplicate block_id "${block.block_id}"`);
      blockIds.add(block.block_id);
    }
    switch (block.type) {
      case 'section': {
        if (block.text === undefined && block.fields === undefined) problems.push(`${where}: section without text or fields`);
        if (block.text !== undefined) checkText(`${where}.text`, block.text, SLACK_LIMITS.sectionText, problems);
        if (block.fields !== undefined) {
          const fields = Array.isArray(block.fields) ? block.fields : [];
          if (fields.length > SLACK_LIMITS.sectionFields) problems.push(`${where}: ${fields.length} fields (max 10)`);
          fields.forEach((field, i) => checkText(`${where}.fields[${i}]`, field, SLACK_LIMITS.fieldText, problems));
        }
        if (block.accessory !== undefined) checkElement(`${where}.accessory`, block.accessory, problems);
        break;
      }
      case 'header':
        checkText(`${where}.text`, block.text, SLACK_LIMITS.headerText, problems, true);
        break;
      case 'context': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0) problems.push(`${where}: empty context`);
        if (elements.length > SLACK_LIMITS.contextElements) problems.push(`${where}: ${elements.length} elements (max 10)`);
        elements.forEach((element, i) => {
          if (isObject(element) && element.type === 'image') return;
          checkText(`${where}.elements[${i}]`, element, SLACK_LIMITS.contextText, problems);
        });
        break;
      }
      case 'actions': {
        const elements = Array.isArray(block.elements) ? block.elements : [];
        if (elements.length === 0) problems.push(`${where}: empty actions`);
        if (elements.length > SLACK_LIMITS.actionsElements) problems.push(`${where}: ${elements.length} elements (max 25)`);
        const ids = new Set<string>();
        let primaries = 0;
        elements.forEach((element, i) => {
          if (isObject(element) && !ACTIONS_ELEMENTS.has(String(element.type))) problems.push(`${where}.elements[${i}]: "${String(element.type)}" in an actions block`);
          const id = checkElement(`${where}.elements[${i}]`, element, problems);
          if (id !== undefined) {
            if (ids.has(id)) problems.push(`${where}: duplicate action_id "${id}" in one block`);
            ids.add(id);
          }
          if (isObject(element) && element.style === 'primary') primaries++;
        });
        if (primaries > 1) problems.push(`${where}: ${primaries} primary buttons`);
        break;
      }
      case 'divider':
        break;
      case 'input': {
        if (surface !== 'modal') problems.push(`${where}: input block outside a modal`);
        checkText(`${where}.label`, block.label, SLACK_LIMITS.inputLabel, problems, true);
        if (block.hint !== undefined) checkText(`${where}.hint`, block.hint, SLACK_LIMITS.inputHint, problems, true);
        if (!isObject(block.element) || !INPUT_ELEMENTS.has(String(block.element.type))) problems.push(`${where}: input element "${String(isObject(block.element) ? block.element.type : block.element)}"`);
        checkElement(`${where}.element`, block.element, problems);
        break;
      }
      default:
        problems.push(`${where}: unexpected block type "${String(block.type)}"`);
    }
  });
  return problems;
}

/** Every problem with a modal or Home view: its blocks, and for modals the title and buttons. */
export function validateView(view: unknown): string[] {
  if (!isObject(view)) return ['view: not an object'];
  const problems: string[] = [];
  const surface: Surface = view.type === 'home' ? 'home' : 'modal';
  if (view.type !== 'home' && view.type !== 'modal') problems.push(`view: type "${String(view.type)}"`);
  if (view.type === 'modal') {
    checkText('view.title', view.title, SLACK_LIMITS.modalTitle, problems, true);
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((block) => isObject(block) && block.type === 'input');
    if (hasInput && view.submit === undefined) problems.push('view: input blocks without a submit button');
    if (view.close !== undefined) checkText('view.close', view.close, SLACK_LIMITS.modalButton, problems, true);
    if (view.submit !== undefined) checkText('view.submit', view.submit, SLACK_LIMITS.modalButton, problems, true);
  }
  if (typeof view.callback_id === 'string' && view.callback_id.length > SLACK_LIMITS.callbackId) problems.push('view: callback_id too long');
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > SLACK_LIMITS.privateMetadata) {
    problems.push('view: private_metadata too long');
  }
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  problems.push(...validateBlocks(blocks, surface));
  return problems;
}

/** Every string value inside `value` (deep), e.g. to search a rendered message. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (isObject(value)) return Object.values(value).flatMap(allStrings);
  return [];
}

/** Markup a view may build itself from ids: channel and user mentions, and http(s)/mailto links. */
const ALLOWED_MARKUP = /^<(?:#[CGD][A-Z0-9]+|@[UWB][A-Z0-9]+|(?:https?:\/\/|mailto:)[^\s<>|]+(?:\|[^<>]*)?)>$/;

/**
 * Every `<…>` markup in any string of `value` that is not a channel id, a user id or a link:
 * `<!everyone>`, `<!here>`, `<!subteam^…>`, `<@U…|name>`, stray `<` or `>`… Also any `<!`.
 */
export function unsafeMarkup(value: unknown): string[] {
  const problems: string[] = [];
  for (const text of allStrings(value)) {
    for (const match of text.matchAll(/<[^<>]*>?|>/g)) {
      if (!ALLOWED_MARKUP.test(match[0])) problems.push(match[0]);
    }
    if (text.includes('<!')) problems.push(`<! in "${text.slice(0, 80)}"`);
  }
  return problems;
}
