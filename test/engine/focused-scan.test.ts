/**
 * A one-off scan reads strings only around the lines where the rules that read them can find (`focus.ts`); the
 * language server reads every fact. Both must report the same findings, for every fixture and sample file.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Rulebook, loadRulebook, relativePath, scanDocument } from '@secure-coding/server';
import { focusOf, isFocusable } from '@secure-coding/server/out/engine/focus';
import { TextIndex } from '@secure-coding/server/out/engine/text-index';
import { REPO_ROOT } from '../helpers';

async function filesUnder(dir: string, out: string[] = []): Promise<string[]> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await filesUnder(full, out);
    else if (!entry.name.endsWith('.yaml') || entry.name.includes('.fixture.')) out.push(full);
  }
  return out;
}

const summary = (findings: readonly { ruleId: string; fingerprint: string }[]): string[] => findings.map((f) => `${f.ruleId} ${f.fingerprint}`).sort();

describe('focused scans', function () {
  this.timeout(120_000);
  let rulebook: Rulebook;

  before(async () => {
    rulebook = await loadRulebook({ root: REPO_ROOT, checkExamples: false });
  });

  it('find exactly what a scan reading every fact finds, in every fixture and sample file', async () => {
    const files = [...(await filesUnder(path.join(REPO_ROOT, 'rules'))), ...(await filesUnder(path.join(REPO_ROOT, 'examples')))];
    assert.ok(files.length > 150, `only ${files.length} files`);
    let compared = 0;
    for (const file of files) {
      const text = await fs.readFile(file, 'utf8');
      const input = { path: relativePath(REPO_ROOT, file), text };
      const focused = await scanDocument(rulebook, input);
      const full = await scanDocument(rulebook, input, { keepTree: true });
      full.tree?.delete();
      assert.deepStrictEqual(summary(focused.findings), summary(full.findings), input.path);
      if (focused.findings.length > 0) compared++;
    }
    assert.ok(compared > 100, `only ${compared} files had findings`);
  });

  it('read strings only around the lines that pass a rule, widened by its reach', () => {
    const rules = rulebook.rulesFor('src/app.js', 'javascript').filter(isFocusable);
    assert.ok(rules.some((r) => r.compiled.rule.id === 'secret.hardcoded-password'));
    const lines = ['const a = 1;', 'const b = 2;', 'const c = 3;', 'const d = 4;', 'const password = "hunter2-x";', 'const e = 5;', 'const f = 6;', 'const g = 7;', 'const h = 8;', 'const i = 9;', 'const j = 10;', 'const k = 11;'];
    const index = new TextIndex(lines.join('\n'));
    const focus = focusOf(rules, index, true);
    assert.strictEqual(focus.length, 1);
    const first = index.positionAt(focus[0].start).line;
    const last = index.positionAt(focus[0].end).line;
    assert.ok(first <= 4 && last >= 4, `focus ${first}-${last} misses the password line`);
    assert.ok(first > 0 || last < lines.length - 1, 'the focus is the whole file');
    assert.deepStrictEqual(focusOf(rules, new TextIndex('const a = 1;\nconst b = "plain";\n'), true), []);
  });
});
