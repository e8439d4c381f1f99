/**
 * `charter-bot rules list|show|history|diff|rollback|export`: the rules in force (the files in
 * RULES_DIR with admins' changes on top) for admins who prefer the terminal. Rollback and export
 * write the same audit entries as the Slack App Home does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import type { Lang } from '../engine/types';
import { readRuleSources } from '../files/watch-rules';
import { AdminRules, LiveRules, rulesYaml, type RulesActor } from '../rules-admin';
import { SqliteModerationStore } from '../store';
import type { CommandIO } from './flags';
import { actorOf, openStore, type StoreOptions } from './open-store';
import { formatTime } from './time-arg';

/** Where the rule files and the charter are. */
export interface RuleDirs {
  rulesDir: (options: { rules?: string }) => string;
  charterDir: (options: { charter?: string }) => string;
  defaultLang: () => Lang;
}

interface AdminOptions extends StoreOptions {
  rules?: string;
  charter?: string;
}

/** Opens the store and the rules in force, runs `work`, closes everything. */
async function withRules(options: AdminOptions, env: NodeJS.ProcessEnv, dirs: RuleDirs, work: (admin: AdminRules, live: LiveRules, store: SqliteModerationStore) => Promise<void>): Promise<void> {
  const store = openStore(options, env);
  const rulesDir = dirs.rulesDir(options);
  const charterDir = dirs.charterDir(options);
  const live = new LiveRules({ store, readFiles: () => readRuleSources(rulesDir, charterDir), defaultLang: dirs.defaultLang(), pollMs: 60_000 });
  try {
    await live.start();
    await work(new AdminRules({ store, live, stats: store }), live, store);
  } finally {
    live.stop();
    await store.close();
  }
}

function cliActor(options: StoreOptions): RulesActor {
  return { author: actorOf(options), source: 'cli' };
}

