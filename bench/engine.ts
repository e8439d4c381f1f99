/**
 * `npm run bench`: the full default rule set against `bad-words`' `isProfane` alone, on the same
 * realistic chat messages, side by side in one run (medians of several rounds), then the worst
 * time per message on adversarial 40,000-character inputs.
 *
 * Figures are printed, never asserted: speed is measured here, not in unit tests.
 */
import { Filter } from 'bad-words';
import path from 'node:path';
import { performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import { evaluate } from '../src/engine/evaluate';
import { PreparedText } from '../src/engine/prepare';
import type { RuleSet } from '../src/engine/rule';
import type { ChatMessage } from '../src/engine/types';
import { warmUp } from '../src/engine/warm-up';
import { loadRules } from '../src/files/load-rules';
import { generateCleanChat } from './chat-corpus';
import { adversarialMessages } from './adversarial';

/** The repository root (the bench runs from build/bench/). */
const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS_SIZE = 20_000;
/** Interleaved rounds of the main comparison (bad-words and the engine, one pass each per round). */
const ROUNDS = 7;
/** Rounds of the comparison by length. */
const BAND_ROUNDS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Messages per second of `work` over `items`, median of several rounds (after one warm-up). */
function throughput<T>(items: readonly T[], work: (item: T) => unknown, rounds: number): number {
  let sink = 0;
  for (const item of items) if (work(item)) sink++;
  const rates: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    for (const item of items) if (work(item)) sink++;
    const seconds = (performance.now() - started) / 1000;
    rates.push(items.length / seconds);
  }
  if (sink < 0) console.log(sink);
  return median(rates);
}

/**
 * Messages per second of each contender, measured in interleaved rounds (one pass of each per
 * round, after one warm-up pass): a change in the machine's load during the run hits both sides
 * alike. Returns each side's median rate and the median of the per-round ratios `a / b`.
 */
function sideBySide<A, B>(
  a: { items: readonly A[]; work: (item: A) => unknown },
  b: { items: readonly B[]; work: (item: B) => unknown },
  rounds: number,
): { a: number; b: number; ratio: number } {
  let sink = 0;
  const pass = <T>(items: readonly T[], work: (item: T) => unknown): number => {
    const started = performance.now();
    for (const item of items) if (work(item)) sink++;
    return items.length / ((performance.now() - started) / 1000);
  };
  pass(a.items, a.work);
  pass(b.items, b.work);
  const ratesA: number[] = [];
  const ratesB: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const rateA = pass(a.items, a.work);
    const rateB = pass(b.items, b.work);
    ratesA.push(rateA);
    ratesB.push(rateB);
    ratios.push(rateA / rateB);
  }
  if (sink < 0) console.log(sink);
  return { a: median(ratesA), b: median(ratesB), ratio: median(ratios) };
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US').padStart(12);
}

/** The same comparison by message length: bad-words costs about the same per message, we cost per character. */
function byLength(corpus: readonly ChatMessage[], ruleSet: RuleSet, filter: Filter): void {
  console.log('by length                 messages   engine µs   bad-words µs   ratio');
  for (const [low, high, label] of LENGTH_BANDS) {
    const band = corpus.filter((m) => m.text.length >= low && m.text.length < high);
    if (band.length === 0) continue;
    const engine = throughput(band, (m) => evaluate(m, ruleSet).findings.length > 0, BAND_ROUNDS);
    const badWords = throughput(band.slice(0, 1_000), (m) => filter.isProfane(m.text), BAND_ROUNDS);
    console.log(
      `  ${label.padEnd(22)} ${String(band.length).padStart(8)}   ${(1e6 / engine).toFixed(2).padStart(9)}   ${(1e6 / badWords).toFixed(1).padStart(12)}   ${(engine / badWords).toFixed(0).padStart(4)}x`,
    );
  }
  console.log('');
}

const LENGTH_BANDS: ReadonlyArray<[number, number, string]> = [
  [0, 80, 'short (< 80 chars)'],
  [80, 200, 'medium (80–199)'],
  [200, Number.POSITIVE_INFINITY, 'long (200 and more)'],
];

/** One timed evaluation: when it ran, on the `performance.now()` clock. */
interface TimedRun {
  start: number;
  end: number;
}

/** Milliseconds of garbage-collection pauses that fell inside a run. */
function gcInside(run: TimedRun, pauses: readonly PerformanceEntry[]): number {
  let total = 0;
  for (const pause of pauses) {
    const start = Math.max(run.start, pause.startTime);
    const end = Math.min(run.end, pause.startTime + pause.duration);
    if (end > start) total += end - start;
  }
  return total;
}

/**
 * Time per message on adversarial 40,000-character messages, each timed over several runs from its
 * very first (the first time a bot meets such a message counts); the median and the maximum are
 * printed. Run after the throughput rounds and the start-up warm-up, as in a bot that has been
 * serving for a while.
 *
 * Garbage-collection pauses are process-wide (any code running when one starts waits for it), so
 * they are recorded too: each run's wall time is printed as measured, and beside it the time left
 * once the pauses that fell inside it are taken out.
 */
