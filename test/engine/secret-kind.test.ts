/**
 * The secret kind as a lead uses it: a workspace rulebook with its own secret rule (run on RE2) beside the default
 * rules, and the behaviour findings must have whatever the rule: one finding per secret, values and names masked,
 * credential positions, example lines.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Rulebook, loadRulebook, scanDocument } from '@secure-coding/server';
import { marked } from '../helpers';

const LEAD_RULEBOOK = `
rules:
  - id: acme.internal-token
    kind: secret
    severity: error
    message: "Acme token {value} bound to {name}"
    rationale: "Acme service tokens act as the service."
    keywords: [acme_]
    entropy: 3
    patterns:
      - regex: '\\b(acme_[a-z0-9]{24})\\b'
  - id: acme.vault-login
    kind: secret
    severity: error
    message: "Vault password {value} passed to {name}"
    rationale: "The vault login takes the password second."
    keywords: [vault]
    arguments:
      vault.login: 1
    ignore_lines: 'EXAMPLE'
`;

async function scan(rulebook: Rulebook, file: string, source: string): Promise<{ ranges: ReturnType<typeof marked>['ranges']; findings: { ruleId: string; line: number; start: number; end: number; message: string }[] }> {
  const { text, ranges } = marked(source);
  const result = await scanDocument(rulebook, { path: file, text });
  return {
    ranges,
    findings: result.findings.map((f) => ({ ruleId: f.ruleId, line: f.range.start.line, start: f.range.start.character, end: f.range.end.character, message: f.message })),
  };
}

describe('secret kind', function () {
  let rulebook: Rulebook;
  let dir: string;

  before(async function () {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'secret-kind-'));
    await fs.mkdir(path.join(dir, '.secure-coding'));
    await fs.writeFile(path.join(dir, '.secure-coding', 'rulebook.yaml'), LEAD_RULEBOOK);
    rulebook = await loadRulebook({ root: dir, rulebookFile: path.join(dir, '.secure-coding', 'rulebook.yaml') });
    assert.deepStrictEqual(rulebook.problems.map((p) => p.message), []);
  });

  after(async function () {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("runs a lead's provider pattern and masks the value in the message", async function () {
    const { ranges, findings } = await scan(rulebook, 'src/client.py', 'TOKEN = "⟦acme_k3j9d0s8a7f6g5h4j3k2l1m0⟧"');
    const own = findings.filter((f) => f.ruleId === 'acme.internal-token');
    assert.deepStrictEqual(own.map(({ line, start, end }) => ({ line, start, end })), ranges);
    assert.ok(!own[0].message.includes('k3j9d0s8a7f6'), own[0].message);
  });

  it('reports one finding per secret: the provider rule outranks the name-aware ones', async function () {
    const { ranges, findings } = await scan(rulebook, 'src/ci.js', 'const GITHUB_TOKEN = "⟦ghp_F4iGbkYfRYrF9diDpmCqLccxdCcE3Ch4BFgW⟧";');
    assert.deepStrictEqual(findings.map((f) => f.ruleId), ['secret.github-token']);
    assert.deepStrictEqual(findings.map(({ line, start, end }) => ({ line, start, end })), ranges);
  });

  it('yields to the test-account rules: a backdoor check is one finding, not two', async function () {
    const { findings } = await scan(rulebook, 'src/auth.js', 'function ok(password) { return password === "letmein!42"; }');
    assert.deepStrictEqual(findings.map((f) => f.ruleId), ['account.backdoor-login']);
  });

  it('finds a credential by its argument position, with a dotted callee', async function () {
    const { ranges, findings } = await scan(rulebook, 'src/login.ts', 'await client.vault.login("svc-deploy", "⟦Tr0ub4dor&3x⟧");');
    const own = findings.filter((f) => f.ruleId === 'acme.vault-login');
    assert.deepStrictEqual(own.map(({ line, start, end }) => ({ line, start, end })), ranges);
    assert.match(own[0].message, /passed to client\.vault\.login\(…\) argument 2$/);
  });

  it('skips lines the rule marks as examples', async function () {
    const { findings } = await scan(rulebook, 'src/login.ts', 'await client.vault.login("svc", "Tr0ub4dor&3x"); // EXAMPLE');
    assert.deepStrictEqual(findings.filter((f) => f.ruleId === 'acme.vault-login'), []);
  });

  it('judges escaped and base64 literals by what they spell', async function () {
    const { findings } = await scan(rulebook, 'src/tls.c', [
      '#define MASTER_SECRET "\\x6d\\x61\\x73\\x74\\x65\\x72\\x20\\x73\\x65\\x63\\x72\\x65\\x74"',
      'static const char *db_password = "bm90IG15IHJlYWwgcGFzc3dvcmQ=";',
      'static const char *api_password = "⟦c2VjcmV0lwEAAf8AAQ==⟧";',
    ].join('\n'));
    assert.deepStrictEqual(findings.map((f) => `${f.ruleId}:${f.line}`), ['secret.hardcoded-password:2']);
  });

  it('never shows a flagged value as the name of another', async function () {
    // "MyS9l-pass" is not a key name, so "shop" is not bound to it, and no message carries it.
    const { findings } = await scan(rulebook, 'src/db.c', 'void f(MYSQL *db) { mysql_real_connect(db, "h", "app", "MyS9l-pass", "shop", 0, 0, 0); }');
    assert.strictEqual(findings.length, 1);
    assert.ok(findings.every((f) => !f.message.includes('MyS9l-pass')), findings[0].message);
  });

  it('parses a file only when a keyword stands in a name the rule could flag a literal under', async function () {
    const notAName = await scanDocument(rulebook, { path: 'lib/source.js', text: 'const { isCommentToken } = require("@eslint-community/eslint-utils");\n' });
    assert.strictEqual(notAName.tree, undefined, 'is_comment_token is an ignored name: no parse');
    const pair = await scan(rulebook, 'svc/client.py', 'class C:\n    def f(self):\n        self.session.auth = ("search", "Orbit22#summer")\n');
    assert.deepStrictEqual(pair.findings.map((f) => f.ruleId), ['secret.hardcoded-password'], 'an auth pair names its second element');
    const callee = await scan(rulebook, 'auth.php', '<?php\n$t = JWT::encode($payload, "k3Jd82hsQ0pLm4Zx91bV");\n');
    assert.strictEqual(callee.findings.length, 1, 'a credential-taking function through ::');
  });
});
