/**
 * A plain git `pre-commit` hook that runs `rulebook scan --staged`, for teams without the pre-commit framework.
 * The hook is marked as ours, so installing again updates it and uninstalling removes only it; a hook someone else
 * wrote is never overwritten.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { GitRepository } from './repository';
import { gitText } from './run-git';

/** The line that marks a hook as written by `rulebook hook install`. */
export const HOOK_MARKER = '# secure-coding-rulebook pre-commit hook';

export type HookResult =
  | { readonly status: 'installed' | 'updated' | 'removed' | 'absent'; readonly file: string }
  | { readonly status: 'foreign'; readonly file: string };

/** Where git looks for hooks: `core.hooksPath` when set, else `.git/hooks` (shared by every worktree). */
export async function hooksDirectory(repo: GitRepository): Promise<string> {
  const dir = await gitText(repo.top, ['rev-parse', '--git-path', 'hooks']);
  return path.resolve(repo.top, dir);
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The hook's text: it runs this very CLI (`cli`, with the node that runs it now), or a `rulebook` on PATH when that
 * CLI has moved, and says how to repair it when neither is there.
 */
export function hookScript(node: string, cli: string, extraArgs: readonly string[] = []): string {
  const args = ['scan', '--staged', ...extraArgs].map(shellQuote).join(' ');
  return `#!/bin/sh
${HOOK_MARKER}
# Reports secure-coding findings on the lines this commit adds or modifies, and stops the commit when there are.
# Installed by \`rulebook hook install\`; remove with \`rulebook hook uninstall\`; skip once with \`git commit --no-verify\`.
node=${shellQuote(node)}
cli=${shellQuote(cli)}
if [ -f "$cli" ]; then
  command -v "$node" >/dev/null 2>&1 || node=node
  exec "$node" "$cli" ${args}
elif command -v rulebook >/dev/null 2>&1; then
  exec rulebook ${args}
fi
echo "rulebook: the pre-commit hook cannot find the rulebook CLI ($cli); run \\\`rulebook hook install\\\` again" >&2
exit 1
`;
}

async function readIfExists(file: string): Promise<string | undefined> {
  return fs.readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  });
}

export async function installHook(repo: GitRepository, script: string): Promise<HookResult> {
  const dir = await hooksDirectory(repo);
  const file = path.join(dir, 'pre-commit');
  const existing = await readIfExists(file);
  if (existing !== undefined && !existing.includes(HOOK_MARKER)) return { status: 'foreign', file };
  await fs.mkdir(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(temp, script, { mode: 0o755 });
  await fs.rename(temp, file);
  return { status: existing === undefined ? 'installed' : 'updated', file };
}

export async function uninstallHook(repo: GitRepository): Promise<HookResult> {
  const file = path.join(await hooksDirectory(repo), 'pre-commit');
  const existing = await readIfExists(file);
  if (existing === undefined) return { status: 'absent', file };
  if (!existing.includes(HOOK_MARKER)) return { status: 'foreign', file };
  await fs.unlink(file);
  return { status: 'removed', file };
}
