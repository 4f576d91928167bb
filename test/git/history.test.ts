/**
 * `rulebook scan --history`: the secret rules over the lines every commit added, in a real repository with real
 * authors. A secret removed later is still reported (it must be rotated); the secret itself never appears.
 */
import * as assert from 'assert';
import type * as Sarif from 'sarif';
import { ALICE, BOB, commitAs, git, gitOut, gitRepo, removeTempDirs, runCli, tempDir, writeFile } from './repo';

const TOKEN = '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';
const PASSWORD = 'Zq7!vK2#pLm9';
const KEY_BLOCK = `-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACBXc2dkYWlsYmF0dGVyeWhvcnNlc3RhcGxlY29ycmVjdAAAAJgAAAAAAAAA
AAAAAAtzc2gtZWQyNTUxOQAAACBXc2dkYWlsYmF0dGVyeWhvcnNlc3RhcGxlY29ycmVjdA
-----END OPENSSH PRIVATE KEY-----
`;

interface HistoryJson {
  findings: { ruleId: string; path: string; start: { line: number }; message: string; commit: { id: string; author: string; email: string; date: string } }[];
  history: { range: string; commits: number };
}

describe('rulebook scan --history', function () {
  this.timeout(60_000);
  after(removeTempDirs);

  /** Alice adds a token and a C call; Bob removes the token and adds a password; Alice moves a file. */
  function historyRepo(): { root: string; added: string; removed: string } {
    const root = gitRepo(ALICE);
    writeFile(root, 'src/client.js', `const api = "https://api.example.com";\nconst octokit = new Octokit({ auth: "${TOKEN}" });\n`);
    writeFile(root, 'src/copy.c', 'void f(char *d, const char *s) { strcpy(d, s); }\n');
    commitAs(root, ALICE, 'client');
    const added = gitOut(root, ['rev-parse', 'HEAD']);
    writeFile(root, 'src/client.js', 'const api = "https://api.example.com";\nconst octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });\n');
    writeFile(root, 'config/db.py', `import os\nhost = "db"\nDB_PASSWORD = "${PASSWORD}"\n`);
    commitAs(root, BOB, 'read the token from the environment');
    const removed = gitOut(root, ['rev-parse', 'HEAD']);
    git(root, ['mv', 'config/db.py', 'config/database.py']);
    commitAs(root, ALICE, 'rename');
    return { root, added, removed };
  }

  it('reports secrets every commit added, with commit, author, date, path and line — removed ones too', async function () {
    const { root, added, removed } = historyRepo();
    const result = await runCli(root, ['scan', '--history', '--format', 'json']);
    assert.strictEqual(result.code, 1, result.stderr);
    const json = JSON.parse(result.stdout) as HistoryJson;
    assert.deepStrictEqual(
      json.findings.map((f) => [f.commit.id, f.commit.author, f.commit.email, f.path, f.start.line, f.ruleId]),
      [
        [removed, BOB.name, BOB.email, 'config/db.py', 3, 'secret.hardcoded-password'],
        [added, ALICE.name, ALICE.email, 'src/client.js', 2, 'secret.github-token'],
      ],
      'secret rules only (no strcpy), and the rename adds nothing',
    );
    assert.match(json.findings[0].commit.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    assert.strictEqual(json.history.commits, 3);
    assert.match(result.stderr, /2 findings \(2 error, 0 warning, 0 info; 2 gating\), 3 commits of HEAD read in [\d.]+ s \(\d+ commits\/s\), secrets in 2/);
  });

  it('never prints the secret, in any format', async function () {
    const { root, added } = historyRepo();
    for (const format of ['text', 'json', 'sarif']) {
      const result = await runCli(root, ['scan', '--history', '--format', format]);
      const output = result.stdout + result.stderr;
      assert.ok(output.includes('secret.github-token'), `${format} lists the finding`);
      for (const secret of [TOKEN, PASSWORD]) assert.ok(!output.includes(secret), `${format} prints a secret whole`);
    }
    const text = await runCli(root, ['scan', '--history']);
    assert.match(text.stdout, new RegExp(`^${added.slice(0, 12)}:src/client\\.js:2:\\d+: error: .*ghp_\\*\\*\\*\\*….* \\[secret\\.github-token\\] \\(added by Alice Ito <alice@example\\.com> on \\d{4}-\\d\\d-\\d\\d\\)$`, 'm'));
    const sarif = JSON.parse((await runCli(root, ['scan', '--history', '--format', 'sarif'])).stdout) as Sarif.Log;
    const props = sarif.runs[0].results!.map((r) => r.properties as { commit: string; author: string });
    assert.deepStrictEqual(props.map((p) => `${p.commit} ${p.author}`).reverse()[0], `${added} ${ALICE.name}`);
  });

  it('reads only the range asked for, and a multi-line key once, at its first line', async function () {
    const { root, removed } = historyRepo();
    writeFile(root, 'deploy/id_ed25519', KEY_BLOCK);
    commitAs(root, BOB, 'deploy key');
    const result = await runCli(root, ['scan', '--history', `${removed}..HEAD`, '--format', 'json']);
    const json = JSON.parse(result.stdout) as HistoryJson;
    assert.deepStrictEqual(json.findings.map((f) => [f.path, f.start.line, f.ruleId]), [['deploy/id_ed25519', 1, 'secret.private-key']]);
    assert.strictEqual(json.history.commits, 2);
    const none = await runCli(root, ['scan', '--history', 'HEAD..HEAD']);
    assert.strictEqual(none.code, 0, none.stderr);
  });

  it('exits 2 outside a repository and for a range git does not know', async function () {
    const outside = await runCli(tempDir(), ['scan', '--history']);
    assert.deepStrictEqual([outside.code, /--history needs a git repository/.test(outside.stderr)], [2, true]);
    const { root } = historyRepo();
    const bad = await runCli(root, ['scan', '--history', 'nope..HEAD']);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.stderr, /--history nope\.\.HEAD: /);
    const option = await runCli(root, ['scan', '--history=--all']);
    assert.deepStrictEqual([option.code, /takes a revision range/.test(option.stderr)], [2, true]);
  });
});
