/**
 * Slack mrkdwn helpers: escaping what users (or admins) wrote so it can never become markup,
 * quoting excerpts, building links and mentions from ids only, and turning the charter's
 * markdown into section-sized mrkdwn. Pure.
 *
 * Slack parses `<…>` as markup (`<@U…>` mentions, `<#C…>` channels, `<!everyone>`, links) and
 * decodes only three entities: `&amp;`, `&lt;`, `&gt;`. Escaping `& < >` is therefore enough to
 * neutralise any text (DESIGN.md §4).
 */

/** The longest text a section (or a context element) may carry. */
export const SECTION_TEXT_MAX = 3000;

/** Slack's own three entities, as they appear in text Slack delivered (already escaped). */
const ENTITY = /&(?:amp|lt|gt);/y;

/**
 * Escapes `&`, `<` and `>` so nothing in `text` can become a mention, a channel link,
 * `<!everyone>` or a link. Slack's own entities (`&amp;`, `&lt;`, `&gt;`) are kept as they are:
 * text the Events API delivered is already escaped and must not be escaped twice.
 *
 * @example escapeText('<!everyone> & <@U123>') === '&lt;!everyone&gt; &amp; &lt;@U123&gt;'
 * @example escapeText('Tom &amp; Jerry') === 'Tom &amp; Jerry'
 */
export function escapeText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '<') out += '&lt;';
    else if (c === '>') out += '&gt;';
    else if (c === '&') {
      ENTITY.lastIndex = i;
      out += ENTITY.test(text) ? '&' : '&amp;';
    } else out += c;
  }
  return out;
}

/** Longest excerpt shown, in characters (the engine already cuts at 80). */
const EXCERPT_MAX = 200;

/**
 * An excerpt safe inside mrkdwn: one line, escaped, inside a code span so `*`, `_`, `~` and
 * links are shown as typed; backticks become `ˋ` so they cannot close the span.
 * Returns an empty string for an empty excerpt.
 *
 * @example quoteExcerpt('<!here> *urgent*') === '`&lt;!here&gt; *urgent*`'
 */
export function quoteExcerpt(excerpt: string): string {
  let line = excerpt.replace(/\s+/g, ' ').trim().replace(/`/g, 'ˋ');
  if (line === '') return '';
  if (line.length > EXCERPT_MAX) line = line.slice(0, EXCERPT_MAX - 1) + '…';
  return '`' + escapeText(line) + '`';
}

/** A URL safe to put inside `<…|…>`: http(s) or mailto, no whitespace nor markup characters. */
export function isSafeUrl(url: string | undefined): url is string {
  return url !== undefined && url.length <= 2000 && /^(?:https?:\/\/|mailto:)[^\s<>|`]+$/i.test(url);
}

/**
 * A mrkdwn link `<url|label>` with the label escaped; just the escaped label when the URL is
 * not safe (so a bad URL can never inject markup).
 */
export function link(url: string | undefined, label: string): string {
  const text = escapeText(label).replace(/\|/g, '¦');
  if (!isSafeUrl(url)) return text;
  return `<${escapeText(url)}|${text}>`;
}

/** A Slack id (`C…`, `U…`): capital letters and digits only. */
const CHANNEL_ID = /^[CGD][A-Z0-9]{2,20}$/;
const USER_ID = /^[UWB][A-Z0-9]{2,20}$/;

/**
 * `<#C…>` from a channel id, which Slack renders with the channel's current name; otherwise
 * the escaped name (`#general`), otherwise `fallback` (already mrkdwn).
 */
