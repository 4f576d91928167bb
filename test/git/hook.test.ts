/**
 * The pre-commit hook without the framework: `rulebook hook install` writes a real git hook, and real `git commit`s
 * run it. A hook someone else wrote is never overwritten or removed.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { existsSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { ALICE, git, removeTempDirs, repoWith, runCli, writeFile } from './repo';

/** `git commit` as a person runs it (hooks included); its exit code and what the hook printed. */
function commit(root: string, message: string): { code: number; output: string } {
  try {
    const out = execFileSync('git', ['commit', '-q', '-m', message], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LANG: 'C' } });
    return { code: 0, output: out };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe('rulebook hook install', function () {
  this.timeout(60_000);
  after(removeTempDirs);

  it('installs a pre-commit hook that stops a commit adding a finding and lets a clean one through', async function () {
    const root = repoWith({ 'a.c': 'void legacy(char *b) { gets(b); }\n' }, ALICE);
    const installed = await runCli(root, ['hook', 'install']);
    assert.strictEqual(installed.code, 0, installed.stderr);
    assert.strictEqual(installed.stdout, 'installed .git/hooks/pre-commit: commits now run `rulebook scan --staged`\n');
    const hook = path.join(root, '.git/hooks/pre-commit');
    assert.ok((statSync(hook).mode & 0o111) !== 0, 'the hook is executable');

    writeFile(root, 'b.c', 'void g(char *d, const char *s) { strcpy(d, s); }\n');
    git(root, ['add', 'b.c']);
    const blocked = commit(root, 'adds strcpy');
    assert.notStrictEqual(blocked.code, 0);
    assert.match(blocked.output, /b\.c:1:\d+: error: `strcpy` is banned/);
    assert.doesNotMatch(blocked.output, /a\.c/, 'the legacy finding is not the commit\'s business');

    writeFile(root, 'b.c', 'int clean;\n');
    git(root, ['add', 'b.c']);
    assert.strictEqual(commit(root, 'clean').code, 0);
    assert.strictEqual((await runCli(root, ['hook', 'install'])).stdout, 'updated .git/hooks/pre-commit: commits now run `rulebook scan --staged`\n');
  });

  it('refuses to overwrite or remove a hook it did not write', async function () {
    const root = repoWith({ 'a.c': 'int a;\n' });
    const foreign = '#!/bin/sh\necho "team hook"\n';
    writeFile(root, '.git/hooks/pre-commit', foreign);
    const install = await runCli(root, ['hook', 'install']);
    assert.strictEqual(install.code, 1);
    assert.match(install.stderr, /refused: \.git\/hooks\/pre-commit exists and was not written by rulebook/);
    assert.match(install.stderr, /rulebook scan --staged \|\| exit 1/);
    const uninstall = await runCli(root, ['hook', 'uninstall']);
    assert.strictEqual(uninstall.code, 1);
    assert.strictEqual(readFileSync(path.join(root, '.git/hooks/pre-commit'), 'utf8'), foreign);
  });

  it('installs where core.hooksPath points, and uninstalls only its own hook', async function () {
    const root = repoWith({ 'a.c': 'int a;\n' });
    git(root, ['config', 'core.hooksPath', '.githooks']);
    assert.strictEqual((await runCli(root, ['hook', 'install'])).stdout, 'installed .githooks/pre-commit: commits now run `rulebook scan --staged`\n');
    writeFile(root, 'b.c', 'void g(char *b) { gets(b); }\n');
    git(root, ['add', 'b.c']);
    assert.notStrictEqual(commit(root, 'adds gets').code, 0);
    const removed = await runCli(root, ['hook', 'uninstall']);
    assert.deepStrictEqual([removed.code, removed.stdout], [0, 'removed .githooks/pre-commit\n']);
    assert.ok(!existsSync(path.join(root, '.githooks/pre-commit')));
    assert.strictEqual(commit(root, 'adds gets').code, 0);
  });
});
