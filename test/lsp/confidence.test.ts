/**
 * Confidence in the editor, over a real stdio connection: a low-confidence secret finding that does not gate is not
 * published unless `showLowConfidence` is on, and the hover of a secret finding says its confidence and why.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri, workspace } from './client';

const SOURCE = 'DB_PASSWORD = "harbor20tundra"\npw = "orbital"\n';

describe('language server: confidence', function () {
  this.timeout(30000);
  let root: string;
  let client: LspClient | undefined;

  before(async function () {
    root = await workspace({ 'app/settings.py': SOURCE });
  });

  afterEach(async function () {
    await client?.stop();
    client = undefined;
  });

  after(async function () {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('publishes medium findings, hides low ones by default, and the hover says why', async function () {
    client = await LspClient.start({ root, locale: 'en' });
    const file = path.join(root, 'app/settings.py');
    client.open(file, SOURCE, 'python');
    const published = await client.diagnosticsFor(file, 1);
    assert.deepStrictEqual(
      published.diagnostics.map((d) => [d.range.start.line, d.code]),
      [[0, 'secret.hardcoded-password']],
    );
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(file) }, position: { line: 0, character: 18 } });
    const markdown = (hover?.contents as MarkupContent).value;
    assert.match(markdown, /\*\*Confidence:\*\* medium \(\+ bound to a name that says what it is \(password, secret, API key…\); \+ the value mixes letters with digits or symbols\)/);
    assert.ok(!markdown.includes('Harbor20tundra'), 'the hover never shows the value');
  });

  it('shows low-confidence findings with showLowConfidence, in Japanese too', async function () {
    client = await LspClient.start({ root, locale: 'ja', settings: () => ({ showLowConfidence: true }) });
    const file = path.join(root, 'app/settings.py');
    client.open(file, SOURCE, 'python');
    const published = await client.diagnosticsFor(file, 1);
    assert.deepStrictEqual(
      published.diagnostics.map((d) => d.range.start.line),
      [0, 1],
    );
    const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(file) }, position: { line: 1, character: 7 } });
    assert.match((hover?.contents as MarkupContent).value, /\*\*確信度:\*\* 低 \(\+ 名前が短いか曖昧な形/);
  });
});
