/**
 * Hover and code actions over a real stdio connection: the hover text in English and Japanese, the exact quick fix
 * (applied and checked), suppress-with-reason (as a snippet and as plain text) and the documentation command.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { CodeAction, Command, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri, workspace } from './client';

const SOURCE = `#include <stdio.h>

void read_into(char param[64]) {
    gets(param);
}

int main(void) {
    char line[80];
    gets(line);
    if (1) {
        char *line = 0;
        gets(line);
    }
    return 0;
}
`;

function lineOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(needle, at + 1);
  return text.slice(0, at).split('\n').length - 1;
}

async function actionsAt(client: LspClient, file: string, diagnostic: Diagnostic): Promise<(CodeAction | Command)[]> {
  return client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: fileUri(file) },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  });
}

describe('language server: hover and code actions', function () {
  this.timeout(30000);
  let root: string;

  before(async function () {
    root = await workspace({ 'main.c': SOURCE });
  });

  after(async function () {
    await fs.rm(root, { recursive: true, force: true });
  });

  describe('in English, with a client that takes snippets', function () {
    let client: LspClient;
    const file = (): string => path.join(root, 'main.c');

    before(async function () {
      client = await LspClient.start({ root, locale: 'en-US', snippetEdits: true });
    });

    after(async function () {
      await client.stop();
      assert.deepStrictEqual(client.protocolErrors, []);
    });

    it('hovers a flagged call with rationale, fix, CWE and guide item', async function () {
      client.open(file(), SOURCE, 'c');
      await client.diagnosticsFor(file(), 1);
      const line = lineOf(SOURCE, 'gets(line);');
      const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(file()) }, position: { line, character: 6 } });
      const markdown = (hover?.contents as MarkupContent).value;
      assert.match(markdown, /`c\.banned\.gets`/);
      assert.match(markdown, /\*\*Why:\*\* gets\(\) reads a line of any length/);
      assert.match(markdown, /\*\*How to fix:\*\* Replace with fgets/);
      assert.match(markdown, /\[CWE-242\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/242\.html\)/);
      assert.match(markdown, /IPA guide item 7/);
      const nothing: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(file()) }, position: { line: 0, character: 2 } });
      assert.strictEqual(nothing, null);
    });

    it('offers fgets only where the buffer is a char array in scope, and the fix edits the file', async function () {
      const { diagnostics } = await client.diagnosticsFor(file(), 1);
      assert.strictEqual(diagnostics.length, 3);
      const [inParam, onArray, onShadowingPointer] = [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line);
      const titles = async (d: Diagnostic): Promise<string[]> => (await actionsAt(client, file(), d)).map((a) => a.title);
      assert.ok(!(await titles(inParam)).some((t) => t.includes('fgets')), 'an array parameter is a pointer');
      assert.ok(!(await titles(onShadowingPointer)).some((t) => t.includes('fgets')), 'the inner `line` is a pointer');
      const actions = (await actionsAt(client, file(), onArray)) as CodeAction[];
      assert.deepStrictEqual(actions.map((a) => a.title), [
        'Replace with fgets(line, sizeof line, stdin) (keeps the newline)',
        'Suppress c.banned.gets on this line with a reason',
        'Show documentation for c.banned.gets',
      ]);
      assert.strictEqual(actions[0].isPreferred, true);
      assert.deepStrictEqual(actions[2].command, { title: 'Show documentation for c.banned.gets', command: 'secureCodingRulebook.showRuleDocumentation', arguments: ['c.banned.gets'] });
      client.applyEdit(actions[0].edit!);
      const version = client.documents.get(fileUri(file()))!.version;
      assert.match(client.text(file()), /\n {4}fgets\(line, sizeof line, stdin\);\n/);
      const after = await client.diagnosticsFor(file(), version);
      assert.strictEqual(after.diagnostics.length, 2, 'the fixed call is no longer flagged');
    });

    it('suppresses with a reason: a snippet above the line, indented, cursor on the reason', async function () {
      const version = client.documents.get(fileUri(file()))!.version;
      const { diagnostics } = await client.diagnosticsFor(file(), version);
      assert.strictEqual(diagnostics.length, 2);
      const target = diagnostics.find((d) => d.range.start.line === lineOf(client.text(file()), 'gets(param);'))!;
      const suppress = ((await actionsAt(client, file(), target)) as CodeAction[]).find((a) => a.title.startsWith('Suppress'))!;
      const applied = client.appliedEdits.wait(() => true);
      const ok: boolean = await client.connection.sendRequest('workspace/executeCommand', { command: suppress.command!.command, arguments: suppress.command!.arguments });
      assert.strictEqual(ok, true);
      const edit = (await applied).edit;
      const snippet = (edit.documentChanges![0] as { edits: { snippet?: { value: string } }[] }).edits[0].snippet;
      assert.strictEqual(snippet?.value, '    // secure-coding-ignore c.banned.gets: ${1:reason}\n');
      client.applyEdit(edit);
      // The user types the reason over the placeholder.
      const typed = client.replace(file(), 'c.banned.gets: reason', 'c.banned.gets: reads a fixed test fixture');
      const after = await client.diagnosticsFor(file(), typed);
      assert.deepStrictEqual(after.diagnostics.map((d) => d.range.start.line), [lineOf(client.text(file()), 'gets(line);')], 'only the other finding is left');
    });
  });

  describe('in Japanese, with a plain-text client', function () {
    let client: LspClient;
    const file = (): string => path.join(root, 'main.c');

    before(async function () {
      client = await LspClient.start({ root, locale: 'ja' });
    });

    after(async function () {
      await client.stop();
    });

    it('hovers and titles in Japanese', async function () {
      client.open(file(), SOURCE, 'c');
      const { diagnostics } = await client.diagnosticsFor(file(), 1);
      assert.match(diagnostics[0].message, /使用禁止/);
      const line = lineOf(SOURCE, 'gets(line);');
      const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(file()) }, position: { line, character: 4 } });
      assert.match((hover?.contents as MarkupContent).value, /\*\*理由:\*\* gets\(\) は長さを制限せずに/);
      const onArray = diagnostics.find((d) => d.range.start.line === line)!;
      const titles = (await actionsAt(client, file(), onArray)).map((a) => a.title);
      assert.deepStrictEqual(titles, ['fgets(line, sizeof line, stdin) に置き換え（改行は残ります）', 'この行の c.banned.gets を理由付きで抑制', 'c.banned.gets のドキュメントを表示']);
    });

    it('inserts a plain comment without a reason, which stays flagged until one is written', async function () {
      const line = lineOf(SOURCE, 'gets(line);');
      const applied = client.appliedEdits.wait(() => true);
      await client.connection.sendRequest('workspace/executeCommand', {
        command: 'secureCodingRulebook.insertSuppression',
        arguments: [{ uri: fileUri(file()), version: 1, ruleId: 'c.banned.gets', line }],
      });
      const edit = (await applied).edit;
      client.applyEdit(edit);
      assert.ok(client.text(file()).includes('    // secure-coding-ignore c.banned.gets: \n    gets(line);'));
      const stale: boolean = await client.connection.sendRequest('workspace/executeCommand', {
        command: 'secureCodingRulebook.insertSuppression',
        arguments: [{ uri: fileUri(file()), version: 1, ruleId: 'c.banned.gets', line }],
      });
      assert.strictEqual(stale, false, 'a command for an older version does nothing');
    });

    it('returns rule documentation as Markdown', async function () {
      const en: { markdown: string } = await client.connection.sendRequest('secureCodingRulebook/ruleDocumentation', { ruleId: 'c.banned.gets', locale: 'en' });
      assert.match(en.markdown, /^# c\.banned\.gets/);
      assert.match(en.markdown, /```c\nchar line\[80\];\ngets\(line\);\n```/);
      const ja: { markdown: string } = await client.connection.sendRequest('secureCodingRulebook/ruleDocumentation', { ruleId: 'c.banned.gets' });
      assert.match(ja.markdown, /## 修正方法/);
      const unknown: { markdown: string } = await client.connection.sendRequest('secureCodingRulebook/ruleDocumentation', { ruleId: 'no.such.rule', locale: 'en' });
      assert.match(unknown.markdown, /No rule has the id `no\.such\.rule`/);
    });
  });
});
