import { runAudit } from '../../src/audit/audit';
import type { AuditReport, ExportChannel, ExportMessage, ExportSource } from '../../src/audit/model';
import { escapeHtml, renderHtml } from '../../src/audit/report-html';
import { renderJson } from '../../src/audit/report-json';
import { renderText } from '../../src/audit/report-text';
import { formatCount, formatRate, verdict } from '../../src/audit/report-common';
import { defaultRuleSet } from '../helpers/default-rules';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;
const CARD = '4970 1012 3456 7893';
const EVIL_CHANNEL = '<script>alert(1)</script>';

const general: ExportChannel = { id: 'C1', name: 'general', kind: 'channel', private: false, external: false };
const evil: ExportChannel = { id: 'C2', name: EVIL_CHANNEL, kind: 'channel', private: false, external: true };

function msg(channel: ExportChannel, hours: number, text: string, user = 'U1', extra: Partial<ExportMessage> = {}): ExportMessage {
  return { channel, ts: (T0 + hours * 3600).toFixed(6), user, text, edited: false, file: `${channel.name}/day.json`, ...extra };
}

function sourceOf(messages: ExportMessage[]): ExportSource {
  return {
    name: 'exports/acme & co.zip',
    channels: [general, evil],
    async *messages() {
      yield* messages;
    },
    problems: () => [{ file: 'export.zip:<img src=x onerror=alert(2)>/2026-01-06.json', message: 'bad JSON: "<unexpected>"' }],
  };
}

function messages(): ExportMessage[] {
  const list = [
    msg(general, 0, "t'es vraiment un con", 'U1', { lang: 'fr' }),
    msg(general, 1, 'you are an idiot', 'U2'),
    msg(general, 30, 'what the fuck', 'U2'),
    msg(evil, 31, `ma carte ${CARD}`, 'U3', { lang: 'fr' }),
    msg(evil, 32, 'you are an idiot', 'U4'),
    msg(general, 33, 'deploy done', 'U9', { subtype: 'bot_message', botId: 'B1' }),
  ];
  for (let i = 0; i < 40; i++) list.push(msg(general, 2 + i / 2, 'hello team, lunch at noon?', `U${i % 7}`));
  return list;
}

async function reports(): Promise<{ plain: AuditReport; withDraft: AuditReport }> {
  const ruleSet = defaultRuleSet();
  const live = { name: 'rules/', ruleSet };
  const draft = { name: 'draft/', ruleSet: { ...ruleSet, rules: ruleSet.rules.filter((r) => r.id !== 'insult') } };
  const now = () => Date.UTC(2026, 1, 1, 12, 0, 0);
  return {
    plain: await runAudit(sourceOf(messages()), { live }, { now }),
    withDraft: await runAudit(sourceOf(messages()), { live, draft }, { now }),
  };
}

/** A hand-made report whose excerpts and names carry markup. */
function hostileReport(base: AuditReport): AuditReport {
  const report = structuredClone(base);
  const first = report.live.rules[0];
  if (first === undefined) throw new Error('no rule');
  first.samples = ['<b>bold</b> & "quoted"', "it's"];
  first.topChannels = [{ channel: EVIL_CHANNEL, messages: 2 }];
  return report;
}

/** Checks that every non-void element is closed, in order. */
function unbalancedTags(html: string): string[] {
  const voids = new Set(['meta', 'br', 'hr', 'img', 'input', 'link']);
  const stack: string[] = [];
  const errors: string[] = [];
  for (const match of html.replace(/<!DOCTYPE html>/i, '').matchAll(/<(\/?)([a-zA-Z][\w-]*)\b[^>]*?(\/?)>/g)) {
    const [, closing, rawName, selfClosing] = match;
    const name = (rawName as string).toLowerCase();
    if (voids.has(name) || selfClosing === '/') continue;
    if (closing === '') stack.push(name);
    else if (stack.pop() !== name) errors.push(`unexpected </${name}>`);
  }
  return [...errors, ...stack.map((name) => `unclosed <${name}>`)];
}

