/**
 * `rulebook hook install|uninstall`: a plain git pre-commit hook running `rulebook scan --staged`, for teams that do
 * not use the pre-commit framework (those add this repository's `.pre-commit-hooks.yaml` hook instead). Exit 0 when
 * done, 1 when a pre-commit hook that is not ours is in the way (it is never overwritten), 2 outside a git repository.
 */
import * as path from 'path';
import { GitRepository } from '../../git/repository';
import { hookScript, installHook, uninstallHook } from '../../git/hooks';
import { CommandRegistrar } from '../main';
import { Output } from '../output';
import { UsageError } from './load';

async function repository(): Promise<GitRepository> {
  const repo = await GitRepository.at(process.cwd());
  if (!repo) throw new UsageError(`not in a git repository: ${process.cwd()}`);
  return repo;
}

const shown = (file: string): string => path.relative(process.cwd(), file).split(path.sep).join('/') || file;

export async function hookInstallCommand(options: { rulebook?: string }, output: Output): Promise<number> {
  const repo = await repository();
  const cli = path.resolve(__dirname, '../../../bin/rulebook.js');
  const extra = options.rulebook ? ['--rulebook', path.resolve(options.rulebook)] : [];
  const result = await installHook(repo, hookScript(process.execPath, cli, extra));
  if (result.status === 'foreign') {
    output.err(
      `rulebook: refused: ${shown(result.file)} exists and was not written by rulebook; it was left as it is.\n` +
        `Add this line to it instead:  rulebook scan --staged || exit 1\n` +
        `or, with the pre-commit framework, add the hook \`rulebook\` from this tool's repository to .pre-commit-config.yaml.\n`,
    );
    return 1;
  }
  output.out(`${result.status} ${shown(result.file)}: commits now run \`rulebook scan --staged\`\n`);
  return 0;
}

export async function hookUninstallCommand(output: Output): Promise<number> {
  const repo = await repository();
  const result = await uninstallHook(repo);
  if (result.status === 'foreign') {
    output.err(`rulebook: refused: ${shown(result.file)} was not written by rulebook; it was left as it is\n`);
    return 1;
  }
  output.out(result.status === 'removed' ? `removed ${shown(result.file)}\n` : `no rulebook hook in ${shown(path.dirname(result.file))}\n`);
  return 0;
}

export const hookCommands: CommandRegistrar = (program, run, output) => {
  const hook = program.command('hook').description('a git pre-commit hook that runs `rulebook scan --staged`');
  hook
    .command('install')
    .description('write .git/hooks/pre-commit (or core.hooksPath\'s); exit 1 if a hook not written by rulebook is there')
    .option('-r, --rulebook <file>', 'the rulebook the hook scans with (default: the repository\'s)')
    .action((opts: { rulebook?: string }) => run(() => hookInstallCommand(opts, output)));
  hook
    .command('uninstall')
    .description('remove the hook, if rulebook wrote it')
    .action(() => run(() => hookUninstallCommand(output)));
};
