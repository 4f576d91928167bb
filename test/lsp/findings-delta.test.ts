/**
 * Findings sent between threads as a change against the last list: what arrives is exactly what was sent, and what
 * an edit did not touch travels as a reference.
 */
import * as assert from 'assert';
import { IncrementalDocument, Rulebook, loadRulebook } from '@secure-coding/server';
import { decodeFindings, encodeFindings } from '@secure-coding/server/out/lsp/findings-delta';
import { describeEdit } from '@secure-coding/server/out/engine/incremental';

const SOURCE = Array.from({ length: 40 }, (_, i) => `void f${i}(char *d, const char *s) { strcpy(d, s); gets(d); }\n`).join('');

describe('findings sent as a change against the last list', function () {
  let rulebook: Rulebook;

  before(async function () {
    rulebook = await loadRulebook({ checkExamples: false, validated: true });
  });

  it('decodes to the very findings of each scan, edit after edit, with unchanged ones as references', async function () {
    const doc = new IncrementalDocument('src/a.c', 'c');
    const rules = rulebook.rulesFor('src/a.c', 'c');
    let text = SOURCE;
    let sent = (await doc.scan(rules, text)).findings;
    let received = decodeFindings(undefined, encodeFindings(undefined, sent));
    assert.deepStrictEqual(received, sent);
    assert.strictEqual(sent.length, 80);
    const edits: [string, string][] = [
      ['void f3(', '/* a new line above */\nvoid f3('], // moves every finding below
      ['gets(d); }\nvoid f10', 'fgets(d, 8, stdin); }\nvoid f10'], // removes one
      ['void f20(char *d, const char *s) {', 'void f20(char *d, const char *s) { strcat(d, s);'], // adds one
    ];
    for (const [before, after] of edits) {
      const at = text.indexOf(before);
      doc.edit(describeEdit(text, at, at + before.length, after));
      text = text.slice(0, at) + after + text.slice(at + before.length);
      const result = await doc.scan(rules, text);
      const next = result.findings;
      // With the engine's word on which findings it carried over, and without (every finding compared).
      for (const encoded of [encodeFindings(sent, next, result.carried), encodeFindings(sent, next)]) {
        const references = encoded.items.filter((item) => typeof item === 'number' || Array.isArray(item)).length;
        assert.ok(references >= next.length - 3, `unchanged findings travel as references (${references} of ${next.length})`);
        const decoded = decodeFindings(received, encoded);
        assert.deepStrictEqual(decoded, next);
        // A finding the edit left as it was, range and all, arrives as the object the receiver already has.
        encoded.items.forEach((item, i) => {
          if (typeof item === 'number') assert.strictEqual(decoded[i], received[item]);
        });
      }
      received = decodeFindings(received, encodeFindings(sent, next, result.carried));
      sent = next;
    }
    doc.dispose();
  });

  it('sends a finding whole when anything but its range changed, whatever the field', async function () {
    const [first] = (await new IncrementalDocument('src/b.c', 'c').scan(rulebook.rulesFor('src/b.c', 'c'), 'void f(char *d) { gets(d); }\n')).findings;
    const moved = { ...first, range: { start: { line: 3, character: 1 }, end: { line: 3, character: 5 } } };
    const changed = { ...first, confidence: 'low' as const };
    const encoded = encodeFindings([first], [moved, changed]);
    assert.ok(Array.isArray(encoded.items[0]), 'a moved finding is a reference');
    assert.ok(!Array.isArray(encoded.items[1]), 'a finding with another field changed is sent whole');
    assert.deepStrictEqual(decodeFindings([first], encoded), [moved, changed]);
  });

  it('refuses a reference into a list the receiver does not have', function () {
    assert.throws(() => decodeFindings(undefined, { items: [[0, 1, 2, 1, 8]] }), /does not have/);
  });
});
