/**
 * The extension manifest (`client/package.json`) against the code it describes: activation follows the engine's
 * language table, every `%key%` has an English and a Japanese text, and the settings match the server's contract.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { EXTENSIONS, FILE_NAMES, LANGUAGE_IDS, languageForPath } from '@secure-coding/server/out/engine/languages';
import { EDITOR_LANGUAGE_IDS, TEXTMATE_SCOPES, activationGlobs, documentFilters, injectionScopes } from 'secure-coding-rulebook-vscode/out/supported-files';
import { APPROVED_FINDINGS_SETTINGS, LOCALE_SETTINGS, SETTINGS_SECTION, SEVERITY_OVERRIDES, flatSettingDefaults } from '@secure-coding/server/out/lsp/protocol';
import { REPO_ROOT } from '../helpers';

const CLIENT = path.join(REPO_ROOT, 'client');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.join(CLIENT, file), 'utf8'));

interface Property {
  scope?: string;
  default?: unknown;
  enum?: string[];
  additionalProperties?: { enum?: string[] };
}

interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, Property> };
    grammars: { path: string; injectTo: string[] }[];
    yamlValidation: { url: string }[];
  };
}

const manifest = readJson('package.json') as Manifest;

/** Every `%key%` placeholder anywhere in the manifest. */
function nlsKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const m = /^%(.+)%$/.exec(value);
    if (m) found.add(m[1]);
  } else if (Array.isArray(value)) {
    for (const item of value) nlsKeys(item, found);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) nlsKeys(item, found);
  }
  return found;
}

describe('extension manifest', () => {
  it('activates on every file extension and file name the engine recognises', () => {
    const workspaceContains = manifest.activationEvents.filter((e) => e.startsWith('workspaceContains:')).map((e) => e.slice('workspaceContains:'.length));
    // activationGlobs() is computed from the engine's table, so a language added there fails here until the
    // manifest lists it too.
    assert.deepStrictEqual(workspaceContains, activationGlobs());
    const listed = new Set(/\{(.*)\}/.exec(activationGlobs()[0])?.[1].split(','));
    assert.deepStrictEqual([...listed].sort(), Object.keys(EXTENSIONS).map((ext) => ext.slice(1)).sort());
    for (const name of Object.keys(FILE_NAMES)) assert.ok(activationGlobs()[1].includes(name), name);
  });

  it('activates on the editor languages it sends to the server', () => {
    const onLanguage = manifest.activationEvents.filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length));
    assert.deepStrictEqual(onLanguage, [...EDITOR_LANGUAGE_IDS]);
  });

  it('sends the server only documents the engine recognises', () => {
    const patterns = documentFilters().flatMap((f) => ('pattern' in f ? [f.pattern] : []));
    assert.strictEqual(patterns.length, 2);
    const [byExtension, byName] = patterns.map((pattern) => /\{(.*)\}/.exec(pattern)?.[1].split(',') ?? []);
    for (const ext of byExtension) assert.notStrictEqual(languageForPath(`/w/a.${ext}`), 'text', ext);
    for (const name of byName.filter((n) => !n.includes('*'))) assert.ok(name.toLowerCase() in FILE_NAMES, name);
    for (const shape of byName.filter((n) => n.includes('*'))) assert.notStrictEqual(languageForPath(`/w/${shape.replace('*', 'x')}`), 'text', shape);
  });

  it('has an English and a Japanese text for every %key%, and no unused ones', () => {
    const used = [...nlsKeys(manifest)].sort();
    const english = Object.keys(readJson('package.nls.json') as object).sort();
    const japanese = Object.keys(readJson('package.nls.ja.json') as object).sort();
    assert.deepStrictEqual(english, used);
    assert.deepStrictEqual(japanese, used);
  });

  it('declares exactly the settings of the server, with its defaults, each per resource', () => {
    const properties = manifest.contributes.configuration.properties;
    const defaults = flatSettingDefaults();
    const settings = Object.keys(defaults).map((key) => `${SETTINGS_SECTION}.${key}`);
    assert.deepStrictEqual(Object.keys(properties).sort(), [...settings, `${SETTINGS_SECTION}.trace.server`].sort());
    // Who signs and with which key belong to the person at this machine, not to a repository's settings.
    const scopes: Record<string, string> = { 'review.keyPath': 'machine', 'review.reviewerId': 'machine-overridable' };
    for (const [key, value] of Object.entries(defaults)) {
      const property = properties[`${SETTINGS_SECTION}.${key}`];
      assert.deepStrictEqual(property.default, value, key);
      assert.strictEqual(property.scope, scopes[key] ?? 'resource', key);
    }
    assert.deepStrictEqual(properties[`${SETTINGS_SECTION}.review.approvedFindings`].enum, [...APPROVED_FINDINGS_SETTINGS]);
    assert.strictEqual(properties[`${SETTINGS_SECTION}.trace.server`].scope, 'window');
    assert.deepStrictEqual(properties[`${SETTINGS_SECTION}.locale`].enum, [...LOCALE_SETTINGS]);
    assert.deepStrictEqual(properties[`${SETTINGS_SECTION}.severityOverrides`].additionalProperties?.enum, [...SEVERITY_OVERRIDES]);
  });

  it('targets the VS Code version its typings describe', () => {
    assert.strictEqual(manifest.engines.vscode, '^1.91.0');
    assert.match(manifest.devDependencies['@types/vscode'], /^1\.91\./);
  });

  it('points only at files the build writes or the repository holds', () => {
    assert.strictEqual(manifest.main, './dist/extension.js');
    // The bundler copies the repository's top-level `syntaxes/` into dist/syntaxes/.
    for (const grammar of manifest.contributes.grammars) {
      assert.match(grammar.path, /^\.\/dist\/syntaxes\/[^/]+\.json$/, grammar.path);
      assert.ok(readFileSync(path.join(REPO_ROOT, 'syntaxes', path.basename(grammar.path))).length > 0, grammar.path);
    }
    for (const validation of manifest.contributes.yamlValidation) assert.strictEqual(validation.url, './dist/rulebook.schema.json');
  });

  it('injects the suppression-comment highlighting into every language the engine reads', () => {
    const [grammar] = manifest.contributes.grammars;
    assert.deepStrictEqual(grammar.injectTo, injectionScopes());
    const withoutScope = LANGUAGE_IDS.filter((id) => id !== 'text' && TEXTMATE_SCOPES[id].length === 0);
    assert.deepStrictEqual(withoutScope, [], 'languages whose editor grammar gets no suppression highlighting');
  });
});
