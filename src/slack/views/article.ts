/**
 * The modal that shows one charter article (and its sub-articles) when someone clicks
 * "Read the article". Pure.
 */
import type { KnownBlock, ModalView } from '@slack/types';
import type { Lang } from '../../engine/types';
import type { Charter } from '../../ruleset/charter';
import { VIEW } from '../ids';
import { t } from '../i18n';
import { escapeText, markdownToMrkdwn } from '../mrkdwn';
import { context, header, LIMITS, plain, section } from './blocks';
import { articleLabel, ownBody, parentArticle, subArticles } from './charter-text';

/**
 * The article `articleId` in a modal (callback id {@link VIEW.article}, title "Charte" /
 * "Charter"): its title, its text converted to mrkdwn, and each of its sub-articles; for a
 * sub-article, the article it belongs to. `undefined` for an unknown id.
 */
export function articleModal(articleId: string, charter: Charter, lang: Lang): ModalView | undefined {
  const article = charter.article(articleId, lang);
  if (article === undefined) return undefined;
  const blocks: KnownBlock[] = [header(articleLabel(article, lang))];
  const parent = parentArticle(charter, article.id, lang);
  if (parent !== undefined) blocks.push(context(t(lang, 'modal.partOf', { parent: escapeText(articleLabel(parent, lang)) })));
  const subs = subArticles(charter, article.id, lang);
  for (const chunk of markdownToMrkdwn(ownBody(article, subs))) blocks.push(section(chunk));
  for (const sub of subs) {
    const markdown = `### ${sub.title}\n\n${sub.body}`;
    for (const chunk of markdownToMrkdwn(markdown)) blocks.push(section(chunk));
  }
  return {
    type: 'modal',
    callback_id: VIEW.article,
    title: plain(t(lang, 'modal.title'), LIMITS.modalTitle),
    close: plain(t(lang, 'modal.close'), LIMITS.modalTitle),
    blocks: blocks.slice(0, LIMITS.viewBlocks),
  };
}
