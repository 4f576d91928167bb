/**
 * The rulebook's `review:` section is validated with the rest of the rulebook: every mistake is reported at its
 * file, line and key, a bad reviewer is left out, and the good reviewers keep their right to approve.
 */
import * as assert from 'assert';
import * as path from 'path';
import { loadRulebook, maxDaysFor } from '@secure-coding/server';
import { ALICE, BOB, CAROL, KeyPair, keygen, removeTempDirs, tempDir, writeFile } from './fixtures';

describe('review policy in the rulebook', function () {
  let dir: string;
  let keys: Record<'alice' | 'bob' | 'carol', KeyPair>;

  before(function () {
    dir = tempDir();
    keys = { alice: keygen(dir, 'alice', 'ed25519', ALICE.email), bob: keygen(dir, 'bob', 'ed25519', BOB.email), carol: keygen(dir, 'carol', 'ed25519', CAROL.email) };
  });
  after(removeTempDirs);

  async function loadText(text: string): Promise<Awaited<ReturnType<typeof loadRulebook>>> {
    const root = tempDir();
    writeFile(root, '.secure-coding/rulebook.yaml', text);
    return loadRulebook({ rulebookFile: path.join(root, '.secure-coding/rulebook.yaml'), root, checkExamples: false });
  }

  it('applies the defaults: error and warning need a sign-off for 180 days, no self-review', async function () {
    const rulebook = await loadText(`review:\n  reviewers:\n    - { id: bob, name: Bob, email: bob@example.com, key: "${keys.bob.publicLine}" }\n`);
    assert.deepStrictEqual(rulebook.problems, []);
    const policy = rulebook.config.review;
    assert.deepStrictEqual([policy.configured, policy.require, policy.maxDays, policy.allowSelfReview, policy.reviewers.map((r) => r.id)], [true, ['error', 'warning'], 180, false, ['bob']]);
    const none = await loadText('name: no review\n');
    assert.strictEqual(none.config.review.configured, false);
    assert.deepStrictEqual(none.config.review.reviewers, []);
  });

  it('reports each bad reviewer at its key and keeps the good ones', async function () {
    const text = [
      'review:',
      '  reviewers:',
      `    - { id: alice, name: Alice, email: alice@example.com, key: "${keys.alice.publicLine}" }`,
      '    - { id: bob, name: Bob, email: bob@example.com, key: "ssh-ed25519 AAAAnotakey" }',
      `    - { id: alice, name: Alice again, email: a2@example.com, key: "${keys.carol.publicLine}" }`,
      `    - { id: carol, name: Carol, mail: carol@example.com, key: "${keys.carol.publicLine}" }`,
      `    - { id: dave, name: Dave, email: dave@example.com, key: "${keys.alice.publicLine}" }`,
      '  require: [error, fatal]',
      '  max_days: 0',
      '',
    ].join('\n');
    const rulebook = await loadText(text);
    const problems = rulebook.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
    // Positions are found in the text, never counted by hand: the line holding `needle`, at its column.
    const lines = text.split('\n');
    const at = (needle: string, occurrence = 0, offset = 0): string => {
      const index = lines.findIndex((l, i) => l.includes(needle) && lines.slice(0, i).filter((x) => x.includes(needle)).length === occurrence);
      return `${index + 1}:${lines[index].indexOf(needle) + 1 + offset}`;
    };
    assert.deepStrictEqual(problems.sort(), [
      `${at('"ssh-ed25519 AAAAnotakey"')} reviewer \`bob\`: not a valid ssh-ed25519 key: truncated SSH data`,
      `${at('alice, name: Alice again')} reviewer id \`alice\` is listed twice (first as item 1)`,
      `${at('mail: carol')} unknown key \`mail\` in item 4 of \`reviewers\` (did you mean \`email\`?)`,
      `${at('{ id: carol')} item 4 of \`reviewers\` is missing required key \`email\``,
      `${at(`"${keys.alice.publicLine}"`, 1)} reviewer \`dave\` has the same key as item 1: each reviewer needs their own key`,
      `${at('fatal')} item 2 of \`require\` must be one of "error", "warning", "info"`,
      `${at('max_days: 0', 0, 'max_days: '.length)} \`max_days\` must be at least 1`,
    ].sort());
    const policy = rulebook.config.review;
    assert.deepStrictEqual(policy.reviewers.map((r) => r.id), ['alice']);
    assert.deepStrictEqual([policy.require, policy.maxDays], [['error', 'warning'], 180]);
  });

  it('takes per-rule max_days, exact ids over prefixes', async function () {
    const rulebook = await loadText('review:\n  max_days: 90\n  overrides:\n    c.banned.gets: { max_days: 10 }\n    c.*: { max_days: 30 }\n');
    assert.deepStrictEqual(rulebook.problems, []);
    const policy = rulebook.config.review;
    assert.deepStrictEqual([maxDaysFor(policy, 'c.banned.gets'), maxDaysFor(policy, 'c.banned.strcpy'), maxDaysFor(policy, 'secret.aws')], [10, 30, 90]);
  });
});
