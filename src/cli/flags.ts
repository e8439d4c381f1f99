/**
 * `charter-bot flags …` and `charter-bot db …`: moderators' and admins' terminal access to what
 * the bot recorded. Every listing, view, export, decision and erasure is in the audit log.
 */
import fs from 'node:fs';
import { Command, Option } from 'commander';
import { CATEGORIES, Category } from '../engine/types';
import { EXPORT_FORMATS, ExportFormat, formatFlags } from '../moderation/export';
import { Decision, Flag, FLAG_STATUSES, FlagStatus } from '../moderation/model';
import type { FlagFilter } from '../moderation/ports';
import { eraseUserData, purgeExpired } from '../moderation/retention';
import { ModerationReview } from '../moderation/review';
import { readCoreConfig } from '../config';
import { latestSchemaVersion, openDatabaseWithMigrations } from '../store';
import { actorOf, databasePath, openStore, StoreOptions } from './open-store';
import { formatTime, parseTimeArg } from './time-arg';

/** Where commands write. */
export interface CommandIO {
  out: (line: string) => void;
  err: (line: string) => void;
}

interface FilterOptions extends StoreOptions {
  status?: string;
  rule?: string;
  category?: Category;
  channel?: string;
  author?: string;
  since?: string;
  until?: string;
  shadow?: boolean;
}

const storeOption = () => new Option('--database <file>', 'SQLite file (default: $DATABASE_PATH or ./data/charter.db)');
const actorOption = () => new Option('--as <actor>', 'who to record in the audit log (default: cli:<your user name>)');

function addFilterOptions(command: Command): Command {
  return command
    .option('--status <list>', `comma-separated statuses: ${FLAG_STATUSES.join(', ')}`)
    .option('--rule <id>', 'rule id, e.g. profanity')
    .addOption(new Option('--category <category>', 'finding category').choices([...CATEGORIES]))
    .option('--channel <id>', 'Slack channel id, e.g. C0123ABCD')
    .option('--author <id>', 'Slack user id of the author, e.g. U0456EFGH')
    .option('--since <time>', 'raised at or after: 2026-11-01, 2026-11-01T09:00Z, or 7d / 24h back from now')
    .option('--until <time>', 'raised before (same forms as --since)')
    .option('--shadow', 'include flags of shadow rules (recorded only, nobody notified)')
    .addOption(storeOption())
    .addOption(actorOption());
}

/** Turns the filter options into a store filter; throws naming the option when one is invalid. */
export function filterFrom(options: FilterOptions, now: number): FlagFilter {
  const filter: FlagFilter = {};
  if (options.status !== undefined) {
    const statuses = options.status.split(',').map((s) => s.trim()).filter((s) => s !== '');
    const unknown = statuses.filter((s) => !(FLAG_STATUSES as readonly string[]).includes(s));
    if (unknown.length > 0) throw new Error(`--status: unknown status ${unknown.join(', ')}; use ${FLAG_STATUSES.join(', ')}`);
    filter.status = statuses as FlagStatus[];
  }
  if (options.rule !== undefined) filter.rule = options.rule;
  if (options.category !== undefined) filter.category = options.category;
  if (options.channel !== undefined) filter.channel = options.channel;
  if (options.author !== undefined) filter.author = options.author;
  if (options.since !== undefined) filter.since = parseTimeArg(options.since, '--since', now);
  if (options.until !== undefined) filter.until = parseTimeArg(options.until, '--until', now);
  if (options.shadow === true) filter.includeShadow = true;
  return filter;
}

