/**
 * The language server's logic driven directly, without a connection: open documents and their tree budget, the
 * safety conditions of the C quick fixes, and the suppression comment in each language's syntax.
 */
import * as assert from 'assert';
import { IncrementalDocument, loadRulebook } from '@secure-coding/server';
import { parserFor } from '@secure-coding/server/out/engine/grammars';
import { OpenDocuments, engineLanguage } from '@secure-coding/server/out/lsp/documents';
import { boundedCallFix } from '@secure-coding/server/out/lsp/fixes/c-bounded-calls';
import { categorySelects, normalizeSettings } from '@secure-coding/server/out/lsp/protocol';
import { suppressionComment } from '@secure-coding/server/out/lsp/suppression-comment';

async function fixFor(source: string, call: string): Promise<string | undefined> {
  const parser = await parserFor('c');
  const tree = parser.parse(source)!;
  try {
    const at = source.indexOf(call);
    const fix = boundedCallFix(tree, 'c', at, at + call.indexOf('('));
    if (!fix) return undefined;
    let out = source;
    for (const edit of [...fix.edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
    return out;
  } finally {
    tree.delete();
  }
}

describe('language server logic', function () {
  describe('C quick fixes', function () {
    it('rewrites gets and sprintf on a char array declared in scope', async function () {
      assert.strictEqual(await fixFor('void f(void) {\n  char b[16];\n  gets(b);\n}\n', 'gets(b)'), 'void f(void) {\n  char b[16];\n  fgets(b, sizeof b, stdin);\n}\n');
      assert.strictEqual(await fixFor('char line[] = "init";\nvoid f(int n) { sprintf(line, "%d", n); }\n', 'sprintf('), 'char line[] = "init";\nvoid f(int n) { snprintf(line, sizeof line, "%d", n); }\n');
    });

    it('refuses where sizeof would not be the buffer size, or the type is not char', async function () {
      const refused = {
        parameter: ['void f(char b[16]) { gets(b); }', 'gets(b)'],
        pointer: ['void f(void) { char *b = 0; gets(b); }', 'gets(b)'],
        'shadowed by a pointer': ['char b[16];\nvoid f(void) { char *b = 0; gets(b); }', 'gets(b)'],
        'declared after the call': ['void f(void) { gets(b); char b[16]; }', 'gets(b)'],
        'unsized extern': ['extern char b[];\nvoid f(void) { gets(b); }', 'gets(b)'],
        'two dimensions': ['void f(void) { char b[2][16]; gets(b); }', 'gets(b)'],
        'unsigned char': ['void f(void) { unsigned char b[16]; gets(b); }', 'gets(b)'],
        'member': ['struct s { char b[16]; };\nvoid f(struct s *p) { gets(p->b); }', 'gets(p->b)'],
        'not a bare call': ['void f(struct r *o) { char b[16]; o->gets(b); }', 'gets(b)'],
      };
      for (const [why, [source, call]] of Object.entries(refused)) assert.strictEqual(await fixFor(source, call), undefined, why);
    });
  });

  describe('suppression comments', function () {
    it('use the language\'s comment syntax and the line\'s indentation', function () {
      const c = suppressionComment('c', 'c', 3, '    gets(b);', 'c.banned.gets', 'reason');
      assert.strictEqual(c?.text, '    // secure-coding-ignore c.banned.gets: \n');
      assert.strictEqual(c?.snippet, '    // secure-coding-ignore c.banned.gets: ${1:reason}\n');
      assert.strictEqual(suppressionComment('python', 'python', 0, '\tpassword = "x"', 'secret.password', '理由')?.snippet, '\t# secure-coding-ignore secret.password: ${1:理由}\n');
      assert.strictEqual(suppressionComment('xml', 'xml', 0, '  <pw>x</pw>', 'secret.password', 'reason')?.text, '  <!-- secure-coding-ignore secret.password:  -->\n');
      assert.strictEqual(suppressionComment('json', 'jsonc', 0, '  "pw": "x"', 'secret.password', 'reason')?.text, '  // secure-coding-ignore secret.password: \n');
      assert.strictEqual(suppressionComment('json', 'json', 0, '  "pw": "x"', 'secret.password', 'reason'), undefined, 'strict JSON has no comments');
    });
  });

  describe('settings', function () {
    it('fall back per field and select categories by whole id segments', function () {
      const { settings, problems } = normalizeSettings({ maxFileSize: -1, disabledCategories: ['secret'], severityOverrides: { a: 'hint', b: 'loud' } });
      assert.strictEqual(settings.maxFileSize, 2_000_000);
      assert.deepStrictEqual(settings.severityOverrides, { a: 'hint' });
      assert.strictEqual(problems.length, 2);
      assert.ok(categorySelects('secret', 'secret.aws-key') && categorySelects('c.risky', 'c.risky.system') && categorySelects('c.risky.*', 'c.risky.system'));
      assert.ok(!categorySelects('c.risky', 'c.riskyness') && !categorySelects('secret', 'secrets.x'));
    });
  });

  describe('open documents', function () {
    it('pick the engine language from the editor, else from the file name', function () {
      assert.strictEqual(engineLanguage('typescriptreact', 'a.tsx'), 'tsx');
      assert.strictEqual(engineLanguage('shellscript', 'run'), 'shell');
      assert.strictEqual(engineLanguage('', '/w/a.c'), 'c');
      assert.strictEqual(engineLanguage('plaintext', '/w/.env'), 'dotenv');
      assert.strictEqual(engineLanguage('c', '/w/include/a.h', 'namespace acme {\nclass A : public B {};\n}\n'), 'cpp', 'a C++ header the editor calls C');
      assert.strictEqual(engineLanguage('c', '/w/include/a.h', 'int f(void);\n'), 'c');
      assert.strictEqual(engineLanguage('cpp', '/w/include/a.h', 'int f(void);\n'), 'cpp', 'the editor may read a C header as C++');
    });

    it('apply incremental changes exactly, recording edits an engine document reparses with incrementally', async function () {
      const rulebook = await loadRulebook({ checkExamples: false });
      const documents = new OpenDocuments();
      const doc = documents.open({ uri: 'file:///w/f.c', languageId: 'c', version: 1, text: 'int main(void) {\n  return 0;\n}\n' });
      const engine = new IncrementalDocument('f.c', 'c');
      const rules = rulebook.rulesFor('f.c', 'c');
      await engine.scan(rules, doc.text.getText());
      assert.deepStrictEqual(doc.takeEdits(), [], 'opening records no edit');
      const changed = documents.change({
        textDocument: { uri: doc.uri, version: 2 },
        contentChanges: [
          { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 11 } }, text: 'char b[8];\n  gets(b);' },
          { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '#include <stdio.h>\n' },
        ],
      })!;
      assert.strictEqual(changed.text.getText(), '#include <stdio.h>\nint main(void) {\n  char b[8];\n  gets(b);\n}\n');
      const edits = changed.takeEdits();
      assert.strictEqual(edits.length, 2);
      assert.deepStrictEqual(changed.takeEdits(), [], 'edits are taken once');
      for (const edit of edits) engine.edit(edit);
      const result = await engine.scan(rules, changed.text.getText());
      assert.deepStrictEqual(result.findings.map((f) => [f.ruleId, f.range.start.line]), [['c.banned.gets', 3]]);
      engine.dispose();
      documents.dispose();
    });
  });

  it('an incremental document released of its tree parses from scratch, with the same findings', async function () {
    const rulebook = await loadRulebook({ checkExamples: false });
    const rules = rulebook.rulesFor('x.c', 'c');
    const doc = new IncrementalDocument('x.c', 'c');
    const text = 'void f(void) { char b[4]; gets(b); }\n';
    const first = await doc.scan(rules, text);
    doc.releaseTree();
    const second = await doc.scan(rules, text);
    assert.deepStrictEqual(second.findings, first.findings);
    doc.dispose();
  });
});
