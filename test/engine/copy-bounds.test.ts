/**
 * Copies whose bound is evident nearby (`bounded:` on a copy condition): reported at `info` with the reason in the
 * message, so they never gate; wrapper macros reported where they are used, with the macro named.
 */
import * as assert from 'assert';
import { Finding, Rulebook, isGating, scanDocument } from '@secure-coding/server';
import { EMPTY_POLICY } from '@secure-coding/server/out/engine/review/policy';
import { boundNote } from '@secure-coding/server/out/engine/kinds/copy-bounds';
import { inlineRulebook } from './rulebook-fixture';

const RULES = (bounded: string): string => `extends: []
rules:
  - id: acme.copy
    kind: call
    severity: warning
    message: "\`{name}\` copies blindly"
    rationale: "Check the length."
    functions:
      - name: memcpy
        when: { destinationArg: 0, sizeArg: 2, size: not-destination-size${bounded} }
`;

describe('copy bounds', function () {
  const loaded: Rulebook[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  before(async function () {
    for (const bounded of [', bounded: info', ', bounded: off', '']) {
      const r = await inlineRulebook(RULES(bounded));
      assert.deepStrictEqual(r.rulebook.problems, []);
      loaded.push(r.rulebook);
      cleanups.push(r.cleanup);
    }
  });
  after(() => Promise.all(cleanups.map((c) => c())));

  async function scan(rulebook: Rulebook, text: string, path = 'src/copy.c'): Promise<Finding[]> {
    return (await scanDocument(rulebook, { path, text })).findings;
  }

  const SOURCE = [
    'int f(const char *src, size_t n) {', // line 1
    '    char buf[32];',
    '    if (n > sizeof buf)',
    '        return -1;',
    '    memcpy(buf, src, n);', // line 5: checked on line 3
    '    char *p = malloc(n + 1);',
    '    memcpy(p, src, n);', // line 7: allocated on line 6
    '    memcpy(p, src, 2 * n);', // line 8: not bounded
    '    return 0;',
    '}',
    '',
  ].join('\n');

  it('reports a bounded copy at info with the reason and the line it rests on, in English and Japanese', async function () {
    const findings = await scan(loaded[0], SOURCE);
    const byLine = new Map(findings.map((f) => [f.range.start.line + 1, f]));
    assert.deepStrictEqual([...byLine.keys()], [5, 7, 8]);
    assert.strictEqual(byLine.get(5)!.severity, 'info');
    assert.match(byLine.get(5)!.message, /^`memcpy` copies blindly Not gating, the bound is evident \(the length is checked against the destination's size on line 3\)\.$/);
    assert.match(byLine.get(5)!.messageJa ?? byLine.get(5)!.message, /3/);
    assert.strictEqual(byLine.get(7)!.severity, 'info');
    assert.match(byLine.get(7)!.message, /allocated with room for the length on line 6/);
    assert.strictEqual(byLine.get(8)!.severity, 'warning');
    assert.doesNotMatch(byLine.get(8)!.message, /bound/);
    assert.deepStrictEqual(findings.map((f) => isGating(f, EMPTY_POLICY)), [false, false, true]);
  });

  it('drops bounded copies with `bounded: off`, and reports them like any other without `bounded`', async function () {
    assert.deepStrictEqual((await scan(loaded[1], SOURCE)).map((f) => f.range.start.line + 1), [8]);
    assert.deepStrictEqual((await scan(loaded[2], SOURCE)).map((f) => [f.range.start.line + 1, f.severity]), [[5, 'warning'], [7, 'warning'], [8, 'warning']]);
  });

  it('reports a wrapper macro where it is used, names the macro, and judges the arguments written there', async function () {
    const text = [
      '#define XCPY(d, s, n) memcpy((d), (s), (n))', // line 1: used below, not reported
      'void g(char *dst, const char *src, size_t n) {',
      '    char tag[8];',
      '    XCPY(dst, src, n);', // line 4: reported as memcpy
      '    XCPY(tag, src, sizeof tag);', // sized by the destination
      '    XCPY(tag, src, 4);', // line 6: fits
      '}',
      '',
    ].join('\n');
    const findings = await scan(loaded[0], text);
    assert.deepStrictEqual(findings.map((f) => [f.range.start.line + 1, f.severity]), [[4, 'warning'], [6, 'info']]);
    assert.match(findings[0].message, /^`memcpy` copies blindly Called through the macro `XCPY` \(line 1\)\.$/);
    assert.match(findings[1].message, /the constant length fits the destination array/);
  });

  const CALLERS = [
    'static void put(char *out, const char *s, size_t n) {',
    '    memcpy(out, s, n);', // line 2: bounded at both calls
    '}',
    'int use(const char *s) {',
    '    char a[16], b[32];',
    '    put(a, s, sizeof a);',
    '    put(b, s, 16);',
    '    return a[0] + b[0];',
    '}',
    '',
  ].join('\n');

  it('judges a copy through a static function\'s parameters at its calls, and says so in English and Japanese', async function () {
    const [finding] = await scan(loaded[0], CALLERS);
    assert.strictEqual(finding.severity, 'info');
    assert.match(finding.message, /each of the 2 calls of the static function `put` in this file passes a destination with room for the length\)\.$/);
    assert.match(boundNote({ reason: 'callers', callee: 'put', callCount: 2 }).ja, /static 関数 `put` の 2 か所の呼び出しはすべて/);
  });

  it('does not judge a static function by its calls where not every use of it is in sight', async function () {
    // A header's static function is called from every file that includes it; a name in a comment may be a use
    // this reader cannot see (the count of the name's occurrences no longer matches its calls and declarations).
    for (const [text, path] of [
      [CALLERS, 'src/copy.h'],
      [`${CALLERS}/* put() is also handed to a table elsewhere */\n`, 'src/copy.c'],
      [CALLERS.replace('static void put', 'void put'), 'src/copy.c'],
    ]) {
      const findings = await scan(loaded[0], text, path);
      assert.deepStrictEqual(findings.map((f) => [f.range.start.line + 1, f.severity]), [[2, 'warning']], `${path}: ${text}`);
    }
  });
});
