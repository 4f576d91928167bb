/**
 * An editor document over `KEPT_FACTS_LIMIT` keeps its tree but not its facts: each scan reads facts only around
 * the lines that can hold a finding. Its findings must be those of a one-off scan of the same text, edit after edit.
 */
import * as assert from 'assert';
import { IncrementalDocument, Rulebook, describeEdit, loadRulebook, scanDocument } from '@secure-coding/server';
import { KEPT_FACTS_LIMIT } from '@secure-coding/server/out/engine/incremental';

const BLOCK = [
  'static const char *db_password = "Xk9-mP2vLq8Z-real";',
  'int copy(char *d, const char *s) { strcpy(d, s); return 0; }',
  'static const char *hosts[] = { "52.1.2.3", "10.0.0.1", "name" };',
  'int check(const char *pw) { if (strcmp(pw, "letmein-backdoor") == 0) return 1; return 0; }',
  '/* gets(b) in a comment is no finding */',
  'int plain(int a) { return a * 2; }',
].join('\n');

function text(blocks: number): string {
  return `#include <string.h>\n${Array.from({ length: blocks }, (_, i) => BLOCK.replace(/Xk9/g, `Xk${i}`)).join('\n')}\n`;
}

const summary = (findings: readonly { ruleId: string; range: { start: { line: number; character: number } } }[]): string[] =>
  findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}`).sort();

describe('large editor documents', function () {
  this.timeout(120_000);
  let rulebook: Rulebook;

  before(async () => {
    rulebook = await loadRulebook({ checkExamples: false });
  });

  it('find what a one-off scan finds, before and after edits', async function () {
    let current = text(Math.ceil((KEPT_FACTS_LIMIT * 1.3) / BLOCK.length));
    assert.ok(current.length > KEPT_FACTS_LIMIT);
    const doc = new IncrementalDocument('src/big.c', 'c');
    const rules = rulebook.rulesFor('src/big.c', 'c');
    const check = async (): Promise<void> => {
      const live = await doc.scan(rules, current);
      const once = await scanDocument(rulebook, { path: 'src/big.c', text: current });
      assert.ok(once.findings.length > 100, `${once.findings.length} findings`);
      assert.deepStrictEqual(summary(live.findings), summary(once.findings));
    };
    await check();
    for (const [find, replacement] of [
      ['int plain(int a)', 'int plain(int a) { gets(buf); }\nint other(int a)'],
      ['"52.1.2.3"', '"52.9.9.9", "8.8.4.4"'],
      ['strcpy(d, s);', ''],
    ]) {
      const at = current.lastIndexOf(find);
      doc.edit(describeEdit(current, at, at + find.length, replacement));
      current = current.slice(0, at) + replacement + current.slice(at + find.length);
      await check();
    }
    doc.dispose();
  });
});
