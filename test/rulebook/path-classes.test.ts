/**
 * Path classes in the rulebook: what the default rules mean in product code, tests, docs and vendored code (on real
 * scans), a lead's `path_classes` globs and `classes` overrides with their precedence, the errors a lead gets for a
 * mistake in them, and `rulebook explain FILE` saying which class a file is in and why.
 */
import * as assert from 'assert';
import { readFileSync } from 'fs';
import * as path from 'path';
import { Finding, Rulebook, loadRulebook, scanDocument } from '@secure-coding/server';
import { parse } from 'yaml';
import { RULES_DIR } from '../helpers';
import { RULEBOOK, loadRulebookText, loadWorkspace, removeWorkspaces, runCli, workspace } from './workspace';

/** A file with a test account (its password also a name-based one), a password, a GitHub token and an address (fake values). */
const PYTHON = [
  'DEMO_LOGIN = "demo_01"',
  'DEMO_PASS = "Demo#2024"',
  'DB_PASSWORD = "S3cr3t-Pr0d-Pa55"',
  'GITHUB_TOKEN = "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"',
  'DB_HOST = "192.168.1.20"',
  '',
].join('\n');

const C_SOURCE = 'void f(char *d, const char *s) { strcpy(d, s); }\n';

const summary = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.ruleId} ${f.severity}${f.pathClass ? ` ${f.pathClass}` : ''}`).sort();

async function scan(rulebook: Rulebook, file: string, text: string): Promise<string[]> {
  return summary((await scanDocument(rulebook, { path: file, text })).findings);
}

describe('path classes in the rulebook', function () {
  after(removeWorkspaces);

  describe('the default rulebook', function () {
    let rulebook: Rulebook;
    before(async function () {
      rulebook = await loadRulebook({ root: workspace({}) });
    });

    it('reports everything in product code at the rule severity', async function () {
      assert.deepStrictEqual(await scan(rulebook, 'app/settings.py', PYTHON), [
        'account.test-account error',
        'network.hardcoded-ip warning',
        'secret.github-token error',
        'secret.hardcoded-password error',
        'secret.hardcoded-password error',
      ]);
    });

    it('in tests and docs: no test accounts, generic passwords or addresses; provider tokens at info', async function () {
      for (const [file, pathClass] of [
        ['tests/test_settings.py', 'test'],
        ['app/settings_test.py', 'test'],
        ['docs/examples/settings.py', 'docs'],
      ]) {
        assert.deepStrictEqual(await scan(rulebook, file, PYTHON), [`secret.github-token info ${pathClass}`], file);
      }
    });

    it('in vendored code: everything at info, marked vendored', async function () {
      assert.deepStrictEqual(await scan(rulebook, 'vendor/acme/settings.py', PYTHON), [
        'account.test-account info vendored',
        'network.hardcoded-ip info vendored',
        'secret.github-token info vendored',
        'secret.hardcoded-password info vendored',
        'secret.hardcoded-password info vendored',
      ]);
      assert.deepStrictEqual(await scan(rulebook, 'compat/strlcpy.c', C_SOURCE), ['c.banned.strcpy info vendored']);
    });

    it('unsafe C calls in tests and examples are reported at info', async function () {
      assert.deepStrictEqual(await scan(rulebook, 'src/copy.c', C_SOURCE), ['c.banned.strcpy error']);
      assert.deepStrictEqual(await scan(rulebook, 'test/test-copy.c', C_SOURCE), ['c.banned.strcpy info test']);
    });

    it('every built-in rule says what it means in tests and docs', function () {
      const missing: string[] = [];
      for (const compiled of rulebook.rules) {
        const classes = compiled.rule.classes ?? {};
        if (classes.test === undefined || classes.docs === undefined) missing.push(`${compiled.rule.id} (${path.relative(RULES_DIR, compiled.source.file)})`);
      }
      assert.deepStrictEqual(missing, [], 'add `classes: { test: …, docs: … }` to these rules');
    });

    it('no built-in rule keeps its own list of test folders: the classes say it once', function () {
      for (const compiled of rulebook.rules) {
        const file = parse(readFileSync(compiled.source.file, 'utf8')) as { rules: { id: string; paths?: { exclude?: string[] } }[] };
        const exclude = file.rules.find((r) => r.id === compiled.rule.id)?.paths?.exclude ?? [];
        const testGlobs = exclude.filter((g) => /(?:^|\/)(?:tests?|__tests__|spec|fixtures|testdata)\/|_test\.go|\.spec\.|\.md$/.test(g));
        assert.deepStrictEqual(testGlobs, [], compiled.rule.id);
      }
    });
  });

  describe("a lead's path_classes and classes", function () {
    it('globs put paths in a class before the conventions; the last glob written wins', async function () {
      const { rulebook, problems } = await loadWorkspace({
        [RULEBOOK]: `
          path_classes:
            vendored: { globs: ["src/libvterm/**"] }
            test: { globs: ["qa/**", "src/libvterm/t/**"] }
            product: { globs: ["tests/harness/**"] }
        `,
      });
      assert.deepStrictEqual(problems, []);
      const classOf = (p: string): string => rulebook.classify(p).pathClass;
      assert.strictEqual(classOf('src/libvterm/src/state.c'), 'vendored');
      assert.strictEqual(classOf('src/libvterm/t/10state.test'), 'test');
      assert.strictEqual(classOf('qa/load.py'), 'test');
      assert.strictEqual(classOf('tests/harness/server.py'), 'product');
      assert.strictEqual(classOf('tests/test_x.py'), 'test', 'the conventions still decide the rest');
      const reason = rulebook.classify('qa/load.py').reason;
      assert.ok(reason.kind === 'glob' && reason.glob === 'qa/**' && reason.from.endsWith('rulebook.yaml:3'), JSON.stringify(reason));
      assert.deepStrictEqual(await scan(rulebook, 'src/libvterm/src/state.c', C_SOURCE), ['c.banned.strcpy info vendored']);
    });

    it('a later rulebook wins over the one it extends; conventions: false leaves only the globs', async function () {
      const { rulebook, problems } = await loadWorkspace({
        [RULEBOOK]: `
          extends: [../org.yaml]
          path_classes:
            test: { globs: ["spec/**"], conventions: false }
        `,
        'org.yaml': `
          path_classes:
            docs: { globs: ["spec/**"] }
        `,
      });
      assert.deepStrictEqual(problems, []);
      assert.strictEqual(rulebook.classify('spec/api.py').pathClass, 'test');
      assert.strictEqual(rulebook.classify('tests/test_api.py').pathClass, 'product');
      assert.strictEqual(rulebook.classify('docs/index.md').pathClass, 'docs');
    });

    it('overrides change a class treatment; a path section still has the last word on its files', async function () {
      const { rulebook, problems } = await loadWorkspace({
        [RULEBOOK]: `
          overrides:
            account.*: { classes: { test: warning } }
            all: { classes: { vendored: off } }
          paths:
            "tests/e2e/**":
              disable: [account.test-account]
            "docs/**":
              enable: [network.hardcoded-ip]
        `,
      });
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(await scan(rulebook, 'tests/test_login.py', PYTHON), ['account.test-account warning test', 'secret.github-token info test']);
      assert.deepStrictEqual(await scan(rulebook, 'tests/e2e/login.py', PYTHON), ['secret.github-token info test']);
      assert.deepStrictEqual(await scan(rulebook, 'docs/config.py', PYTHON), ['network.hardcoded-ip warning docs', 'secret.github-token info docs']);
      assert.deepStrictEqual(await scan(rulebook, 'vendor/x/settings.py', PYTHON), []);
    });

    it('the editor gets the same rules: rulesFor decides by class', async function () {
      const { rulebook } = await loadWorkspace({ [RULEBOOK]: '' });
      const ids = (p: string): string[] => rulebook.rulesFor(p, 'python').map((r) => `${r.compiled.rule.id}:${r.severity}`);
      assert.ok(ids('app/x.py').includes('account.test-account:error'));
      assert.ok(!ids('tests/x.py').some((id) => id.startsWith('account.')));
      assert.ok(ids('tests/x.py').includes('secret.github-token:info'));
      assert.ok(rulebook.rulesFor('tests/x.py', 'python', { ignorePaths: true }).some((r) => r.compiled.rule.id === 'account.test-account'), 'fixtures ignore paths');
    });
  });

  describe('mistakes are reported at their line and column', function () {
    it('an unknown class, an unknown treatment, a glob that is not text', async function () {
      const { problems } = await loadRulebookText(`
        extends: []
        path_classes:
          tests: { globs: ["qa/**"] }
          docs: { globs: [3], conventions: maybe }
        rules:
          - id: acme.rule
            kind: pattern
            regex: X
            severity: warning
            message: m
            rationale: r
            classes: { test: of, docs: off }
      `);
      assert.deepStrictEqual(problems, [
        '.secure-coding/rulebook.yaml:3:3: error: unknown key `tests` in `path_classes` (did you mean `test`?)',
        '.secure-coding/rulebook.yaml:4:19: error: item 1 of `globs` must be text',
        '.secure-coding/rulebook.yaml:4:36: error: `conventions` must be `true` or `false`',
        '.secure-coding/rulebook.yaml:12:22: error: `test` must be one of "report", "off", "error", "warning", "info"',
      ]);
    });

    it('`classes` inside a path section', async function () {
      const { problems } = await loadRulebookText(`
        paths:
          "tests/**":
            overrides:
              account.*: { classes: { test: warning } }
      `);
      assert.deepStrictEqual(problems, [
        '.secure-coding/rulebook.yaml:4:20: error: `classes` has no effect inside a `paths:` section: the section already says what happens in these files (use `disable`, `enable`, `severity` or a top-level `overrides`)',
      ]);
    });
  });

  describe('rulebook explain FILE', function () {
    it('says which class the file is in and why, and why a rule is off there', function () {
      const dir = workspace({ [RULEBOOK]: 'path_classes:\n  vendored: { globs: ["lib/ext/**"] }\n', 'tests/test_login.py': PYTHON, 'lib/ext/a.c': C_SOURCE });
      const tests = runCli(['explain', 'tests/test_login.py'], dir);
      assert.strictEqual(tests.code, 0, tests.stderr);
      assert.match(tests.stdout, /^class: test \(test code\) — `tests\/`: a test folder/m);
      assert.match(tests.stdout, /^ {2}account\.test-account +not reported in test code \(`classes: test: off` from builtin:accounts\/test-account\.yaml:\d+\)$/m);
      assert.match(tests.stdout, /secret\.github-token .* info .*\n +severity: error \(the rule, [^)]*\) → info \(classes: test: info, builtin:secrets\/github\.yaml:\d+\)/);
      const vendored = runCli(['explain', 'lib/ext/a.c', '--format', 'json'], dir);
      const json = JSON.parse(vendored.stdout) as { file: { pathClass: string; pathClassReason: string }; rules: { id: string; severity: string; classes: Record<string, string> }[] };
      assert.strictEqual(json.file.pathClass, 'vendored');
      assert.match(json.file.pathClassReason, /^glob `lib\/ext\/\*\*` of `path_classes\.vendored` \(\.secure-coding\/rulebook\.yaml:2\)$/);
      const strcpy = json.rules.find((r) => r.id === 'c.banned.strcpy')!;
      assert.strictEqual(strcpy.severity, 'info');
      assert.deepStrictEqual(strcpy.classes, { product: 'report', test: 'info', docs: 'info', vendored: 'info' });
      const wide = runCli(['explain'], dir);
      assert.match(wide.stdout, /account\.test-account .* test: off, docs: off, vendored: info$/m);
      assert.match(wide.stdout, /^ {2}path_classes\.vendored: "lib\/ext\/\*\*" \(\.secure-coding\/rulebook\.yaml:2\)$/m);
    });
  });
});
