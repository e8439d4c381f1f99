/**
 * `charter-bot check`: checks messages given as arguments or read from standard input
 * (JSON lines `{"text", "channel"?, "external"?, "lang"?}` or plain text lines) and prints
 * the findings, readable or as one JSON line per input (DESIGN.md §3).
 */
import { createInterface } from 'node:readline';
import { evaluate } from '../engine/evaluate';
import type { ChatMessage, Finding, Lang } from '../engine/types';
import type { LoadedRules } from '../ruleset';

/** Options of `check`. */
export interface CheckOptions {
  json: boolean;
  channel?: string;
  external: boolean;
  private: boolean;
  lang?: Lang;
  /** Language of the explanations in readable output. */
  outputLang: Lang;
}

/** Where `check` writes. */
export interface CheckIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

/** The JSON shape of one input's result (DESIGN.md §3, plus the charter article). */
export interface CheckJsonLine {
  findings: Array<Pick<Finding, 'rule' | 'category' | 'severity' | 'action' | 'article' | 'start' | 'end' | 'excerpt'>>;
}

/** Builds the message for a text given on the command line or as a plain line. */
export function messageFromText(text: string, options: CheckOptions): ChatMessage {
  const channel = {
    ...(options.channel === undefined ? {} : { name: options.channel.replace(/^#/, '') }),
    external: options.external,
    private: options.private,
  };
  return { text, channel, ...(options.lang === undefined ? {} : { lang: options.lang }) };
}

/**
 * Reads one input line: a JSON object with a `text` string, or plain text.
 * Returns the message, or a warning when the line looked like JSON but was not usable.
 */
export function parseInputLine(line: string, options: CheckOptions): { message: ChatMessage; warning?: string } {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { message: messageFromText(line, options) };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'invalid JSON';
    return { message: messageFromText(line, options), warning: `not valid JSON (${reason}); checked as plain text` };
  }
  if (value === null || typeof value !== 'object' || typeof (value as { text?: unknown }).text !== 'string') {
    return { message: messageFromText(line, options), warning: 'JSON without a "text" string; checked as plain text' };
  }
  const record = value as { text: string; channel?: unknown; external?: unknown; private?: unknown; lang?: unknown };
  const problems: string[] = [];
  const channelName = typeof record.channel === 'string' ? record.channel.replace(/^#/, '') : options.channel;
  if (record.channel !== undefined && typeof record.channel !== 'string') problems.push('"channel" must be a string');
  if (record.external !== undefined && typeof record.external !== 'boolean') problems.push('"external" must be true or false');
  if (record.private !== undefined && typeof record.private !== 'boolean') problems.push('"private" must be true or false');
  if (record.lang !== undefined && record.lang !== 'fr' && record.lang !== 'en') problems.push('"lang" must be "fr" or "en"');
  const lang = record.lang === 'fr' || record.lang === 'en' ? record.lang : options.lang;
  const message: ChatMessage = {
    text: record.text,
    channel: {
      ...(channelName === undefined ? {} : { name: channelName }),
      external: typeof record.external === 'boolean' ? record.external : options.external,
      private: typeof record.private === 'boolean' ? record.private : options.private,
    },
    ...(lang === undefined ? {} : { lang }),
  };
  return problems.length === 0 ? { message } : { message, warning: `${problems.join('; ')}; default used` };
}

/** Checks messages and prints results; returns how many inputs had findings. */
export class Checker {
  private flagged = 0;

  constructor(
    private readonly rules: LoadedRules,
    private readonly options: CheckOptions,
    private readonly io: CheckIO,
  ) {}

  /** How many inputs had at least one finding so far. */
  get flaggedCount(): number {
    return this.flagged;
  }

  /** Checks one message and prints its result. */
  check(message: ChatMessage): void {
    const verdict = evaluate(message, this.rules.ruleSet);
    if (verdict.findings.length > 0) this.flagged++;
    for (const error of verdict.errors) this.io.err(`warning: rule ${error.rule} failed on this message: ${error.message}`);
    if (this.options.json) {
      this.io.out(JSON.stringify(toJsonLine(verdict.findings)));
    } else {
      this.printReadable(message, verdict.findings);
    }
  }

  private printReadable(message: ChatMessage, findings: readonly Finding[]): void {
    const lang = this.options.outputLang;
    const shown = oneLine(message.text);
    if (findings.length === 0) {
      this.io.out(`✓ ${shown}`);
      return;
    }
    this.io.out(`✗ ${shown}`);
    for (const finding of findings) {
      const article = this.rules.charter.article(finding.article, lang);
      const cite = article === undefined ? finding.article : `${article.title} {#${finding.article}}`;
      const category = finding.rule === finding.category ? '' : ` [${finding.category}]`;
      this.io.out(`  ${finding.rule}${category} · ${finding.severity} · ${finding.action}`);
      this.io.out(`    « ${finding.excerpt} » [${finding.start}, ${finding.end})`);
      this.io.out(`    ${lang === 'fr' ? 'Charte' : 'Charter'} : ${cite}`.replace(' :', lang === 'fr' ? ' :' : ':'));
      this.io.out(`    ${finding.explanation[lang]}`);
    }
  }
}

/** The JSON line for one input's findings. */
export function toJsonLine(findings: readonly Finding[]): CheckJsonLine {
  return {
    findings: findings.map((f) => ({
      rule: f.rule,
      category: f.category,
      severity: f.severity,
      action: f.action,
      article: f.article,
      start: f.start,
      end: f.end,
      excerpt: f.excerpt,
    })),
  };
}

/** Shows a message on one line, shortened. Data-leak values are not hidden here: it is the user's own input. */
function oneLine(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return folded.length > 100 ? folded.slice(0, 99) + '…' : folded;
}

/** Reads standard input line by line, checking each line in order. */
export async function checkStream(input: NodeJS.ReadableStream, checker: Checker, options: CheckOptions, io: CheckIO): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let count = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '' && !options.json) continue;
    const { message, warning } = parseInputLine(line, options);
    if (warning !== undefined) io.err(`stdin:${lineNumber}: ${warning}`);
    checker.check(message);
    count++;
  }
  return count;
}
