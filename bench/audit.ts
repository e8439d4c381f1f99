/**
 * `npm run bench` (last part): `charter-bot audit` on generated Slack exports.
 *
 * 1. Throughput, JSON parsing included, on one core: 200,000 messages read from a directory and
 *    from a zip, all default rules, median of 3 runs, beside reading alone (no rules).
 * 2. Memory on a 1,000,000-message export (a 1.4 GB directory): resident memory sampled while
 *    the audit runs; flat means the last samples are no higher than the early ones.
 * Sizes can be lowered with AUDIT_MESSAGES and AUDIT_BIG_MESSAGES. Figures are printed, never
 * asserted.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { runAudit } from '../src/audit/audit';
import { openExport } from '../src/audit/export-reader';
import { loadRules } from '../src/files/load-rules';
import { writeSlackExport } from './slack-export';

const ROOT = path.resolve(__dirname, '..', '..');
const MESSAGES = Number(process.env.AUDIT_MESSAGES ?? 200_000);
const BIG = Number(process.env.AUDIT_BIG_MESSAGES ?? 1_000_000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

async function readOnly(exportPath: string): Promise<number> {
  const source = await openExport(exportPath);
  const started = performance.now();
  let count = 0;
  for await (const message of source.messages()) if (message.ts !== '') count++;
  return count / ((performance.now() - started) / 1000);
}

async function audit(exportPath: string, ruleSet: ReturnType<typeof loadRules>['ruleSet']): Promise<number> {
  const report = await runAudit(await openExport(exportPath), { live: { name: 'rules', ruleSet } });
  return report.messagesPerSecond;
}

async function main(): Promise<void> {
  const { ruleSet } = loadRules({ rulesDir: path.join(ROOT, 'rules'), charterDir: path.join(ROOT, 'charter') });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-audit-bench-'));
  try {
    const small = path.join(dir, 'export');
    const written = await writeSlackExport(small, { messages: MESSAGES, seed: 7, zip: true });
    console.log(`audit benchmark — ${MESSAGES.toLocaleString('en-US')} generated messages (${written.zip !== undefined ? 'directory and zip' : 'directory'}), default rules, median of 3 runs, one core`);
    console.log('source        read only msg/s   audit msg/s   (bar: audit >= 50,000 messages/s, JSON parsing included)');
    for (const [label, target] of [['directory', small], ['zip', written.zip]] as const) {
      if (target === undefined) continue;
      const reads: number[] = [];
      const audits: number[] = [];
      for (let run = 0; run < 3; run++) {
        reads.push(await readOnly(target));
        audits.push(await audit(target, ruleSet));
      }
      console.log(`${label.padEnd(13)} ${Math.round(median(reads)).toLocaleString('en-US').padStart(15)}   ${Math.round(median(audits)).toLocaleString('en-US').padStart(11)}`);
    }
    fs.rmSync(small, { recursive: true, force: true });

    const big = path.join(dir, 'big');
    await writeSlackExport(big, { messages: BIG, seed: 11 });
    const samples: Array<{ messages: number; rss: number }> = [];
    let seen = 0;
    const timer = setInterval(() => samples.push({ messages: seen, rss: process.memoryUsage().rss }), 250);
    const started = performance.now();
    const report = await runAudit(await openExport(big), { live: { name: 'rules', ruleSet } }, { onProgress: (p) => (seen = p.messages) });
    clearInterval(timer);
    const seconds = (performance.now() - started) / 1000;
    const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;
    const at = (share: number) => samples[Math.min(samples.length - 1, Math.floor(samples.length * share))];
    const early = at(0.1);
    const late = at(0.95);
    const peak = Math.max(...samples.map((s) => s.rss));
    console.log(
      `memory on ${BIG.toLocaleString('en-US')} messages (${report.scanned.toLocaleString('en-US')} scanned, ${seconds.toFixed(0)} s): resident ${early === undefined ? '?' : mb(early.rss)} at 10 %, ${late === undefined ? '?' : mb(late.rss)} at 95 %, peak ${mb(peak)}`,
    );
    console.log('');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
