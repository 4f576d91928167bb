/**
 * Adopting the rulebook on a legacy codebase: a designated reviewer signs one batch approval for the open findings a
 * selection covers. Real repositories, real keys and the real CLI; each finding of a batch stays individually
 * tracked, lapses on its own, and is never one its reviewer wrote.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { armor, canonicalBatchMessage, parseLedger, reviewHover } from '@secure-coding/server';
import { ALICE, BOB, CAROL, KeyPair, commitAs, gitRepo, keygen, removeTempDirs, rulebookYaml, runCli, tempDir, writeFile } from './fixtures';
import { DAY, stateAt, states } from './engine-flow';

/** Legacy code by Alice: 3 findings in src/legacy, one in src/app; Bob wrote one more legacy line. */
function legacyRepo(keys: { alice: KeyPair; bob: KeyPair; carol: KeyPair }, extra = ''): string {
  const root = gitRepo(CAROL);
  writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml([{ person: ALICE, key: keys.alice }, { person: BOB, key: keys.bob }, { person: CAROL, key: keys.carol }], extra));
  writeFile(root, 'src/legacy/io.c', 'void a(char *d, const char *s) { strcpy(d, s); }\nvoid b(char *x) { gets(x); }\n');
  writeFile(root, 'src/legacy/fmt.c', 'void c(char *b, int n) { sprintf(b, "%d", n); }\n');
  writeFile(root, 'src/app/main.c', 'void m(char *x) { gets(x); }\n');
  commitAs(root, ALICE, 'legacy code');
  writeFile(root, 'src/legacy/bob.c', 'void z(char *b) { gets(b); }\n');
  commitAs(root, BOB, 'bob adds one');
  return root;
}