function positiveInteger(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${name}: "${value}" is not a positive whole number`);
    return Number(value);
  };
}

/** Registers `flags list|show|export|decide|note|stats|erase` and `db migrate|purge|status`. */
export function registerStoreCommands(program: Command, io: CommandIO, env: NodeJS.ProcessEnv): void {
  const flags = program.command('flags').description('review what the bot flagged (every access is audited)');

  addFilterOptions(
    flags
      .command('list')
      .description('list flags, newest first')
      .option('--limit <n>', 'flags per page (default 50, at most 200)', positiveInteger('--limit'), 50)
      .option('--after <id>', 'the next page: flags older than this id (printed at the end of a page)', positiveInteger('--after'))
      .option('--json', 'print the page as JSON'),
  ).action(async (options: FilterOptions & { limit: number; after?: number; json?: boolean }) => {
    const filter = filterFrom(options, Date.now());
    await withStore(options, env, async (review) => {
      const page = await review.listFlags(actorOf(options), filter, { limit: options.limit, ...(options.after !== undefined ? { after: options.after } : {}) });
      if (options.json === true) {
        io.out(JSON.stringify({ flags: page.items, ...(page.next !== undefined ? { next: page.next } : {}) }));
        return;
      }
      printFlagTable(page.items, io);
      if (page.next !== undefined) io.out(`More: add --after ${page.next}`);
    });
  });

  flags
    .command('show')
    .description('one flag with its deliveries and "this is a mistake" reports')
    .argument('<id>', 'flag id', positiveInteger('id'))
    .option('--json', 'print as JSON')
    .addOption(storeOption())
    .addOption(actorOption())
    .action(async (id: number, options: StoreOptions & { json?: boolean }) => {
      await withStore(options, env, async (review) => {
        const details = await review.showFlag(actorOf(options), id);
        if (details === undefined) throw new Error(`no flag with id ${id}`);
        if (options.json === true) {
          io.out(JSON.stringify(details));
          return;
        }
        printFlagDetails(details.flag, io);
        io.out('Deliveries:');
        if (details.deliveries.length === 0) io.out('  none');
        for (const d of details.deliveries) {
          const outcome = d.status === 'sent' ? `sent ${formatTime(d.sentAt ?? d.createdAt)}${d.receipt?.via !== undefined ? ` (${d.receipt.via})` : ''}` : d.status === 'failed' ? `FAILED: ${d.lastError ?? 'unknown'}` : `pending, ${d.attempts} attempt(s)${d.lastError !== undefined ? `, last error ${d.lastError}` : ''}`;
          io.out(`  #${d.id} ${d.kind.padEnd(5)} ${outcome}`);
        }
        io.out('Reported as a mistake:');
        if (details.reports.length === 0) io.out('  no');
        for (const r of details.reports) io.out(`  by ${r.reporter} on ${formatTime(r.at)}`);
      });
    });

  addFilterOptions(
    flags
      .command('export')
      .description('export flags (all pages) as CSV or JSON; the export is audited')
      .addOption(new Option('--format <format>', 'csv or json').choices([...EXPORT_FORMATS]).default('csv'))
      .option('--output <file>', 'write to this file instead of standard output'),
  ).action(async (options: FilterOptions & { format: ExportFormat; output?: string }) => {
    const filter = filterFrom(options, Date.now());
    await withStore(options, env, async (review) => {
      const exported = await review.exportFlags(actorOf(options), filter, options.format);
      const text = formatFlags(exported, options.format);
      if (options.output !== undefined) {
        fs.writeFileSync(options.output, text, { mode: 0o600 });
        io.err(`${exported.length} flag(s) written to ${options.output}`);
      } else {
        io.out(text.trimEnd());
      }
    });
  });

  const decisions: Array<[Decision, string]> = [
    ['dismiss', 'a false positive: nothing was wrong'],
    ['confirm', 'the message did break the charter'],
    ['escalate', 'needs more than a reminder'],
  ];
  for (const [decision, meaning] of decisions) {
    flags
      .command(decision)
      .description(`${decision} a flag (${meaning}); audited`)
      .argument('<id>', 'flag id', positiveInteger('id'))
      .option('--note <text>', 'why (kept with the flag)')
      .addOption(storeOption())
      .addOption(actorOption())
      .action(async (id: number, options: StoreOptions & { note?: string }) => {
        await withStore(options, env, async (review) => {
          const flag = await review.decide(actorOf(options), id, decision, options.note);
          if (flag === undefined) throw new Error(`no flag with id ${id}`);
          io.out(`Flag ${id} is now ${flag.status} (by ${flag.handledBy ?? actorOf(options)}).`);
        });
      });
  }

  flags
    .command('note')
    .description('add a note to a flag; audited')
    .argument('<id>', 'flag id', positiveInteger('id'))
    .argument('<note>', 'the note')
    .addOption(storeOption())
    .addOption(actorOption())
    .action(async (id: number, note: string, options: StoreOptions) => {
      await withStore(options, env, async (review) => {
        const flag = await review.addNote(actorOf(options), id, note);
        if (flag === undefined) throw new Error(`no flag with id ${id}`);
        io.out(`Note added to flag ${id}.`);
      });
    });

  flags
    .command('stats')
    .description('per-rule statistics: flags, decisions, reports, false-positive rate (which rules are noisy)')
    .option('--since <time>', 'only flags raised since (2026-11-01, 30d…)')
    .option('--json', 'print as JSON')
    .addOption(storeOption())
    .action(async (options: StoreOptions & { since?: string; json?: boolean }) => {
      const since = options.since === undefined ? undefined : parseTimeArg(options.since, '--since', Date.now());
      await withStore(options, env, async (review) => {
        const stats = await review.ruleStats(since);
        if (options.json === true) {
          io.out(JSON.stringify(stats));
          return;
        }
        if (stats.length === 0) {
          io.out('No flags yet.');
          return;
        }
        io.out('rule                    flags   open  confirmed  dismissed  escalated  resolved  reports  false positives');
        for (const s of stats) {
          const rate = s.falsePositiveRate === undefined ? '—' : `${(s.falsePositiveRate * 100).toFixed(0)} %`;
          io.out(
            `${s.rule.padEnd(22)} ${String(s.flags).padStart(6)} ${String(s.open).padStart(6)} ${String(s.confirmed).padStart(10)} ${String(s.dismissed).padStart(10)} ${String(s.escalated).padStart(10)} ${String(s.resolved).padStart(9)} ${String(s.reports).padStart(8)}  ${rate.padStart(15)}`,
          );
        }
      });
    });

  flags
    .command('erase')
    .description("erase one person's data (their flags, reports and acknowledgements); audited")
    .requiredOption('--user <id>', 'Slack user id, e.g. U0456EFGH')
    .addOption(storeOption())
    .addOption(actorOption())
    .action(async (options: StoreOptions & { user: string }) => {
      if (!/^[UW][A-Z0-9]{2,}$/.test(options.user)) throw new Error(`--user: "${options.user}" is not a Slack user id (U… or W…)`);
      await withStore(options, env, async (_review, store) => {
        const erased = await eraseUserData(store, options.user, actorOf(options));
        io.out(`Erased for ${options.user}: ${erased.flags} flag(s), ${erased.deliveries} delivery record(s), ${erased.reports} report(s), ${erased.acknowledgements} acknowledgement(s).`);
      });
    });

  const db = program.command('db').description('the SQLite database');
  db.command('migrate')
    .description('create the database if needed and apply pending schema migrations')
    .addOption(storeOption())
    .action((options: StoreOptions) => {
      const file = databasePath(options, env);
      const { db: database, applied } = openDatabaseWithMigrations(file);
      database.close();
      if (applied.length === 0) io.out(`${file}: up to date (schema version ${latestSchemaVersion}).`);
      for (const m of applied) io.out(`${file}: applied migration ${m.version} (${m.name}).`);
    });
  db.command('purge')
    .description('apply retention now: flags older than RETENTION_DAYS, audit entries older than AUDIT_RETENTION_DAYS')
    .addOption(storeOption())
    .action(async (options: StoreOptions) => {
      const config = readCoreConfig(env);
      await withStore(options, env, async (_review, store) => {
        const purged = await purgeExpired(store, { flagDays: config.retentionDays, auditDays: config.auditRetentionDays });
        io.out(`Purged ${purged.flags} flag(s) older than ${config.retentionDays} days, ${purged.deliveries} delivery record(s), ${purged.reports} report(s), ${purged.audit} audit entr${purged.audit === 1 ? 'y' : 'ies'} older than ${config.auditRetentionDays} days.`);
      });
    });
}