/** Adds the admin subcommands to `charter-bot rules`. */
export function registerRuleAdminCommands(rules: Command, io: CommandIO, env: NodeJS.ProcessEnv, dirs: RuleDirs): void {
  const common = (command: Command): Command =>
    command
      .addOption(new Option('--rules <dir>', 'rule files directory (default: $RULES_DIR or the bundled rules/)'))
      .addOption(new Option('--charter <dir>', 'charter directory (default: $CHARTER_DIR or the bundled charter/)'))
      .addOption(new Option('--database <file>', 'SQLite file holding admins\' changes (default: $DATABASE_PATH or ./data/charter.db)'))
      .addOption(new Option('--as <actor>', 'who to record in the audit log (default: cli:<your user name>)'));

  common(rules.command('list').description('the rules in force: files plus changes made in Slack or here').option('--json', 'print as JSON')).action(
    async (options: AdminOptions & { json?: boolean }) => {
      await withRules(options, env, dirs, async (_admin, live) => {
        const entries = live.entries();
        if (options.json === true) {
          io.out(JSON.stringify(entries.map((e) => ({ ...e.input, origin: e.origin, overridden: e.overridden }))));
          return;
        }
        const version = live.version();
        io.out(version === undefined ? 'Rules in force: the files (no change made by admins).' : `Rules in force: the files with admins' changes up to version ${version}.`);
        io.out('rule                    on   category        severity  action      article                         origin');
        for (const e of entries) {
          const d = e.definition;
          const origin = e.origin === 'added' ? 'created by an admin' : e.overridden.length > 0 ? `edited: ${e.overridden.join(', ')}` : path.basename(e.file);
          io.out(`${d.id.padEnd(23)} ${(d.enabled ? 'yes' : 'no').padEnd(4)} ${d.category.padEnd(15)} ${d.severity.padEnd(9)} ${d.action.padEnd(11)} ${d.article.padEnd(31)} ${origin}`);
        }
      });
    },
  );

  common(rules.command('articles').description('each charter article and the rules citing it').option('--lang <lang>', 'fr or en', 'fr')).action(
    async (options: AdminOptions & { lang: string }) => {
      await withRules(options, env, dirs, async (_admin, live) => {
        const lang = options.lang === 'en' ? 'en' : 'fr';
        const charter = live.charter();
        for (const id of charter.ids) {
          const article = charter.article(id, lang);
          const citing = live.entries().filter((e) => e.definition.article === id).map((e) => e.definition.id);
          const indent = article?.level === 3 ? '    ' : '  ';
          io.out(`${indent}${(article?.title ?? id).padEnd(52 - indent.length)} {#${id}}${citing.length > 0 ? `  ← ${citing.join(', ')}` : ''}`);
        }
      });
    },
  );

  common(rules.command('show').description('one rule as in force, as YAML, and what admins changed').argument('<id>', 'rule id')).action(async (id: string, options: AdminOptions) => {
    await withRules(options, env, dirs, async (_admin, live) => {
      const entry = live.entries().find((e) => e.definition.id === id);
      if (entry === undefined) throw new Error(`no rule "${id}"; see charter-bot rules list`);
      io.out(`# ${entry.origin === 'added' ? 'created by an admin' : `from ${entry.file}`}${entry.overridden.length > 0 ? `; changed by admins: ${entry.overridden.join(', ')}` : ''}`);
      io.out(rulesYaml([entry.input]).trimEnd());
    });
  });

  common(rules.command('history').description('versions of admins\' changes, newest first').option('--limit <n>', 'versions to show', '20').option('--json', 'print as JSON')).action(
    async (options: AdminOptions & { limit: string; json?: boolean }) => {
      await withRules(options, env, dirs, async (admin) => {
        const page = await admin.history({ limit: Math.min(200, Math.max(1, Number(options.limit) || 20)) });
        if (options.json === true) {
          io.out(JSON.stringify(page.items.map(({ diff: _diff, ...rest }) => rest)));
          return;
        }
        if (page.items.length === 0) {
          io.out('No version yet: the rules in force are the files.');
          return;
        }
        for (const v of page.items) {
          io.out(`v${String(v.id).padEnd(4)} ${formatTime(v.createdAt)}  ${v.author.padEnd(16)} ${v.source.padEnd(8)} ${v.restores !== undefined ? `(restores v${v.restores}) ` : ''}${v.comment}`);
        }
      });
    },
  );

  common(
    rules
      .command('diff')
      .description('what changed between two versions: numbers, "files" (no admin change) or "current"')
      .argument('<from>', 'a version number, files or current')
      .argument('[to]', 'a version number, files or current (default: current)'),
  ).action(async (from: string, to: string | undefined, options: AdminOptions) => {
    await withRules(options, env, dirs, async (admin) => {
      const result = await admin.diff(diffSide(from), diffSide(to ?? 'current'));
      if (!result.ok) throw new Error(`no version ${result.missing}; see charter-bot rules history`);
      io.out(result.diff === '' ? 'No difference.' : result.diff.trimEnd());
    });
  });

  common(rules.command('rollback').description('go back to a version (recorded as a new version, audited)').argument('<version>', 'version number').option('--comment <text>', 'why, kept in the history')).action(
    async (version: string, options: AdminOptions & { comment?: string }) => {
      const id = Number(version.replace(/^v/, ''));
      if (!Number.isInteger(id) || id < 1) throw new Error(`"${version}" is not a version number; see charter-bot rules history`);
      await withRules(options, env, dirs, async (admin) => {
        const result = await admin.rollback(cliActor(options), id, options.comment);
        if (result.ok) io.out(`Rolled back: version ${result.version.id} restores version ${id}. Every running bot picks it up within seconds.`);
        else if ('unchanged' in result) io.out(`Nothing to do: the rules in force already are version ${id}'s.`);
        else if ('conflict' in result) throw new Error('someone else changed the rules at the same moment; run the command again');
        else throw new Error(`version ${id} cannot be restored:\n${result.problems.map((p) => `  ${p.rule ?? ''}${p.field !== '' ? ` ${p.field}` : ''}: ${p.message}`).join('\n')}`);
      });
    },
  );

  common(rules.command('export').description('the rules in force as one YAML rule file (audited)').option('--output <file>', 'write to this file instead of standard output')).action(
    async (options: AdminOptions & { output?: string }) => {
      await withRules(options, env, dirs, async (admin, live, store) => {
        const yaml = admin.exportRules();
        await store.appendAudit({ actor: actorOf(options), action: 'rules-export', target: `rules:${live.version() === undefined ? 'files' : `v${live.version()}`}`, detail: { rules: live.entries().length } });
        if (options.output !== undefined) {
          fs.writeFileSync(options.output, yaml);
          io.err(`${live.entries().length} rules written to ${options.output}`);
        } else {
          io.out(yaml.trimEnd());
        }
      });
    },
  );
}

function diffSide(value: string): number | 'files' | 'current' {
  if (value === 'files' || value === 'current') return value;
  const id = Number(value.replace(/^v/, ''));
  if (!Number.isInteger(id) || id < 1) throw new Error(`"${value}" is not a version: use a number, files or current`);
  return id;
}
