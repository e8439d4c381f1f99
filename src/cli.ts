#!/usr/bin/env node
/**
 * The `charter-bot` command line. Entry point of the package's bin (built to dist/cli.js).
 * Reads the environment and the files here, never at import time of the core modules.
 */
import { Command, Option } from 'commander';
import { Checker, checkStream, CheckOptions, messageFromText } from './cli/check';
import { validateRules } from './cli/rules';
import { registerStoreCommands } from './cli/flags';
import { registerRuleAdminCommands } from './cli/rules-admin';
import { registerAuditCommand } from './cli/audit';
import { CORE_ENVIRONMENT } from './config';
import type { Lang } from './engine/types';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CHARTER_DIR, DEFAULT_RULES_DIR, loadRules, PACKAGE_ROOT } from './files/load-rules';
import { RuleSetError } from './ruleset';

/** Exit codes of the CLI. */
export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

interface SharedOptions {
  rules?: string;
  charter?: string;
}

function rulesDir(options: SharedOptions): string {
  return options.rules ?? process.env.RULES_DIR ?? DEFAULT_RULES_DIR;
}

function charterDir(options: SharedOptions): string {
  return options.charter ?? process.env.CHARTER_DIR ?? DEFAULT_CHARTER_DIR;
}

function defaultLocale(): Lang {
  return process.env.DEFAULT_LOCALE === 'en' ? 'en' : 'fr';
}

/** Builds the program; exported so tests can run it without a child process. */
export function buildProgram(io: { out: (line: string) => void; err: (line: string) => void; stdin: NodeJS.ReadableStream }): Command {
  const program = new Command();
  program
    .name('charter-bot')
    .description('Checks Slack messages against the usage charter (French and English).')
    .version(packageVersion(), '-v, --version', 'print the version')
    .addHelpText(
      'after',
      `
Environment:
  RULES_DIR              rule files directory (default: the bundled rules/)
  CHARTER_DIR            charter directory with charter.fr.md and charter.en.md (default: the bundled charter/)
  DEFAULT_LOCALE         fr or en: the locale assumed when a message does not tell (default: fr)
${CORE_ENVIRONMENT.filter(([name]) => name !== 'DEFAULT_LOCALE')
  .map(([name, meaning]) => `  ${name.padEnd(22)} ${meaning}`)
  .join('\n')}

Run "charter-bot <command> --help" for a command's options.`,
    )
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) });

  const rulesOption = () => new Option('--rules <dir>', 'rule files directory (default: $RULES_DIR or the bundled rules/)');
  const charterOption = () => new Option('--charter <dir>', 'charter directory (default: $CHARTER_DIR or the bundled charter/)');

  program
    .command('check')
    .description('check messages given as arguments, or one per line on standard input')
    .argument('[text...]', 'message text (Slack markup allowed); none: read standard input')
    .option('--json', 'print one JSON line per input: {"findings":[{rule,category,severity,action,article,start,end,excerpt}]}')
    .option('--channel <name>', 'channel the messages are posted in, e.g. client-renault')
    .option('--external', 'the channel is shared with another company (Slack Connect)')
    .option('--private', 'the channel is private')
    .addOption(new Option('--lang <lang>', "the author's locale, used when a message's language is unclear; also the language of explanations").choices(['fr', 'en']))
    .addOption(rulesOption())
    .addOption(charterOption())
    .addHelpText(
      'after',
      `
Standard input: one message per line, plain text or JSON {"text", "channel"?, "external"?, "private"?, "lang"?}.
Excerpts of data leaks (cards, IBANs, secrets, passwords…) are masked.
Exit status: 0 no finding, 1 at least one finding, 2 error (bad rules, bad usage).

Examples:
  charter-bot check "t'es vraiment un con"
  charter-bot check --channel client-renault --external "mdr ok"
  echo '{"text":"mdp : Soleil2024!"}' | charter-bot check --json`,
    )
    .action(async (texts: string[], options: SharedOptions & { json?: boolean; channel?: string; external?: boolean; private?: boolean; lang?: Lang }) => {
      const loaded = loadRules({ rulesDir: rulesDir(options), charterDir: charterDir(options), defaultLang: defaultLocale() });
      const checkOptions: CheckOptions = {
        json: options.json === true,
        external: options.external === true,
        private: options.private === true,
        outputLang: options.lang ?? defaultLocale(),
        ...(options.channel === undefined ? {} : { channel: options.channel }),
        ...(options.lang === undefined ? {} : { lang: options.lang }),
      };
      const checker = new Checker(loaded, checkOptions, io);
      if (texts.length > 0) {
        checker.check(messageFromText(texts.join(' '), checkOptions));
      } else {
        if ((io.stdin as { isTTY?: boolean }).isTTY === true) {
          io.err('Reading messages from standard input, one per line (plain text or JSON); end with Ctrl-D.');
        }
        await checkStream(io.stdin, checker, checkOptions, io);
      }
      process.exitCode = checker.flaggedCount > 0 ? EXIT.findings : EXIT.ok;
    });

  const rules = program.command('rules').description('work with rule files');
  rules
    .command('validate')
    .description('load every rule file and the charter, run each rule\'s examples, and report every problem with file, line and field')
    .argument('[dir]', 'rule files directory (default: $RULES_DIR or the bundled rules/)')
    .addOption(charterOption())
    .action((dir: string | undefined, options: SharedOptions) => {
      const ok = validateRules(dir ?? rulesDir({}), charterDir(options), io);
      process.exitCode = ok ? EXIT.ok : EXIT.findings;
    });

  registerRuleAdminCommands(rules, io, process.env, { rulesDir, charterDir, defaultLang: defaultLocale });
  registerStoreCommands(program, io, process.env);
  registerAuditCommand(program, { ...io, isTTY: process.stderr.isTTY === true }, process.env, { rulesDir, charterDir, defaultLang: defaultLocale });

  return program;
}

/** The package's version, read from package.json next to dist/. */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Runs the CLI with the process's arguments. */
export async function main(argv: string[] = process.argv): Promise<void> {
  const io = {
    out: (line: string) => process.stdout.write(line + '\n'),
    err: (line: string) => process.stderr.write(line + '\n'),
    stdin: process.stdin,
  };
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof RuleSetError) {
      io.err(error.message);
      process.exitCode = EXIT.error;
    } else if (isCommanderExit(error)) {
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.error;
    } else {
      io.err(`charter-bot: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = EXIT.error;
    }
  }
}

function isCommanderExit(error: unknown): error is { exitCode: number } {
  return error !== null && typeof error === 'object' && 'exitCode' in error && typeof (error as { code?: unknown }).code === 'string';
}

if (require.main === module) {
  void main();
}
