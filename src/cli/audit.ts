/**
 * `charter-bot audit <export.zip | export-dir>`: runs the rules in force on a Slack workspace
 * export before going live, and reports what would fire, how often, where, with masked samples.
 * A progress bar on a terminal (standard error), nothing when not a terminal.
 */
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { runAudit } from '../audit/audit';
import { openExport } from '../audit/export-reader';
import type { ExportProgress } from '../audit/model';
import { renderHtml } from '../audit/report-html';
import { renderJson } from '../audit/report-json';
import { renderText } from '../audit/report-text';
import type { RuleSet } from '../engine/rule';
import type { Lang } from '../engine/types';
import { loadRules } from '../files/load-rules';
import { readRuleSources } from '../files/watch-rules';
import { LiveRules } from '../rules-admin';
import { SqliteModerationStore } from '../store';
import type { CommandIO } from './flags';
import { databasePath } from './open-store';

/** Where the rules come from. */
export interface AuditDirs {
  rulesDir: (options: { rules?: string }) => string;
  charterDir: (options: { charter?: string }) => string;
  defaultLang: () => Lang;
}

const FORMATS = ['text', 'json', 'html'] as const;

interface AuditOptions {
  format: (typeof FORMATS)[number];
  output?: string;
  rules?: string;
  charter?: string;
  database?: string;
  progress?: boolean;
}

/** Registers `charter-bot audit`. */
export function registerAuditCommand(program: Command, io: CommandIO & { isTTY: boolean }, env: NodeJS.ProcessEnv, dirs: AuditDirs): void {
  program
    .command('audit')
    .description('run the rules in force on a Slack workspace export and report what would fire, how often and where (masked samples)')
    .argument('<export>', 'a Slack export: the .zip Slack gives you, or its unzipped folder')
    .addOption(new Option('--format <format>', 'text (a terminal summary), json, or html (a self-contained page)').choices([...FORMATS]).default('text'))
    .option('--output <file>', 'write the report to this file (default: standard output)')
    .option('--rules <dir>', 'a draft rule set to compare with the rules in force (side by side)')
    .option('--charter <dir>', 'charter directory (default: $CHARTER_DIR or the bundled charter/)')
    .option('--database <file>', "where admins' changes to the rules are (default: $DATABASE_PATH); files only when it does not exist")
    .option('--no-progress', 'no progress bar, even on a terminal')
    .addHelpText(
      'after',
      `
The rules in force are the files in $RULES_DIR (or the bundled rules/) with the changes admins
made in Slack, when the database exists. Nothing is written to it, and no message text is kept:
the report holds counts and masked excerpts only.

Examples:
  charter-bot audit slack-export.zip
  charter-bot audit slack-export/ --format html --output audit.html
  charter-bot audit slack-export.zip --rules ./draft-rules`,
    )
    .action(async (path: string, options: AuditOptions) => {
      const live = await rulesInForce(options, env, dirs);
      const draft = options.rules === undefined ? undefined : { name: options.rules, ruleSet: loadRules({ rulesDir: options.rules, charterDir: dirs.charterDir(options), defaultLang: dirs.defaultLang() }).ruleSet };
      const source = await openExport(path);
      const bar = io.isTTY && options.progress !== false ? new SingleBar({ format: 'auditing {bar} {percentage}% | {messages} messages | {eta_formatted} left', hideCursor: true, stream: process.stderr, clearOnComplete: true }) : undefined;
      let started = false;
      const onProgress = (progress: ExportProgress): void => {
        if (bar === undefined) return;
        const total = progress.bytesTotal ?? progress.filesTotal ?? 0;
        const value = progress.bytesTotal !== undefined ? progress.bytesRead : progress.filesRead;
        if (!started) {
          bar.start(Math.max(total, 1), 0, { messages: 0 });
          started = true;
        }
        bar.update(value, { messages: progress.messages.toLocaleString('en-US') });
      };
      const report = await runAudit(source, { live, ...(draft !== undefined ? { draft } : {}) }, { onProgress });
      if (started) bar?.stop();
      const rendered = options.format === 'json' ? renderJson(report) : options.format === 'html' ? renderHtml(report) : renderText(report, { color: io.isTTY && options.output === undefined });
      if (options.output !== undefined) {
        fs.writeFileSync(options.output, rendered);
        io.err(`Report written to ${options.output} (${report.scanned.toLocaleString('en-US')} messages scanned, ${report.problems.length} problem(s) in the export).`);
      } else {
        io.out(rendered.trimEnd());
      }
    });
}

/** The files, with admins' changes from the database when it exists (never created here). */
async function rulesInForce(options: AuditOptions, env: NodeJS.ProcessEnv, dirs: AuditDirs): Promise<{ name: string; ruleSet: RuleSet }> {
  const rulesDir = dirs.rulesDir({});
  const charterDir = dirs.charterDir(options);
  const file = databasePath(options, env);
  if (file === ':memory:' || !fs.existsSync(file)) {
    return { name: rulesDir, ruleSet: loadRules({ rulesDir, charterDir, defaultLang: dirs.defaultLang() }).ruleSet };
  }
  const store = SqliteModerationStore.open(file);
  const live = new LiveRules({ store, readFiles: () => readRuleSources(rulesDir, charterDir), defaultLang: dirs.defaultLang(), pollMs: 60_000 });
  try {
    await live.start();
    const version = live.version();
    return { name: version === undefined ? rulesDir : `${rulesDir} + admins' changes (version ${version})`, ruleSet: live.current() };
  } finally {
    live.stop();
    await store.close();
  }
}
