#!/usr/bin/env node
// Bundles the VS Code extension into client/dist/: the client (extension.js, `vscode` external) and the language
// server (server.js, from the server's standalone entry) as two CommonJS bundles, with everything they read at
// run time copied beside them: web-tree-sitter's runtime wasm, each grammar's own wasm, the default rulebook's
// rule files (no fixtures, no examples) and their parse, the rulebook's JSON Schema and the TextMate grammars of `syntaxes/`. With `--package` it then writes the .vsix to
// dist/; `--outdir DIR` bundles into another directory (the build test uses one outside the repository).
//
// Needs `tsc -b` first (npm run package does it): the wasm list comes from the compiled engine's language table.
import { createRequire } from 'node:module';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { parseDocument } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLIENT = path.join(ROOT, 'client');
const SYNTAXES = path.join(ROOT, 'syntaxes');
const require = createRequire(import.meta.url);
const argv = process.argv.slice(2);
const args = new Set(argv);
const development = args.has('--dev');
const outdirAt = argv.indexOf('--outdir');
const DIST = outdirAt >= 0 ? path.resolve(argv[outdirAt + 1] ?? '') : path.join(CLIENT, 'dist');
if (outdirAt >= 0 && args.has('--package')) fail('--package packages client/dist; it cannot be combined with --outdir');

function fail(message) {
  process.stderr.write(`build-extension: ${message}\n`);
  process.exit(1);
}

const SERVER_ENTRY = path.join(ROOT, 'server/src/lsp/standalone.ts');
if (!existsSync(SERVER_ENTRY)) fail(`the language server's standalone entry ${path.relative(ROOT, SERVER_ENTRY)} does not exist`);
const WORKER_ENTRY = path.join(ROOT, 'server/src/lsp/document-worker.ts');
if (!existsSync(WORKER_ENTRY)) fail(`the language server's document worker ${path.relative(ROOT, WORKER_ENTRY)} does not exist`);
const LANGUAGES_MODULE = path.join(ROOT, 'server/out/engine/languages.js');
if (!existsSync(LANGUAGES_MODULE)) fail('server/out/ is missing: run `npm run build` (tsc -b) first');
const PRECOMPILED_MODULE = path.join(ROOT, 'server/out/engine/rulebook/precompiled.js');

/**
 * web-tree-sitter ≥ 0.25's ESM build reads import.meta.url, which is undefined in a CommonJS bundle: alias it to the
 * CommonJS build, which is what `require` resolves to through the package's `exports`.
 */
function webTreeSitterCjs() {
  const entry = require.resolve('web-tree-sitter');
  if (!/\.cjs$/.test(entry)) fail(`web-tree-sitter resolves to ${entry}, not a CommonJS build`);
  return entry;
}

/** Runtime wasm plus one wasm per grammar, from the engine's own language table. */
function wasmFiles() {
  const { LANGUAGES } = require(LANGUAGES_MODULE);
  const files = new Map();
  files.set('tree-sitter.wasm', path.join(path.dirname(webTreeSitterCjs()), 'tree-sitter.wasm'));
  for (const info of Object.values(LANGUAGES)) {
    if (!info.grammar) continue;
    const pkgDir = path.dirname(require.resolve(`${info.grammar.pkg}/package.json`, { paths: [path.join(ROOT, 'server')] }));
    files.set(info.grammar.wasm, path.join(pkgDir, info.grammar.dir ?? '', info.grammar.wasm));
  }
  return files;
}

/**
 * A rule file as shipped: without `examples`. Examples are the rule authors' self-tests (run by `npm test` and
 * `rulebook check`); in the package they would only slow every server start and ship realistic-looking fake
 * credentials that secret scanners, vsce's own among them, rightly refuse.
 */
function withoutExamples(file, text) {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) fail(`${file}: ${doc.errors[0].message}`);
  const rules = doc.get('rules');
  for (const rule of rules?.items ?? []) rule.delete?.('examples');
  return doc.toString({ lineWidth: 0 });
}

/**
 * The language server runs on wasm only (native bindings do not load in VS Code's Electron): the engine's native
 * backend is replaced by one that never loads, so the bundle holds no code that could require a native module.
 */
