/**
 * `rulebook scan --diff-base REF` and `rulebook review verify --diff-base REF` as a pull request's CI job runs them:
 * on a real branch, against the merge base with the target, with SARIF baseline states when every finding is asked for.
 */
import * as assert from 'assert';
import type * as Sarif from 'sarif';
import { ALICE, BOB, KeyPair, commitAs, git, keygen, removeTempDirs, repoWith, runCli, scanJson, tempDir, writeFile } from './repo';
import { rulebookYaml } from '../review/fixtures';

const BASE = `#include <string.h>
#include <stdio.h>
void copy(char *d, const char *s) {
  strcpy(d, s);
}
void append(char *d, const char *s) {
  strcat(d, s);
}
void read_line(char *b) {
  gets(b);
}
`;

/** The branch's version: strcpy's line modified, gets removed, strcat untouched, a sprintf added. */
const BRANCH = `#include <string.h>
#include <stdio.h>
void copy(char *d, const char *s) {
  strcpy(d, s + 1);
}
void append(char *d, const char *s) {
  strcat(d, s);
}
void format(char *b, int n) {
  sprintf(b, "%d", n);
}
`;

describe('rulebook scan --diff-base', function () {
  this.timeout(60_000);
  after(removeTempDirs);

  /** main has BASE; feature changes it; main then moves on with a finding of its own. */
  function branchedRepo(): string {
    const root = repoWith({ 'src/a.c': BASE });
    git(root, ['checkout', '-q', '-b', 'feature']);
    writeFile(root, 'src/a.c', BRANCH);
    commitAs(root, ALICE, 'feature work');
    git(root, ['checkout', '-q', 'main']);
    writeFile(root, 'src/main-only.c', 'void m(char *b) { gets(b); }\n');
    commitAs(root, ALICE, 'main moves on');
    git(root, ['checkout', '-q', 'feature']);
    return root;
  }

  it('reports what the branch adds since the merge base, not what the target added meanwhile', async function () {
    const root = branchedRepo();
    const result = await scanJson(root, ['--diff-base', 'main']);
    assert.deepStrictEqual(result.findings, ['src/a.c:4 c.banned.strcpy updated', 'src/a.c:10 c.banned.sprintf new']);
    assert.strictEqual(result.code, 1);
  });

  it('counts uncommitted and untracked work as part of the change', async function () {
    const root = branchedRepo();
    writeFile(root, 'src/new.c', 'void n(char *b) { gets(b); }\n');
    writeFile(root, 'src/a.c', BRANCH.replace('  strcat(d, s);', '  strcat(d, s);\n  strcat(d, "!");'));
    const result = await scanJson(root, ['--diff-base', 'main']);
    assert.deepStrictEqual(result.findings, ['src/a.c:4 c.banned.strcpy updated', 'src/a.c:8 c.banned.strcat new', 'src/a.c:11 c.banned.sprintf new', 'src/new.c:1 c.banned.gets new']);
  });

  it('marks every finding with its SARIF baselineState when all are asked for, the removed ones as absent', async function () {
    const root = branchedRepo();
    writeFile(root, 'src/other.c', 'void o(char *b) { gets(b); }\n');
    commitAs(root, ALICE, 'another file');
    const result = await runCli(root, ['scan', '--diff-base', 'main', '--all-findings', '--format', 'sarif']);
    assert.strictEqual(result.code, 1, result.stderr);
    const log = JSON.parse(result.stdout) as Sarif.Log;
    const states = log.runs[0].results!.map((r) => `${r.locations![0].physicalLocation!.artifactLocation!.uri}:${r.locations![0].physicalLocation!.region!.startLine} ${r.ruleId} ${r.baselineState}`);
    assert.deepStrictEqual(states.sort(), [
      'src/a.c:10 c.banned.gets absent',
      'src/a.c:10 c.banned.sprintf new',
      'src/a.c:4 c.banned.strcpy updated',
      'src/a.c:7 c.banned.strcat unchanged',
      'src/other.c:1 c.banned.gets new',
    ]);
  });

  it('passes when the branch adds nothing, even on a legacy codebase', async function () {
    const root = repoWith({ 'src/a.c': BASE });
    git(root, ['checkout', '-q', '-b', 'docs']);
    writeFile(root, 'README.md', '# notes\n');
    commitAs(root, ALICE, 'docs');
    const result = await scanJson(root, ['--diff-base', 'main']);
    assert.deepStrictEqual([result.code, result.findings], [0, []]);
  });

  it('exits 2 for a revision that does not exist', async function () {
    const root = repoWith({ 'a.c': 'int a;\n' });
    const result = await runCli(root, ['scan', '--diff-base', 'no-such-branch']);
    assert.strictEqual(result.code, 2);
    assert.match(result.stderr, /no-such-branch is not a commit/);
  });
});

describe('rulebook review verify --diff-base', function () {
  this.timeout(60_000);
  let bob: KeyPair;
  let alice: KeyPair;
  before(function () {
    const dir = tempDir();
    bob = keygen(dir, 'bob', 'ed25519', BOB.email);
    alice = keygen(dir, 'alice', 'ed25519', ALICE.email);
  });
  after(removeTempDirs);

  it('gates a pull request on the sign-off of the findings it adds, not of the legacy ones', async function () {
    const root = repoWith({ '.secure-coding/rulebook.yaml': rulebookYaml([{ person: BOB, key: bob }, { person: ALICE, key: alice }]), 'src/a.c': BASE });
    git(root, ['checkout', '-q', '-b', 'feature']);
    writeFile(root, 'src/b.c', 'void n(char *b) { gets(b); }\n');
    commitAs(root, ALICE, 'new reader');

    const whole = await runCli(root, ['review', 'verify']);
    assert.strictEqual(whole.stdout.split('\n').filter(Boolean).length, 3, 'the whole tree has two legacy findings and a new one');
    const before = await runCli(root, ['review', 'verify', '--diff-base', 'main']);
    assert.deepStrictEqual([before.code, before.stdout], [1, 'src/b.c:1 c.banned.gets: pending\n']);
    assert.match(before.stderr, /1 finding needs a sign-off on lines added or changed by changes since \w+ \(the merge base with main\)/);

    const approved = await runCli(root, ['review', 'approve', 'src/b.c:1', '--as', 'bob', '--key', bob.privatePath, '--reason', 'fixed-size buffer read by a test tool']);
    assert.strictEqual(approved.code, 0, approved.stderr);
    const after = await runCli(root, ['review', 'verify', '--diff-base', 'main']);
    assert.deepStrictEqual([after.code, after.stdout], [0, '']);
  });
});
