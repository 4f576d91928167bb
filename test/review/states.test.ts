/**
 * The review state of findings over a real repository's history: approvals that survive unrelated edits and moved
 * lines, and lapse when the flagged code or the rule changes, on expiry (an injected clock, no waiting), on
 * revocation, when the reviewer leaves the rulebook, or when the ledger line was tampered with.
 */
import * as assert from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { countByState, expiresWithin, reviewHover } from '@secure-coding/server';
import { ALICE, BOB, CAROL, KeyPair, commitAs, gitRepo, keygen, removeTempDirs, rulebookYaml, tempDir, writeFile } from './fixtures';
import { DAY, T0, act, states, stateAt } from './engine-flow';

const SOURCE = `#include <stdio.h>
#include <string.h>
void read_name(char *dst, const char *src) {
  char b[8];
  gets(b);
  strcpy(dst, src);
}
`;
// gets( is on line 5, strcpy( on line 6.

describe('review states', function () {
  let keys: { alice: KeyPair; bob: KeyPair; carol: KeyPair };
  let root: string;

  before(function () {
    const dir = tempDir();
    keys = { alice: keygen(dir, 'alice', 'ed25519', ALICE.email), bob: keygen(dir, 'bob', 'ed25519', BOB.email), carol: keygen(dir, 'carol', 'rsa', CAROL.email) };
  });
  after(removeTempDirs);

  const reviewers = (): { person: typeof ALICE; key: KeyPair }[] => [
    { person: ALICE, key: keys.alice },
    { person: BOB, key: keys.bob },
    { person: CAROL, key: keys.carol },
  ];

  beforeEach(function () {
    root = gitRepo(CAROL);
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml(reviewers()));
    writeFile(root, 'src/a.c', SOURCE);
    commitAs(root, ALICE, 'read names');
  });

  const edit = (rel: string, change: (text: string) => string): void => {
    const file = path.join(root, rel);
    writeFileSync(file, change(readFileSync(file, 'utf8')));
  };

  it('starts pending and becomes approved by a listed reviewer who is not the author', async function () {
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], T0), 'src/a.c', 5), 'pending');
    const outcome = await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0 });
    assert.ok(outcome.ok);
    const overview = await states(root, ['src/a.c'], T0);
    const review = overview.reviews.find((r) => r.finding.ruleId === 'c.banned.gets')!;
    assert.strictEqual(review.state, 'approved');
    assert.strictEqual(review.reviewer?.id, 'bob');
    assert.strictEqual(review.expires?.toISOString(), new Date(T0.getTime() + 180 * DAY).toISOString());
    assert.strictEqual(stateAt(overview, 'src/a.c', 6), 'pending');
  });

  it('accepts an RSA reviewer key', async function () {
    assert.ok((await act(root, { file: 'src/a.c', line: 6, as: CAROL, key: keys.carol, now: T0 })).ok);
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], T0), 'src/a.c', 6), 'approved');
  });

  it('keeps the approval through unrelated edits and when the line moves', async function () {
    await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0 });
    edit('src/a.c', (t) => `/* header */\n#include <stdlib.h>\n\n${t.replace('char b[8];', 'char b[16];')}`);
    commitAs(root, CAROL, 'unrelated edits');
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], T0), 'src/a.c', 8), 'approved');
    edit('src/a.c', (t) => t.replace('  gets(b);\n', '') + 'void later(void) {\n  char b[16];\n  gets(b);\n}\n');
    commitAs(root, CAROL, 'move the read');
    const overview = await states(root, ['src/a.c'], T0);
    const gets = overview.reviews.filter((r) => r.finding.ruleId === 'c.banned.gets');
    assert.deepStrictEqual(gets.map((r) => [r.finding.range.start.line + 1, r.state]), [[12, 'approved']]);
  });

  it('lapses to stale when the flagged code changes', async function () {
    await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0 });
    edit('src/a.c', (t) => t.replace('gets(b);', 'gets(b + 1);'));
    commitAs(root, ALICE, 'change the read');
    const review = (await states(root, ['src/a.c'], T0)).reviews.find((r) => r.finding.ruleId === 'c.banned.gets')!;
    assert.strictEqual(review.state, 'stale');
    assert.match(String((review.detail as { en: string }).en), /the flagged code changed since Bob Sato approved it on 2026-03-02/);
  });

  it('lapses to stale when the rule\'s definition changes, but not when only its wording does', async function () {
    await act(root, { file: 'src/a.c', line: 6, as: BOB, key: keys.bob, now: T0 });
    edit('.secure-coding/rulebook.yaml', (t) => t.replace('copies without a bound', 'copies with no bound at all').replace('overflow buffers.', 'overflow buffers (CWE-120).'));
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], T0), 'src/a.c', 6), 'approved');
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml(reviewers(), '', '[strcpy, strcat]'));
    const review = (await states(root, ['src/a.c'], T0)).reviews.find((r) => r.finding.ruleId === 'c.test.strcpy')!;
    assert.strictEqual(review.state, 'stale');
    assert.match(String((review.detail as { en: string }).en), /rule's definition changed/);
  });

  it('expires after max_days, or sooner when a per-rule override shortens it', async function () {
    await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0 });
    await act(root, { file: 'src/a.c', line: 6, as: BOB, key: keys.bob, now: T0 });
    const day179 = new Date(T0.getTime() + 179 * DAY);
    const day181 = new Date(T0.getTime() + 181 * DAY);
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], day179), 'src/a.c', 5), 'approved');
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], day181), 'src/a.c', 5), 'expired');
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml(reviewers(), '  overrides:\n    c.test.*: { max_days: 30 }\n'));
    const day31 = new Date(T0.getTime() + 31 * DAY);
    const overview = await states(root, ['src/a.c'], day31);
    assert.strictEqual(stateAt(overview, 'src/a.c', 5), 'approved');
    assert.strictEqual(stateAt(overview, 'src/a.c', 6), 'expired');
  });

  it('returns to pending when revoked, and holds again when approved after', async function () {
    await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0 });
    assert.ok((await act(root, { action: 'revoke', file: 'src/a.c', line: 5, as: CAROL, key: keys.carol, now: T0 })).ok);
    const review = (await states(root, ['src/a.c'], T0)).reviews.find((r) => r.finding.ruleId === 'c.banned.gets')!;
    assert.strictEqual(review.state, 'pending');
    assert.match(String((review.detail as { en: string }).en), /approval revoked by Carol Mori on 2026-03-02/);
    await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: new Date(T0.getTime() + 1000) });
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], T0), 'src/a.c', 5), 'approved');
  });

  it('shows an unknown reviewer once the reviewer is removed from the rulebook', async function () {
    await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0 });
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml(reviewers().filter((r) => r.person !== BOB)));
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], T0), 'src/a.c', 5), 'unknown-reviewer');
  });

  it('reports a tampered line and a corrupt line by number and keeps every other approval', async function () {
    await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0 });
    await act(root, { file: 'src/a.c', line: 6, as: BOB, key: keys.bob, now: T0 });
    const ledger = path.join(root, '.secure-coding/reviews.jsonl');
    const lines = readFileSync(ledger, 'utf8').split('\n');
    lines[0] = lines[0].replace('"bounded by the caller"', '"bounded by the caller, trust me"');
    writeFileSync(ledger, ['{"v":1,"action":"approve",', ...lines].join('\n'));
    const overview = await states(root, ['src/a.c'], T0);
    assert.strictEqual(stateAt(overview, 'src/a.c', 5), 'bad-signature');
    assert.strictEqual(stateAt(overview, 'src/a.c', 6), 'approved');
    assert.deepStrictEqual(overview.ledgerProblems.map((p) => p.line), [1, 2]);
    assert.match(overview.ledgerProblems[0].message, /not valid JSON/);
    assert.match(overview.ledgerProblems[1].message, /signature of bob's approve of src\/a\.c:5 does not verify/);
  });

  it('reports an approval by someone else\'s key under a reviewer\'s id as a bad signature', async function () {
    await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0 });
    const eve = keygen(tempDir(), 'eve', 'ed25519', 'eve@example.com');
    // Bob's key is replaced in the rulebook (rotated, or an impostor's entry): the old signature no longer counts.
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml([...reviewers().filter((r) => r.person !== BOB), { person: BOB, key: eve }]));
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], T0), 'src/a.c', 5), 'bad-signature');
  });

  it('does not count an approval dated in the future (it would outlast max_days)', async function () {
    await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: new Date(T0.getTime() + 10 * DAY) });
    const review = (await states(root, ['src/a.c'], T0)).reviews.find((r) => r.finding.ruleId === 'c.banned.gets')!;
    assert.strictEqual(review.state, 'bad-signature');
    assert.match(String((review.detail as { en: string }).en), /dated 2026-03-12, in the future/);
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], new Date(T0.getTime() + 10 * DAY)), 'src/a.c', 5), 'approved');
  });

  it('flags a self-approval once self-review is no longer allowed', async function () {
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml(reviewers(), '  allow_self_review: true\n'));
    assert.ok((await act(root, { file: 'src/a.c', line: 5, as: ALICE, key: keys.alice, now: T0 })).ok);
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], T0), 'src/a.c', 5), 'approved');
    writeFile(root, '.secure-coding/rulebook.yaml', rulebookYaml(reviewers()));
    assert.strictEqual(stateAt(await states(root, ['src/a.c'], T0), 'src/a.c', 5), 'self-approved');
  });

  it('does not let an inline suppression stand in for a sign-off', async function () {
    edit('src/a.c', (t) => t.replace('  gets(b);', '  gets(b); // secure-coding-ignore c.banned.gets: legacy input path'));
    commitAs(root, ALICE, 'suppress');
    const review = (await states(root, ['src/a.c'], T0)).reviews.find((r) => r.finding.ruleId === 'c.banned.gets')!;
    assert.ok(review.finding.suppression);
    assert.strictEqual(review.required, true);
    assert.strictEqual(review.state, 'pending');
  });

  it('gives the editor its hover lines, expiring approvals and counts', async function () {
    await act(root, { file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0, reason: 'the caller bounds it' });
    const overview = await states(root, ['src/a.c'], T0);
    const [gets, strcpy] = overview.reviews;
    assert.strictEqual(reviewHover(gets), 'Approved by Bob Sato on 2026-03-02, until 2026-08-29: the caller bounds it');
    assert.strictEqual(reviewHover(gets, 'ja'), 'Bob Sato が 2026-03-02 に承認（2026-08-29 まで）: the caller bounds it');
    assert.strictEqual(reviewHover(strcpy), "Needs a reviewer's sign-off");
    assert.deepStrictEqual([expiresWithin(gets, T0), expiresWithin(gets, new Date(T0.getTime() + 160 * DAY))], [false, true]);
    assert.deepStrictEqual([countByState(overview.reviews).approved, countByState(overview.reviews).pending], [1, 1]);
    const later = (await states(root, ['src/a.c'], new Date(T0.getTime() + 200 * DAY))).reviews[0];
    assert.strictEqual(reviewHover(later), 'Approval expired: the approval by Bob Sato on 2026-03-02 expired on 2026-08-29');
  });

  describe('refusals', function () {
    const refusal = async (a: Parameters<typeof act>[1]): Promise<string> => {
      const outcome = await act(root, a);
      return outcome.ok ? 'accepted' : `${outcome.refusal.code}: ${(outcome.refusal.message as { en: string }).en}`;
    };

    it('says exactly why', async function () {
      const dave = { id: 'dave', name: 'Dave', email: 'dave@example.com' };
      assert.match(await refusal({ file: 'src/a.c', line: 5, as: dave, key: keys.bob, now: T0 }), /^not-a-reviewer: not a reviewer: `dave` is not listed .*listed: alice, bob, carol/);
      assert.match(await refusal({ file: 'src/a.c', line: 5, as: BOB, key: keys.carol, now: T0 }), /^key-mismatch: key does not match: the key given is SHA256:\S+, but Bob Sato \(bob\) is listed with SHA256:/);
      assert.match(await refusal({ file: 'src/a.c', line: 4, as: BOB, key: keys.bob, now: T0 }), /^no-finding: finding not found at that line: no finding at src\/a\.c:4; nearby: 5 c\.banned\.gets, 6 c\.test\.strcpy/);
      assert.match(await refusal({ file: 'src/a.c', line: 5, rule: 'c.test.strcpy', as: BOB, key: keys.bob, now: T0 }), /^no-finding: .*no finding of rule c\.test\.strcpy at src\/a\.c:5; findings there: c\.banned\.gets/);
      assert.match(await refusal({ file: 'src/a.c', line: 5, as: ALICE, key: keys.alice, now: T0 }), /^self-review: you wrote this line: src\/a\.c:5 is by alice@example\.com/);
      assert.match(await refusal({ file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0, reason: '  ' }), /^no-reason: an approval needs a justification/);
      assert.match(await refusal({ action: 'revoke', file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0 }), /^nothing-to-revoke: /);
      assert.throws(() => readFileSync(path.join(root, '.secure-coding/reviews.jsonl')), /ENOENT/);
    });

    it('asks which rule when a line has findings of two', async function () {
      edit('src/a.c', (t) => t.replace('  gets(b);', '  gets(b); strcpy(dst, b);'));
      commitAs(root, ALICE, 'two on a line');
      assert.match(await refusal({ file: 'src/a.c', line: 5, as: BOB, key: keys.bob, now: T0 }), /^ambiguous: src\/a\.c:5 has findings of 2 rules \(c\.banned\.gets, c\.test\.strcpy\); choose one with --rule/);
      assert.strictEqual(await refusal({ file: 'src/a.c', line: 5, rule: 'c.test.strcpy', as: BOB, key: keys.bob, now: T0 }), 'accepted');
    });

    it('treats an uncommitted line as the local git user\'s', async function () {
      // The repository's local user is Carol: her uncommitted line is hers to not approve.
      edit('src/a.c', (t) => t.replace('  strcpy(dst, src);', '  strcpy(dst, src + 1);'));
      assert.match(await refusal({ file: 'src/a.c', line: 6, as: CAROL, key: keys.carol, now: T0 }), /^self-review: you wrote this line: src\/a\.c:6 is by carol@example\.com \(uncommitted change\)/);
      assert.strictEqual(await refusal({ file: 'src/a.c', line: 6, as: BOB, key: keys.bob, now: T0 }), 'accepted');
    });
  });
});
