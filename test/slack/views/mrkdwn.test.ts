import {
  channelMention,
  escapeText,
  isSafeUrl,
  link,
  markdownToMrkdwn,
  quoteExcerpt,
  truncateMrkdwn,
  userMention,
} from '../../../src/slack/mrkdwn';
import { unsafeMarkup } from './block-limits';

describe('escapeText', () => {
  it('escapes Slack’s three characters so nothing becomes markup', () => {
    expect(escapeText('<!everyone> & <@U123>')).toBe('&lt;!everyone&gt; &amp; &lt;@U123&gt;');
    expect(escapeText('<https://evil.example|click> <#C123>')).toBe('&lt;https://evil.example|click&gt; &lt;#C123&gt;');
  });

  it('keeps Slack’s own entities (text Slack delivered is already escaped)', () => {
    expect(escapeText('Tom &amp; Jerry &lt;3 &gt;_&lt;')).toBe('Tom &amp; Jerry &lt;3 &gt;_&lt;');
    expect(escapeText('&amp')).toBe('&amp;amp');
    expect(escapeText('&quot; &#60;')).toBe('&amp;quot; &amp;#60;');
  });

  it('leaves other text alone', () => {
    expect(escapeText('Merci\u202f! « ok » *gras* 🙂')).toBe('Merci\u202f! « ok » *gras* 🙂');
  });
});

describe('quoteExcerpt', () => {
  it('puts the escaped excerpt on one line inside a code span', () => {
    expect(quoteExcerpt('<!here> *urgent*\n_now_ ~x~')).toBe('`&lt;!here&gt; *urgent* _now_ ~x~`');
  });

  it('cannot be closed by a backtick', () => {
    const quoted = quoteExcerpt('a ` b ``` c');
    expect(quoted.startsWith('`') && quoted.endsWith('`')).toBe(true);
    expect(quoted.slice(1, -1)).not.toContain('`');
  });

  it('is empty for an empty excerpt and cut when very long', () => {
    expect(quoteExcerpt('  \n ')).toBe('');
    expect(quoteExcerpt('x'.repeat(500)).length).toBeLessThanOrEqual(202);
  });
});

describe('links and mentions', () => {
  it('builds links only from safe URLs, escaping the label', () => {
    expect(link('https://acme.slack.com/archives/C1/p1?thread_ts=1&cid=C1', 'Voir <le> message')).toBe(
      '<https://acme.slack.com/archives/C1/p1?thread_ts=1&amp;cid=C1|Voir &lt;le&gt; message>',
    );
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('https://a.example/|<!everyone>', 'x')).toBe('x');
    expect(link(undefined, 'a & b')).toBe('a &amp; b');
    expect(isSafeUrl('mailto:dpo@acme.fr')).toBe(true);
    expect(isSafeUrl('https://a.example/ b')).toBe(false);
  });

  it('mentions channels and users by id only', () => {
    expect(channelMention('C0GENERAL', 'général', 'ce canal')).toBe('<#C0GENERAL>');
    expect(channelMention('<!everyone>', '<!here>', 'ce canal')).toBe('#&lt;!here&gt;');
    expect(channelMention(undefined, undefined, 'ce canal')).toBe('ce canal');
    expect(userMention('U0AUTHOR1')).toBe('<@U0AUTHOR1>');
    expect(userMention('<!channel>')).toBe('&lt;!channel&gt;');
  });

  it('truncates mrkdwn without cutting markup or entities', () => {
    const text = 'abc <https://a.example/long/path|label> &amp; end';
    for (let max = 2; max < text.length; max++) {
      const cut = truncateMrkdwn(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(unsafeMarkup(cut)).toEqual([]);
      expect(cut).not.toMatch(/&[a-z]*…$/);
    }
  });
});

describe('markdownToMrkdwn', () => {
  it('converts emphasis, links, lists and headings', () => {
    const md = [
      '### 2.1 Langage {#courtesy-language}',
      '',
      'Le **gras**, l’*italique*, ~~barré~~, `code` et [la charte](https://intranet.example/charte).',
      '',
      '- un',
      '- deux',
      '  - sous-point',
      '1. **Supprimez le message** : vite.',
      '2. Révoquez.',
    ].join('\n');
    expect(markdownToMrkdwn(md)).toEqual([
      [
        '*2.1 Langage*',
        'Le *gras*, l’_italique_, ~barré~, `code` et <https://intranet.example/charte|la charte>.',
        '',
        '• un\n• deux\n    ◦ sous-point\n1. *Supprimez le message* : vite.\n2. Révoquez.',
      ].join('\n'),
    ]);
  });

  it('escapes text and link labels, drops unsafe links, keeps snake_case', () => {
    const [out] = markdownToMrkdwn('<!everyone> & [a <b>](https://x.example/?a=1&b=2) [bad](javascript:alert(1)) snake_case_name p\\*tain');
    expect(out).toBe('&lt;!everyone&gt; &amp; <https://x.example/?a=1&amp;b=2|a &lt;b&gt;> bad snake_case_name p*tain');
  });

  it('keeps « » with their words', () => {
    expect(markdownToMrkdwn('(« mdr », « lol »)')).toEqual(['(«\u00a0mdr\u00a0», «\u00a0lol\u00a0»)']);
  });

  it('joins soft-wrapped lines', () => {
    expect(markdownToMrkdwn('une phrase\ncoupée en deux')).toEqual(['une phrase coupée en deux']);
  });

  it('splits into chunks of at most the limit, at paragraph or word boundaries, never inside a link', () => {
    const paragraph = Array.from({ length: 40 }, (_, i) => `mot${i} [lien ${i}](https://x.example/${i})`).join(' ');
    const md = `${paragraph}\n\n${'court. '.repeat(20)}\n\n${paragraph}`;
    const chunks = markdownToMrkdwn(md, 300);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(300);
      expect(unsafeMarkup(chunk)).toEqual([]);
    }
    const words = (text: string): number => text.split(/\s+/).filter(Boolean).length;
    expect(chunks.reduce((sum, chunk) => sum + words(chunk), 0)).toBe(words(markdownToMrkdwn(md, 100_000).join(' ')));
  });

  it('fits the real charter in section-sized chunks', () => {
    const long = ('Une phrase assez longue pour remplir la section. '.repeat(200) + '\n\n').repeat(2);
    const chunks = markdownToMrkdwn(long);
    expect(chunks.every((chunk) => chunk.length <= 3000)).toBe(true);
  });
});
