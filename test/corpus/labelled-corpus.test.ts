/**
 * Scores the default rule set on the labelled corpus (test/fixtures/labelled-corpus.jsonl):
 * positives and near-misses for every category, English and French, written independently of
 * the engine. Prints precision and recall per category; the bar is recall >= 95 % in every
 * category and no finding at all on near-misses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { evaluate } from '../../src/engine/evaluate';
import { Category, ChatMessage, Lang } from '../../src/engine/types';
import { loadRules } from '../../src/files/load-rules';

interface Row {
  id: string;
  text: string;
  channel: string;
  external: boolean;
  lang: Lang;
  expect: Category[];
}

const rows: Row[] = readFileSync(path.join(__dirname, '..', 'fixtures', 'labelled-corpus.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Row);

const { ruleSet } = loadRules();

const results = rows.map((row) => {
  const message: ChatMessage = { text: row.text, channel: { name: row.channel, external: row.external }, lang: row.lang };
  const found = new Set(evaluate(message, ruleSet).findings.map((finding) => finding.category));
  return { row, found };
});

const categories = [...new Set(rows.flatMap((row) => row.expect))].sort();

function score(category: Category) {
  let truePositives = 0;
  let falseNegatives = 0;
  let falsePositives = 0;
  const missed: string[] = [];
  const wrong: string[] = [];
  for (const { row, found } of results) {
    const expected = row.expect.includes(category);
    const got = found.has(category);
    if (expected && got) truePositives++;
    if (expected && !got) {
      falseNegatives++;
      missed.push(row.id);
    }
    if (!expected && got) {
      falsePositives++;
      wrong.push(row.id);
    }
  }
  const recall = truePositives / Math.max(1, truePositives + falseNegatives);
  const precision = truePositives / Math.max(1, truePositives + falsePositives);
  return { truePositives, falseNegatives, falsePositives, recall, precision, missed, wrong };
}

afterAll(() => {
  const lines = [`\nLabelled corpus: ${rows.length} messages (${rows.filter((r) => r.expect.length > 0).length} positives, ${rows.filter((r) => r.expect.length === 0).length} near-misses)`];
  lines.push('category         positives  recall  precision');
  for (const category of categories) {
    const s = score(category);
    lines.push(
      `${category.padEnd(16)} ${String(s.truePositives + s.falseNegatives).padStart(9)}  ${(s.recall * 100).toFixed(1).padStart(5)} %  ${(s.precision * 100).toFixed(1).padStart(6)} %`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n');
});

describe('labelled corpus', () => {
  test.each(categories)('recall is at least 95 %% for %s', (category) => {
    const s = score(category);
    expect({ category, recall: s.recall >= 0.95 ? 'ok' : s.recall, missed: s.recall >= 0.95 ? [] : s.missed }).toEqual({
      category,
      recall: 'ok',
      missed: [],
    });
  });

  test('near-misses get no finding at all', () => {
    const flagged = results
      .filter(({ row, found }) => row.expect.length === 0 && found.size > 0)
      .map(({ row, found }) => `${row.id}: ${[...found].join(', ')}`);
    expect(flagged).toEqual([]);
  });

  test('positives get no finding of a category they were not labelled with', () => {
    const extra = results
      .filter(({ row }) => row.expect.length > 0)
      .flatMap(({ row, found }) => [...found].filter((c) => !row.expect.includes(c)).map((c) => `${row.id}: ${c}`));
    expect(extra).toEqual([]);
  });
});
