/**
 * The hook through the pre-commit framework, for real: Debian's `pre-commit` clones a repository holding this tool
 * (made from the current working tree), runs its `.pre-commit-hooks.yaml` hook — which installs and builds the CLI
 * in pre-commit's clone on first use, through npm — and stops a commit that adds a finding. Needs `pre-commit` on
 * PATH (Debian: `apt-get install -y pre-commit`) and npm's registry (or a warm npm cache).
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync } from 'fs';
import * as path from 'path';
import { REPO_ROOT } from '../helpers';
import { ALICE, commitAs, git, gitRepo, removeTempDirs, repoWith, tempDir, writeFile } from './repo';

/** A git repository with this working tree's files (tracked and new, not ignored), committed: the hook's source. */
function toolRepository(): { dir: string; rev: string } {
  const dir = gitRepo(ALICE);
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const rel of files) {
    const from = path.join(REPO_ROOT, rel);
    const to = path.join(dir, rel);
    mkdirSync(path.dirname(to), { recursive: true });
    try {
      copyFileSync(from, to);
    } catch {
      // A file deleted in the working tree but still tracked: not part of the tool as it is now.
    }
  }
  commitAs(dir, ALICE, 'the tool');
  return { dir, rev: git(dir, ['rev-parse', 'HEAD']).trim() };
}

function run(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv): { code: number; output: string } {
  const result = spawnSync(command, [...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', ...env } });
  if (result.error) throw result.error;
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

describe('the pre-commit framework hook (.pre-commit-hooks.yaml)', function () {
  this.timeout(15 * 60_000);
  after(removeTempDirs);

  it('is a valid manifest and stops a commit adding a finding through `pre-commit`', function () {
    const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    assert.ok(!version.error, 'pre-commit must be installed (apt-get install -y pre-commit)');
    const manifest = run(REPO_ROOT, 'pre-commit', ['validate-manifest', '.pre-commit-hooks.yaml'], {});
    assert.strictEqual(manifest.code, 0, manifest.output);

    const tool = toolRepository();
    const home = tempDir('pre-commit-home-');
    const env = { PRE_COMMIT_HOME: home };
    const project = repoWith({ 'legacy.c': 'void legacy(char *b) { gets(b); }\n' });
    writeFile(project, '.pre-commit-config.yaml', `repos:\n  - repo: ${tool.dir}\n    rev: ${tool.rev}\n    hooks:\n      - id: rulebook\n`);
    commitAs(project, ALICE, 'use pre-commit');
    const install = run(project, 'pre-commit', ['install'], env);
    assert.strictEqual(install.code, 0, install.output);

    writeFile(project, 'b.c', 'void g(char *d, const char *s) { strcpy(d, s); }\n');
    git(project, ['add', 'b.c']);
    const blocked = run(project, 'git', ['commit', '-q', '-m', 'adds strcpy'], env);
    assert.notStrictEqual(blocked.code, 0, blocked.output);
    assert.match(blocked.output, /secure-coding rulebook \(staged changes\)\.+Failed/);
    assert.match(blocked.output, /b\.c:1:\d+: error: `strcpy` is banned/);
    assert.doesNotMatch(blocked.output, /legacy\.c:/);
    // The first run built the tool in pre-commit's clone, with the build-time work each later run then skips.
    const clones = readdirSync(home).filter((name) => existsSync(path.join(home, name, 'server/out/engine/rulebook')));
    assert.strictEqual(clones.length, 1, `one built clone of the tool in ${home}`);
    for (const prepared of ['builtin-rules.json', 'rulebook-validator.js']) {
      assert.ok(existsSync(path.join(home, clones[0], 'server/out/engine/rulebook', prepared)), `${prepared} was built`);
    }

    writeFile(project, 'b.c', 'int clean;\n');
    git(project, ['add', 'b.c']);
    const passed = run(project, 'git', ['commit', '-q', '-m', 'clean'], env);
    assert.strictEqual(passed.code, 0, passed.output);
    assert.match(passed.output, /secure-coding rulebook \(staged changes\)\.+Passed/);

    // A range (`--from-ref/--to-ref`, as in the pre-push stage): what the range adds, not what is staged.
    const before = git(project, ['rev-parse', 'HEAD']).trim();
    writeFile(project, 'c.c', 'void h(char *b) { gets(b); }\n');
    git(project, ['add', 'c.c']);
    git(project, ['commit', '-q', '--no-verify', '-m', 'skipped the hook']);
    const range = run(project, 'pre-commit', ['run', '--from-ref', before, '--to-ref', 'HEAD'], env);
    assert.notStrictEqual(range.code, 0, range.output);
    assert.match(range.output, /c\.c:1:\d+: error: `gets` is banned/);
    assert.doesNotMatch(range.output, /legacy\.c:|b\.c:/);
  });
});
