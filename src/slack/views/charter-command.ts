/**
 * Responses to `/charter`: the summary, one article, the help, or a helpful "not found". Pure.
 */
import type { KnownBlock } from '@slack/types';
import type { Lang } from '../../engine/types';
import type { Charter, CharterArticle } from '../../ruleset/charter';
import { t } from '../i18n';
import { escapeText, markdownToMrkdwn } from '../mrkdwn';
import { context, header, LIMITS, linesToSections, section } from './blocks';
import { articleLabel, articleNumber, findArticle, fold, ownBody, parentArticle, parseHeading, subArticles } from './charter-text';

/** A slash-command response, always visible to the caller only. */
export interface CommandResponse {
  text: string;
  blocks: KnownBlock[];
  response_type: 'ephemeral';
}

const HELP_WORDS = new Set(['help', 'aide', '?', '-h', '--help']);
/** The longest argument echoed back. */
const MAX_QUERY_ECHO = 60;

/**
 * `/charter` → the list of articles with their numbers and ids; `/charter help` (or `aide`) →
 * usage; `/charter <id | number | title word>` → that article; anything else → what to type.
 */
export function charterCommandResponse(argument: string, charter: Charter, lang: Lang): CommandResponse {
  const query = argument.trim();
  if (query === '') return summary(charter, lang);
  if (HELP_WORDS.has(fold(query))) return help(charter, lang);
  const found = findArticle(charter, query, lang);
  if (found === undefined) return unknown(query, charter, lang);
  return articleResponse(found.article, found.others, charter, lang);
}

/** Examples taken from the charter itself: the first numbered sub-article. */
function examples(charter: Charter, lang: Lang): { number: string; id: string; word: string } {
  const articles = charter.texts[lang].articles;
  const sample =
    articles.find((article) => article.level === 3 && articleNumber(article) !== undefined) ??
    articles.find((article) => articleNumber(article) !== undefined) ??
    articles[0];
  const number = sample === undefined ? '1' : (articleNumber(sample) ?? '1');
  const id = sample?.id ?? 'purpose';
  const name = sample === undefined ? '' : parseHeading(sample.title).name;
  const word = name.split(/[^\p{L}\p{N}]+/u).find((candidate) => candidate.length >= 4) ?? id;
  return { number, id, word: word.toLowerCase() };
}

function summary(charter: Charter, lang: Lang): CommandResponse {
  const text = charter.texts[lang];
  const lines = text.articles.map((article) => {
    const label = escapeText(article.title.replace(/^Article\s+/i, ''));
    const id = `\`${article.id}\``;
    return article.level <= 2 ? `*${label}*  ${id}` : `\u2003${label}  ${id}`;
  });
  const blocks: KnownBlock[] = [header(text.title), ...linesToSections(lines), context(t(lang, 'command.summary.hint', examples(charter, lang)))];
  return {
    response_type: 'ephemeral',
    text: t(lang, 'command.text.summary', { title: escapeText(text.title), count: text.articles.filter((a) => a.level === 2).length }),
    blocks: blocks.slice(0, LIMITS.messageBlocks),
  };
}

function help(charter: Charter, lang: Lang): CommandResponse {
  const params = examples(charter, lang);
  const lines = [
    `*${t(lang, 'command.help.title')}*`,
    `• ${t(lang, 'command.help.summary')}`,
    `• ${t(lang, 'command.help.number', params)}`,
    `• ${t(lang, 'command.help.id', params)}`,
    `• ${t(lang, 'command.help.word', params)}`,
    `• ${t(lang, 'command.help.help')}`,
  ];
  return {
    response_type: 'ephemeral',
    text: t(lang, 'command.text.help'),
    blocks: [section(lines.join('\n')), context(t(lang, 'command.help.home'))],
  };
}

function unknown(query: string, charter: Charter, lang: Lang): CommandResponse {
  const echo = escapeText(query.replace(/\s+/g, ' ').slice(0, MAX_QUERY_ECHO));
  const ids = charter.texts[lang].articles.map((article) => '`' + article.id + '`').join(', ');
  const message = t(lang, 'command.unknown', { query: echo });
  return {
    response_type: 'ephemeral',
    text: message,
    blocks: [
      section(`${message}\n${t(lang, 'command.unknown.next', examples(charter, lang))}`),
      context(t(lang, 'command.unknown.ids', { ids })),
    ],
  };
}

function articleResponse(article: CharterArticle, others: readonly CharterArticle[], charter: Charter, lang: Lang): CommandResponse {
  const label = articleLabel(article, lang);
  const blocks: KnownBlock[] = [header(label)];
  const parent = parentArticle(charter, article.id, lang);
  if (parent !== undefined) blocks.push(context(t(lang, 'modal.partOf', { parent: escapeText(articleLabel(parent, lang)) })));
  const subs = subArticles(charter, article.id, lang);
  for (const chunk of markdownToMrkdwn(ownBody(article, subs))) blocks.push(section(chunk));
  for (const sub of subs) {
    for (const chunk of markdownToMrkdwn(`### ${sub.title}\n\n${sub.body}`)) blocks.push(section(chunk));
  }
  const footer = [t(lang, 'command.article.footer')];
  if (others.length > 0) {
    const list = others.slice(0, 5).map((other) => `${escapeText(other.title)} \`${other.id}\``).join(', ');
    footer.unshift(t(lang, 'command.others', { list }));
  }
  const kept = blocks.slice(0, LIMITS.messageBlocks - 1);
  kept.push(context(...footer));
  return { response_type: 'ephemeral', text: escapeText(label), blocks: kept };
}