async function worstCase(ruleSet: RuleSet): Promise<void> {
  const runs = 7;
  console.log(`worst case: adversarial messages, median and max of ${runs} runs each (bar: no message over 10 ms)`);
  console.log(`  ${''.padEnd(40)} ${''.padStart(6)}         wall time (ms)      without GC pauses (ms)`);
  const pauses: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  const measured: Array<{ name: string; length: number; runs: TimedRun[] }> = [];
  for (const { name, text } of adversarialMessages()) {
    const message: ChatMessage = { text, channel: { name: 'ext-acme', external: true } };
    const timed: TimedRun[] = [];
    for (let run = 0; run < runs; run++) {
      const start = performance.now();
      evaluate(message, ruleSet);
      timed.push({ start, end: performance.now() });
    }
    measured.push({ name, length: text.length, runs: timed });
  }
  // GC entries reach the observer asynchronously.
  await new Promise((resolve) => setTimeout(resolve, 50));
  observer.disconnect();
  let worstWall = 0;
  let worstOwn = 0;
  let runsWithPause = 0;
  let longestPause = 0;
  for (const { name, length, runs: timed } of measured) {
    const wall = timed.map((run) => run.end - run.start);
    const own = timed.map((run) => {
      const paused = gcInside(run, pauses);
      if (paused > 0) runsWithPause++;
      longestPause = Math.max(longestPause, paused);
      return run.end - run.start - paused;
    });
    worstWall = Math.max(worstWall, ...wall);
    worstOwn = Math.max(worstOwn, ...own);
    console.log(
      `  ${name.padEnd(40)} ${String(length).padStart(6)} chars  median ${median(wall).toFixed(2).padStart(6)}  max ${Math.max(...wall).toFixed(2).padStart(6)}` +
        `   median ${median(own).toFixed(2).padStart(6)}  max ${Math.max(...own).toFixed(2).padStart(6)}`,
    );
  }
  console.log(`  worst wall time: ${worstWall.toFixed(2)} ms; worst without GC pauses: ${worstOwn.toFixed(2)} ms`);
  console.log(`  runs with a GC pause inside: ${runsWithPause} of ${measured.length * runs}; longest pause inside one run: ${longestPause.toFixed(2)} ms\n`);
}

/**
 * The messages as the bot receives them: Slack delivers events as JSON, so every text is a
 * string made by `JSON.parse`, not the concatenation the generator built. (V8 keeps a
 * concatenated string as a chain of pieces, which every reader of it pays for; both engines
 * here are measured on the same parsed strings.)
 */
function asDelivered(messages: ChatMessage[]): ChatMessage[] {
  return JSON.parse(JSON.stringify(messages)) as ChatMessage[];
}

async function main(): Promise<void> {
  const { ruleSet } = loadRules({ rulesDir: path.join(ROOT, 'rules'), charterDir: path.join(ROOT, 'charter') });
  // As the bot does when it starts (src/bot.ts).
  warmUp(ruleSet);
  const corpus = asDelivered(
    generateCleanChat(CORPUS_SIZE, 20261128).map((m) => ({ text: m.text, channel: m.channel, lang: m.lang })),
  );
  const averageLength = corpus.reduce((sum, m) => sum + m.text.length, 0) / corpus.length;
  console.log(`charter-bot engine benchmark — Node ${process.version}, ${corpus.length.toLocaleString('en-US')} realistic chat messages (FR/EN, links, mentions, code; average ${averageLength.toFixed(0)} characters), interleaved rounds, medians`);
  console.log(`rules: ${ruleSet.rules.length} enabled (the default rule set)\n`);

  const filter = new Filter();
  const badWordsSample = corpus.slice(0, 2_000);
  const measured = sideBySide(
    { items: corpus, work: (m: ChatMessage) => evaluate(m, ruleSet).findings.length > 0 },
    { items: badWordsSample, work: (m: ChatMessage) => filter.isProfane(m.text) },
    ROUNDS,
  );
  const engine = measured.a;
  const badWords = measured.b;
  const preparation = throughput(corpus, (m) => new PreparedText(m.text, m.lang ?? 'fr').lang === 'fr', ROUNDS);

  console.log('what                                   messages/s   µs/message');
  console.log(`bad-words isProfane (alone)          ${format(badWords)}   ${(1e6 / badWords).toFixed(2).padStart(10)}`);
  console.log(`charter-bot evaluate (all rules)     ${format(engine)}   ${(1e6 / engine).toFixed(2).padStart(10)}`);
  console.log(`  of which preparation (markup, words, language) ${(1e6 / preparation).toFixed(2).padStart(8)}`);
  console.log(`ratio engine / bad-words             ${measured.ratio.toFixed(0).padStart(11)}x   (bar: >= 100x; median of the ${ROUNDS} rounds' ratios)\n`);
  byLength(corpus, ruleSet, filter);

  await worstCase(ruleSet);
}

void main();
