/**
 * The test-account, backdoor and debug rules (guide item 8) beyond their fixtures: default path filters that skip
 * test code, messages that never show a password, ranges of backdoor findings, and rulebook errors for rules of the
 * new kinds written without the fields they need.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Rulebook, loadRulebook, scanDocument } from '@secure-coding/server';
import { REPO_ROOT, marked } from './helpers';

describe('test accounts and backdoors', function () {
  let rulebook: Rulebook;

  before(async function () {
    rulebook = await loadRulebook({ root: REPO_ROOT, checkExamples: false });
  });

  // Only the item-8 rules: the secret and IP rules (item 7) scan test code too, on purpose.
  const ids = async (file: string, text: string): Promise<string[]> =>
    (await scanDocument(rulebook, { path: file, text })).findings
      .map((f) => f.ruleId)
      .filter((id) => !/^(?:secret|network)\./.test(id))
      .sort();

  it('skips test code by default and flags the same code in the product', async function () {
    const code = 'DEMO_LOGIN = "demo_01"\nDEMO_PASS = "Demo#2024"\n';
    assert.deepStrictEqual(await ids('app/seed.py', code), ['account.test-account']);
    for (const testPath of ['tests/seed.py', 'app/__tests__/seed.ts', 'pkg/seed_test.go', 'src/seed.spec.ts', 'app/test_seed.py', 'spec/seed.rb']) {
      const text = testPath.endsWith('.py') || testPath.endsWith('.rb') ? code : 'const DEMO_LOGIN = "demo_01";\nconst DEMO_PASS = "Demo#2024";\n';
      assert.deepStrictEqual(await ids(testPath, text), [], testPath);
    }
  });

  it('never puts a password into a message', async function () {
    const text = 'const accounts = [{ user: "sample", pass: "sample!Pass#2024" }];\nif (password === "letmein-forever") ok();\n';
    const { findings } = await scanDocument(rulebook, { path: 'src/seed.js', text });
    assert.deepStrictEqual(findings.map((f) => f.ruleId).sort(), ['account.backdoor-login', 'account.test-account']);
    for (const f of findings) {
      for (const message of [f.message, f.messageJa ?? '']) {
        assert.ok(!message.includes('sample!Pass#2024') && !message.includes('letmein-forever'), message);
      }
    }
  });

  it('reports a user-and-password backdoor over the whole && chain', async function () {
    const { text, ranges } = marked('int ok(const char *login, const char *pw) {\n  return ⟦strcmp(login, "maint") == 0 && strcmp(pw, "m@int2019") == 0⟧;\n}\n');
    const { findings } = await scanDocument(rulebook, { path: 'src/auth.c', text });
    const backdoor = findings.filter((f) => f.ruleId === 'account.backdoor-login');
    assert.deepStrictEqual(
      backdoor.map((f) => ({ line: f.range.start.line, start: f.range.start.character, end: f.range.end.character })),
      ranges,
    );
    assert.match(backdoor[0].message, /for user "maint"/);
  });

  it('reads `default=True` of an environment reader as the setting it is assigned to', async function () {
    const on = await ids('mysite/settings.py', 'DEBUG = env.bool("DJANGO_DEBUG", default=True)\n');
    const off = await ids('mysite/settings.py', 'DEBUG = env.bool("DJANGO_DEBUG", default=False)\n');
    assert.deepStrictEqual([on, off], [['debug.django-debug'], []]);
  });

  it('flags Django DEBUG only in settings modules that are not development-only', async function () {
    assert.deepStrictEqual(await ids('mysite/settings.py', 'DEBUG = True\n'), ['debug.django-debug']);
    assert.deepStrictEqual(await ids('mysite/settings/dev.py', 'DEBUG = True\n'), []);
    assert.deepStrictEqual(await ids('mysite/views.py', 'DEBUG = True\n'), []);
  });

  it('leaves debug switches in development-only configs alone', async function () {
    assert.deepStrictEqual(await ids('config/app.yaml', 'app:\n  debug: true\n'), ['debug.config-debug']);
    assert.deepStrictEqual(await ids('config/app.development.yaml', 'app:\n  debug: true\n'), []);
    assert.deepStrictEqual(await ids('.env.local', 'APP_DEBUG=true\n'), []);
    assert.deepStrictEqual(await ids('.env.example', 'APP_DEBUG=true\n'), []);
    // Defaults a development tool applies only while developing (Spring Boot devtools) are named for the tool.
    const devtools = 'defaults.spring.web.error.include-stacktrace=always\n';
    assert.deepStrictEqual(await ids('src/main/resources/META-INF/spring-devtools.properties', devtools), []);
    assert.deepStrictEqual(await ids('src/main/resources/application.properties', devtools.replace('defaults.', '')), ['debug.config-debug']);
  });
});

describe('rulebook problems for the item-8 kinds', function () {
  let dir: string;

  before(async function () {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'leftovers-'));
  });

  after(async function () {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('reports rules that lack the fields their kind needs, and keeps the others', async function () {
    const file = path.join(dir, 'rulebook.yaml');
    await fs.writeFile(
      file,
      [
        'extends: []',
        'rules:',
        '  - { id: org.accounts, kind: account, severity: error, message: m, rationale: r, user_names: "user", password_names: "password" }',
        '  - { id: org.bypass, kind: auth-bypass, severity: error, message: m, rationale: r, function_names: "auth" }',
        '  - { id: org.route, kind: route, severity: error, message: m, rationale: r, routes: "(" }',
        '  - { id: org.switch, kind: setting, severity: error, message: m, rationale: r, names: "^no_auth$" }',
        '',
      ].join('\n'),
    );
    const loaded = await loadRulebook({ rulebookFile: file, root: dir });
    const problems = loaded.problems.map((p) => `${p.line}: ${p.message}`);
    assert.strictEqual(problems.length, 3, problems.join('\n'));
    assert.match(problems[0], /^3: org\.accounts: an account rule needs `account_words`/);
    assert.match(problems[1], /^4: org\.bypass: `function_names` needs `condition_names`/);
    assert.match(problems[2], /^5: org\.route: invalid regex/);
    assert.deepStrictEqual(loaded.rules.map((r) => r.rule.id), ['org.switch']);
  });
});