export function channelMention(id: string | undefined, name: string | undefined, fallback: string): string {
  if (id !== undefined && CHANNEL_ID.test(id)) return `<#${id}>`;
  if (name !== undefined && name.trim() !== '') return escapeText('#' + name.trim().replace(/^#/, ''));
  return fallback;
}

/** `<@U…>` from a user id; the escaped text otherwise. */
export function userMention(id: string): string {
  return USER_ID.test(id) ? `<@${id}>` : escapeText(id);
}

/**
 * Cuts mrkdwn to `max` characters with an ellipsis, never inside `<…>` markup nor an entity.
 */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = safeCut(text, max - 1);
  if (cut <= 0) cut = Math.max(0, max - 1);
  return text.slice(0, cut).trimEnd() + '…';
}

/** Cuts plain text to `max` characters with an ellipsis. */
export function truncatePlain(text: string, max: number): string {
  // Fold line breaks and runs of ordinary spaces only: no-break spaces are French typography.
  const folded = text.replace(/[ \t\r\n]+/g, ' ').trim();
  if (folded.length <= max) return folded;
  return folded.slice(0, max - 1).trimEnd() + '…';
}

/** The largest index ≤ `at` that does not fall inside `<…>` markup, an entity or a surrogate pair. */
function safeCut(text: string, at: number): number {
  let cut = Math.min(at, text.length);
  const open = text.lastIndexOf('<', cut - 1);
  if (open !== -1 && text.indexOf('>', open) >= cut) cut = open;
  const amp = text.lastIndexOf('&', cut - 1);
  if (amp !== -1 && cut - amp < 5 && !text.slice(amp, cut).includes(';')) cut = amp;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return cut;
}

/**
 * Converts charter markdown to Slack mrkdwn, split into chunks of at most `max` characters
 * (one section each): `**bold**` → `*bold*`, `*em*` → `_em_`, `~~s~~` → `~s~`,
 * `[label](url)` → `<url|label>`, `- item` → `• item`, headings (without their `{#id}`)
 * → bold lines, `« … »` kept together with non-breaking spaces. Text is escaped.
 *
 * @example markdownToMrkdwn('Le **gras**, [la charte](https://x.fr).') ==> ['Le *gras*, <https://x.fr|la charte>.']
 */
export function markdownToMrkdwn(md: string, max: number = SECTION_TEXT_MAX): string[] {
  const paragraphs = toParagraphs(md);
  const chunks: string[] = [];
  let current = '';
  let previousWasHeading = false;
  for (const paragraph of paragraphs) {
    const separator = current === '' ? '' : previousWasHeading ? '\n' : '\n\n';
    previousWasHeading = paragraph.heading;
    if ((current + separator + paragraph.text).length <= max) {
      current += separator + paragraph.text;
      continue;
    }
    if (current !== '') chunks.push(current);
    current = '';
    let rest = paragraph.text;
    while (rest.length > max) {
      const cut = splitPoint(rest, max);
      chunks.push(rest.slice(0, cut).trimEnd());
      rest = rest.slice(cut).trimStart();
    }
    current = rest;
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks;
}

/** Where to split a too-long paragraph: the last line break or space before `max`, outside markup. */
function splitPoint(text: string, max: number): number {
  const limit = safeCut(text, max);
  for (const separator of ['\n', ' ']) {
    let at = text.lastIndexOf(separator, limit);
    while (at > 0) {
      if (safeCut(text, at) === at) return at;
      at = text.lastIndexOf(separator, at - 1);
    }
  }
  return limit > 0 ? limit : max;
}

interface Paragraph {
  text: string;
  heading: boolean;
}

const HEADING_LINE = /^\s{0,3}(#{1,6})\s+(.*?)\s*(?:\{#[A-Za-z0-9_-]+\})?\s*#*\s*$/;
const BULLET_ITEM = /^(\s*)[-*+]\s+(.*)$/;
const ORDERED_ITEM = /^(\s*)(\d{1,3})[.)]\s+(.*)$/;
const QUOTE_LINE = /^\s{0,3}>\s?(.*)$/;
const FENCE = /^\s{0,3}(```|~~~)/;

/** Splits markdown into mrkdwn paragraphs (blank lines, headings, fences). */
function toParagraphs(md: string): Paragraph[] {
  const out: Paragraph[] = [];
  let lines: string[] = [];
  let fence: string[] | undefined;
  const flush = (): void => {
    if (lines.length > 0) out.push({ text: lines.join('\n'), heading: false });
    lines = [];
  };
  for (const raw of md.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence !== undefined) {
      if (FENCE.test(raw)) {
        out.push({ text: '```\n' + fence.join('\n') + '\n```', heading: false });
        fence = undefined;
      } else fence.push(escapeText(raw.replace(/`/g, 'ˋ')));
      continue;
    }
    if (FENCE.test(raw)) {
      flush();
      fence = [];
      continue;
    }
    if (raw.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING_LINE.exec(raw);
    if (heading !== null) {
      flush();
      const title = plainInline(heading[2] ?? '');
      if (title !== '') out.push({ text: `*${title}*`, heading: true });
      continue;
    }
    const bullet = BULLET_ITEM.exec(raw);
    if (bullet !== null) {
      const depth = Math.floor((bullet[1] ?? '').replace(/\t/g, '  ').length / 2);
      lines.push(`${'    '.repeat(depth)}${depth > 0 ? '◦' : '•'} ${inline(bullet[2] ?? '')}`);
      continue;
    }
    const ordered = ORDERED_ITEM.exec(raw);
    if (ordered !== null) {
      const depth = Math.floor((ordered[1] ?? '').replace(/\t/g, '  ').length / 2);
      lines.push(`${'    '.repeat(depth)}${ordered[2] ?? '1'}. ${inline(ordered[3] ?? '')}`);
      continue;
    }
    const quote = QUOTE_LINE.exec(raw);
    if (quote !== null) {
      lines.push(`&gt; ${inline(quote[1] ?? '')}`);
      continue;
    }
    // A soft-wrapped line continues the previous line of the paragraph.
    const text = inline(raw.trim());
    const last = lines.length - 1;
    if (last >= 0) lines[last] = `${lines[last] ?? ''} ${text}`;
    else lines.push(text);
  }
  if (fence !== undefined) out.push({ text: '```\n' + fence.join('\n') + '\n```', heading: false });
  flush();
  return out;
}

