/**
 * The Security Review view's model: the server's per-file review items grouped into awaiting sign-off, expiring
 * soon and approved, by file and line; the status bar's pending count; clearing a file and a stopped server.
 */
import * as assert from 'assert';
import type { ReviewItem } from '@secure-coding/server/out/lsp/protocol';
import { ReviewModel, groupOf } from 'secure-coding-rulebook-vscode/out/review/review-model';

function item(line: number, state: ReviewItem['state'], extra: Partial<ReviewItem> = {}): ReviewItem {
  return {
    ruleId: 'c.banned.gets',
    fingerprint: `fp-${line}-${state}`,
    state,
    stateLabel: state,
    required: true,
    severity: 'error',
    range: { start: { line, character: 2 }, end: { line, character: 6 } },
    message: 'gets() reads without a bound',
    expiringSoon: false,
    suppressed: false,
    ...extra,
  };
}

const A = 'file:///w/src/a.c';
const B = 'file:///w/src/b.c';

describe('review view model', () => {
  it('puts lapsed approvals with the pending ones, and soon-expiring approvals in their own group', () => {
    assert.deepStrictEqual(
      (['pending', 'expired', 'stale', 'bad-signature', 'self-approved', 'unknown-reviewer'] as const).map((s) => groupOf(item(1, s))),
      ['pending', 'pending', 'pending', 'pending', 'pending', 'pending'],
    );
    assert.strictEqual(groupOf(item(1, 'approved')), 'approved');
    assert.strictEqual(groupOf(item(1, 'approved', { expiringSoon: true })), 'expiring');
  });

  it('groups by state, then file, then line, and counts what the gate still needs', () => {
    const model = new ReviewModel();
    let changes = 0;
    model.onDidChange(() => changes++);
    model.update({ uri: B, items: [item(9, 'pending'), item(3, 'approved', { reviewer: 'Bob Sato' })] });
    model.update({ uri: A, items: [item(20, 'stale'), item(4, 'pending'), item(7, 'approved', { expiringSoon: true }), item(8, 'pending', { required: false, severity: 'info' })] });
    const groups = model.groups();
    assert.deepStrictEqual(
      groups.map((g) => [g.kind, g.count, g.files.map((f) => [f.uri, f.items.map((i) => i.range.start.line)])]),
      [
        ['pending', 4, [[A, [4, 8, 20]], [B, [9]]]],
        ['expiring', 1, [[A, [7]]]],
        ['approved', 1, [[B, [3]]]],
      ],
    );
    // The info finding is listed (its state matters to someone) but the gate does not count it.
    assert.strictEqual(model.pendingCount(), 3);
    assert.strictEqual(changes, 2);
  });

  it('drops a file whose items are cleared, and everything when the server stops', () => {
    const model = new ReviewModel();
    let changes = 0;
    model.onDidChange(() => changes++);
    model.update({ uri: A, items: [item(1, 'pending')] });
    model.update({ uri: B, items: [item(2, 'pending')] });
    model.update({ uri: A, items: [] });
    assert.deepStrictEqual(model.groups().flatMap((g) => g.files.map((f) => f.uri)), [B]);
    model.update({ uri: A, items: [] });
    assert.strictEqual(changes, 3, 'clearing a file that has nothing changes nothing');
    model.clear();
    assert.deepStrictEqual([model.groups(), model.pendingCount(), changes], [[], 0, 4]);
  });
});