async function withStore(
  options: StoreOptions,
  env: NodeJS.ProcessEnv,
  work: (review: ModerationReview, store: ReturnType<typeof openStore>) => Promise<void>,
): Promise<void> {
  const store = openStore(options, env);
  try {
    await work(new ModerationReview(store), store);
  } finally {
    await store.close();
  }
}

function printFlagTable(flags: readonly Flag[], io: CommandIO): void {
  if (flags.length === 0) {
    io.out('No flags match.');
    return;
  }
  io.out('    id  raised (UTC)      status     rule               severity  channel             author       excerpt');
  for (const f of flags) {
    io.out(
      `${String(f.id).padStart(6)}  ${formatTime(f.createdAt)}  ${f.status.padEnd(9)}  ${f.rule.padEnd(17)}  ${f.severity.padEnd(8)}  ${(f.channelName !== undefined ? `#${f.channelName}` : f.channel).padEnd(18)}  ${f.author.padEnd(11)}  ${oneLine(f.excerpt)}`,
    );
  }
}

function printFlagDetails(f: Flag, io: CommandIO): void {
  io.out(`Flag ${f.id}: ${f.rule} (${f.category}, ${f.severity}, action ${f.action}), article ${f.article}`);
  io.out(`  status     ${f.status}${f.handledBy !== undefined ? ` by ${f.handledBy} on ${formatTime(f.handledAt ?? f.updatedAt)}` : ''}`);
  if (f.note !== undefined) io.out(`  note       ${oneLine(f.note)}`);
  io.out(`  raised     ${formatTime(f.createdAt)}${f.updatedAt !== f.createdAt ? ` (updated ${formatTime(f.updatedAt)})` : ''}`);
  io.out(`  channel    ${f.channelName !== undefined ? `#${f.channelName} ` : ''}(${f.channel})`);
  io.out(`  author     ${f.author}`);
  io.out(`  message    ${f.messageTs}${f.threadTs !== undefined ? ` in thread ${f.threadTs}` : ''}${f.permalink !== undefined ? ` ${f.permalink}` : ''}`);
  io.out(`  excerpt    ${oneLine(f.excerpt)}`);
  io.out(`  reminder   ${f.nudged ? 'sent to the author' : 'none'}; moderators ${f.alerted ? `alerted (${f.alertReason ?? 'rule'})` : 'not alerted'}`);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}