/** Inline markdown → mrkdwn. */
const INLINE =
  /(`+)([\s\S]*?)\1|\[([^\]\n]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s<>]*\))*)>?(?:\s+"[^"]*")?\s*\)|<((?:https?:\/\/|mailto:)[^\s>]+)>|\*\*([\s\S]+?)\*\*|__([\s\S]+?)__|~~([\s\S]+?)~~|(?<![\p{L}\p{N}*])\*(?![\s*])([\s\S]+?)(?<![\s*])\*(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}_])_(?![\s_])([\s\S]+?)(?<![\s_])_(?![\p{L}\p{N}_])|\\([\\`*_{}[\]()#+\-.!~|<>])/gu;

function inline(text: string, depth = 0): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    out += typography(escapeText(text.slice(last, index)));
    last = index + match[0].length;
    const [, ticks, code, label, url, autolink, bold, boldUnderscore, strike, em, emUnderscore, escaped] = match;
    if (ticks !== undefined) {
      const content = (code ?? '').replace(/`/g, 'ˋ').trim();
      out += content === '' ? '' : '`' + escapeText(content) + '`';
    } else if (label !== undefined) {
      out += link(url, plainInline(label));
    } else if (autolink !== undefined) {
      out += link(autolink, autolink);
    } else if (bold !== undefined || boldUnderscore !== undefined) {
      out += wrap('*', bold ?? boldUnderscore ?? '', depth);
    } else if (strike !== undefined) {
      out += wrap('~', strike, depth);
    } else if (em !== undefined || emUnderscore !== undefined) {
      out += wrap('_', em ?? emUnderscore ?? '', depth);
    } else if (escaped !== undefined) {
      out += escapeText(escaped);
    }
  }
  out += typography(escapeText(text.slice(last)));
  return out;
}

function wrap(marker: string, content: string, depth: number): string {
  const inner = depth < 2 ? inline(content, depth + 1) : typography(escapeText(content));
  return `${marker}${inner.trim()}${marker}`;
}

/** A heading or a link label: inline markers dropped, text escaped. */
function plainInline(text: string): string {
  const stripped = text
    .replace(/\[([^\]\n]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(?<![\p{L}\p{N}])[*_](?=\S)|(?<=\S)[*_](?![\p{L}\p{N}])/gu, '')
    .replace(/\\(.)/g, '$1');
  return typography(escapeText(stripped.replace(/\s+/g, ' ').trim()));
}

/** French quotes stay with their words: `« mdr »` → `«\u00a0mdr\u00a0»`. */
function typography(text: string): string {
  return text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»');
}
