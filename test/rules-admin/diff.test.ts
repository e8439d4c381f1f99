import { parse } from 'yaml';
import { rulesYaml, unifiedDiff } from '../../src/rules-admin/diff';
import { customRule } from './fixtures';

describe('rulesYaml', () => {
  test('sorts rules by id and writes fields in a stable order', () => {
    const a = customRule({ id: 'b-rule', options: { terms: ['x'], stems: ['abc'] }, scope: { external: true, channels: ['ext-*'] } });
    const b = customRule({ id: 'a-rule', enabled: false });
    const text = rulesYaml([a, b]);
    expect(text).toBe(`rules:
  - id: a-rule
    detector: keyword
    category: confidential
    severity: medium
    action: shadow
    article: confidentiality-documents
    enabled: false
    options:
      terms:
        - acme corp
  - id: b-rule
    detector: keyword
    category: confidential
    severity: medium
    action: shadow
    article: confidentiality-documents
    scope:
      channels:
        - ext-*
      external: true
    options:
      stems:
        - abc
      terms:
        - x
`);
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    expect(rulesYaml([b, reordered])).toBe(text);
  });

  test('round-trips values that look like other YAML types', () => {
    const rule = customRule({ description: 'yes: null # 1e3', options: { terms: ['true', '0x10', '- a'] } });
    expect(parse(rulesYaml([rule])).rules[0]).toEqual(rule);
  });

  test('an empty list is still a rule file', () => {
    expect(parse(rulesYaml([]))).toEqual({ rules: [] });
  });
});

describe('unifiedDiff', () => {
  test('identical texts: no diff', () => {
    expect(unifiedDiff('a\nb\n', 'a\nb\n')).toBe('');
  });

  test('one changed line with context', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n') + '\n';
    const after = before.replace('5\n', 'five\n');
    expect(unifiedDiff(before, after)).toBe('--- before\n+++ after\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n');
  });

  test('distant changes make separate hunks, close ones share one', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `l${i + 1}`);
    const before = lines.join('\n') + '\n';
    const after = lines.map((line) => (line === 'l2' || line === 'l18' ? `${line}!` : line)).join('\n') + '\n';
    expect(unifiedDiff(before, after, 1, { before: 'version 1', after: 'version 2' })).toBe(
      '--- version 1\n+++ version 2\n@@ -1,3 +1,3 @@\n l1\n-l2\n+l2!\n l3\n@@ -17,3 +17,3 @@\n l17\n-l18\n+l18!\n l19\n',
    );
    const close = lines.map((line) => (line === 'l2' || line === 'l5' ? `${line}!` : line)).join('\n') + '\n';
    expect(unifiedDiff(before, close, 1).match(/^@@/gm)).toHaveLength(1);
  });

  test('insertions into and deletions from nothing', () => {
    expect(unifiedDiff('', 'a\nb\n')).toBe('--- before\n+++ after\n@@ -0,0 +1,2 @@\n+a\n+b\n');
    expect(unifiedDiff('a\n', '')).toBe('--- before\n+++ after\n@@ -1 +0,0 @@\n-a\n');
  });

  test('an insertion in the middle keeps the common lines (LCS)', () => {
    expect(unifiedDiff('a\nb\nc\nd\n', 'a\nx\nb\nc\ny\nd\n', 0)).toBe('--- before\n+++ after\n@@ -1,0 +2 @@\n+x\n@@ -3,0 +5 @@\n+y\n');
  });

  test('a diff of rule files shows the changed field', () => {
    const diff = unifiedDiff(rulesYaml([customRule()]), rulesYaml([customRule({ enabled: false })]));
    expect(diff).toContain('\n+    enabled: false\n');
    expect(diff.split('\n').filter((line) => /^[-+] /.test(line) || /^[-+]\s/.test(line))).toEqual(['+    enabled: false']);
  });
});
