import { buildCharter, parseCharterText } from '../../src/ruleset/charter';

describe('charter', () => {
  test('reads articles and sub-articles with their ids, titles and bodies', () => {
    const { text, problems } = parseCharterText(
      '# Charte\n\n## Article 1 — Objet {#purpose}\nTexte.\n### 1.1 Détail {#purpose-detail}\nPlus.\n## Article 2 — Ton {#tone}\nFin.',
      'c.md',
    );
    expect(problems).toEqual([]);
    expect(text.title).toBe('Charte');
    expect(text.articles.map((a) => [a.id, a.title, a.level])).toEqual([
      ['purpose', 'Article 1 — Objet', 2],
      ['purpose-detail', '1.1 Détail', 3],
      ['tone', 'Article 2 — Ton', 2],
    ]);
    expect(text.articles[0]?.body).toContain('Plus.');
    expect(text.articles[1]?.body).toBe('Plus.');
  });

  test('reports duplicate and malformed ids with their line', () => {
    const { problems } = parseCharterText('# C\n## A {#a}\n## B {#a}\n## C {#Bad Id}', 'c.md');
    expect(problems).toEqual([
      { file: 'c.md', line: 3, message: 'article id "a" is used twice' },
      { file: 'c.md', line: 4, message: 'malformed article id: use {#lowercase-id} at the end of the heading' },
    ]);
  });

  test('requires the same article ids in both languages', () => {
    const { problems } = buildCharter({
      fr: { file: 'fr.md', content: '# C\n## A {#a}\n## B {#b}' },
      en: { file: 'en.md', content: '# C\n## A {#a}' },
    });
    expect(problems).toEqual([{ file: 'en.md', message: 'article "b" is missing (it is in fr.md)' }]);
  });
});
