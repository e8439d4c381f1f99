import { t } from '../../../src/slack/i18n';
import { charterCommandResponse } from '../../../src/slack/views';
import type { KnownBlock } from '@slack/types';
import { unsafeMarkup, validateBlocks } from './block-limits';
import { foreignIn, realCharter, rendered } from './fixtures';

const charter = realCharter();

function headerText(blocks: KnownBlock[]): string | undefined {
  const first = blocks[0];
  return first?.type === 'header' ? first.text.text : undefined;
}

describe.each(['fr', 'en'] as const)('charterCommandResponse (%s)', (lang) => {
  function check(argument: string): ReturnType<typeof charterCommandResponse> {
    const response = charterCommandResponse(argument, charter, lang);
    expect(response.response_type).toBe('ephemeral');
    expect(validateBlocks(response.blocks)).toEqual([]);
    expect(unsafeMarkup(response)).toEqual([]);
    expect(foreignIn(response, lang)).toEqual([]);
    return response;
  }

  it('/charter lists every article with its number and id', () => {
    const response = check('');
    const text = rendered(response.blocks);
    expect(headerText(response.blocks)).toBe(charter.texts[lang].title);
    for (const id of charter.ids) expect(text).toContain('`' + id + '`');
    expect(text).toContain(lang === 'fr' ? '*2 — Courtoisie*' : '*2 — Courtesy*');
    expect(text).toContain(lang === 'fr' ? '3.1 Registre de langue' : '3.1 Register');
    expect(text).toContain('`/charter 2.1`');
    expect(response.text).toContain(charter.texts[lang].title);
  });

  it.each([
    ['tone-register', 'tone-register'],
    ['3', 'tone'],
    ['3.1', 'tone-register'],
    ['article 3.1', 'tone-register'],
    ['§5.2', 'confidentiality-payment'],
    ['  TONE-REGISTER ', 'tone-register'],
  ])('/charter %s shows that article', (argument, id) => {
    const response = check(argument);
    const article = charter.article(id, lang);
    expect(headerText(response.blocks)).toContain(article?.title.replace(/^Article /, '').replace(/^(\d+(\.\d+)*)\s*(—\s*)?/, '') ?? '?');
    expect(rendered(response.blocks)).toContain(t(lang, 'command.article.footer'));
  });

  it('finds an article by a word of its title, whatever the case and accents', () => {
    const word = lang === 'fr' ? 'MAJUSCULES' : 'capital';
    expect(headerText(check(word).blocks)).toContain('3.2');
    const accents = lang === 'fr' ? 'donnees personnelles' : 'personal data';
    expect(headerText(check(accents).blocks)).toContain('5.4');
    const respect = lang === 'fr' ? 'respect' : 'respect';
    expect(headerText(check(respect).blocks)).toContain('2.2');
  });

  it('lists other matches when a word matches several titles', () => {
    const response = check(lang === 'fr' ? 'données' : 'data');
    expect(rendered(response.blocks)).toContain(t(lang, 'command.others', { list: '' }).trim());
  });

  it('finds a title word of the other language', () => {
    const response = check(lang === 'fr' ? 'capital letters' : 'majuscules');
    expect(headerText(response.blocks)).toContain('3.2');
  });

  it.each(['help', 'aide', 'HELP', '?'])('/charter %s shows the usage', (argument) => {
    const response = check(argument);
    const text = rendered(response.blocks);
    expect(text).toContain(t(lang, 'command.help.title'));
    expect(text).toContain('`/charter 2.1`');
    expect(text).toContain('`/charter courtesy-language`');
    expect(text).toContain(t(lang, 'command.help.help'));
  });

  it('answers an unknown argument helpfully, escaped', () => {
    const response = check('zzz <!everyone>');
    const text = rendered(response);
    expect(text).toContain(lang === 'fr' ? 'Je ne trouve aucun article «\u00a0zzz &lt;!everyone&gt;\u00a0»' : 'I cannot find an article matching “zzz &lt;!everyone&gt;”');
    expect(text).toContain('`/charter 2.1`');
    for (const id of charter.ids) expect(text).toContain('`' + id + '`');
    expect(text).not.toContain('<!');
    expect(check('42').text).toContain('42');
    expect(check('x'.repeat(500)).text.length).toBeLessThan(200);
  });
});
