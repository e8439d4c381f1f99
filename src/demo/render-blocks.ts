/**
 * Block Kit as plain text for the demo transcript: headers, sections, fields, context lines and
 * button labels, with Slack's mrkdwn and entities turned back into what a person would read.
 */

interface TextObject {
  text?: unknown;
}

interface AnyBlock {
  type?: unknown;
  text?: TextObject;
  fields?: TextObject[];
  elements?: Array<TextObject & { type?: unknown; text?: unknown }>;
  accessory?: { type?: unknown; text?: TextObject };
}

/** Display names for ids, as a Slack client shows `<#C…>` and `<@U…>`. */
export type NameOf = (id: string) => string | undefined;

/** The readable lines of a list of blocks. */
export function renderBlocks(blocks: unknown, names: NameOf = () => undefined): string[] {
  if (!Array.isArray(blocks)) return [];
  const lines: string[] = [];
  const buttons: string[] = [];
  for (const raw of blocks as AnyBlock[]) {
    switch (raw.type) {
      case 'header':
        lines.push(`**${readable(raw.text?.text, names)}**`);
        break;
      case 'section':
        if (raw.text !== undefined) lines.push(...readable(raw.text.text, names).split('\n'));
        for (const field of raw.fields ?? []) lines.push(readable(field.text, names).replace('\n', ': '));
        if (raw.accessory?.type === 'button') buttons.push(readable(raw.accessory.text?.text, names));
        break;
      case 'context':
        lines.push(...(raw.elements ?? []).map((e) => `(${readable(e.text, names)})`));
        break;
      case 'actions':
        for (const element of raw.elements ?? []) {
          if (element.type === 'button') buttons.push(readable((element.text as TextObject | undefined)?.text, names));
        }
        break;
      default:
        break;
    }
  }
  if (buttons.length > 0) lines.push(buttons.map((label) => `[${label}]`).join(' '));
  return lines.filter((line) => line.trim() !== '');
}

/** Slack mrkdwn to plain text: links to their label, mentions to names, entities decoded, no emphasis marks. */
export function readable(value: unknown, names: NameOf = () => undefined): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, '$2')
    .replace(/<#([CG][A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name ?? names(id) ?? id}`)
    .replace(/<@([UW][A-Z0-9]+)>/g, (_m, id: string) => `@${names(id) ?? id}`)
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s.,:;!?)]|$)/gm, '$1$2')
    .replace(/(^|[\s(])_([^_\n]+)_(?=[\s.,:;!?)]|$)/gm, '$1$2')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