describe('report formats', () => {
  let plain: AuditReport;
  let withDraft: AuditReport;
  beforeAll(async () => {
    ({ plain, withDraft } = await reports());
  });

  describe('helpers', () => {
    it('formats counts and rates without locale data', () => {
      expect(formatCount(1234567)).toBe('1,234,567');
      expect(formatCount(0)).toBe('0');
      expect(formatRate(3.14159)).toBe('3.14');
      expect(formatRate(42.66)).toBe('42.7');
      expect(formatRate(1234.4)).toBe('1,234');
      expect(formatRate(0.001)).toBe('<0.01');
      expect(formatRate(0)).toBe('0');
    });

    it('judges flagged messages per 2,000 against the target', () => {
      const result = { ...plain.live, flaggedMessages: 3, remindersPerDay: 3.2 };
      expect(verdict(result, 6000)).toMatchObject({ flaggedPer2000: 1, within: true });
      expect(verdict(result, 6000).text).toMatch(/^≈ 3.2 reminders a day .*1 flagged per 2,000 messages: within the 1-in-2,000 target$/);
      expect(verdict(result, 4000)).toMatchObject({ flaggedPer2000: 1.5, within: false });
      expect(verdict(result, 4000).text).toContain('above the 1-in-2,000 target');
      expect(verdict(result, 0).text).toBe('No message scanned: nothing to judge.');
    });
  });

  describe('text', () => {
    it('summarises the key figures', () => {
      const text = renderText(plain);
      const wide = renderText(plain, { width: 200 });
      expect(text).toContain('Audit of exports/acme & co.zip');
      expect(wide).toContain('45 messages scanned over 2 days (2026-01-05 → 2026-01-06); 1 skipped (1 bots, 0 direct messages, 0 system, 0 empty)');
      // 5 of 45 flagged = 222 per 2,000
      expect(wide).toContain('Verdict: ≈ 2.5 reminders a day (2.5 moderator alerts a day), 222 flagged per 2,000 messages: above the 1-in-2,000 target');
      expect(text).toMatch(/Rules \(noisiest first\)\n {2}Rule +Category +Action +Messages +per 1,000 +Reminders\/day +Top channel/);
      expect(text).toMatch(/\n {2}insult +insult +nudge\+flag +3 +66\.7 +1\.5 +#general \(2\)/);
      expect(text).toContain('Categories');
      expect(text).toContain('Channels most flagged');
      expect(text).toContain('export.zip:<img src=x onerror=alert(2)>/2026-01-06.json: bad JSON');
      expect(text).toContain('“you are an idiot”');
      expect(text).not.toContain('Live vs draft');
      expect(text).not.toContain('\x1b[');
      for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    });

    it('puts live and draft side by side with the difference', () => {
      const text = renderText(withDraft, { width: 80 });
      expect(text).toContain('Rules: rules/ (live), compared with draft/ (draft)');
      expect(text).toMatch(/Live vs draft \(messages per rule\)\n {2}Rule +Live +Draft +Difference/);
      expect(text).toMatch(/\n {2}insult +3 +off +-3\n/);
      expect(text).toMatch(/\n {2}profanity +1 +1 +0\n/);
      expect(text).toContain('Flagged messages: 5 → 3 (-2)');
      expect(text).toContain('Verdict (draft): ');
      for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    });

    it('colours only when asked, and strips control characters from the export', () => {
      const report = hostileReport(plain);
      report.live.channels[0]!.channel = 'ops\x1b[31m\x07';
      report.live.channels[0]!.flagged = 9;
      const text = renderText(report, { color: true });
      expect(text).toContain('\x1b[1m');
      expect(text).toContain('#ops [31m ');
      expect(text.replace(/\x1b\[\d+m/g, '')).not.toMatch(/[\x00-\x09\x0b-\x1f]/);
    });

    it('never shows a raw card number', () => {
      expect(renderText(withDraft)).not.toContain(CARD);
      expect(renderText(withDraft)).toMatch(/•••• •••• ••••/);
    });
  });

  describe('json', () => {
    it('parses back into the report, keys in a stable order', () => {
      const json = renderJson(withDraft);
      expect(JSON.parse(json)).toEqual(withDraft);
      expect(Object.keys(JSON.parse(json))).toEqual([
        'export',
        'generatedAt',
        'scanned',
        'skipped',
        'firstDay',
        'lastDay',
        'days',
        'live',
        'draft',
        'problems',
        'seconds',
        'messagesPerSecond',
      ]);
      const reordered = { ...withDraft, live: { ...withDraft.live } } as unknown as Record<string, unknown>;
      const shuffled = Object.fromEntries(Object.entries(reordered).reverse()) as unknown as AuditReport;
      expect(renderJson(shuffled)).toBe(json);
      expect(json).not.toContain(CARD);
      expect(JSON.parse(renderJson(plain))).toEqual(plain);
      expect('draft' in JSON.parse(renderJson(plain))).toBe(false);
    });
  });

  describe('html', () => {
    it('is one self-contained, well-formed page with the charts', () => {
      const html = renderHtml(withDraft);
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html.match(/<html\b/g)).toHaveLength(1);
      expect(html).toMatch(/<html lang="en">/);
      expect(html).toMatch(/<title>Charter audit: exports\/acme &amp; co\.zip<\/title>/);
      expect(unbalancedTags(html)).toEqual([]);
      for (const id of ['chart-rules', 'chart-categories', 'chart-draft']) {
        expect(html).toMatch(new RegExp(`<svg id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc"`));
      }
      expect(html.match(/<figure>/g)).toHaveLength(3);
      expect(html.match(/<figcaption>/g)).toHaveLength(3);
      expect(html).toContain('<th scope="col">Rule</th>');
      expect(html).toMatch(/<h1>/);
      expect(html).toContain('Generated by charter-bot audit on 2026-02-01 12:00 UTC');
      // Nothing fetched, nothing run.
      expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\ssrc="|\shref="|@import|url\(/i);
      expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:/);
      // Bars: one per rule in the rules chart.
      const rulesChart = html.slice(html.indexOf('<svg id="chart-rules"'), html.indexOf('</svg>', html.indexOf('<svg id="chart-rules"')));
      expect(rulesChart.match(/<rect /g)).toHaveLength(withDraft.live.rules.length);
    });

    it('has no draft chart without a draft', () => {
      const html = renderHtml(plain);
      expect(html).not.toContain('chart-draft');
      expect(html).not.toContain('Live vs draft');
      expect(unbalancedTags(html)).toEqual([]);
    });

    it('escapes every dynamic string: channel names, excerpts, file names', () => {
      const html = renderHtml(hostileReport(withDraft));
      expect(html).not.toContain(EVIL_CHANNEL);
      expect(html).toContain('#&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).not.toContain('<b>');
      expect(html).toContain('&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;');
      expect(html).toContain('it&#39;s');
      expect(html).not.toContain('<img');
      expect(html).toContain('export.zip:&lt;img src=x onerror=alert(2)&gt;/2026-01-06.json');
      expect(html).toContain('bad JSON: &quot;&lt;unexpected&gt;&quot;');
      expect(unbalancedTags(html)).toEqual([]);
    });

    it('never shows a raw card number', () => {
      const html = renderHtml(withDraft);
      expect(html).not.toContain(CARD);
      expect(html).not.toContain('4970');
    });

    it('renders charts of an empty audit', async () => {
      const empty = await runAudit(
        { name: 'empty', channels: [], messages: async function* () {}, problems: () => [] },
        { live: { name: 'rules/', ruleSet: { ...defaultRuleSet(), rules: [] } } },
      );
      const html = renderHtml(empty);
      expect(html).toContain('id="chart-rules"');
      expect(html).toContain('Nothing to show');
      expect(unbalancedTags(html)).toEqual([]);
      expect(renderText(empty)).toContain('No message scanned: nothing to judge.');
    });

    it('escapes the five HTML characters', () => {
      expect(escapeHtml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;');
    });
  });
});
