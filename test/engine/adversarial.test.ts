/**
 * Adversarial and random input: evaluate never throws, offsets stay inside the text, and
 * data-leak excerpts never show the value they mask. (Speed is measured in `npm run bench`.)
 */
import { adversarialMessages, MAX_MESSAGE_LENGTH } from '../../bench/adversarial';
import { evaluate } from '../../src/engine/evaluate';
import { DATA_LEAK_CATEGORIES } from '../../src/engine/types';
import { loadRules } from '../../src/files/load-rules';

const { ruleSet } = loadRules();

function randomText(seed: number, length: number): string {
  const alphabet = 'aeioutsrnlcdmpfuckshit0123456789 &amp;&lt;&gt;<>@:/._-*`!$\n\u200b\u202eаеорсＡé😀';
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out += alphabet.charAt(state % alphabet.length);
  }
  return out;
}

function checkInvariants(text: string): void {
  const verdict = evaluate({ text, channel: { name: 'ext-acme', external: true } }, ruleSet);
  expect(verdict.errors).toEqual([]);
  for (const finding of verdict.findings) {
    expect(finding.start).toBeGreaterThanOrEqual(0);
    expect(finding.end).toBeLessThanOrEqual(text.length);
    expect(finding.start).toBeLessThanOrEqual(finding.end);
    if (DATA_LEAK_CATEGORIES.has(finding.category)) {
      const raw = text.slice(finding.start, finding.end).replace(/[^A-Za-z0-9]/g, '');
      if (raw.length >= 8) expect(finding.excerpt.replace(/[^A-Za-z0-9]/g, '')).not.toContain(raw.slice(0, 8));
    }
  }
}

describe('adversarial messages of up to 40,000 characters', () => {
  test.each(adversarialMessages().map((m) => [m.name, m.text] as const))('%s', (_name, text) => {
    expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    checkInvariants(text);
  });
});

describe('random text', () => {
  test('200 random messages of random lengths keep the invariants', () => {
    for (let seed = 1; seed <= 200; seed++) checkInvariants(randomText(seed, (seed * 97) % 600));
  });
});
