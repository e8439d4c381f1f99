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
} as const;

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

/** Checks an interactive element (buttons fully; other kinds only their action_id). */
function checkElement(where: string, element: unknown, problems: string[]): string | undefined {
  if (!isObject(element)) {
    problems.push(`${where}: not an object`);
    return undefined;
  }
  const actionId = element.action_id;
  if (typeof actionId === 'string' && actionId.length > SLACK_LIMITS.actionId) problems.push(`${where}: action_id too long`);
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
 * within a block, at most one primary button per block, no unfilled `{placeholder}`.
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
