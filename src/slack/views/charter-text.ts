/**
 * Reading the charter for display: article numbers, labels, sub-articles, and finding an
 * article from what someone typed after `/charter`. Pure.
 */
import type { Lang } from '../../engine/types';
import type { Charter, CharterArticle } from '../../ruleset/charter';
import { t } from '../i18n';

/** An article heading split into its number (`2`, `2.1`) and its name. */
export interface ArticleHeading {
  number?: string;
  name: string;
}

const NUMBERED = /^(?:article|art\.?|§)?\s*(\d+(?:\.\d+)*)\.?\s*(?:[—–:-]\s*)?(.*)$/i;

/**
 * Splits a heading: `Article 2 — Courtoisie` → `{ number: '2', name: 'Courtoisie' }`,
 * `2.1 Langage` → `{ number: '2.1', name: 'Langage' }`, `Préambule` → `{ name: 'Préambule' }`.
 */
export function parseHeading(title: string): ArticleHeading {
  const match = NUMBERED.exec(title.trim());
  if (match === null || match[1] === undefined) return { name: title.trim() };
  const name = (match[2] ?? '').trim();
  return { number: match[1], name: name === '' ? title.trim() : name };
}

/** `Article 2.1 — Langage` (plain text, not escaped); the title itself when it has no number. */
export function articleLabel(article: CharterArticle, lang: Lang): string {
  const heading = parseHeading(article.title);
  if (heading.number === undefined) return article.title;
  return t(lang, 'article.label', { number: heading.number, name: heading.name });
}

/** The article's number, if its heading has one. */
export function articleNumber(article: CharterArticle): string | undefined {
  return parseHeading(article.title).number;
}

/** The level-3 articles under a level-2 article, in document order. */
export function subArticles(charter: Charter, id: string, lang: Lang): CharterArticle[] {
  const articles = charter.texts[lang].articles;
  const index = articles.findIndex((article) => article.id === id);
  const parent = articles[index];
  if (parent === undefined || parent.level !== 2) return [];
  const subs: CharterArticle[] = [];
  for (const article of articles.slice(index + 1)) {
    if (article.level <= parent.level) break;
    if (article.level === parent.level + 1) subs.push(article);
  }
  return subs;
}

/** The level-2 article a level-3 article belongs to. */
export function parentArticle(charter: Charter, id: string, lang: Lang): CharterArticle | undefined {
  const articles = charter.texts[lang].articles;
  const index = articles.findIndex((article) => article.id === id);
  const article = articles[index];
  if (article === undefined || article.level <= 2) return undefined;
  for (let i = index - 1; i >= 0; i--) {
    const candidate = articles[i];
    if (candidate !== undefined && candidate.level < article.level) return candidate;
  }
  return undefined;
}

/**
 * The article's own text, without its sub-articles. (A level-2 article's `body` runs to the next
 * level-2 heading: it holds its sub-articles' text, without their headings.)
 */
export function ownBody(article: CharterArticle, subs: readonly CharterArticle[]): string {
  let end = article.body.length;
  for (const sub of subs) {
    if (sub.body === '') continue;
    const at = article.body.indexOf(sub.body);
    if (at !== -1 && at < end) end = at;
  }
  const lines = article.body.slice(0, end).split(/\r?\n/);
  const heading = lines.findIndex((line) => /^#{2,3}\s/.test(line));
  return (heading === -1 ? lines : lines.slice(0, heading)).join('\n').trim();
}

/** Lowercase, without accents, typographic apostrophes folded. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’ʼ`]/g, "'");
}

/** What a `/charter <argument>` search found. */
export interface ArticleSearch {
  article: CharterArticle;
  /** Other articles whose title also matches, best first. */
  others: CharterArticle[];
}

/**
 * Finds the article someone asked for: an id (`tone-register`), a number (`3`, `3.1`,
 * `article 3.1`, `§3`), or words from the title (`majuscules`), case- and accent-insensitive.
 * Titles of the other language are searched too when nothing matches in `lang`.
 */
export function findArticle(charter: Charter, query: string, lang: Lang): ArticleSearch | undefined {
  const wanted = fold(query).trim().replace(/\s+/g, ' ');
  if (wanted === '') return undefined;
  const articles = charter.texts[lang].articles;

  const byId = articles.find((article) => article.id === wanted.replace(/^#/, ''));
  if (byId !== undefined) return { article: byId, others: [] };

  const number = /^(?:article|art\.?|§)?\s*(\d+(?:\.\d+)*)\.?$/.exec(wanted)?.[1];
  if (number !== undefined) {
    const byNumber = articles.find((article) => articleNumber(article) === number);
    return byNumber === undefined ? undefined : { article: byNumber, others: [] };
  }

  const words = wanted.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2);
  if (words.length === 0) return undefined;
  for (const searched of lang === 'fr' ? (['fr', 'en'] as const) : (['en', 'fr'] as const)) {
    const scored = charter.texts[searched].articles
      .map((article, index) => ({ index, score: titleScore(article, words) }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score || a.index - b.index);
    const found = scored
      .map((entry) => charter.texts[lang].articles.find((article) => article.id === charter.texts[searched].articles[entry.index]?.id))
      .filter((article): article is CharterArticle => article !== undefined);
    const [first, ...others] = found;
    if (first !== undefined) return { article: first, others };
  }
  return undefined;
}

/** 0 unless every word starts a word of the title; more for whole-word matches. */
function titleScore(article: CharterArticle, words: readonly string[]): number {
  const titleWords = fold(parseHeading(article.title).name).split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  let score = 0;
  for (const word of words) {
    if (titleWords.includes(word)) score += 3;
    else if (titleWords.some((titleWord) => titleWord.startsWith(word) && word.length >= 3)) score += 1;
    else return 0;
  }
  return score;
}
