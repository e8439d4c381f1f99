/**
 * The HTML audit report opens in headless Chromium and renders its charts: a screenshot is taken
 * and its pixels are read back. Needs Debian's chromium (`apt-get install chromium`, see README
 * "Development"); without it the test fails and says so.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { runAudit } from '../../src/audit/audit';
import type { ExportChannel, ExportMessage, ExportSource } from '../../src/audit/model';
import { renderHtml } from '../../src/audit/report-html';
import { BREAKING_TEXTS } from '../helpers/breaking-messages';
import { defaultRuleSet } from '../helpers/default-rules';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => fs.existsSync(candidate));

/** A small export: ordinary chat and rule-breaking messages in three channels. */
function source(): ExportSource {
  const channels: ExportChannel[] = [
    { id: 'C1', name: 'general', kind: 'channel', private: false, external: false },
    { id: 'C2', name: 'projet-atlas', kind: 'channel', private: false, external: false },
    { id: 'C3', name: 'client-renault', kind: 'channel', private: false, external: true },
  ];
  return {
    name: 'fixture',
    channels,
    problems: () => [],
    async *messages(): AsyncIterable<ExportMessage> {
      for (let i = 0; i < 600; i++) {
        const channel = channels[i % 3] as ExportChannel;
        const text = i % 5 === 0 ? (BREAKING_TEXTS[i % BREAKING_TEXTS.length] as string) : i % 7 === 0 ? 'mdr ok' : 'Le point est à 14h, merci.';
        yield { channel, ts: `${1764000000 + i * 600}.000100`, user: `U${i % 9}`, text, edited: false, lang: 'fr', file: `${channel.name}/day.json` };
      }
    },
  };
}

/** Pixels of a colour (±12 per channel) in a PNG. */
function countColour(png: PNG, hex: string): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  let count = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    if (Math.abs((png.data[i] as number) - r) <= 12 && Math.abs((png.data[i + 1] as number) - g) <= 12 && Math.abs((png.data[i + 2] as number) - b) <= 12) count++;
  }
  return count;
}

it('opens in headless Chromium and draws its bar charts (screenshot read back)', async () => {
  if (CHROMIUM === undefined) throw new Error('Chromium is needed for this test: apt-get install chromium (see README, "Development")');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'charter-audit-html-'));
  try {
    const report = await runAudit(source(), { live: { name: 'rules', ruleSet: defaultRuleSet() }, draft: { name: 'draft', ruleSet: { ...defaultRuleSet(), rules: defaultRuleSet().rules.filter((r) => r.id !== 'profanity') } } });
    const html = renderHtml(report);
    const page = path.join(dir, 'audit.html');
    fs.writeFileSync(page, html);
    const shot = path.join(dir, 'audit.png');
    const result = spawnSync(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${path.join(dir, 'profile')}`, `--screenshot=${shot}`, '--window-size=1280,6000', '--hide-scrollbars', `file://${page}`],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(fs.existsSync(shot)).toBe(true);
    const png = PNG.sync.read(fs.readFileSync(shot));
    expect([png.width, png.height]).toEqual([1280, 6000]);
    // The live bars and the draft bars are drawn in their colours, in quantity.
    expect(countColour(png, '#3b6fd8')).toBeGreaterThan(2_000);
    expect(countColour(png, '#e0892b')).toBeGreaterThan(500);
    expect(result.status).toBe(0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 90_000);
