/**
 * The editor keeps the same path classes as a scan, over a real stdio connection: a test account in a test file
 * gives no diagnostic, a strcpy in vendored code is an information diagnostic that says where it is, and the hover
 * says which class the file is in and why (in English and Japanese).
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { DiagnosticSeverity, Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri, workspace } from './client';

const ACCOUNT = 'DEMO_LOGIN = "demo_01"\nDEMO_PASS = "Demo#2024"\n';
const C_SOURCE = 'void f(char *d, const char *s) { strcpy(d, s); }\n';

describe('language server: path classes', function () {
  this.timeout(30000);
  let root: string;

  before(async function () {
    root = await workspace({
      'app/settings.py': ACCOUNT,
      'tests/test_settings.py': ACCOUNT,
      'third_party/zlib/copy.c': C_SOURCE,
      '.secure-coding/rulebook.yaml': 'path_classes:\n  vendored:\n    globs: ["lib/ext/**"]\n',
      'lib/ext/copy.c': C_SOURCE,
    });
  });

  after(async function () {
    await fs.rm(root, { recursive: true, force: true });
  });

  for (const locale of ['en-US', 'ja'] as const) {
    describe(`in ${locale}`, function () {
      let client: LspClient;
      before(async function () {
        client = await LspClient.start({ root, locale });
      });
      after(async function () {
        await client.stop();
        assert.deepStrictEqual(client.protocolErrors, []);
      });

      it('reports the test account in product code only', async function () {
        const product = path.join(root, 'app/settings.py');
        client.open(product, ACCOUNT, 'python');
        const inProduct = (await client.diagnosticsFor(product, 1)).diagnostics;
        assert.ok(inProduct.some((d) => d.code === 'account.test-account' && d.severity === DiagnosticSeverity.Error));
        const test = path.join(root, 'tests/test_settings.py');
        client.open(test, ACCOUNT, 'python');
        assert.deepStrictEqual((await client.diagnosticsFor(test, 1)).diagnostics, []);
      });

      it('marks vendored code, by convention or by glob, and the hover says why', async function () {
        for (const [rel, why] of [
          ['third_party/zlib/copy.c', locale === 'ja' ? /`third_party\/`: 外部のコードを取り込むフォルダー/ : /`third_party\/`: a folder of third-party code copied in/],
          ['lib/ext/copy.c', locale === 'ja' ? /`path_classes\.vendored` のグロブ `lib\/ext\/\*\*`/ : /glob `lib\/ext\/\*\*` of `path_classes\.vendored`/],
        ] as const) {
          const file = path.join(root, rel);
          client.open(file, C_SOURCE, 'c');
          const [d] = (await client.diagnosticsFor(file, 1)).diagnostics;
          assert.strictEqual(d.code, 'c.banned.strcpy');
          assert.strictEqual(d.severity, DiagnosticSeverity.Information);
          assert.match(d.message, locale === 'ja' ? /（同梱された外部のコード）$/ : / \(in vendored third-party code\)$/);
          const hover: Hover | null = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: fileUri(file) }, position: d.range.start });
          const markdown = (hover?.contents as MarkupContent).value;
          assert.match(markdown, locale === 'ja' ? /\*\*場所:\*\* 同梱された外部のコード — / : /\*\*Where:\*\* vendored third-party code — /);
          assert.match(markdown, why);
        }
      });
    });
  }
});
