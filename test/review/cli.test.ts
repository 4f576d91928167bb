/**
 * The review commands as CI and reviewers run them: separate processes over a real repository, real keys and real
 * authorship. Exit codes and the exact output lines are what CI scripts depend on.
 */
import * as assert from 'assert';
import { execFileSync, spawn } from 'child_process';
import { readFileSync, writeFileSync, chmodSync } from 'fs';
import * as path from 'path';
import type * as Sarif from 'sarif';
import { armor, canonicalMessage, parseLedger } from '@secure-coding/server';
import { ALICE, BOB, CAROL, KeyPair, commitAs, git, gitRepo, keygen, removeTempDirs, rulebookYaml, runCli, tempDir, writeFile } from './fixtures';
import { DAY, act } from './engine-flow';

const SOURCE = `#include <stdio.h>
#include <string.h>
void read_name(char *dst, const char *src) {
  char b[8];
  gets(b);
  strcpy(dst, src);
}
`;

describe('rulebook review (CLI)', function () {
  this.timeout(60_000);
  let keys: { alice: KeyPair; bob: KeyPair; carol: KeyPair };
  let root: string;
  const ledgerPath = (): string => path.join(root, '.secure-coding/reviews.jsonl');
  const ledgerLines = (): string[] => readFileSync(ledgerPath(), 'utf8').split('\n').filter(Boolean);

  before(function () {
    const dir = tempDir();
    keys = { alice: keygen(dir, 'alice', 'ed25519', ALICE.email), bob: keygen(dir, 'bob', 'ed25519', BOB.email), carol: keygen(dir, 'carol', 'rsa', CAROL.email) };
  });
  after(removeTempDirs);

  beforeEach(function () {
    root = gitRepo(CAROL);
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml([{ person: ALICE, key: keys.alice }, { person: BOB, key: keys.bob }, { person: CAROL, key: keys.carol }]));
    writeFile(root, 'src/a.c', SOURCE);
    commitAs(root, ALICE, 'read names');
  });

  const approve = (spec: string, as: string, key: KeyPair | string, reason = 'input bounded by the caller', extra: string[] = []): ReturnType<typeof runCli> =>
    runCli(root, ['review', 'approve', spec, '--as', as, '--key', typeof key === 'string' ? key : key.privatePath, '--reason', reason, ...extra]);

  it('verify fails listing each pending finding, and passes once every one is approved', async function () {
    const before = await runCli(root, ['review', 'verify']);
    assert.strictEqual(before.code, 1);
    assert.strictEqual(before.stdout, 'src/a.c:5 c.banned.gets: pending\nsrc/a.c:6 c.test.strcpy: pending\n');
    assert.match(before.stderr, /review: 2 findings need a sign-off \(severity error, warning; secrets of confidence high, medium\): 0 approved, 2 not/);

    const first = await approve('src/a.c:5', 'bob', keys.bob);
    assert.strictEqual(first.code, 0, first.stderr);
    assert.match(first.stdout, /^approved src\/a\.c:5 c\.banned\.gets as bob, until \d{4}-\d\d-\d\d\n$/);
    assert.strictEqual((await approve('src/a.c:6', 'carol', keys.carol)).code, 0);

    const after = await runCli(root, ['review', 'verify']);
    assert.deepStrictEqual([after.code, after.stdout], [0, '']);
    const ledger = readFileSync(ledgerPath(), 'utf8');
    assert.strictEqual(ledgerLines().length, 2);
    for (const text of ['gets(b)', 'strcpy(dst', 'char b[8]']) assert.ok(!ledger.includes(text), `the ledger must not hold the flagged text ${text}`);
    assert.strictEqual(readFileSync(path.join(root, '.secure-coding/.gitattributes'), 'utf8'), 'reviews.jsonl merge=union\n');

    // Each entry's signature is a standard SSH signature over the canonical message: ssh-keygen accepts it too.
    const entry = parseLedger(readFileSync(ledgerPath(), 'utf8')).entries[1].entry;
    const dir = tempDir();
    writeFileSync(path.join(dir, 'allowed'), `carol ${keys.carol.publicLine}\n`);
    writeFileSync(path.join(dir, 'entry.sig'), armor(Buffer.from(entry.sig, 'base64')));
    const checked = execFileSync('ssh-keygen', ['-Y', 'verify', '-f', path.join(dir, 'allowed'), '-I', 'carol', '-n', 'secure-coding-review', '-s', path.join(dir, 'entry.sig')], {
      input: canonicalMessage(entry),
      encoding: 'utf8',
    });
    assert.match(checked, /Good "secure-coding-review" signature for carol with RSA key/);
  });

  it('refuses with exit 1 and says exactly why', async function () {
    const cases: [Promise<{ code: number; stderr: string }>, RegExp][] = [
      [approve('src/a.c:5', 'dave', keys.bob), /refused: not a reviewer: `dave` is not listed/],
      [approve('src/a.c:5', 'alice', keys.alice), /refused: you wrote this line: src\/a\.c:5 is by alice@example\.com/],
      [approve('src/a.c:5', 'bob', keys.carol), /refused: key does not match: the key given is SHA256:/],
      [approve('src/a.c:4', 'bob', keys.bob), /refused: finding not found at that line: no finding at src\/a\.c:4; nearby: 5 c\.banned\.gets/],
    ];
    for (const [run, message] of cases) {
      const result = await run;
      assert.strictEqual(result.code, 1, result.stderr);
      assert.match(result.stderr, message);
    }
    const ja = await runCli(root, ['review', 'approve', 'src/a.c:5', '--as', 'alice', '--key', keys.alice.privatePath, '--reason', 'x', '--lang', 'ja']);
    assert.match(ja.stderr, /この行はあなたが書いたものです/);
  });

  it('exits 2 for usage mistakes: no reason, a bad FILE:LINE, a missing key file', async function () {
    assert.strictEqual((await runCli(root, ['review', 'approve', 'src/a.c:5', '--as', 'bob', '--key', keys.bob.privatePath])).code, 2);
    const badSpec = await approve('src/a.c', 'bob', keys.bob);
    assert.deepStrictEqual([badSpec.code, /expected FILE:LINE/.test(badSpec.stderr)], [2, true]);
    const noKey = await approve('src/a.c:5', 'bob', path.join(root, 'no-such-key'));
    assert.deepStrictEqual([noKey.code, /cannot read the key .*no-such-key: no such file/.test(noKey.stderr)], [2, true]);
  });

  it('lists states, filtered and as JSON', async function () {
    await approve('src/a.c:5', 'bob', keys.bob, 'checked: fixed-size input');
    const all = await runCli(root, ['review', 'list']);
    assert.strictEqual(all.code, 0);
    assert.match(all.stdout, /^src\/a\.c:5 c\.banned\.gets: approved \(by Bob Sato on \d{4}-\d\d-\d\d, until \d{4}-\d\d-\d\d: checked: fixed-size input\)\nsrc\/a\.c:6 c\.test\.strcpy: pending\n$/);
    assert.strictEqual((await runCli(root, ['review', 'list', '--state', 'pending'])).stdout, 'src/a.c:6 c.test.strcpy: pending\n');
    const json = JSON.parse((await runCli(root, ['review', 'list', '--state', 'approved', '-f', 'json'])).stdout) as { path: string; line: number; state: string; reviewer: { id: string }; reason: string }[];
    assert.deepStrictEqual(json.map((r) => [r.path, r.line, r.state, r.reviewer.id, r.reason]), [['src/a.c', 5, 'approved', 'bob', 'checked: fixed-size input']]);
    assert.strictEqual((await runCli(root, ['review', 'list', '--state', 'sideways'])).code, 2);
  });

  it('lands every approval when several processes approve at once', async function () {
    writeFile(root, 'src/many.c', Array.from({ length: 6 }, (_, i) => `void f${i}(char *b) { gets(b); }\n`).join(''));
    commitAs(root, ALICE, 'many reads');
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? approve(`src/many.c:${i + 1}`, 'bob', keys.bob) : approve(`src/many.c:${i + 1}`, 'carol', keys.carol))));
    assert.deepStrictEqual(results.map((r) => r.code), [0, 0, 0, 0, 0, 0]);
    assert.strictEqual(ledgerLines().length, 6);
    const list = await runCli(root, ['review', 'list', 'src/many.c']);
    assert.strictEqual(list.stdout.split('\n').filter((l) => l.includes(': approved (')).length, 6);
    assert.strictEqual(list.stderr, '', 'no ledger line may be damaged');
  });

  it('merges two branches\' approvals without a conflict', async function () {
    git(root, ['checkout', '-q', '-b', 'review-bob']);
    assert.strictEqual((await approve('src/a.c:5', 'bob', keys.bob)).code, 0);
    commitAs(root, BOB, 'bob signs off the read');
    git(root, ['checkout', '-q', 'main']);
    git(root, ['checkout', '-q', '-b', 'review-carol']);
    assert.strictEqual((await approve('src/a.c:6', 'carol', keys.carol)).code, 0);
    commitAs(root, CAROL, 'carol signs off the copy');
    git(root, ['-c', 'user.name=Carol', '-c', 'user.email=carol@example.com', 'merge', '-q', '--no-edit', 'review-bob']);
    assert.strictEqual(ledgerLines().length, 2);
    assert.strictEqual((await runCli(root, ['review', 'verify'])).code, 0);
  });

  it('verify names expired, bad signature, self-approved and unknown reviewer approvals', async function () {
    writeFile(root, 'src/more.c', 'void g(char *d, char *s) {\n  strcpy(d, s);\n  gets(d);\n}\n');
    commitAs(root, BOB, 'more');
    // A 200-day-old approval, signed then: expiry needs no waiting.
    assert.ok((await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: new Date(Date.now() - 200 * DAY) })).ok);
    assert.strictEqual((await approve('src/a.c:6', 'bob', keys.bob)).code, 0);
    const lines = ledgerLines();
    writeFileSync(ledgerPath(), `${lines[0]}\n${lines[1].replace('input bounded by the caller', 'fine, trust me')}\n`);
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml([{ person: ALICE, key: keys.alice }, { person: BOB, key: keys.bob }, { person: CAROL, key: keys.carol }], '  allow_self_review: true\n'));
    assert.strictEqual((await approve('src/more.c:2', 'bob', keys.bob)).code, 0);
    assert.strictEqual((await approve('src/more.c:3', 'carol', keys.carol)).code, 0);
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml([{ person: ALICE, key: keys.alice }, { person: BOB, key: keys.bob }]));
    const result = await runCli(root, ['review', 'verify']);
    assert.strictEqual(result.code, 1);
    const states = result.stdout.split('\n').filter(Boolean).map((l) => l.replace(/ \(.*\)$/, ''));
    assert.deepStrictEqual(states, ['src/a.c:5 c.banned.gets: expired', 'src/a.c:6 c.test.strcpy: bad signature', 'src/more.c:2 c.test.strcpy: self-approved', 'src/more.c:3 c.banned.gets: unknown reviewer']);
    assert.match(result.stderr, /\.secure-coding\/reviews\.jsonl:2: warning: the signature of bob's approve of src\/a\.c:6 does not verify/);
  });

  it('reports a stale approval as pending in verify, with why', async function () {
    assert.strictEqual((await approve('src/a.c:5', 'bob', keys.bob)).code, 0);
    writeFile(root, 'src/a.c', SOURCE.replace('gets(b);', 'gets(b + 0);'));
    commitAs(root, ALICE, 'changed');
    const result = await runCli(root, ['review', 'verify', 'src']);
    assert.match(result.stdout, /^src\/a\.c:5 c\.banned\.gets: pending \(stale: the flagged code changed since Bob Sato approved it on \d{4}-\d\d-\d\d\)$/m);
    assert.strictEqual((await runCli(root, ['review', 'list', '--state', 'stale'])).stdout.split('\n').filter(Boolean).length, 1);
  });

  it('revokes an approval', async function () {
    await approve('src/a.c:5', 'bob', keys.bob);
    const revoked = await runCli(root, ['review', 'revoke', 'src/a.c:5', '--as', 'carol', '--key', keys.carol.privatePath]);
    assert.strictEqual(revoked.code, 0, revoked.stderr);
    assert.strictEqual(revoked.stdout, 'revoked the approval of src/a.c:5 c.banned.gets as carol\n');
    assert.match((await runCli(root, ['review', 'verify'])).stdout, /^src\/a\.c:5 c\.banned\.gets: pending \(approval revoked by Carol Mori on /m);
    const again = await runCli(root, ['review', 'revoke', 'src/a.c:5', '--as', 'carol', '--key', keys.carol.privatePath]);
    assert.deepStrictEqual([again.code, /nothing to revoke/.test(again.stderr)], [1, true]);
  });

  it('prunes entries whose finding is gone and unreadable lines, and says which', async function () {
    await approve('src/a.c:5', 'bob', keys.bob);
    await approve('src/a.c:6', 'bob', keys.bob);
    writeFileSync(ledgerPath(), `${readFileSync(ledgerPath(), 'utf8')}{"v":1,"act`);
    writeFile(root, 'src/a.c', SOURCE.replace('  strcpy(dst, src);\n', ''));
    const pruned = await runCli(root, ['review', 'prune']);
    assert.strictEqual(pruned.code, 0, pruned.stderr);
    assert.deepStrictEqual(pruned.stdout.split('\n').filter(Boolean), [
      'dropped line 2: approve of src/a.c:6 c.test.strcpy by bob (the finding no longer exists)',
      'dropped line 3: incomplete last line (an interrupted write?)',
    ]);
    assert.strictEqual(ledgerLines().length, 1);
    assert.match(ledgerLines()[0], /"line":5,"rule":"c\.banned\.gets"/);
    assert.strictEqual((await runCli(root, ['review', 'verify'])).code, 0);
    assert.match((await runCli(root, ['review', 'prune'])).stderr, /nothing to prune/);
  });

  it('appends on a fresh line after an interrupted write', async function () {
    await approve('src/a.c:5', 'bob', keys.bob);
    writeFileSync(ledgerPath(), `${readFileSync(ledgerPath(), 'utf8')}{"v":1,"action":"appr`);
    const second = await approve('src/a.c:6', 'bob', keys.bob);
    assert.strictEqual(second.code, 0);
    assert.match(second.stderr, /reviews\.jsonl:2: warning: incomplete last line/);
    const verify = await runCli(root, ['review', 'verify']);
    assert.strictEqual(verify.code, 0);
    assert.match(verify.stderr, /reviews\.jsonl:2: warning: not valid JSON; ignored/);
  });

  it('carries approvals into SARIF as accepted external suppressions, and scan counts them as addressed', async function () {
    await approve('src/a.c:5', 'bob', keys.bob, 'reads at most 7 bytes by contract');
    const scan = await runCli(root, ['scan', 'src', '-f', 'sarif']);
    assert.strictEqual(scan.code, 1, 'the strcpy finding is still open');
    const results = (JSON.parse(scan.stdout) as Sarif.Log).runs[0].results ?? [];
    const gets = results.find((r) => r.ruleId === 'c.banned.gets')!;
    const strcpy = results.find((r) => r.ruleId === 'c.test.strcpy')!;
    assert.strictEqual(strcpy.suppressions, undefined);
    assert.strictEqual(gets.suppressions?.length, 1);
    const s = gets.suppressions[0];
    assert.deepStrictEqual([s.kind, s.status, s.justification, s.properties?.reviewer, s.properties?.reviewerName], ['external', 'accepted', 'reads at most 7 bytes by contract', 'bob', 'Bob Sato']);
    assert.match(String(s.properties?.expires), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    await approve('src/a.c:6', 'bob', keys.bob);
    const text = await runCli(root, ['scan', 'src']);
    assert.deepStrictEqual([text.code, text.stdout], [0, '']);
    assert.match(text.stderr, /2 approved by reviewers/);
  });

  it('reports the item-7 level with its evidence, in Markdown, HTML and Japanese', async function () {
    const pending = await runCli(root, ['report']);
    assert.strictEqual(pending.code, 0);
    assert.match(pending.stdout, /^## Level met: —$/m);
    assert.match(pending.stdout, /^- 2 findings are unaddressed \(neither approved nor suppressed inline\)$/m);
    assert.match(pending.stdout, /^src\/a\.c:5 c\.banned\.gets \(pending, since \d{4}-\d\d-\d\d\)$/m);

    writeFile(root, 'src/a.c', SOURCE.replace('  gets(b);', '  gets(b); // secure-coding-ignore c.banned.gets: legacy path'));
    commitAs(root, ALICE, 'suppress');
    await approve('src/a.c:6', 'bob', keys.bob);
    const level1 = await runCli(root, ['report']);
    assert.match(level1.stdout, /^## Level met: 1$/m);
    assert.match(level1.stdout, /^- 1 finding has no valid approval by a designated reviewer/m);

    await approve('src/a.c:5', 'carol', keys.carol);
    const level2 = await runCli(root, ['report']);
    assert.match(level2.stdout, /^## Level met: 2$/m);
    assert.match(level2.stdout, /^\| c\.banned\.gets \| error \| 1 \| 1 \| 0 \| 1 \|$/m);
    assert.match(level2.stdout, /^\| Bob Sato \(bob, bob@example\.com\) \| SHA256:\S+ \| 1 \| 1 \| \d{4}-\d\d-\d\d \|$/m);
    assert.match(level2.stdout, /^\| Files \| \.secure-coding\/rulebook\.yaml, builtin:default \|$/m);

    const html = await runCli(root, ['report', '-f', 'html', '--lang', 'ja']);
    assert.match(html.stdout, /^<html lang="ja">$/m);
    assert.match(html.stdout, /<h2>達成レベル: 2<\/h2>/);
    assert.match(html.stdout, /<td>Carol Mori \(carol, carol@example\.com\)<\/td>/);
  });

  describe('keys that only ssh-keygen can use', function () {
    let agent: { pid: number; sock: string } | undefined;

    before(function () {
      const out = execFileSync('ssh-agent', ['-s'], { encoding: 'utf8' });
      agent = { sock: /SSH_AUTH_SOCK=([^;]+);/.exec(out)![1], pid: Number(/SSH_AGENT_PID=(\d+);/.exec(out)![1]) };
    });
    after(function () {
      if (agent) process.kill(agent.pid);
    });

    it('signs through ssh-agent with a passphrase-protected key, and the result verifies without it', async function () {
      const dir = tempDir();
      const locked = keygen(dir, 'locked', 'ed25519', BOB.email, 'correct horse battery');
      const askpass = path.join(dir, 'askpass.sh');
      writeFileSync(askpass, '#!/bin/sh\necho "correct horse battery"\n');
      chmodSync(askpass, 0o700);
      await new Promise<void>((resolve, reject) => {
        const add = spawn('ssh-add', [locked.privatePath], { env: { ...process.env, SSH_AUTH_SOCK: agent!.sock, SSH_ASKPASS: askpass, SSH_ASKPASS_REQUIRE: 'force', DISPLAY: ':0' }, stdio: ['ignore', 'pipe', 'pipe'] });
        add.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`ssh-add exited ${code}`))));
      });
      writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml([{ person: BOB, key: locked }, { person: CAROL, key: keys.carol }]));
      const env = { SSH_AUTH_SOCK: agent!.sock };
      const viaPrivate = await runCli(root, ['review', 'approve', 'src/a.c:5', '--as', 'bob', '--key', locked.privatePath, '--reason', 'agent-signed'], env);
      assert.strictEqual(viaPrivate.code, 0, viaPrivate.stderr);
      const viaPublic = await runCli(root, ['review', 'approve', 'src/a.c:6', '--as', 'bob', '--key', locked.publicPath, '--reason', 'agent-signed'], env);
      assert.strictEqual(viaPublic.code, 0, viaPublic.stderr);
      const verify = await runCli(root, ['review', 'verify'], { SSH_AUTH_SOCK: '', PATH: '/nonexistent' });
      assert.deepStrictEqual([verify.code, verify.stdout], [0, '']);
    });
  });
});
