/**
 * `npm run bench` (third part): an admin's pattern cannot freeze the bot. Rules with patterns
 * that backtrack catastrophically on a backtracking engine (`(a+)+$`, `(a|aa)+$`, `(.*a){12}`)
 * run on RE2 in linear time; each is timed on 40,000-character messages built to hurt it (median
 * and max of 7 runs), beside the same pattern on V8's own engine on 28 characters. Printed, never
 * asserted.
 */
import { performance } from 'node:perf_hooks';
import { warmUp } from '../src/engine/warm-up';
import { evaluate } from '../src/engine/evaluate';
import { buildRuleSet } from '../src/ruleset';
import path from 'node:path';
import { readCharter, readRuleFiles } from '../src/files/load-rules';

/** The repository root (the bench runs from build/bench/). */
const ROOT = path.resolve(__dirname, '..', '..');

const PATTERNS: ReadonlyArray<[string, string]> = [
  ['(a+)+$', `${'a'.repeat(39_999)}!`],
  ['(a|aa)+$', `${'a'.repeat(39_999)}!`],
  ['(.*a){12}', 'a'.repeat(40_000)],
  ['^(\\w+\\s?)*$', `${'word '.repeat(7_999)}!!!!!`],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function main(): void {
  console.log('admin patterns on RE2: a whole message, all default rules plus the pattern (bar: no message over 10 ms); patterns RE2 runs slowly are refused at load');
  for (const [pattern, text] of PATTERNS) {
    const ruleFile = `rules:\n  - id: admin-pattern\n    detector: regex\n    category: custom\n    severity: low\n    action: shadow\n    article: tone\n    options:\n      pattern: ${JSON.stringify(pattern)}\n`;
    let ruleSet;
    try {
      ruleSet = buildRuleSet({ ruleFiles: [...readRuleFiles(path.join(ROOT, 'rules')), { file: 'admin.yaml', content: ruleFile }], charter: readCharter(path.join(ROOT, 'charter')) }).ruleSet;
    } catch (error) {
      const reason = error instanceof Error ? (error.message.split('\n').find((line) => line.includes('pattern refused'))?.replace(/^.*pattern refused: /, '') ?? error.message) : String(error);
      console.log(`  ${pattern.padEnd(14)} refused when the rules load: ${reason}`);
      continue;
    }
    // As a bot starting with these rules does (src/bot.ts), then once on this message.
    warmUp(ruleSet);
    evaluate({ text }, ruleSet);
    const times: number[] = [];
    for (let run = 0; run < 7; run++) {
      const started = performance.now();
      evaluate({ text }, ruleSet);
      times.push(performance.now() - started);
    }
    const v8 = new RegExp(pattern);
    const short = text.slice(0, 27) + text.slice(-1);
    const v8Started = performance.now();
    v8.test(short);
    const v8Ms = performance.now() - v8Started;
    console.log(
      `  ${pattern.padEnd(14)} ${String(text.length).padStart(6)} chars  median ${median(times).toFixed(2).padStart(6)} ms  max ${Math.max(...times).toFixed(2).padStart(6)} ms   (V8's engine on ${short.length} chars: ${v8Ms.toFixed(1)} ms)`,
    );
  }
  console.log('');
}

main();
