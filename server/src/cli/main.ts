/**
 * The `rulebook` command line: a thin adapter over the engine. Each command lives in `commands/`; this file only
 * declares them and maps errors to exit codes (2 for usage and rulebook errors).
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { Locale } from '../engine';
import { preferBaselineWasm, preferParsers } from '../engine/grammars';
import { checkCommand } from './commands/check';
import { explainCommand } from './commands/explain';
import { hookCommands } from './commands/hook';
import { initCommand } from './commands/init';
import { UsageError } from './commands/load';
import { lspCommands } from './commands/lsp';
import { reviewCommands } from './commands/review';
import { ScanOptions, scanCommand } from './commands/scan';
import { testCommand } from './commands/test-fixtures';
import { Output, processOutput } from './output';
import { cliParsers } from './parser-choice';
import { toolVersion } from './version';

export function defaultLocale(): Locale {
  const lang = process.env.LC_ALL ?? process.env.LC_MESSAGES ?? process.env.LANG ?? '';
  return lang.startsWith('ja') ? 'ja' : 'en';
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
  return n;
}

type ScanCliOptions = Omit<ScanOptions, 'exitZero' | 'showSuppressed' | 'quiet'> & { exitZero?: boolean; showSuppressed?: boolean; quiet?: boolean };

/** Subcommands register here; later features (lsp, review, report…) add theirs the same way. */
export type CommandRegistrar = (program: Command, run: (action: () => Promise<number>) => Promise<void>, output: Output) => void;
const registrars: CommandRegistrar[] = [];

export function registerCommands(registrar: CommandRegistrar): void {
  registrars.push(registrar);
}

export async function main(argv: readonly string[], output: Output = processOutput): Promise<number> {
  // One-off commands parse a little in many grammars, or a whole tree once: baseline wasm code pays there, and
  // native parsers where they load. The language server edits one file again and again, where optimised code
  // pays, and runs on wasm only, like the extension (`grammars.ts`).
  if (argv.find((arg) => !arg.startsWith('-')) !== 'lsp') {
    preferBaselineWasm();
    preferParsers(cliParsers());
  }
  let exitCode = 0;
  const run = async (action: () => Promise<number>): Promise<void> => {
    exitCode = await action();
  };
  const program = new Command('rulebook')
    .description('Apply a secure-coding rulebook: find hardcoded secrets, IP addresses, unsafe calls and test leftovers.')
    .version(toolVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => output.out(s), writeErr: (s) => output.err(s) })
    .showHelpAfterError();
  const lang = new Option('--lang <lang>', 'language of messages').choices(['en', 'ja']).default(defaultLocale());

  program
    .command('scan')
    .description('scan files and folders (.gitignore-aware) and print findings; exit 0 none, 1 findings, 2 error')
    .argument('[paths...]', 'files and folders to scan (with --staged, --diff-base or --history: limit to these)', [])
    .addOption(new Option('-f, --format <format>', 'output format (codequality: GitLab code quality report)').choices(['text', 'json', 'sarif', 'codequality']).default('text'))
    .option('-o, --output <file>', 'write the results to a file instead of stdout')
    .option('-r, --rulebook <file>', 'rulebook file (default: .secure-coding/rulebook.yaml here or above)')
    .option('--no-gitignore', 'scan files that .gitignore excludes')
    .option('--exit-zero', 'exit 0 even when there are findings')
    .option('--show-suppressed', 'also print findings suppressed inline (text format)')
    .option('--show-low-confidence', 'also report low-confidence secret findings that do not gate (hidden by default)')
    .option('-q, --quiet', 'no progress, notes or summary on stderr')
    .option('-j, --jobs <n>', 'threads that scan, the main thread included (default: one per core; 1 or 0: the main thread only)', positiveInteger)
    .option('--staged', 'scan what is staged for commit (the index) and report findings on the lines it adds or modifies')
    .option('--diff-base <ref>', 'report findings on lines added or modified since the merge base of REF and HEAD (working tree)')
    .option('--all-findings', 'with --diff-base: report every finding with its baseline state (new, updated, unchanged, absent)')
    .option('--history [range]', 'scan the lines every commit of RANGE added (default HEAD: all history) with the secret rules')
    .option('--cache', 'reuse results of files whose content has not changed since the last scan with the same rulebook')
    .option('--cache-location <path>', 'cache file or folder (default: the user cache folder)')
    .addOption(lang)
    .action((paths: string[], opts: ScanCliOptions) =>
      run(() => scanCommand(paths, { ...opts, exitZero: Boolean(opts.exitZero), showSuppressed: Boolean(opts.showSuppressed), quiet: Boolean(opts.quiet) }, output)),
    );

  program
    .command('check')
    .description('validate the rulebook and run every rule\'s examples; exit 2 on any error')
    .option('-r, --rulebook <file>', 'rulebook file')
    .action((opts: { rulebook?: string }) => run(() => checkCommand(opts, output)));

  program
    .command('test')
    .description('run the ruleid:/ok: annotations of rule fixtures (*.fixture.*); exit 1 on any failure')
    .argument('[dir]', 'folder of fixtures (default: the built-in rules and the workspace rulebook folder)')
    .option('-r, --rulebook <file>', 'rulebook file')
    .action((dir: string | undefined, opts: { rulebook?: string }) => run(() => testCommand(dir, opts, output)));

  program
    .command('explain')
    .description('print the effective rulebook; for a file, which rules apply, where each setting came from, and why others do not')
    .argument('[file]', 'a file (it need not exist): its path decides path sections and its extension the language')
    .option('-r, --rulebook <file>', 'rulebook file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-l, --language <language>', 'the file\'s language, when its name does not tell')
    .action((file: string | undefined, opts: { rulebook?: string; format: string; language?: string }) => run(() => explainCommand(file, opts, output)));

  program
    .command('init')
    .description('write a starter .secure-coding/rulebook.yaml with every section explained')
    .option('-d, --dir <dir>', 'the repository folder (default: the current folder)')
    .option('--force', 'replace an existing rulebook')
    .addOption(new Option('--lang <lang>', 'language of the comments').choices(['en', 'ja']).default(defaultLocale()))
    .action((opts: { dir?: string; force?: boolean; lang: Locale }) => run(() => initCommand({ ...opts, force: Boolean(opts.force) }, output)));

  for (const registrar of [reviewCommands, lspCommands, hookCommands, ...registrars]) registrar(program, run, output);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      output.err(`rulebook: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return exitCode;
}
