/**
 * `charter-bot audit` (text): a terminal summary of the report. Pure; ANSI colours only when
 * asked. Every string that comes from the export (channel names, excerpts, file names) is
 * stripped of control characters, so an export cannot drive the terminal.
 */
import type { AuditReport, AuditResult } from './model';
import {
  compareRules,
  describeDays,
  formatCount,
  formatDate,
  formatDifference,
  formatRate,
  GENERATOR,
  mostFlaggedChannels,
  totalSkipped,
  verdict,
} from './report-common';

/** Options of {@link renderText}. */
export interface TextOptions {
  /** ANSI colours and bold (default false). */
  color?: boolean;
  /** Terminal width, in columns (default 100, at least 60). */
  width?: number;
}

const CHANNELS_SHOWN = 10;
const RULE_COLUMN = 28;

interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  good: (s: string) => string;
  bad: (s: string) => string;
}

const PLAIN: Style = { bold: (s) => s, dim: (s) => s, good: (s) => s, bad: (s) => s };
const ANSI: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  good: (s) => `\x1b[32m${s}\x1b[39m`,
  bad: (s) => `\x1b[33m${s}\x1b[39m`,
};

/**
 * The report as a terminal summary: header, verdict, rules noisiest first, categories, channels
 * most flagged, live vs draft (with a draft), masked samples, problems.
 */
export function renderText(report: AuditReport, options: TextOptions = {}): string {
  const style = options.color === true ? ANSI : PLAIN;
  const width = Math.max(60, Math.floor(options.width ?? 100));
  const out: string[] = [];
  const line = (text = ''): void => {
    out.push(text);
  };

  line(style.bold(`Audit of ${clean(report.export)}`));
  const prose = (text: string, paint: (s: string) => string = (s) => s): void => {
    for (const wrapped of wrap(text, width)) line(paint(wrapped));
  };
  prose(`Rules: ${clean(report.live.rulesName)}${report.draft === undefined ? '' : ` (live), compared with ${clean(report.draft.rulesName)} (draft)`}`);
  const skipped = report.skipped;
  prose(
    `${formatCount(report.scanned)} messages scanned over ${describeDays(report)}; ${formatCount(totalSkipped(report))} skipped ` +
      `(${formatCount(skipped.bots)} bots, ${formatCount(skipped.directMessages)} direct messages, ${formatCount(skipped.system)} system, ${formatCount(skipped.empty)} empty).`,
  );
  prose(`Read in ${formatRate(report.seconds)} s (${formatCount(report.messagesPerSecond)} messages/s); ${GENERATOR}, ${formatDate(report.generatedAt)}.`, style.dim);
  line();
  verdictLines(report, style, width).forEach((text) => line(text));

  section(out, style, report.draft === undefined ? 'Rules (noisiest first)' : 'Rules in force (noisiest first)');
  rulesTable(report.live, width).forEach((text) => line(text));

  section(out, style, 'Categories');
  table(
    ['Category', 'Messages', 'per 1,000'],
    report.live.categories.map((c) => [c.category, formatCount(c.messages), formatRate(c.ratePer1000)]),
    [false, true, true],
    width,
  ).forEach((text) => line(text));

  section(out, style, 'Channels most flagged');
  const channels = mostFlaggedChannels(report.live, CHANNELS_SHOWN);
  if (channels.length === 0) line('  No channel flagged.');
  else {
    table(
      ['Channel', 'Scanned', 'Flagged', 'per 1,000'],
      channels.map((c) => [`#${clean(c.channel)}`, formatCount(c.scanned), formatCount(c.flagged), formatRate(c.scanned === 0 ? 0 : (c.flagged * 1000) / c.scanned)]),
      [false, true, true, true],
      width,
    ).forEach((text) => line(text));
    const more = report.live.channels.filter((c) => c.flagged > 0).length - channels.length;
    if (more > 0) line(style.dim(`  … and ${formatCount(more)} more flagged ${more === 1 ? 'channel' : 'channels'} (see --format html or json).`));
  }

  if (report.draft !== undefined) {
    section(out, style, 'Live vs draft (messages per rule)');
    table(
      ['Rule', 'Live', 'Draft', 'Difference'],
      compareRules(report.live, report.draft).map((row) => [
        clip(clean(row.rule), RULE_COLUMN),
        row.live === undefined ? '—' : formatCount(row.live),
        row.draft === undefined ? 'off' : formatCount(row.draft),
        formatDifference(row.difference),
      ]),
      [false, true, true, true],
      width,
    ).forEach((text) => line(text));
    const live = report.live;
    const draft = report.draft;
    prose(
      `  Flagged messages: ${formatCount(live.flaggedMessages)} → ${formatCount(draft.flaggedMessages)} (${formatDifference(draft.flaggedMessages - live.flaggedMessages)}); ` +
        `reminders a day: ${formatRate(live.remindersPerDay)} → ${formatRate(draft.remindersPerDay)}.`,
    );
  }

  section(out, style, 'Samples (masked excerpts)');
  const withSamples = report.live.rules.filter((rule) => rule.samples.length > 0);
  if (withSamples.length === 0) line('  None: no rule fired.');
  for (const rule of withSamples) {
    line(`  ${style.bold(clean(rule.rule))}`);
    for (const sample of rule.samples) line(`    “${clip(clean(sample), width - 7)}”`);
  }

  section(out, style, 'Problems (files skipped)');
  if (report.problems.length === 0) line('  None: the whole export was read.');
  for (const problem of report.problems) line(`  ${clip(`${clean(problem.file)}: ${clean(problem.message)}`, width - 2)}`);

  return `${out.join('\n')}\n`;
}

