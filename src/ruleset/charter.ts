/**
 * The charter (`charter/charter.fr.md`, `charter/charter.en.md`): articles with stable ids
 * that rules cite. Headings carry the id: `## Article 2 — Ton et registre {#tone}`, and
 * sub-articles `### 2.1 Registre familier {#tone-register}`.
 */
import type { Lang } from '../engine/types';
import type { Problem } from './problems';

/** One article or sub-article. */
export interface CharterArticle {
  id: string;
  /** The heading text without the `{#id}` marker. */
  title: string;
  /** 2 for an article, 3 for a sub-article. */
  level: number;
  /** Markdown body up to the next heading of the same or a higher level. */
  body: string;
}

/** The charter in one language. */
export interface CharterText {
  title: string;
  articles: CharterArticle[];
}

/** The charter in both languages, with the same article ids. */
export interface Charter {
  readonly texts: Readonly<Record<Lang, CharterText>>;
  /** Ids of every article, in document order. */
  readonly ids: readonly string[];
  /** The article with this id in a language, if any. */
  article(id: string, lang: Lang): CharterArticle | undefined;
}

const HEADING = /^(#{2,3})\s+(.+?)\s*\{#([a-z0-9-]+)\}\s*$/;
const ANY_HEADING = /^(#{1,6})\s/;

/**
 * Parses one language's charter, reporting headings with malformed or duplicate ids.
 *
 * @example parseCharterText('# Charte\n## Article 1 — Objet {#purpose}\nTexte', 'charter.fr.md')
 */
export function parseCharterText(markdown: string, file: string): { text: CharterText; problems: Problem[] } {
  const lines = markdown.split(/\r?\n/);
  const problems: Problem[] = [];
  const articles: CharterArticle[] = [];
  let title = '';
  const open: Array<{ article: CharterArticle; body: string[] }> = [];
  const closeTo = (level: number): void => {
    while (open.length > 0 && (open[open.length - 1]?.article.level ?? 0) >= level) {
      const done = open.pop();
      if (done !== undefined) done.article.body = done.body.join('\n').trim();
    }
  };
  lines.forEach((line, index) => {
    if (title === '' && line.startsWith('# ')) {
      title = line.slice(2).trim();
      return;
    }
    const heading = HEADING.exec(line);
    if (heading !== null) {
      const level = (heading[1] ?? '##').length;
      const id = heading[3] ?? '';
      closeTo(level);
      if (articles.some((article) => article.id === id)) {
        problems.push({ file, line: index + 1, message: `article id "${id}" is used twice` });
      }
      const article: CharterArticle = { id, title: heading[2] ?? '', level, body: '' };
      articles.push(article);
      open.push({ article, body: [] });
      return;
    }
    if (/^#{2,3}\s/.test(line) && line.includes('{#')) {
      problems.push({ file, line: index + 1, message: 'malformed article id: use {#lowercase-id} at the end of the heading' });
    }
    const headingLevel = ANY_HEADING.exec(line)?.[1]?.length;
    if (headingLevel !== undefined && headingLevel <= 3) closeTo(headingLevel);
    for (const entry of open) entry.body.push(line);
  });
  closeTo(0);
  if (title === '') problems.push({ file, line: 1, message: 'the charter must start with a "# Title" line' });
  if (articles.length === 0) problems.push({ file, message: 'no article found: headings need a {#id}' });
  return { text: { title, articles }, problems };
}

/**
 * Builds the bilingual charter, checking both languages have the same article ids.
 *
 * @param sources the markdown of each language and the file it came from
 */
export function buildCharter(sources: Readonly<Record<Lang, { file: string; content: string }>>): {
  charter: Charter;
  problems: Problem[];
} {
  const fr = parseCharterText(sources.fr.content, sources.fr.file);
  const en = parseCharterText(sources.en.content, sources.en.file);
  const problems = [...fr.problems, ...en.problems];
  const frIds = fr.text.articles.map((article) => article.id);
  const enIds = new Set(en.text.articles.map((article) => article.id));
  for (const id of frIds) {
    if (!enIds.has(id)) problems.push({ file: sources.en.file, message: `article "${id}" is missing (it is in ${sources.fr.file})` });
  }
  for (const id of enIds) {
    if (!frIds.includes(id)) problems.push({ file: sources.fr.file, message: `article "${id}" is missing (it is in ${sources.en.file})` });
  }
  const texts = { fr: fr.text, en: en.text };
  const charter: Charter = {
    texts,
    ids: frIds,
    article: (id, lang) => texts[lang].articles.find((article) => article.id === id),
  };
  return { charter, problems };
}