describe('batch approval (adopting on a legacy codebase)', function () {
  this.timeout(120_000);
  let keys: { alice: KeyPair; bob: KeyPair; carol: KeyPair };
  before(function () {
    const dir = tempDir();
    keys = { alice: keygen(dir, 'alice', 'ed25519', ALICE.email), bob: keygen(dir, 'bob', 'ed25519', BOB.email), carol: keygen(dir, 'carol', 'rsa', CAROL.email) };
  });
  after(removeTempDirs);

  const batch = (root: string, args: readonly string[], key: KeyPair = keys.bob): ReturnType<typeof runCli> =>
    runCli(root, ['review', 'approve-batch', '--as', 'bob', '--key', key.privatePath, '--reason', 'legacy, audited 2026-12', ...args]);

  it('signs one approval for the selected findings, leaves out the reviewer\'s own lines and lists them', async function () {
    const root = legacyRepo(keys);
    const result = await batch(root, ['--path', 'src/legacy/**']);
    assert.strictEqual(result.code, 0, result.stderr);
    assert.match(result.stdout, /^approved a batch of 3 findings as bob, until \d{4}-\d\d-\d\d \(batch [0-9a-f]{12}\): c\.banned\.gets 1, c\.banned\.sprintf 1, c\.test\.strcpy 1\n/);
    assert.match(result.stdout, /left out of the batch \(another reviewer must approve them one by one\): 1\n {2}src\/legacy\/bob\.c:1 c\.banned\.gets: you wrote this line \(bob@example\.com\)\n/);

    const ledgerText = readFileSync(path.join(root, '.secure-coding/reviews.jsonl'), 'utf8');
    assert.strictEqual(ledgerText.split('\n').filter(Boolean).length, 1, 'one ledger line for the whole batch');
    for (const text of ['gets(x)', 'strcpy(d, s)', 'sprintf(b']) assert.ok(!ledgerText.includes(text), 'the ledger holds hashes, not code');
    const ledger = parseLedger(ledgerText);
    assert.strictEqual(ledger.entries.length, 3, 'each finding is tracked on its own');
    assert.deepStrictEqual(ledger.batches!.map((b) => b.entry.excluded), [[['src/legacy/bob.c', 1, 'c.banned.gets', 'self-review']]]);

    // The one signature is a standard SSH signature over the batch's canonical message.
    const entry = ledger.batches![0].entry;
    const dir = tempDir();
    writeFileSync(path.join(dir, 'allowed'), `bob ${keys.bob.publicLine}\n`);
    writeFileSync(path.join(dir, 'batch.sig'), armor(Buffer.from(entry.sig, 'base64')));
    const checked = execFileSync('ssh-keygen', ['-Y', 'verify', '-f', path.join(dir, 'allowed'), '-I', 'bob', '-n', 'secure-coding-review', '-s', path.join(dir, 'batch.sig')], { input: canonicalBatchMessage(entry), encoding: 'utf8' });
    assert.match(checked, /Good "secure-coding-review" signature for bob/);

    const verify = await runCli(root, ['review', 'verify']);
    assert.deepStrictEqual(verify.stdout.split('\n').filter(Boolean), ['src/app/main.c:1 c.banned.gets: pending', 'src/legacy/bob.c:1 c.banned.gets: pending']);
    const list = await runCli(root, ['review', 'list', '--state', 'approved']);
    assert.match(list.stdout, /^src\/legacy\/io\.c:2 c\.banned\.gets: approved \(in batch [0-9a-f]{12} of 3 by Bob Sato on \d{4}-\d\d-\d\d, until \d{4}-\d\d-\d\d: legacy, audited 2026-12\)$/m);

    // Another reviewer signs off Bob's own line; a second batch finds nothing left in src/legacy.
    assert.strictEqual((await runCli(root, ['review', 'approve', 'src/legacy/bob.c:1', '--as', 'carol', '--key', keys.carol.privatePath, '--reason', 'checked'])).code, 0);
    const again = await batch(root, ['--path', 'src/legacy/**']);
    assert.deepStrictEqual([again.code, /nothing to approve: all 4 findings it selects are approved already/.test(again.stderr)], [1, true]);
  });

  it('selects by rule and severity, and a dry run signs nothing', async function () {
    const root = legacyRepo(keys);
    const dry = await runCli(root, ['review', 'approve-batch', '--as', 'bob', '--reason', 'legacy', '--rule', 'c.banned.*', '--severity', 'error', '--dry-run']);
    assert.strictEqual(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^the batch would approve 3 findings, until [\d-]+: c\.banned\.gets 2, c\.banned\.sprintf 1\n {2}src\/app\/main\.c:1 c\.banned\.gets\n {2}src\/legacy\/fmt\.c:1 c\.banned\.sprintf\n {2}src\/legacy\/io\.c:2 c\.banned\.gets\n/);
    assert.strictEqual((await runCli(root, ['review', 'list', '--state', 'approved'])).stdout, '');
    const warnings = await batch(root, ['--severity', 'warning']);
    assert.match(warnings.stdout, /^approved a batch of 1 finding as bob, until [\d-]+ \(batch \w+\): c\.test\.strcpy 1\n/);
  });

  it('lets each finding lapse on its own code change, revocation or rule expiry, and the batch expire by policy', async function () {
    const root = legacyRepo(keys, '  overrides:\n    c.banned.sprintf: { max_days: 10 }\n');
    assert.strictEqual((await batch(root, ['--path', 'src/legacy/**'])).code, 0);
    const files = ['src/legacy/io.c', 'src/legacy/fmt.c'];
    const now = new Date();
    let overview = await states(root, files, new Date(now.getTime() + 20 * DAY));
    assert.deepStrictEqual([stateAt(overview, 'src/legacy/io.c', 1), stateAt(overview, 'src/legacy/io.c', 2), stateAt(overview, 'src/legacy/fmt.c', 1)], ['approved', 'approved', 'expired']);
    assert.match(reviewHover(overview.reviews.find((r) => r.finding.ruleId === 'c.banned.gets')!)!, /^Approved by Bob Sato on [\d-]+ in batch \w{12} of 3, until [\d-]+: legacy, audited 2026-12$/);
    overview = await states(root, files, new Date(now.getTime() + 181 * DAY));
    assert.strictEqual(stateAt(overview, 'src/legacy/io.c', 2), 'expired', 'the batch expires with the policy\'s max_days');

    writeFile(root, 'src/legacy/io.c', 'void a(char *d, const char *s) { strcpy(d, s + 1); }\nvoid b(char *x) { gets(x); }\n');
    commitAs(root, ALICE, 'touch one line');
    const revoked = await runCli(root, ['review', 'revoke', 'src/legacy/io.c:2', '--as', 'carol', '--key', keys.carol.privatePath]);
    assert.strictEqual(revoked.code, 0, revoked.stderr);
    const verify = await runCli(root, ['review', 'verify', 'src/legacy']);
    assert.deepStrictEqual(verify.stdout.split('\n').filter(Boolean).map((l) => l.replace(/ on \d{4}-\d\d-\d\d.*$/, '')), [
      'src/legacy/bob.c:1 c.banned.gets: pending',
      'src/legacy/io.c:1 c.test.strcpy: pending (stale: the flagged code changed since Bob Sato approved it',
      'src/legacy/io.c:2 c.banned.gets: pending (approval revoked by Carol Mori',
    ]);
  });

  it('voids the whole batch when its line is tampered with, reported once', async function () {
    const root = legacyRepo(keys);
    assert.strictEqual((await batch(root, ['--path', 'src/**'])).code, 0);
    const file = path.join(root, '.secure-coding/reviews.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('legacy, audited 2026-12', 'all fine'));
    const verify = await runCli(root, ['review', 'verify']);
    assert.strictEqual(verify.code, 1);
    assert.strictEqual(verify.stdout.split('\n').filter((l) => l.includes(': bad signature')).length, 4);
    assert.strictEqual(verify.stderr.split('\n').filter((l) => /reviews\.jsonl:1: warning: the signature of bob's batch approval \w{12} \(4 findings\) does not verify/.test(l)).length, 1);
  });

  it('shows batches in the report, and prune keeps a batch while any of its findings exists', async function () {
    const root = legacyRepo(keys);
    assert.strictEqual((await batch(root, ['--path', 'src/legacy/**'])).code, 0);
    const report = await runCli(root, ['report']);
    assert.match(report.stdout, /## Batch approvals \(legacy findings accepted by one signature each\)\n\n\| Batch \|.*\n\| --- .*\n\| [0-9a-f]{12} \| Bob Sato \(bob\) \| [\d-]+ \| [\d-]+ \| 3 \/ 3 \| 1 \| legacy, audited 2026-12 \|/);
    writeFile(root, 'src/legacy/io.c', 'int fixed;\n');
    commitAs(root, ALICE, 'fix io');
    assert.strictEqual((await runCli(root, ['review', 'prune'])).stderr, 'nothing to prune\n');
    writeFile(root, 'src/legacy/fmt.c', 'int fixed;\n');
    commitAs(root, ALICE, 'fix fmt');
    const pruned = await runCli(root, ['review', 'prune']);
    assert.match(pruned.stdout, /^dropped line 1: batch approval [0-9a-f]{12} of 3 by bob \(none of its findings exists any more\)\n$/);
  });

  it('refuses without a selection, a justification, a listed reviewer or the right key', async function () {
    const root = legacyRepo(keys);
    const cases: [Promise<{ code: number; stderr: string }>, RegExp][] = [
      [batch(root, []), /refused: choose the findings: --rule, --path and\/or --severity/],
      [runCli(root, ['review', 'approve-batch', '--as', 'bob', '--key', keys.bob.privatePath, '--reason', ' ', '--rule', 'c.*']), /refused: a batch approval needs a justification/],
      [runCli(root, ['review', 'approve-batch', '--as', 'dave', '--key', keys.bob.privatePath, '--reason', 'x', '--rule', 'c.*']), /refused: not a reviewer: `dave`/],
      [batch(root, ['--rule', 'c.*'], keys.carol), /refused: key does not match/],
      [batch(root, ['--path', 'src/legacy/bob.c']), /refused: nothing to approve: you wrote every line the batch selects/],
    ];
    for (const [run, message] of cases) {
      const result = await run;
      assert.strictEqual(result.code, 1, result.stderr);
      assert.match(result.stderr, message);
    }
  });
});
