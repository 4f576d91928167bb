/**
 * The rulebook file is watched: a valid change reloads the rules and re-scans open documents; an invalid one is
 * shown in the rulebook file at the exact line while the last valid rules stay in effect. Edits of the open
 * rulebook document apply before it is saved.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri, workspace } from './client';

const rule = (id: string, fn: string): string => `  - id: ${id}
    kind: call
    severity: warning
    message: "{name} is not allowed here"
    rationale: Test rule.
    functions: [${fn}]
`;

const VALID = `extends: [builtin:none]\nrules:\n${rule('org.no-system', 'system')}`;
const RELOADED = `extends: [builtin:none]\nrules:\n${rule('org.no-system', 'system')}${rule('org.no-popen', 'popen')}`;
/** Line 8 (one-based) has a key the schema does not allow; everything else is valid. */
const INVALID = `extends: [builtin:none]\nrules:\n${rule('org.no-system', 'system')}    severty: error\n${rule('org.no-exec', 'execl')}`;
const SOURCE = 'int main(void) {\n  system("ls");\n  popen("ls", "r");\n  execl("/bin/ls", "ls", 0);\n}\n';

describe('language server: rulebook reload and errors', function () {
  this.timeout(30000);
  let root: string;
  let client: LspClient;
  let rulebookFile: string;
  let source: string;

  const codes = async (version: number): Promise<string[]> => (await client.diagnosticsFor(source, version)).diagnostics.map((d) => String(d.code)).sort();
  /** Waits for the open document's next diagnostics after event index `from`. */
  const nextCodes = async (from: number): Promise<string[]> => (await client.waitForDiagnostics(source, () => true, from)).diagnostics.map((d) => String(d.code)).sort();
  const watchedChange = (): Promise<void> => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(rulebookFile), type: 2 }] });

  before(async function () {
    root = await workspace({ '.secure-coding/rulebook.yaml': VALID, 'main.c': SOURCE });
    rulebookFile = path.join(root, '.secure-coding/rulebook.yaml');
    source = path.join(root, 'main.c');
    client = await LspClient.start({ root });
  });

  after(async function () {
    await client.stop();
    assert.deepStrictEqual(client.protocolErrors, []);
    await fs.rm(root, { recursive: true, force: true });
  });

  it('watches rulebook files (and review ledgers, and git history for authorship)', async function () {
    const watch = await client.registrations.wait((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepStrictEqual(watch.registerOptions, {
      watchers: [{ globPattern: '**/*.{yaml,yml}' }, { globPattern: '**/.secure-coding/reviews.jsonl' }, { globPattern: '**/.git/HEAD' }, { globPattern: '**/.git/refs/heads/**' }],
    });
    client.open(source, SOURCE, 'c');
    assert.deepStrictEqual(await codes(1), ['org.no-system']);
  });

  it('reloads a valid change and scans open documents again', async function () {
    const from = client.diagnostics.length;
    await fs.writeFile(rulebookFile, RELOADED);
    await watchedChange();
    assert.deepStrictEqual(await nextCodes(from), ['org.no-popen', 'org.no-system']);
  });

  it('shows an invalid rulebook at the exact line and keeps the last valid rules', async function () {
    const from = client.diagnostics.length;
    await fs.writeFile(rulebookFile, INVALID);
    await watchedChange();
    const problems = await client.waitForDiagnostics(rulebookFile, (p) => p.diagnostics.length > 0, from);
    const error = problems.diagnostics.find((d) => d.severity === DiagnosticSeverity.Error)!;
    assert.strictEqual(error.range.start.line, INVALID.split('\n').findIndex((l) => l.includes('severty')));
    assert.match(error.message, /severty/);
    assert.ok(problems.diagnostics.some((d) => d.severity === DiagnosticSeverity.Information && /last valid version/.test(d.message)));
    // The open document is scanned again with the last valid rules: popen and system, not the broken file's execl rule.
    assert.deepStrictEqual(await nextCodes(from), ['org.no-popen', 'org.no-system']);
    const status = await client.statuses.wait((s) => s.rulebookErrors > 0);
    assert.strictEqual(status.findings, 2);
  });

  it('applies edits of the open rulebook before they are saved, and clears its problems when fixed', async function () {
    client.open(rulebookFile, INVALID, 'yaml');
    const from = client.diagnostics.length;
    client.replace(rulebookFile, '    severty: error\n', '');
    const cleared = await client.waitForDiagnostics(rulebookFile, (p) => p.diagnostics.length === 0, from);
    assert.deepStrictEqual(cleared.diagnostics, []);
    assert.deepStrictEqual(await nextCodes(client.diagnostics.events.indexOf(cleared)), ['org.no-exec', 'org.no-system']);
    assert.strictEqual(await fs.readFile(rulebookFile, 'utf8'), INVALID, 'nothing was written to disk');
  });

  it('completes and documents keys and values inside the rulebook file', async function () {
    // Opened as it is on disk, so the rulebook in effect does not change under the requests.
    const lines = (await fs.readFile(rulebookFile, 'utf8')).split('\n');
    client.open(rulebookFile, lines.join('\n'), 'yaml');
    const at = (line: number, character: number): { textDocument: { uri: string }; position: { line: number; character: number } } => ({ textDocument: { uri: fileUri(rulebookFile) }, position: { line, character } });
    const severity = lines.findIndex((l) => l.startsWith('    severity: '));
    const items: { label: string; textEdit?: { newText: string } }[] = await client.connection.sendRequest('textDocument/completion', at(severity, '    severity: '.length));
    assert.deepStrictEqual(items.map((i) => i.label), ['error', 'warning', 'info']);
    const kind = lines.findIndex((l) => l.startsWith('    kind: '));
    const hover: { contents: { value: string } } | null = await client.connection.sendRequest('textDocument/hover', at(kind, 5));
    assert.match(hover?.contents.value ?? '', /^\*\*kind\*\*/);
    const none: unknown[] = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: fileUri(source) }, position: { line: 1, character: 2 } });
    assert.deepStrictEqual(none, [], 'nothing in a source file');
    client.close(rulebookFile);
  });

  it('goes back to the file on disk when the unsaved rulebook is closed', async function () {
    const from = client.diagnostics.length;
    client.close(rulebookFile);
    const problems = await client.waitForDiagnostics(rulebookFile, (p) => p.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error), from);
    assert.match(problems.diagnostics.find((d) => d.severity === DiagnosticSeverity.Error)!.message, /severty/);
  });
});
