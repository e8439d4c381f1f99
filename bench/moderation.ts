/**
 * `npm run bench` (second part): `handleMessage` with the SQLite store (WAL, synchronous=NORMAL,
 * a temporary file) beside the engine alone, on the same messages, in one run.
 *
 * Two mixes: ordinary chat where one message in twenty breaks a rule (what a workspace sends), and
 * the worst case where every message breaks one (every message is a write transaction: event,
 * flags, outbox). Then the relay draining the outbox through a notifier that does nothing, to
 * show what the store adds per delivery. Figures are printed, never asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluate } from '../src/engine/evaluate';
import type { RuleSet } from '../src/engine/rule';
import { loadRules } from '../src/files/load-rules';
import { createMessageHandler, IncomingMessage } from '../src/moderation/handle-message';
import { OutboxRelay } from '../src/moderation/relay';
import { SqliteModerationStore } from '../src/store';
import { generateCleanChat } from './chat-corpus';

const ROOT = path.resolve(__dirname, '..', '..');
const MESSAGES = 10_000;
const ROUNDS = 5;

const BREAKING = [
  'putain, encore une panne',
  "t'es vraiment un con",
  'this is fucking broken again',
  'ma carte : 4970 1012 3456 7893',
  'mdp : Tournesol#2026',
  'ARRÊTEZ DE MODIFIER LE FICHIER PARTAGÉ SANS PRÉVENIR PERSONNE',
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Messages with unique event ids and ts per round, as Slack would send them. */
function messages(texts: readonly string[], round: number): IncomingMessage[] {
  return texts.map((text, i) => ({
    eventId: `Ev${round}-${i}`,
    channel: { id: `C${i % 13}`, name: 'projet-atlas' },
    author: `U${i % 500}`,
    ts: `${1732790400 + round}.${String(i).padStart(6, '0')}`,
    text,
    locale: 'fr',
  }));
}

function engineRate(texts: readonly string[], ruleSet: RuleSet): number {
  const rates: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const batch = messages(texts, round);
    const started = performance.now();
    for (const m of batch) evaluate({ text: m.text, channel: m.channel, user: m.author, lang: 'fr' }, ruleSet);
    if (round > 0) rates.push(batch.length / ((performance.now() - started) / 1000));
  }
  return median(rates);
}

async function handlerRate(texts: readonly string[], ruleSet: RuleSet, dir: string): Promise<{ rate: number; queued: number; drain: number }> {
  const rates: number[] = [];
  const drains: number[] = [];
  let queued = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const store = SqliteModerationStore.open(path.join(dir, `round-${round}-${Math.random().toString(36).slice(2)}.db`));
    const handle = createMessageHandler({ store, rules: { current: () => ruleSet } });
    const batch = messages(texts, round);
    const started = performance.now();
    queued = 0;
    for (const m of batch) queued += (await handle(m)).queued;
    const seconds = (performance.now() - started) / 1000;
    const relay = new OutboxRelay({ store, notifier: { deliver: async () => ({ via: 'bench' }) }, batchSize: 100 });
    const drainStarted = performance.now();
    const drained = await relay.drain();
    const drainSeconds = (performance.now() - drainStarted) / 1000;
    await store.close();
    if (round > 0) {
      rates.push(batch.length / seconds);
      if (drained.sent > 0) drains.push(drained.sent / drainSeconds);
    }
  }
  return { rate: median(rates), queued, drain: drains.length > 0 ? median(drains) : 0 };
}

function format(rate: number): string {
  return Math.round(rate).toLocaleString('en-US').padStart(10);
}

async function main(): Promise<void> {
  const { ruleSet } = loadRules({ rulesDir: path.join(ROOT, 'rules'), charterDir: path.join(ROOT, 'charter') });
  const chat = JSON.parse(JSON.stringify(generateCleanChat(MESSAGES, 20261128).map((m) => m.text))) as string[];
  const mixed = chat.map((text, i) => (i % 20 === 0 ? (BREAKING[(i / 20) % BREAKING.length] as string) : text));
  const allBreaking = chat.map((_, i) => BREAKING[i % BREAKING.length] as string);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-bench-'));
  try {
    console.log(`moderation core benchmark — handleMessage with SQLite (WAL, synchronous=NORMAL, file in ${os.tmpdir()}), ${MESSAGES.toLocaleString('en-US')} messages, median of ${ROUNDS} rounds`);
    console.log('mix                                   engine only msg/s   handleMessage msg/s   ratio   reminders+alerts   relay deliveries/s');
    for (const [label, texts] of [
      ['ordinary chat, 1 in 20 breaks a rule', mixed],
      ['every message breaks a rule (worst)', allBreaking],
    ] as const) {
      const engine = engineRate(texts, ruleSet);
      const handler = await handlerRate(texts, ruleSet, dir);
      console.log(
        `${label.padEnd(37)} ${format(engine)}          ${format(handler.rate)}      ${(handler.rate / engine).toFixed(2).padStart(5)}   ${String(handler.queued).padStart(16)}   ${format(handler.drain)}`,
      );
    }
    console.log('bar: handleMessage >= 5,000 messages/s on one core\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
