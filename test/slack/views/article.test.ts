import { t } from '../../../src/slack/i18n';
import { VIEW } from '../../../src/slack/ids';
import { articleModal } from '../../../src/slack/views';
import { unsafeMarkup, validateView } from './block-limits';
import { foreignIn, realCharter, rendered } from './fixtures';

const charter = realCharter();

describe.each(['fr', 'en'] as const)('articleModal (%s)', (lang) => {
  it('shows an article with its sub-articles', () => {
    const view = articleModal('courtesy', charter, lang);
    expect(view?.type).toBe('modal');
    expect(view?.callback_id).toBe(VIEW.article);
    expect(view?.title.text).toBe(lang === 'fr' ? 'Charte' : 'Charter');
    expect(view?.close?.text).toBe(t(lang, 'modal.close'));
    const text = rendered(view?.blocks);
    expect(text).toContain(lang === 'fr' ? 'Article 2 — Courtoisie' : 'Article 2 — Courtesy');
    expect(text).toContain(lang === 'fr' ? '*2.1 Langage*' : '*2.1 Language*');
    expect(text).toContain(lang === 'fr' ? '*2.2 Respect des personnes*' : '*2.2 Respect for others*');
    // The sub-articles' text appears once, under their own heading.
    const first = lang === 'fr' ? 'N\'employez pas de grossièretés' : 'Do not use profanity';
    expect(text.split(first)).toHaveLength(2);
    expect(text).not.toContain('{#');
    expect(foreignIn(view, lang)).toEqual([]);
  });

  it('shows a sub-article with the article it belongs to', () => {
    const view = articleModal('tone-shouting', charter, lang);
    const text = rendered(view?.blocks);
    expect(text).toContain(lang === 'fr' ? 'Article 3.2 — Majuscules' : 'Article 3.2 — Capital letters');
    expect(text).toContain(t(lang, 'modal.partOf', { parent: lang === 'fr' ? 'Article 3 — Ton et registre' : 'Article 3 — Tone and register' }));
    expect(text).toContain(lang === 'fr' ? 'préférez le *gras*' : '*bold*');
  });

  it('converts lists and bold from the charter', () => {
    const text = rendered(articleModal('leak-response', charter, lang)?.blocks);
    expect(text).toMatch(/1\. \*[^*]+\*/);
    expect(text).not.toContain('**');
  });

  it('is undefined for an unknown id', () => {
    expect(articleModal('nope', charter, lang)).toBeUndefined();
    expect(articleModal('', charter, lang)).toBeUndefined();
  });

  it('builds a valid modal for every article of the charter', () => {
    for (const id of charter.ids) {
      const view = articleModal(id, charter, lang);
      expect(validateView(view)).toEqual([]);
      expect(unsafeMarkup(view)).toEqual([]);
      expect((view?.title.text ?? '').length).toBeLessThanOrEqual(24);
    }
  });
});
