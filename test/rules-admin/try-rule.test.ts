import { MAX_SAMPLE_LENGTH, MAX_SAMPLES, tryRule } from '../../src/rules-admin/try-rule';
import { CHARTER, customRule } from './fixtures';

const context = { charter: CHARTER, defaultLang: 'fr' as const };

describe('tryRule', () => {
  test('runs an unsaved rule on samples, even disabled', () => {
    const result = tryRule(customRule({ enabled: false }), ['le contrat Acme Corp est signé', 'rien à voir'], context);
    expect(result).toEqual({
      ok: true,
      inScope: true,
      capped: false,
      results: [
        { sample: 0, findings: [expect.objectContaining({ rule: 'client-names', start: 11, end: 20, excerpt: 'Acme Corp' })] },
        { sample: 1, findings: [] },
      ],
    });
  });

  test('data-leak excerpts are masked', () => {
    const rule = customRule({ id: 'badge', detector: 'regex', category: 'personal-data', options: { pattern: 'BADGE-[0-9]{6}' } });
    const result = tryRule(rule, ['mon badge BADGE-123456 merci'], context);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const excerpt = result.results[0]?.findings[0]?.excerpt ?? '';
    expect(excerpt).not.toContain('123456');
    expect(excerpt.length).toBeGreaterThan(0);
  });

  test('the channel decides the scope', () => {
    const rule = customRule({ scope: { channels: ['client-*'] } });
    const out = tryRule(rule, ['Acme Corp'], { ...context, channel: { name: 'general' } });
    expect(out).toMatchObject({ ok: true, inScope: false, results: [{ sample: 0, findings: [] }] });
    const inside = tryRule(rule, ['Acme Corp'], { ...context, channel: { name: 'Client-Acme' } });
    expect(inside).toMatchObject({ ok: true, inScope: true, results: [{ sample: 0, findings: [expect.anything()] }] });
  });

  test('problems of the rule are returned by field: charter article, options, examples, RE2', () => {
    expect(tryRule(customRule({ article: 'nope' }), ['x'], context)).toEqual({
      ok: false,
      problems: [{ field: 'article', message: expect.stringContaining('cites article "nope"') }],
    });
    expect(tryRule(customRule({ options: { terms: ['acme'], extra: true } }), ['x'], context)).toEqual({
      ok: false,
      problems: [expect.objectContaining({ field: 'options' })],
    });
    expect(tryRule(customRule({ examples: { flag: ['nothing here'] } }), ['x'], context)).toEqual({
      ok: false,
      problems: [{ field: 'examples.flag[0]', message: 'this example should be flagged by the rule, but it is not' }],
    });
    const backreference = tryRule(customRule({ detector: 'regex', options: { pattern: '(a)\\1' } }), ['aa'], context);
    expect(backreference).toEqual({ ok: false, problems: [{ field: 'options.pattern', message: expect.stringMatching(/^pattern refused by the linear-time engine \(RE2: /) }] });
  });

  test('samples are capped in number and length', () => {
    const samples = Array.from({ length: MAX_SAMPLES + 5 }, () => 'Acme Corp');
    const many = tryRule(customRule(), samples, context);
    expect(many).toMatchObject({ ok: true, capped: true });
    if (many.ok) expect(many.results).toHaveLength(MAX_SAMPLES);
    const long = tryRule(customRule(), [`${'x '.repeat(MAX_SAMPLE_LENGTH)} Acme Corp`], context);
    expect(long).toMatchObject({ ok: true, capped: true, results: [{ sample: 0, findings: [] }] });
  });
});
