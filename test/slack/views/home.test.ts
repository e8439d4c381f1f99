import type { Button, HomeView, KnownBlock } from '@slack/types';
import type { Lang } from '../../../src/engine/types';
import { t } from '../../../src/slack/i18n';
import { ACTION } from '../../../src/slack/ids';
import { homeView, type HomeInput } from '../../../src/slack/views';
import { unsafeMarkup, validateView } from './block-limits';
import { emojiCount, flag, foreignIn, realCharter, rendered } from './fixtures';

const charter = realCharter();
const NOW = Date.UTC(2026, 11, 5, 10, 0);

function input(lang: Lang, overrides: Partial<HomeInput> = {}): HomeInput {
  return { lang, charter, charterVersion: '2026-11', reminders: [], now: NOW, retentionDays: 90, ...overrides };
}

function buttons(view: HomeView): Button[] {
  return view.blocks.flatMap((block) => {
    const b = block as KnownBlock;
    return b.type === 'section' && b.accessory?.type === 'button' ? [b.accessory] : [];
  });
}

describe.each(['fr', 'en'] as const)('homeView (%s)', (lang) => {
  it('summarises the charter with one "read" button per article', () => {
    const view = homeView(input(lang));
    expect(view.type).toBe('home');
    const text = rendered(view);
    expect(text).toContain(charter.texts[lang].title);
    const read = buttons(view).filter((b) => b.action_id === ACTION.readArticle);
    const level2 = charter.texts[lang].articles.filter((a) => a.level === 2);
    expect(read.map((b) => b.value)).toEqual(level2.map((a) => a.id));
    expect(read.every((b) => b.text.text === t(lang, 'home.read'))).toBe(true);
    expect(text).toContain(lang === 'fr' ? '2.1 Langage · 2.2 Respect des personnes' : '2.1 Language · 2.2 Respect for others');
    expect(validateView(view)).toEqual([]);
    expect(unsafeMarkup(view)).toEqual([]);
    expect(foreignIn(view, lang)).toEqual([]);
    expect(text).not.toContain(charter.texts[lang === 'fr' ? 'en' : 'fr'].title);
  });

  it('asks for the acknowledgement when not given', () => {
    const view = homeView(input(lang));
    const ack = buttons(view).find((b) => b.action_id === ACTION.acknowledge);
    expect(ack?.value).toBe('2026-11');
    expect(ack?.style).toBe('primary');
    expect(ack?.text.text).toBe(t(lang, 'home.ack.button'));
    expect(emojiCount(view)).toBe(0);
  });

  it('shows the acknowledgement date instead of the button once given', () => {
    const view = homeView(input(lang, { acknowledgedAt: Date.UTC(2026, 10, 28, 9) }));
    expect(buttons(view).find((b) => b.action_id === ACTION.acknowledge)).toBeUndefined();
    expect(rendered(view)).toContain(
      lang === 'fr' ? 'Vous avez pris connaissance de la charte le 28/11/2026' : 'You read the charter on 28 Nov 2026',
    );
    const paris = homeView(input(lang, { acknowledgedAt: Date.UTC(2026, 10, 28, 23, 30), timeZone: 'Europe/Paris' }));
    expect(rendered(paris)).toContain(lang === 'fr' ? '29/11/2026' : '29 Nov 2026');
    expect(emojiCount(view)).toBe(1);
  });

  it('has a friendly empty state', () => {
    const text = rendered(homeView(input(lang)));
    expect(text).toContain(t(lang, 'home.reminders.title'));
    expect(text).toContain(lang === 'fr' ? 'Aucun rappel. Merci\u202f!' : 'No reminders. Thank you!');
  });

  it('lists the user’s reminders, newest first, at most ten, escaped', () => {
    const reminders = Array.from({ length: 12 }, (_, i) =>
      flag({ id: i + 1, createdAt: Date.UTC(2026, 10, 1 + i, 9), excerpt: i === 11 ? '<!everyone> & <@U123>' : `mot${i + 1}` }),
    );
    reminders.push(flag({ id: 99, createdAt: NOW - 3600_000, article: 'tone-register', excerpt: 'mdr', status: 'resolved' }));
    const view = homeView(input(lang, { reminders }));
    const text = rendered(view);
    expect(text).toContain('&lt;!everyone&gt; &amp; &lt;@U123&gt;');
    expect(text).toContain(`*${lang === 'fr' ? 'Aujourd’hui' : 'Today'}* · 3.1 ${lang === 'fr' ? 'Registre de langue' : 'Register'} · \`mdr\` · _${t(lang, 'home.reminders.resolved')}_`);
    expect(text).toContain(lang === 'fr' ? '*12/11/2026* · 2.1 Langage' : '*12 Nov 2026* · 2.1 Language');
    expect(text).not.toContain('`mot3`');
    expect(text).toContain('`mot4`');
    expect(text.indexOf('`mdr`')).toBeLessThan(text.indexOf('`mot11`'));
    expect(text).toContain(lang === 'fr' ? 'Les 10 plus récents sur 13.' : 'The 10 most recent of 13.');
    expect(unsafeMarkup(view)).toEqual([]);
    expect(validateView(view)).toEqual([]);
  });

  it('says what is kept and for how long', () => {
    const text = rendered(homeView(input(lang, { retentionDays: 30 })));
    expect(text).toContain(lang === 'fr' ? 'Tout est effacé après 30 jours.' : 'Everything is deleted after 30 days.');
    expect(text).toContain(lang === 'fr' ? 'jamais le texte de vos messages' : 'never the text of your messages');
    expect(text).toContain(lang === 'fr' ? 'article 9 de la charte' : 'article 9 of the charter');
    expect(rendered(homeView(input(lang, { retentionDays: 1 })))).toContain(lang === 'fr' ? 'après 1 jour.' : 'after 1 day.');
  });

  it('stays within 100 blocks with long excerpts', () => {
    const reminders = Array.from({ length: 40 }, (_, i) => flag({ id: i, excerpt: '&<>'.repeat(60) }));
    const view = homeView(input(lang, { reminders }));
    expect(validateView(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });
});
