/** The scanner: exact ranges, suppressions, fingerprints, partial parses and isolation of failing rules. */
import * as assert from 'assert';
import { Rulebook, scanDocument } from '@secure-coding/server';
import { marked } from '../helpers';
import { inlineRulebook } from './rulebook-fixture';

const RULEBOOK = `extends: [builtin:default]
rules:
  - id: acme.todo
    kind: pattern
    severity: info
    message: "leftover {value}"
    rationale: "Finish or file it."
    regex: "TODO|FIXME"
    scope: comment
`;

describe('scanner', function () {
  let rulebook: Rulebook;
  let cleanup: () => Promise<void>;

  before(async function () {
    const loaded = await inlineRulebook(RULEBOOK);
    rulebook = loaded.rulebook;
    cleanup = loaded.cleanup;
    assert.deepStrictEqual(rulebook.problems, []);
  });
  after(() => cleanup());

  async function scan(path: string, text: string) {
    return (await scanDocument(rulebook, { path, text })).findings;
  }

  it('flags exactly the called name, not comments, strings or look-alikes', async function () {
    const src = marked('/* gets(x) */\nint my_gets(char*);\nvoid f(char *b) { ⟦gets⟧(b); puts("gets(b)"); my_gets(b); }\n');
    const findings = (await scan('a.c', src.text)).filter((f) => f.ruleId === 'c.banned.gets');
    assert.deepStrictEqual(
      findings.map((f) => ({ line: f.range.start.line, start: f.range.start.character, end: f.range.end.character })),
      src.ranges,
    );
  });

  it('still finds calls in a file that does not fully parse', async function () {
    const src = marked('void f(char *b) {\n  int = = ;\n  ⟦gets⟧(b);\n');
    const result = await scanDocument(rulebook, { path: 'broken.c', text: src.text });
    assert.strictEqual(result.partialParse, true);
    assert.deepStrictEqual(result.findings.filter((f) => f.ruleId === 'c.banned.gets').map((f) => f.range.start.line), [2]);
  });

  it('applies a suppression on the same line or the line before, and only for the named rule', async function () {
    const text = [
      'void f(char *b) {',
      '  // secure-coding-ignore c.banned.gets: fixed input in this tool',
      '  gets(b);',
      '  gets(b); // secure-coding-ignore c.banned.*: same',
      '  // secure-coding-ignore acme.other: wrong rule',
      '  gets(b);',
      '}',
    ].join('\n');
    const findings = (await scan('s.c', text)).filter((f) => f.ruleId === 'c.banned.gets');
    assert.deepStrictEqual(findings.map((f) => [f.range.start.line, f.suppression?.reason]), [
      [2, 'fixed input in this tool'],
      [3, 'same'],
      [5, undefined],
    ]);
  });

  it('keeps fingerprints when unrelated lines move and changes them when the flagged line changes', async function () {
    const before = await scan('m.c', 'void f(char *b) {\n  gets(b);\n}\n');
    const moved = await scan('m.c', '#include <stdio.h>\n\n/* new comment */\nvoid f(char *b) {\n  gets(b);\n}\n');
    const changed = await scan('m.c', 'void f(char *b) {\n  gets(b + 1);\n}\n');
    assert.strictEqual(before.length, 1);
    assert.strictEqual(moved[0].fingerprint, before[0].fingerprint);
    assert.notStrictEqual(changed[0].fingerprint, before[0].fingerprint);
  });

  it('gives identical flagged lines distinct fingerprints', async function () {
    const findings = await scan('d.c', 'void f(char *b) {\n  gets(b);\n  gets(b);\n}\n');
    assert.strictEqual(new Set(findings.map((f) => f.fingerprint)).size, 2);
  });

  it('runs lead pattern rules only in the scope they name', async function () {
    const src = marked('int TODO_count; // ⟦TODO⟧: remove\nconst char *s = "TODO";\n');
    const findings = (await scan('t.c', src.text)).filter((f) => f.ruleId === 'acme.todo');
    assert.deepStrictEqual(findings.map((f) => [f.range.start.line, f.range.start.character, f.range.end.character]), src.ranges.map((r) => [r.line, r.start, r.end]));
    assert.strictEqual(findings[0].message, 'leftover TODO');
  });

  it('never parses a file no rule can match', async function () {
    const result = await scanDocument(rulebook, { path: 'plain.c', text: 'int main(void) { return 0; }\n' });
    assert.deepStrictEqual(result.findings, []);
    assert.strictEqual(result.tree, undefined);
  });
});