function verdictLines(report: AuditReport, style: Style, width: number): string[] {
  const lines: string[] = [];
  const show = (label: string, result: AuditResult): void => {
    const v = verdict(result, report.scanned);
    const paint = report.scanned === 0 ? style.dim : v.within ? style.good : style.bad;
    wrap(`${label}${v.text}`, width, label.length).forEach((text, i) => {
      lines.push(i === 0 ? `${text.slice(0, label.length)}${paint(text.slice(label.length))}` : paint(text));
    });
  };
  if (report.draft === undefined) show('Verdict: ', report.live);
  else {
    show('Verdict (live):  ', report.live);
    show('Verdict (draft): ', report.draft);
  }
  return lines;
}

function rulesTable(result: AuditResult, width: number): string[] {
  if (result.rules.length === 0) return ['  No rule enabled.'];
  return table(
    ['Rule', 'Category', 'Action', 'Messages', 'per 1,000', 'Reminders/day', 'Top channel'],
    result.rules.map((rule) => {
      const top = rule.topChannels[0];
      return [
        clip(clean(rule.rule), RULE_COLUMN),
        rule.category,
        rule.action,
        formatCount(rule.messages),
        formatRate(rule.ratePer1000),
        formatRate(rule.remindersPerDay),
        top === undefined ? '—' : `#${clip(clean(top.channel), 24)} (${formatCount(top.messages)})`,
      ];
    }),
    [false, false, false, true, true, true, false],
    width,
  );
}

function section(out: string[], style: Style, title: string): void {
  out.push('', style.bold(title));
}

/** A table indented by two spaces; the last column is cut so that lines fit the width. */
function table(headers: string[], rows: string[][], right: boolean[], width: number): string[] {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const last = widths.length - 1;
  const others = 2 + widths.slice(0, last).reduce((sum, w) => sum + w + 2, 0);
  widths[last] = Math.max(headers[last]?.length ?? 0, Math.min(widths[last] ?? 0, width - others));
  const render = (cells: string[]): string => {
    const text = cells
      .map((cell, i) => {
        const w = widths[i] ?? 0;
        const fitted = clip(cell, w);
        return right[i] === true ? fitted.padStart(w) : fitted.padEnd(w);
      })
      .join('  ');
    return clip(`  ${text}`.trimEnd(), width);
  };
  return [render(headers), render(headers.map((_, i) => '-'.repeat(widths[i] ?? 0))), ...rows.map(render)];
}

/** Wraps prose at spaces; continuation lines indented by `indent` spaces. */
function wrap(text: string, width: number, indent = 2): string[] {
  const lead = /^ */.exec(text)?.[0] ?? '';
  const lines: string[] = [];
  let current = lead;
  for (const word of text.slice(lead.length).split(' ')) {
    const candidate = current.trim() === '' ? `${current}${word}` : `${current} ${word}`;
    if (candidate.length > width && current.trim() !== '') {
      lines.push(current);
      current = `${' '.repeat(lead.length + indent)}${word}`;
    } else current = candidate;
  }
  lines.push(current);
  return lines.map((l) => clip(l, width));
}

/** Removes control characters (ANSI escapes included) and bidirectional overrides. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, ' ');
}

function clip(text: string, width: number): string {
  if (text.length <= width) return text;
  return `${text.slice(0, Math.max(0, width - 1))}…`;
}
