/**
 * The extension bundle as `npm run package` builds it, written to a directory outside the repository (so nothing
 * can resolve from node_modules): every wasm the engine needs, the schema, and the default rulebook's rule files
 * without fixtures or examples, still loading to the same rules; and the bundled server, started from there,
 * answers a real LSP session.
 */
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { LANGUAGES, PRECOMPILED_RULES_FILE, builtinRulesDirectory, configureBuiltinRulesDirectory, loadRulebook } from '@secure-coding/server';
import { builtinRuleFiles, knownFile, readPrecompiled, relativeRuleFile } from '@secure-coding/server/out/engine/rulebook/precompiled';
import { pathToFileURL } from 'url';
import { Hover, PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';
import { REPO_ROOT } from '../helpers';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)).map((f) => path.join(entry.name, f)) : [entry.name],
  );
}

async function ruleIdsFrom(directory: string): Promise<{ ids: string[]; problems: unknown[] }> {
  const original = builtinRulesDirectory();
  configureBuiltinRulesDirectory(directory);
  try {
    const rulebook = await loadRulebook({});
    return { ids: rulebook.rules.map((r) => r.rule.id).sort(), problems: [...rulebook.problems] };
  } finally {
    configureBuiltinRulesDirectory(original);
  }
}

describe('extension bundle (scripts/build-extension.mjs)', function () {
  this.timeout(60_000);
  let outdir: string;

  before(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'extension-bundle-'));
    const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build-extension.mjs'), '--outdir', outdir], { encoding: 'utf8' });
    assert.strictEqual(build.status, 0, `${build.stdout}\n${build.stderr}`);
  });

  after(() => rmSync(outdir, { recursive: true, force: true }));

  it('holds the client and server bundles', () => {
    for (const bundle of ['extension.js', 'server.js']) assert.ok(existsSync(path.join(outdir, bundle)), bundle);
  });

  it('never loads a native tree-sitter binding: the server parses with wasm only', () => {
    for (const bundle of ['server.js', 'document-worker.js']) {
      const code = readFileSync(path.join(outdir, bundle), 'utf8');
      assert.ok(code.includes('the extension parses with wasm only'), `${bundle}: the native backend is not replaced`);
      assert.ok(!/node-gyp-build|prebuilds|\.node\b['"]/.test(code), `${bundle} refers to a native module`);
    }
    assert.deepStrictEqual(filesUnder(outdir).filter((f) => f.endsWith('.node')), []);
  });

  it('holds the tree-sitter runtime and every grammar the engine knows', () => {
    const expected = ['tree-sitter.wasm', ...Object.values(LANGUAGES).flatMap((info) => (info.grammar ? [info.grammar.wasm] : []))];
    const present = new Set(readdirSync(outdir).filter((f) => f.endsWith('.wasm')));
    assert.deepStrictEqual([...present].sort(), [...new Set(expected)].sort());
  });

  it('holds the TextMate grammars of the top-level syntaxes/ folder unchanged', () => {
    const sources = readdirSync(path.join(REPO_ROOT, 'syntaxes')).filter((f) => f.endsWith('.json'));
    assert.ok(sources.length > 0);
    for (const name of sources) {
      assert.strictEqual(readFileSync(path.join(outdir, 'syntaxes', name), 'utf8'), readFileSync(path.join(REPO_ROOT, 'syntaxes', name), 'utf8'), name);
    }
  });

  it('holds the rulebook schema unchanged', () => {
    const source = readFileSync(path.join(REPO_ROOT, 'server/src/engine/rulebook/rulebook.schema.json'), 'utf8');
    assert.strictEqual(readFileSync(path.join(outdir, 'rulebook.schema.json'), 'utf8'), source);
  });

  it('ships the rule files without fixtures or examples, and they load to the same rules', async () => {
    const shipped = filesUnder(path.join(outdir, 'rules'));
    assert.ok(shipped.length > 0);
    for (const file of shipped) {
      assert.match(file, /\.ya?ml$/, file);
      assert.doesNotMatch(file, /\.fixture\./, file);
      assert.doesNotMatch(readFileSync(path.join(outdir, 'rules', file), 'utf8'), /^\s*examples:/m, file);
    }
    const fromSource = await ruleIdsFrom(path.join(REPO_ROOT, 'rules'));
    const fromBundle = await ruleIdsFrom(path.join(outdir, 'rules'));
    assert.deepStrictEqual(fromBundle.problems, []);
    assert.deepStrictEqual(fromBundle.ids, fromSource.ids);
  });

  it('ships the rule files parsed, current with the shipped texts (a server start does not parse their YAML)', async () => {
    const parsed = readPrecompiled(path.join(outdir, PRECOMPILED_RULES_FILE));
    assert.ok(parsed, 'the bundle holds the parse of its rule files');
    const shipped = await builtinRuleFiles(path.join(outdir, 'rules'));
    assert.deepStrictEqual(Object.keys(parsed.files).sort(), shipped.map((f) => relativeRuleFile(path.join(outdir, 'rules'), f)).sort());
    for (const file of shipped) {
      assert.ok(knownFile(parsed, relativeRuleFile(path.join(outdir, 'rules'), file), readFileSync(file, 'utf8')), `${file}: stale parse`);
    }
  });

  it('runs the bundled server without node_modules: findings and hover for a C file', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'extension-bundle-workspace-'));
    const server = spawn(process.execPath, [path.join(outdir, 'server.js'), '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const connection = createProtocolConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    const published = new Promise<PublishDiagnosticsParams>((resolve) =>
      connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
        if (p.diagnostics.length > 0) resolve(p);
      }),
    );
    // The server reports load failures (say, a grammar that does not load) through the log: keep it for the error.
    connection.onNotification('window/logMessage', (p: { message: string }) => (stderr += `${p.message}\n`));
    connection.onNotification('window/showMessage', (p: { message: string }) => (stderr += `${p.message}\n`));
    connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    // A bundle that cannot load (the esbuild trap with web-tree-sitter, a missing wasm) dies: fail with its stderr.
    let exitNoted = false;
    const exited = new Promise<never>((_, reject) =>
      server.once('exit', (code, signal) => {
        if (!exitNoted) reject(new Error(`the bundled server exited (${code ?? signal}):\n${stderr}`));
      }),
    );
    exited.catch(() => undefined);
    const deadline = (what: string): Promise<never> =>
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no ${what} from the bundled server within 20 s:\n${stderr}`)), 20_000).unref());
    const orExit = <T>(pending: Promise<T>, what = 'answer'): Promise<T> => Promise.race([pending, exited, deadline(what)]);
    try {
      const rootUri = pathToFileURL(root).href;
      await orExit(connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'w' }], capabilities: { workspace: { configuration: true } } }));
      await connection.sendNotification('initialized', {});
      const uri = pathToFileURL(path.join(root, 'a.c')).href;
      const text = 'void f(void) {\n  char line[80];\n  gets(line); /* gets(line) */\n}\n';
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text } });
      const diagnostics = await orExit(published, 'findings');
      assert.deepStrictEqual(
        diagnostics.diagnostics.map((d) => [d.code, d.source, d.range.start.line, d.range.start.character]),
        [['c.banned.gets', 'secure-coding', 2, 2]],
        stderr,
      );
      const hover = await orExit(connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } }));
      assert.match(JSON.stringify(hover?.contents), /CWE-242/);
      await orExit(connection.sendRequest('shutdown'));
      exitNoted = true;
      await connection.sendNotification('exit');
    } finally {
      exitNoted = true;
      connection.dispose();
      server.kill();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
