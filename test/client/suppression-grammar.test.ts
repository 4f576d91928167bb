/**
 * The TextMate injection grammar for suppression comments, run by VS Code's own tokenizer (vscode-textmate with the
 * Oniguruma wasm) against two small host grammars: one with `//` and block comments, one with `#` comments.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { REPO_ROOT } from '../helpers';

const INJECTION_FILE = path.join(REPO_ROOT, 'syntaxes/suppression.injection.tmLanguage.json');
const INJECTION_SCOPE = (JSON.parse(readFileSync(INJECTION_FILE, 'utf8')) as { scopeName: string }).scopeName;

// Line comments are begin/end rules, as in VS Code's grammars for C, JavaScript, Python or shell: an injection
// only reaches inside a begin/end rule, never into a token a single `match` already consumed.
const SLASH_GRAMMAR = {
  scopeName: 'source.slash-test',
  patterns: [
    { begin: '//', end: '$', name: 'comment.line.double-slash.slash-test' },
    { begin: '/\\*', end: '\\*/', name: 'comment.block.slash-test' },
    { begin: '"', end: '"', name: 'string.quoted.double.slash-test' },
  ],
};
const HASH_GRAMMAR = { scopeName: 'source.hash-test', patterns: [{ begin: '#', end: '$', name: 'comment.line.number-sign.hash-test' }] };
// PowerShell's `<# … #>` and Lua's `--[[ … ]]` block comments, as VS Code's grammars for them write them.
const POWERSHELL_GRAMMAR = { scopeName: 'source.pwsh-test', patterns: [{ begin: '<#', end: '#>', name: 'comment.block.pwsh-test' }] };
const LUA_GRAMMAR = { scopeName: 'source.lua-test', patterns: [{ begin: '--\\[(=*)\\[', end: '\\]\\1\\]', name: 'comment.block.lua-test' }, { begin: '--', end: '$', name: 'comment.line.lua-test' }] };

async function registry(): Promise<textmate.Registry> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => oniguruma.createOnigScanner(sources), createOnigString: (s) => oniguruma.createOnigString(s) }),
    loadGrammar: (scopeName) => {
      if (scopeName === INJECTION_SCOPE) return Promise.resolve(textmate.parseRawGrammar(readFileSync(INJECTION_FILE, 'utf8'), INJECTION_FILE));
      const host = [SLASH_GRAMMAR, HASH_GRAMMAR, POWERSHELL_GRAMMAR, LUA_GRAMMAR].find((g) => g.scopeName === scopeName);
      return Promise.resolve(host ? textmate.parseRawGrammar(JSON.stringify(host), `${scopeName}.json`) : null);
    },
    getInjections: () => [INJECTION_SCOPE],
  });
}

/** The text of each token of one line with its innermost scope. */
async function tokens(scopeName: string, line: string): Promise<{ text: string; scope: string }[]> {
  const grammar = await (await registry()).loadGrammar(scopeName);
  assert.ok(grammar, scopeName);
  return grammar.tokenizeLine(line, textmate.INITIAL).tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scope: t.scopes[t.scopes.length - 1] }));
}

function scopeOf(all: { text: string; scope: string }[], text: string): string | undefined {
  return all.find((t) => t.text === text)?.scope;
}

describe('suppression comment grammar', () => {
  it('marks the marker, each rule id and the reason in a line comment', async () => {
    const all = await tokens('source.slash-test', 'gets(b); // secure-coding-ignore c.banned.gets: bounded by the caller');
    assert.strictEqual(scopeOf(all, 'secure-coding-ignore'), 'keyword.control.suppression.secure-coding');
    assert.strictEqual(scopeOf(all, 'c.banned.gets'), 'entity.name.type.rule-id.secure-coding');
    assert.strictEqual(scopeOf(all, 'bounded by the caller'), 'string.unquoted.reason.secure-coding');
  });

  it('keeps the closing */ out of the reason and separates several rule ids', async () => {
    const all = await tokens('source.slash-test', '/* secure-coding-ignore c.banned.gets, secret.*: fixture data */');
    assert.strictEqual(scopeOf(all, 'c.banned.gets'), 'entity.name.type.rule-id.secure-coding');
    assert.strictEqual(scopeOf(all, 'secret.*'), 'entity.name.type.rule-id.secure-coding');
    assert.strictEqual(scopeOf(all, 'fixture data'), 'string.unquoted.reason.secure-coding');
    assert.strictEqual(scopeOf(all, '*/'), 'comment.block.slash-test');
  });

  it('works in languages with # comments', async () => {
    const all = await tokens('source.hash-test', '# secure-coding-ignore secret.aws-access-key: documented example key');
    assert.strictEqual(scopeOf(all, 'secret.aws-access-key'), 'entity.name.type.rule-id.secure-coding');
    assert.strictEqual(scopeOf(all, 'documented example key'), 'string.unquoted.reason.secure-coding');
  });

  it("keeps PowerShell's #> and Lua's ]] out of the reason", async () => {
    const ps = await tokens('source.pwsh-test', '<# secure-coding-ignore secret.hardcoded-password: lab image, reset nightly #>');
    assert.strictEqual(scopeOf(ps, 'lab image, reset nightly'), 'string.unquoted.reason.secure-coding');
    assert.strictEqual(scopeOf(ps, '#>'), 'comment.block.pwsh-test');
    const lua = await tokens('source.lua-test', '--[[ secure-coding-ignore secret.hardcoded-password: local fixture ]]');
    assert.strictEqual(scopeOf(lua, 'local fixture'), 'string.unquoted.reason.secure-coding');
    const line = await tokens('source.lua-test', 'x = 1 -- secure-coding-ignore network.hardcoded-ip: documented example');
    assert.strictEqual(scopeOf(line, 'documented example'), 'string.unquoted.reason.secure-coding');
  });

  it('shows a suppression without a reason as invalid', async () => {
    const all = await tokens('source.slash-test', '// secure-coding-ignore c.banned.gets');
    assert.strictEqual(scopeOf(all, 'secure-coding-ignore'), 'invalid.illegal.suppression-without-reason.secure-coding');
    assert.strictEqual(scopeOf(all, 'c.banned.gets'), 'entity.name.type.rule-id.secure-coding');
  });

  it('leaves the same text alone outside comments', async () => {
    const all = await tokens('source.slash-test', 'puts("secure-coding-ignore c.banned.gets: not a comment");');
    assert.ok(all.every((t) => !t.scope.endsWith('.secure-coding')), JSON.stringify(all));
  });
});
