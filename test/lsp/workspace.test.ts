/**
 * Workspace-level behaviour over a real stdio connection: the workspace scan (progress, results for closed files,
 * .gitignore, size limit, cancellation), workspace trust, and settings pulled per resource and re-pulled on change.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { DiagnosticSeverity, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspClient, fileUri, workspace } from './client';

const GETS = 'int main(void) { char b[8]; gets(b); return 0; }\n';
const RULEBOOK = `rules:
  - id: org.password
    kind: secret
    severity: error
    message: "hardcoded credential in {name}"
    rationale: A credential in source code is readable by everyone who can read the code.
    names: "password"
  - id: org.backdoor
    kind: pattern
    severity: error
    message: "test backdoor left in code"
    rationale: Test backdoors ship to production.
    regex: "\\\\bDEBUG_BACKDOOR\\\\b"
`;

describe('language server: workspace', function () {
  this.timeout(60000);

  describe('workspace scan', function () {
    /** Each file and what the scan must do with it; the expected counts are derived from this table. */
    const FILES: Record<string, { text: string; findings: number; skipped?: boolean; ignored?: boolean; open?: boolean }> = {
      'src/a.c': { text: GETS, findings: 1 },
      'src/b.py': { text: 'password = "hunter2!x"\n', findings: 1 },
      'src/clean.c': { text: 'int add(int a, int b) { return a + b; }\n', findings: 0 },
      'src/open.c': { text: GETS, findings: 0, open: true },
      'build/generated.c': { text: GETS, findings: 0, ignored: true },
      'big.c': { text: `${GETS}/* ${'x'.repeat(600)} */\n`, findings: 0, skipped: true },
      '.gitignore': { text: 'build/\n', findings: 0 },
    };
    let root: string;
    let client: LspClient;

    before(async function () {
      root = await workspace({ ...Object.fromEntries(Object.entries(FILES).map(([f, { text }]) => [f, text])), '.secure-coding/rulebook.yaml': RULEBOOK });
      client = await LspClient.start({ root, settings: () => ({ maxFileSize: 500 }) });
      for (const [file, { text, open }] of Object.entries(FILES)) {
        if (!open) continue;
        client.open(path.join(root, file), text, 'c');
        await client.diagnosticsFor(path.join(root, file), 1);
      }
    });

    after(async function () {
      await client.stop();
      assert.deepStrictEqual(client.protocolErrors, []);
      await fs.rm(root, { recursive: true, force: true });
    });

    it('scans closed files with progress and publishes their findings', async function () {
      const entries = Object.entries(FILES).filter(([, f]) => !f.ignored);
      const expected = {
        files: entries.filter(([, f]) => !f.skipped).length,
        findings: entries.reduce((n, [, f]) => n + f.findings, 0),
        skipped: entries.filter(([, f]) => f.skipped).length,
      };
      const from = client.diagnostics.length;
      client.trackProgress('scan-1');
      const result: unknown = await client.connection.sendRequest('workspace/executeCommand', { command: 'secureCodingRulebook.scanWorkspace', arguments: [], workDoneToken: 'scan-1' });
      assert.deepStrictEqual(result, expected);
      const kinds = client.progress.events.filter((p) => p.token === 'scan-1').map((p) => p.value.kind);
      assert.strictEqual(kinds[0], 'begin');
      assert.strictEqual(kinds[kinds.length - 1], 'end');
      assert.ok(kinds.includes('report'));
      assert.strictEqual(client.progress.events.find((p) => p.token === 'scan-1')?.value.cancellable, true);
      const published = client.diagnostics.events.slice(from);
      for (const [file, f] of Object.entries(FILES)) {
        const forFile = published.filter((p) => p.uri === fileUri(path.join(root, file)));
        if (f.findings > 0) assert.strictEqual(forFile[forFile.length - 1]?.diagnostics.length, f.findings, file);
        // An open file keeps its live diagnostics (they carry the document version); the scan leaves it alone.
        else assert.deepStrictEqual(forFile.filter((p) => p.version === undefined), [], `${file} gets no scan diagnostics`);
      }
    });

    it('stops when the user cancels the progress', async function () {
      for (let i = 0; i < 300; i++) await fs.writeFile(path.join(root, `src/many-${i}.c`), GETS);
      const begun = client.progress.wait((p) => p.value.kind === 'report' && typeof p.token === 'string' && p.token !== 'scan-1');
      const scan = client.connection.sendRequest('workspace/executeCommand', { command: 'secureCodingRulebook.scanWorkspace', arguments: [] });
      const { token } = await begun;
      await client.connection.sendNotification('window/workDoneProgress/cancel', { token });
      const result = (await scan) as { files: number; cancelled?: boolean };
      assert.strictEqual(result.cancelled, true);
      assert.ok(result.files < 300, `stopped early (after ${result.files} files)`);
    });
  });

  describe('workspace trust', function () {
    let root: string;
    let client: LspClient;
    const SOURCE = 'int main(void) { char b[8]; gets(b); int DEBUG_BACKDOOR = 1; return 0; }\n';

    before(async function () {
      root = await workspace({ '.secure-coding/rulebook.yaml': RULEBOOK, 'main.c': SOURCE });
      client = await LspClient.start({ root, initializationOptions: { workspaceTrusted: false } });
    });

    after(async function () {
      await client.stop();
      await fs.rm(root, { recursive: true, force: true });
    });

    it('does not run the workspace rulebook\'s pattern rules while untrusted, and says so once', async function () {
      const file = path.join(root, 'main.c');
      client.open(file, SOURCE, 'c');
      const { diagnostics } = await client.diagnosticsFor(file, 1);
      assert.deepStrictEqual(diagnostics.map((d) => d.code), ['c.banned.gets']);
      const message = await client.messages.wait(() => true);
      assert.match(message.message, /not trusted: its rulebook's own pattern rules \(1\) are not run/);
      const rulebook = path.join(root, '.secure-coding/rulebook.yaml');
      const problems = await client.waitForDiagnostics(rulebook, (p) => p.diagnostics.length > 0);
      assert.strictEqual(problems.diagnostics[0].severity, DiagnosticSeverity.Warning);
      assert.strictEqual(problems.diagnostics[0].range.start.line, RULEBOOK.split('\n').findIndex((l) => l.includes('kind: pattern')));
    });

    it('runs them once the workspace is trusted', async function () {
      const file = path.join(root, 'main.c');
      const from = client.diagnostics.length;
      await client.connection.sendNotification('secureCodingRulebook/workspaceTrustChanged', { trusted: true });
      const after = await client.waitForDiagnostics(file, (p) => p.diagnostics.length === 2, from);
      assert.deepStrictEqual(after.diagnostics.map((d) => d.code).sort(), ['c.banned.gets', 'org.backdoor']);
      await client.waitForDiagnostics(path.join(root, '.secure-coding/rulebook.yaml'), (p) => p.diagnostics.length === 0, from);
      assert.strictEqual(client.messages.length, 1, 'told once');
    });
  });

  describe('settings', function () {
    let root: string;
    let client: LspClient;
    let settings: Record<string, unknown> = {};
    const file = (): string => path.join(root, 'main.c');

    before(async function () {
      root = await workspace({ 'main.c': GETS });
      client = await LspClient.start({ root, settings: () => settings });
    });

    after(async function () {
      await client.stop();
      await fs.rm(root, { recursive: true, force: true });
    });

    let lastPublished: PublishDiagnosticsParams | undefined;
    const reconfigure = async (next: Record<string, unknown>): Promise<number[]> => {
      settings = next;
      const from = client.diagnostics.length;
      const scopes = client.configurationScopes.length;
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      lastPublished = await client.waitForDiagnostics(file(), () => true, from);
      assert.ok(client.configurationScopes.slice(scopes).includes(fileUri(file())), 'settings are pulled again for the document');
      return lastPublished.diagnostics.map((d) => d.severity ?? 0);
    };

    it('applies disabled categories, severity overrides and the size limit, pulled again on change', async function () {
      settings = { disabledCategories: ['c.banned'] };
      client.open(file(), GETS, 'c');
      assert.deepStrictEqual((await client.diagnosticsFor(file(), 1)).diagnostics, []);
      assert.deepStrictEqual(await reconfigure({ disabledCategories: ['c.ban'] }), [DiagnosticSeverity.Error], 'a category is a whole id segment');
      assert.deepStrictEqual(await reconfigure({ severityOverrides: { 'c.banned.gets': 'hint' } }), [DiagnosticSeverity.Hint]);
      assert.deepStrictEqual(await reconfigure({ severityOverrides: { 'c.banned.gets': 'off' } }), []);
      // Too large for the setting: not scanned, and one information at the top says so.
      assert.deepStrictEqual(await reconfigure({ maxFileSize: 10 }), [DiagnosticSeverity.Information]);
      assert.match(lastPublished!.diagnostics[0].message, /^Not scanned for the secure-coding rulebook: the file is too large \(\d+ bytes is over the 10-byte limit \(secureCodingRulebook\.maxFileSize\)\)\.$/);
      await client.logs.wait((l) => /not scanning .*over the 10-byte limit \(secureCodingRulebook\.maxFileSize\)/.test(l.message));
    });

    it('falls back to the default for a wrong value and says which', async function () {
      assert.deepStrictEqual(await reconfigure({ maxFileSize: 'big', locale: 'fr' }), [DiagnosticSeverity.Error]);
      await client.logs.wait((l) => /secureCodingRulebook\.maxFileSize: "big" is not valid/.test(l.message));
      await client.logs.wait((l) => /secureCodingRulebook\.locale: "fr" is not valid/.test(l.message));
    });
  });
});
