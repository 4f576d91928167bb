/**
 * The language server never blocks: scans run in worker threads, a large file in a lane of its own. With a large
 * generated file being scanned, a small file opened next gets its diagnostics first and hovers are answered; an edit
 * stops the scan of the version it replaced; documents the CLI would skip, or whose scan goes over the time budget,
 * say so with one information diagnostic at the top. Over a real stdio connection; nothing here is timed, only
 * ordered (timings are `npm run bench:lsp -- --blocking`).
 */
import * as assert from 'assert';
import * as path from 'path';
import { DiagnosticSeverity, Hover, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri, workspace } from './client';

const GETS = 'int main(void) { char b[8]; gets(b); return 0; }\n';

/** A generated C table of string literals, about `bytes` long: seconds of (linear) work for a scan. */
function table(bytes: number): string {
  const rows: string[] = ['static const char *const names[] = {'];
  let size = rows[0].length;
  for (let i = 0; size < bytes; i++) {
    const row = `  "name_${i}", "passwd_${i}", "10.0.${i % 250}.${(i >> 8) % 250}",`;
    rows.push(row);
    size += row.length + 1;
  }
  rows.push('};', '');
  return rows.join('\n');
}

describe('language server: never blocked by a large file', function () {
  this.timeout(120_000);
  let root: string;
  let client: LspClient;

  afterEach(async () => {
    await client?.stop();
  });

  it('publishes a small file and answers hovers while a large file is being scanned', async function () {
    root = await workspace({ 'gen/table.c': table(1_900_000), 'src/small.c': GETS });
    client = await LspClient.start({ root });
    const big = path.join(root, 'gen/table.c');
    const small = path.join(root, 'src/small.c');
    const order: string[] = [];
    const bigDone = client.diagnosticsFor(big, 1).then((p) => {
      order.push('large file');
      return p;
    });
    client.open(big, table(1_900_000), 'c');
    client.open(small, GETS, 'c');
    const smallDiagnostics = await client.diagnosticsFor(small, 1);
    order.push('small file');
    assert.deepStrictEqual(smallDiagnostics.diagnostics.map((d) => d.code), ['c.banned.gets']);
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(small) }, position: { line: 0, character: 30 } });
    order.push('hover');
    assert.ok(hover, 'the hover over the finding is answered');
    const bigDiagnostics: PublishDiagnosticsParams = await bigDone;
    assert.deepStrictEqual(order, ['small file', 'hover', 'large file']);
    assert.ok(bigDiagnostics.diagnostics.length > 0, 'the large file is scanned too (its addresses are findings)');
  });

  it('stops the scan of a version an edit replaced, and publishes only the newest', async function () {
    root = await workspace({ 'gen/table.c': '' });
    client = await LspClient.start({ root });
    const big = path.join(root, 'gen/table.c');
    client.open(big, table(600_000), 'c');
    // Typing while the first version is scanned: each edit stops the scan in flight.
    let version = 1;
    for (let i = 0; i < 3; i++) version = client.replace(big, `"name_${i}"`, `"nom_${i}"`);
    version = client.change(big, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: GETS }]);
    const published = await client.diagnosticsFor(big, version);
    assert.ok(published.diagnostics.some((d) => d.code === 'c.banned.gets'), `the newest text is what was scanned: ${published.diagnostics[0]?.message}`);
    const versions = client.diagnostics.events.filter((p) => p.uri === fileUri(big)).map((p) => p.version);
    assert.deepStrictEqual(versions, [version], `versions published: ${versions.join(', ')}`);
  });

  it('says why a document is not scanned: minified, binary, or over the time budget', async function () {
    root = await workspace({ '.secure-coding/rulebook.yaml': 'settings:\n  max_scan_seconds: 0.3\n' });
    client = await LspClient.start({ root });
    const minified = path.join(root, 'app.min.js');
    const binary = path.join(root, 'blob.c');
    const slow = path.join(root, 'gen/table.c');
    client.open(minified, `var a=${'1+'.repeat(30000)}1;var p="hunter2hunter2";\n`, 'javascript');
    client.open(binary, `gets(b);\u0000\u0001\u0002`, 'c');
    client.open(slow, table(1_900_000), 'c');
    const notice = async (file: string): Promise<string> => {
      const published = await client.diagnosticsFor(file, 1);
      assert.strictEqual(published.diagnostics.length, 1, JSON.stringify(published.diagnostics));
      const [d] = published.diagnostics;
      assert.strictEqual(d.severity, DiagnosticSeverity.Information);
      assert.deepStrictEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      return d.message;
    };
    assert.match(await notice(minified), /^Not scanned for the secure-coding rulebook: it looks minified or generated \(a line of \d+ characters/);
    assert.match(await notice(binary), /^Not scanned for the secure-coding rulebook: the file holds binary data/);
    assert.match(await notice(slow), /^Not scanned for the secure-coding rulebook: its scan took too long; .*longer than 0\.3 s \(settings\.max_scan_seconds\)/);
    // The server goes on serving: a small file opened now is scanned.
    const small = path.join(root, 'src/small.c');
    client.open(small, GETS, 'c');
    assert.deepStrictEqual((await client.diagnosticsFor(small, 1)).diagnostics.map((d) => d.code), ['c.banned.gets']);
  });
});
