/**
 * `rulebook scan --staged` as a pre-commit hook runs it: in real repositories, judging the index (what the commit
 * records) and reporting only what the staged change adds or modifies.
 */
import * as assert from 'assert';
import { commitAs, git, read, removeTempDirs, repoWith, runCli, scanJson, stage, tempDir, writeFile, ALICE } from './repo';

const LEGACY = `#include <string.h>
void copy(char *d, const char *s) {
  strcpy(d, s);
}
`;

describe('rulebook scan --staged', function () {
  this.timeout(60_000);
  after(removeTempDirs);

  it('reports only the lines the staged change adds or modifies, not the file\'s legacy findings', async function () {
    const root = repoWith({ 'src/a.c': LEGACY });
    writeFile(root, 'src/a.c', `${LEGACY}void add(char *d, const char *s) {\n  strcat(d, s);\n}\n`);
    stage(root, 'src/a.c');
    const result = await scanJson(root, ['--staged']);
    assert.deepStrictEqual(result.findings, ['src/a.c:6 c.banned.strcat new']);
    assert.strictEqual(result.code, 1);
    assert.match(result.stderr, /1 finding on lines added or changed by staged changes/);
  });

  it('judges the staged content, not the working tree', async function () {
    const root = repoWith({ 'a.c': 'int ok;\n' });
    writeFile(root, 'a.c', 'void g(char *b) { gets(b); }\n');
    stage(root, 'a.c');
    // Fixed in the working tree but not staged: the commit would still record gets().
    writeFile(root, 'a.c', 'void g(char *b) { fgets(b, 8, stdin); }\n');
    assert.deepStrictEqual((await scanJson(root, ['--staged'])).findings, ['a.c:1 c.banned.gets new']);

    // The other way round: the staged content is clean, only the working tree has the call.
    writeFile(root, 'a.c', 'void g(char *b) { fgets(b, 8, stdin); }\n');
    stage(root, 'a.c');
    writeFile(root, 'a.c', 'void g(char *b) { gets(b); }\n');
    const clean = await scanJson(root, ['--staged']);
    assert.deepStrictEqual([clean.code, clean.findings], [0, []]);
  });

  it('does not count re-indented or moved legacy lines as new', async function () {
    const root = repoWith({ 'a.c': LEGACY });
    writeFile(root, 'a.c', `#include <string.h>\nvoid copy(char *d, const char *s) {\n  if (d && s)\n      strcpy(d, s);\n}\n`);
    stage(root, 'a.c');
    const result = await scanJson(root, ['--staged']);
    assert.deepStrictEqual([result.code, result.findings], [0, []]);
  });

  it('reports a modified line whose finding changed as updated', async function () {
    const root = repoWith({ 'a.c': LEGACY });
    writeFile(root, 'a.c', LEGACY.replace('strcpy(d, s);', 'strcpy(d, s + 1);'));
    stage(root, 'a.c');
    assert.deepStrictEqual((await scanJson(root, ['--staged'])).findings, ['a.c:3 c.banned.strcpy updated']);
  });

  it('takes everything as new before the first commit, and follows renames', async function () {
    const root = repoWith({});
    writeFile(root, 'a.c', LEGACY);
    stage(root, 'a.c');
    assert.deepStrictEqual((await scanJson(root, ['--staged'])).findings, ['a.c:3 c.banned.strcpy new']);
    commitAs(root, ALICE, 'first');

    git(root, ['mv', 'a.c', 'moved name é.c']);
    assert.deepStrictEqual((await scanJson(root, ['--staged'])).findings, [], 'a pure rename adds nothing');
    writeFile(root, 'moved name é.c', `${read(root, 'moved name é.c')}void g(char *b) { gets(b); }\n`);
    stage(root, 'moved name é.c');
    assert.deepStrictEqual((await scanJson(root, ['--staged'])).findings, ['moved name é.c:5 c.banned.gets new']);
  });

  it('ignores deletions and unstaged files, and limits itself to the paths given', async function () {
    const root = repoWith({ 'a.c': LEGACY, 'b.c': 'int b;\n' });
    git(root, ['rm', '-q', 'a.c']);
    writeFile(root, 'untracked.c', 'void g(char *b) { gets(b); }\n');
    writeFile(root, 'b.c', 'void g(char *b) { gets(b); }\n');
    writeFile(root, 'sub/c.c', 'void h(char *b) { gets(b); }\n');
    stage(root, 'b.c', 'sub/c.c');
    assert.deepStrictEqual((await scanJson(root, ['--staged'])).findings, ['b.c:1 c.banned.gets new', 'sub/c.c:1 c.banned.gets new']);
    assert.deepStrictEqual((await scanJson(root, ['--staged', 'sub'])).findings, ['sub/c.c:1 c.banned.gets new']);
  });

  it('notes a staged file over the size limit instead of reading it', async function () {
    const root = repoWith({ '.secure-coding/rulebook.yaml': 'settings: { max_file_size: 1000 }\n' });
    writeFile(root, 'big.c', `${'/* padding */\n'.repeat(200)}void g(char *b) { gets(b); }\n`);
    stage(root, 'big.c');
    const result = await runCli(root, ['scan', '--staged']);
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stderr, /big\.c: note: skipped: \d+ bytes is over the 1000-byte limit/);
  });

  it('exits 2 outside a git repository, and for options that do not go together', async function () {
    const outside = await runCli(tempDir(), ['scan', '--staged']);
    assert.strictEqual(outside.code, 2);
    assert.match(outside.stderr, /--staged needs a git working tree/);
    const root = repoWith({ 'a.c': 'int a;\n' });
    const both = await runCli(root, ['scan', '--staged', '--diff-base', 'main']);
    assert.deepStrictEqual([both.code, /cannot be combined/.test(both.stderr)], [2, true]);
  });
});
