/**
 * Completion and hover in the rulebook file over a real stdio connection: keys valid at the cursor (only the rule
 * kind's), rule ids of the rulebook in effect for `overrides`, documentation on hover; nothing in other YAML files.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { CompletionItem, CompletionItemKind, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri, workspace } from './client';

const RULEBOOK = `extends: [builtin:default]
rules:
  - id: acme.no-eval
    kind: pattern
    languages: [python]
    regex: eval\\(
    severity: error
    message: "eval() runs text as code"
    rationale: Parse data instead.
overrides:
  c.banned.gets: { severity: warning }
`;

describe('language server: completion and hover in the rulebook file', function () {
  this.timeout(30000);
  let root: string;
  let client: LspClient;
  let rulebookFile: string;

  const complete = (file: string, line: number, character: number): Promise<CompletionItem[]> =>
    client.connection.sendRequest('textDocument/completion', { textDocument: { uri: fileUri(file) }, position: { line, character } });

  before(async function () {
    root = await workspace({ '.secure-coding/rulebook.yaml': RULEBOOK, 'deploy/config.yaml': 'name: app\n' });
    rulebookFile = path.join(root, '.secure-coding/rulebook.yaml');
    client = await LspClient.start({ root });
  });

  after(async function () {
    await client.stop();
    assert.deepStrictEqual(client.protocolErrors, []);
    await fs.rm(root, { recursive: true, force: true });
  });

  it('offers the pattern rule\'s remaining keys, documented, replacing what is typed', async function () {
    // A new line in the rule, `sc` typed: line 9 (zero-based) is inserted before `overrides:`.
    client.open(rulebookFile, RULEBOOK.replace('overrides:', '    sc\noverrides:'), 'yaml');
    const items = await complete(rulebookFile, 9, 6);
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('scope') && labels.includes('query') && labels.includes('examples'), labels.join());
    for (const written of ['id', 'kind', 'regex', 'severity', 'message']) assert.ok(!labels.includes(written), `${written} is already written`);
    assert.ok(!labels.includes('functions'), 'a key of another kind');
    const scope = items.find((i) => i.label === 'scope')!;
    assert.strictEqual(scope.kind, CompletionItemKind.Property);
    assert.deepStrictEqual(scope.textEdit, { range: { start: { line: 9, character: 4 }, end: { line: 9, character: 6 } }, newText: 'scope: ' });
    assert.match((scope.documentation as MarkupContent).value, /where a `regex` looks/);
  });

  it('offers the ids of the rules in effect as overrides keys, with each rule\'s message', async function () {
    const from = client.diagnostics.length;
    client.replace(rulebookFile, '    sc\n', '');
    client.replace(rulebookFile, '  c.banned.gets: { severity: warning }\n', '  c.banned.gets: { severity: warning }\n  \n');
    // The half-typed key broke the rule while it was there; once the text is valid again, the rule is in effect.
    await client.waitForDiagnostics(rulebookFile, (p) => p.diagnostics.length === 0, from);
    const items = await complete(rulebookFile, 11, 2);
    const own = items.find((i) => i.label === 'acme.no-eval');
    assert.ok(own, items.map((i) => i.label).join());
    assert.strictEqual(own.kind, CompletionItemKind.Reference);
    assert.match((own.documentation as MarkupContent).value, /^`pattern` · error — eval\(\) runs text as code\n\nParse data instead\.$/);
    assert.ok(items.some((i) => i.label.startsWith('c.banned.')), 'rules of the default rulebook');
  });

  it('completes values: a severity inside a flow mapping', async function () {
    const items = await complete(rulebookFile, 10, 28);
    assert.deepStrictEqual(
      items.map((i) => i.label),
      ['error', 'warning', 'info'],
    );
  });

  it('documents the key under the cursor, and a rule id', async function () {
    const key: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(rulebookFile) }, position: { line: 4, character: 6 } });
    assert.ok(key);
    assert.match((key.contents as MarkupContent).value, /^\*\*languages\*\*\n\nLanguages the rule applies to/);
    assert.deepStrictEqual(key.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 13 } });
    const id: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(rulebookFile) }, position: { line: 10, character: 5 } });
    assert.match((id!.contents as MarkupContent).value, /^\*\*c\.banned\.gets\*\*\n\n`call` · error — /);
  });

  it('offers nothing in a YAML file that is not a rulebook', async function () {
    const config = path.join(root, 'deploy/config.yaml');
    client.open(config, 'name: app\n', 'yaml');
    assert.deepStrictEqual(await complete(config, 1, 0), []);
  });
});