const wasmOnly = {
  name: 'wasm-only',
  setup(build) {
    build.onResolve({ filter: /[\\/]backends[\\/]native$/ }, () => ({ path: 'native-backend', namespace: 'wasm-only' }));
    build.onLoad({ filter: /.*/, namespace: 'wasm-only' }, () => ({
      contents: "exports.NativeBackend = class NativeBackend { static load() { return new Error('the extension parses with wasm only'); } owns() { return false; } };",
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  sourcemap: development ? 'linked' : false,
  // Whitespace and syntax only: identifiers stay, so stack traces in the output channel stay readable.
  minifyWhitespace: !development,
  minifySyntax: !development,
  legalComments: 'none',
  // grammars.ts resolves wasm inside node_modules only in a development checkout; the bundled server configures
  // the directory beside the bundle before anything loads, so that branch never runs here.
  logOverride: { 'require-resolve-not-external': 'silent' },
};

async function bundle() {
  await rm(DIST, { recursive: true, force: true });
  await mkdir(DIST, { recursive: true });
  await esbuild.build({
    ...common,
    entryPoints: { extension: path.join(CLIENT, 'src/extension.ts') },
    outdir: DIST,
    external: ['vscode'],
  });
  // The server and its document worker (scans run in worker threads; see server/src/lsp/document-workers.ts).
  await esbuild.build({
    ...common,
    entryPoints: { server: SERVER_ENTRY, 'document-worker': WORKER_ENTRY },
    outdir: DIST,
    alias: { 'web-tree-sitter': webTreeSitterCjs() },
    plugins: [wasmOnly],
  });
  for (const [name, file] of wasmFiles()) {
    if (!existsSync(file)) fail(`missing wasm ${file}`);
    await cp(file, path.join(DIST, name));
  }
  // The loader's own list of rule files (every *.yaml under rules/, never the fixtures beside them).
  const { builtinRuleFiles, precompileDirectory, PRECOMPILED_RULES_FILE } = require(PRECOMPILED_MODULE);
  const rules = await builtinRuleFiles(path.join(ROOT, 'rules'));
  if (rules.length === 0) fail('no rule files under rules/');
  for (const file of rules) {
    const target = path.join(DIST, 'rules', path.relative(path.join(ROOT, 'rules'), file));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, withoutExamples(file, await readFile(file, 'utf8')));
  }
  // The shipped rule files parsed once here, so each server start and worker skips parsing their YAML.
  await writeFile(path.join(DIST, PRECOMPILED_RULES_FILE), JSON.stringify(await precompileDirectory(path.join(DIST, 'rules'))));
  await cp(path.join(ROOT, 'server/src/engine/rulebook/rulebook.schema.json'), path.join(DIST, 'rulebook.schema.json'));
  // The TextMate grammars live at the repository's top (`syntaxes/`); the manifest points into dist/syntaxes/.
  const syntaxes = readdirSync(SYNTAXES).filter((name) => name.endsWith('.json'));
  if (syntaxes.length === 0) fail('no TextMate grammars under syntaxes/');
  await mkdir(path.join(DIST, 'syntaxes'), { recursive: true });
  for (const name of syntaxes) await cp(path.join(SYNTAXES, name), path.join(DIST, 'syntaxes', name));
  return rules.length;
}

function sizeOf(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? sizeOf(full) : statSync(full).size;
  }
  return total;
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

async function packageVsix() {
  const { createVSIX } = require('@vscode/vsce');
  const manifest = require(path.join(CLIENT, 'package.json'));
  const packagePath = path.join(ROOT, 'dist', `${manifest.name}-${manifest.version}.vsix`);
  await mkdir(path.dirname(packagePath), { recursive: true });
  await createVSIX({
    cwd: CLIENT,
    packagePath,
    // Everything the extension runs is in dist/: no node_modules in the package.
    dependencies: false,
    skipLicense: true,
    allowMissingRepository: true,
  });
  return packagePath;
}

const ruleCount = await bundle();
process.stdout.write(`bundled client and server into ${path.relative(ROOT, DIST)} (${mb(sizeOf(DIST))}, ${ruleCount} rule files)\n`);
if (args.has('--package')) {
  const vsix = await packageVsix();
  process.stdout.write(`packaged ${path.relative(ROOT, vsix)} (${mb((await stat(vsix)).size)})\n`);
}
