/**
 * Diagnostics over a real stdio connection: on open and on every change, for every language, for exactly the
 * version that was scanned, cleared on close; settings pulled per document.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { marked } from '../helpers';
import { LspClient, fileUri, workspace } from './client';

const C_SOURCE = `#include <stdio.h>

int main(void) {
    char line[80];
    ⟦gets⟧(line);
    /* gets(line) in a comment is not a call */
    puts("gets(line) in a string is not a call either");
    return 0;
}
`;

/**
 * Rules of the kinds the engine has, for languages other than C. The built-in secret, address and item-8 rules
 * are off so each file carries exactly the findings of these rules; the built-in C rules stay on.
 */
const RULEBOOK = `extends: [builtin:default]
disable: ["secret.*", "network.*", "account.*", "debug.*"]
rules:
  - id: org.eval
    kind: call
    severity: warning
    message: "{name}() runs code from a string"
    rationale: Evaluating strings as code lets data become code.
    cwe: [95]
    functions: [eval, exec, system]
  - id: org.password
    kind: secret
    severity: error
    message: "hardcoded credential in {name}"
    rationale: A credential in source code is readable by everyone who can read the code.
    cwe: [798]
    names: "pass(word)?|secret|token"
  - id: org.internal-ip
    kind: ip
    severity: info
    message: "hardcoded IP address {value}"
    rationale: Addresses change; configuration should hold them.
`;

describe('language server: diagnostics', function () {
  this.timeout(30000);
  let root: string;
  let client: LspClient;

  before(async function () {
    root = await workspace({ '.secure-coding/rulebook.yaml': RULEBOOK, 'src/main.c': marked(C_SOURCE).text });
    client = await LspClient.start({ root });
  });

  after(async function () {
    await client.stop();
    assert.deepStrictEqual(client.protocolErrors, [], 'nothing but the protocol on stdout');
    await fs.rm(root, { recursive: true, force: true });
  });

  it('flags the call on open, not the name in a comment or a string', async function () {
    const file = path.join(root, 'src/main.c');
    const { text, ranges } = marked(C_SOURCE);
    client.open(file, text, 'c');
    const published = await client.diagnosticsFor(file, 1);
    assert.strictEqual(published.diagnostics.length, 1);
    const [d] = published.diagnostics;
    assert.deepStrictEqual(d.range, { start: { line: ranges[0].line, character: ranges[0].start }, end: { line: ranges[0].line, character: ranges[0].end } });
    assert.strictEqual(d.code, 'c.banned.gets');
    assert.strictEqual(d.source, 'secure-coding');
    assert.strictEqual(d.severity, DiagnosticSeverity.Error);
    assert.strictEqual(d.codeDescription?.href, 'https://cwe.mitre.org/data/definitions/242.html');
    assert.match((d.data as { fingerprint: string }).fingerprint, /^[0-9a-f]{32}$/);
    // The diagnostic says what the finding is; the advice after the colon is in the hover and the rule's page.
    assert.strictEqual(d.message, '`gets` is banned');
    assert.ok(client.configurationScopes.includes(fileUri(file)), 'settings are pulled for the document itself');
  });

  it('clears the finding when an edit removes the call, and brings it back', async function () {
    const file = path.join(root, 'src/main.c');
    const removed = client.replace(file, 'gets(line);', 'fgets(line, sizeof line, stdin);');
    assert.deepStrictEqual((await client.diagnosticsFor(file, removed)).diagnostics, []);
    const back = client.replace(file, 'fgets(line, sizeof line, stdin);', 'gets(line);');
    assert.strictEqual((await client.diagnosticsFor(file, back)).diagnostics.length, 1);
  });

  it('never publishes a stale version: bursts end with the last version, in order', async function () {
    const file = path.join(root, 'src/main.c');
    const from = client.diagnostics.length;
    let version = 0;
    // Each edit toggles the call; the burst ends with the call removed.
    for (let i = 0; i < 15; i++) {
      version = i % 2 === 0 ? client.replace(file, 'gets(line);', 'puts(line);') : client.replace(file, 'puts(line);', 'gets(line);');
    }
    const last = await client.diagnosticsFor(file, version);
    assert.deepStrictEqual(last.diagnostics, []);
    const versions = client.diagnostics.events.slice(from).filter((p) => p.uri === fileUri(file)).map((p) => p.version ?? -1);
    assert.deepStrictEqual([...versions].sort((a, b) => a - b), versions, 'versions only go up');
    assert.ok(versions.length < 15, `a burst is folded into fewer scans (got ${versions.length})`);
  });

  it('scans every kind of file the engine reads', async function () {
    const files: [string, string, string, string][] = [
      ['app.py', 'python', 'password = "hunter2!x"\neval(user_input)\n', 'org.eval org.password'],
      ['app.js', 'javascript', 'const token = "ab12cd34ef";\neval(x);\n', 'org.eval org.password'],
      ['app.ts', 'typescript', 'const server = "10.20.30.40";\n', 'org.internal-ip'],
      ['main.go', 'go', 'package main\nfunc main() { password := "s3cr3t-go"; _ = password }\n', 'org.password'],
      ['run.sh', 'shellscript', 'PASSWORD=hunter2x\n', 'org.password'],
      ['config.yaml', 'yaml', 'db:\n  password: "pa55word!"\n  host: 10.1.2.3\n', 'org.internal-ip org.password'],
      // A random-looking token: `abcd1234…` reads as example data, a low-confidence finding the editor hides by default.
      ['.env', 'dotenv', 'API_TOKEN=k7Qv2mXr9pLw\n', 'org.password'],
      ['App.java', 'java', 'class App { String password = "j4va-pass"; }\n', 'org.password'],
    ];
    for (const [name, languageId, text] of files) client.open(path.join(root, name), text, languageId);
    for (const [name, , , expected] of files) {
      const published = await client.diagnosticsFor(path.join(root, name), 1);
      const codes = [...new Set(published.diagnostics.map((d) => String(d.code)))].sort().join(' ');
      assert.strictEqual(codes, expected, name);
    }
    const published = JSON.stringify(client.diagnostics.events);
    for (const secret of ['hunter2!x', 'ab12cd34ef', 's3cr3t-go', 'pa55word!', 'k7Qv2mXr9pLw', 'j4va-pass']) {
      assert.ok(!published.includes(secret), `the secret ${secret[0]}… never travels in a diagnostic`);
    }
    for (const [name] of files) client.close(path.join(root, name));
  });

  it('clears the diagnostics of a closed document', async function () {
    const file = path.join(root, 'src/main.c');
    const from = client.diagnostics.length;
    client.close(file);
    const cleared = await client.waitForDiagnostics(file, () => true, from);
    assert.deepStrictEqual(cleared.diagnostics, []);
  });
});
