/** Conditions of `call` rules: unbounded scanf formats, destination-sized copies, and qualified names. */
import * as assert from 'assert';
import { Rulebook, scanDocument } from '@secure-coding/server';
import { scansUnboundedString, sizedToDestination } from '@secure-coding/server/out/engine/kinds/call-conditions';
import { MACRO_PIECE } from '@secure-coding/server/out/engine/syntax/constant-text';
import { marked } from '../helpers';
import { inlineRulebook } from './rulebook-fixture';

describe('call conditions', function () {
  it('finds string conversions without a width in scanf formats', function () {
    const unbounded = ['%s', 'name=%s', '%d %s', '%[^\n]', '%ls', '%S', '%2$s', '%%%s', '%10d%s'];
    const bounded = ['%15s', '%*s', '%ms', '%mls', '%d.%d', '%%s', '100%% %c', `%${MACRO_PIECE}s`, `%${MACRO_PIECE}`, '%31[^=]', '%5c', ''];
    assert.deepStrictEqual(unbounded.filter((f) => !scansUnboundedString(f)), [], 'should be unbounded');
    assert.deepStrictEqual(bounded.filter((f) => scansUnboundedString(f)), [], 'should be bounded');
  });

  it('knows a copy sized by its own destination', function () {
    const sized: [string, string][] = [
      ['&hdr', 'sizeof hdr'],
      ['&hdr', 'sizeof(hdr)'],
      ['buf', 'sizeof (buf)'],
      ['out', 'sizeof *out'],
      ['out', 'sizeof(*out)'],
      ['h.tag', 'sizeof(h.tag)'],
      ['(p)->iv', 'sizeof((p)->iv)'],
      ['&a[i]', 'sizeof a[i]'],
      ['buf', 'MIN(n, sizeof buf)'],
      ['cie->insn', 'len <= sizeof (cie->insn) ? len : sizeof (cie->insn)'],
      ['buf', 'n > sizeof(buf) ? sizeof(buf) : n'],
      ['buf', 'p->len < sizeof buf ? p->len : sizeof buf'],
    ];
    const unsized: [string, string][] = [
      ['dst', 'n'],
      ['tag', 'sizeof h'],
      ['dst', 'sizeof(src)'],
      ['dst', 'sizeof(dst) * 2'],
      ['dst', 'strlen(src)'],
      ['buf', 'MAX(n, sizeof buf)'],
      ['buf', 'ok ? n : sizeof buf'],
      ['buf', 'n <= sizeof buf ? m : sizeof buf'],
      ['buf', 'n < sizeof buf ? sizeof buf : n'],
    ];
    assert.deepStrictEqual(sized.filter(([d, n]) => !sizedToDestination(d, n)), []);
    assert.deepStrictEqual(unsized.filter(([d, n]) => sizedToDestination(d, n)), []);
  });

  describe('in a rule', function () {
    let rulebook: Rulebook;
    let cleanup: () => Promise<void>;

    before(async function () {
      const loaded = await inlineRulebook(`extends: []
rules:
  - id: acme.shell
    kind: call
    severity: error
    message: "{name} runs a shell"
    rationale: "Use an argument list."
    functions: [os.system, subprocess.getoutput, child_process.exec, system]
`);
      rulebook = loaded.rulebook;
      cleanup = loaded.cleanup;
      assert.deepStrictEqual(rulebook.problems, []);
    });
    after(() => cleanup());

    async function flagged(path: string, source: string): Promise<void> {
      const src = marked(source);
      const findings = (await scanDocument(rulebook, { path, text: src.text })).findings;
      assert.deepStrictEqual(
        findings.map((f) => ({ line: f.range.start.line, start: f.range.start.character, end: f.range.end.character })),
        src.ranges,
      );
    }

    it('matches a qualified name only as written, and a bare name only bare (Python)', async function () {
      await flagged('a.py', 'import os, subprocess\nos.⟦system⟧(cmd)\n⟦system⟧(cmd)\nsubprocess.⟦getoutput⟧(cmd)\nother.system(cmd)\nos.path.system(cmd)\n');
    });

    it('matches a qualified name only as written (JavaScript)', async function () {
      await flagged('a.js', "child_process.⟦exec⟧(cmd);\nregex.exec(s);\n⟦system⟧(cmd);\nthis.system(cmd);\n");
    });
  });
});
