/**
 * The charter's version for acknowledgements: a short hash of both languages' text, so a change
 * of wording asks everyone to read it again.
 */
import { createHash } from 'node:crypto';
import type { Charter } from '../ruleset/charter';

/** A 12-character hex digest of the charter's articles in both languages. */
export function charterVersion(charter: Charter): string {
  const hash = createHash('sha256');
  for (const lang of ['fr', 'en'] as const) {
    const text = charter.texts[lang];
    hash.update(text.title);
    for (const article of text.articles) hash.update(`\u0000${article.id}\u0000${article.title}\u0000${article.body}`);
  }
  return hash.digest('hex').slice(0, 12);
}
