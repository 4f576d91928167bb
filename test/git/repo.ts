/**
 * Real git repositories for the git-workflow tests: made with git itself, committed by named authors, and the
 * `rulebook` CLI run in them as a separate process (as a hook or a CI job runs it).
 */
import { execFileSync } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { ALICE, Person, commitAs, git, gitRepo, runCli, writeFile } from '../review/fixtures';

export type { KeyPair } from '../review/fixtures';
export { ALICE, BOB, CAROL, commitAs, git, gitRepo, keygen, removeTempDirs, runCli, tempDir, writeFile } from '../review/fixtures';

/** A repository on `main` with the given files committed by Alice. */
export function repoWith(files: Record<string, string>, local: Person = ALICE): string {
  const root = gitRepo(local);
  for (const [rel, text] of Object.entries(files)) writeFile(root, rel, text);
  if (Object.keys(files).length > 0) commitAs(root, ALICE, 'initial');
  return root;
}

export function read(root: string, rel: string): string {
  return readFileSync(path.join(root, rel), 'utf8');
}

/** `git add` of some paths. */
export function stage(root: string, ...paths: string[]): void {
  git(root, ['add', '--', ...paths]);
}

/** The `file:line rule` of each finding of a JSON scan, and its baseline state when it has one. */
export function findingsOf(stdout: string): string[] {
  const parsed = JSON.parse(stdout) as { findings: { path: string; start: { line: number }; ruleId: string; baselineState?: string }[] };
  return parsed.findings.map((f) => `${f.path}:${f.start.line} ${f.ruleId}${f.baselineState ? ` ${f.baselineState}` : ''}`);
}

export async function scanJson(root: string, args: readonly string[]): Promise<{ code: number; findings: string[]; stderr: string }> {
  const result = await runCli(root, ['scan', ...args, '--format', 'json']);
  if (result.code === 2) throw new Error(`scan failed: ${result.stderr}`);
  return { code: result.code, findings: findingsOf(result.stdout), stderr: result.stderr };
}

/** Lines of C with a banned call each, distinct so each has its own fingerprint. */
export function cLines(calls: readonly string[]): string {
  return `${calls.map((c, i) => `void f${i}(char *d, const char *s) { ${c}; }`).join('\n')}\n`;
}

export function gitOut(root: string, args: readonly string[]): string {
  return execFileSync('git', [...args], { cwd: root, encoding: 'utf8' }).trim();
}
