/**
 * A rule's include and exclude lists remember their last answer (rules sharing a list ask about the same file in
 * turn); this checks that the shortcut decides exactly as minimatch does, glob by glob, for every glob list of the
 * default rulebook and a spread of real and tricky paths, asked in turn and again.
 */
import * as assert from 'assert';
import { Minimatch } from 'minimatch';
import { firstMatchingGlob, loadRulebook } from '@secure-coding/server/out/engine';

const PATHS = [
  'src/app.js', 'test/app.js', 'a/test/b/c.py', 'tests/x.py', 'src/__tests__/a.test.ts', 'lib/a.spec.js', 'a.test.js',
  'pkg/server_test.go', 'pkg/server.go', 'app/test_views.py', 'app/views_test.py', 'conftest.py', 'spec/user_spec.rb',
  'src/main/java/FooTest.java', 'src/FooTests.cs', 'FooTest.php', 'e2e/login.ts', 'cypress/login.cy.js',
  'config/settings.py', 'mysite/settings/dev.py', 'mysite/settings/local_x.py', 'dev_settings.py', 'settings_test.py',
  '.env', '.env.local', '.env.production', 'config.dev.yml', 'config-local.json', 'app_test.properties', 'dev/app.yml',
  'docker-compose.override.yml', '.vscode/launch.json', 'package.json', 'tsconfig.base.json', '.eslintrc.js',
  'app.yaml.example', 'db.sample.json', 'README.md', 'docs/CHANGELOG', 'HISTORY.rst', 'a/.pgpass', 'pgpass.conf',
  '.hidden/test/x.js', 'a/./b.js', 'dir/', 'x/fixtures/y/z.txt', 'node_modules/a/test/index.js', 'テスト/設定.py',
];

describe('glob lists', () => {
  it('decide as minimatch does for every glob list of the default rulebook', async () => {
    const rulebook = await loadRulebook({});
    const lists = new Set<readonly string[]>();
    for (const compiled of rulebook.rules) {
      const { include, exclude } = compiled.rule.paths ?? {};
      if (include?.length) lists.add(include);
      if (exclude?.length) lists.add(exclude);
    }
    assert.ok(lists.size >= 4, `only ${lists.size} glob lists in the default rulebook`);
    let matched = 0;
    for (const globs of lists) {
      for (const file of PATHS) {
        const expected = globs.find((g) => new Minimatch(g, { dot: true }).match(file));
        assert.strictEqual(firstMatchingGlob(file, globs), expected, `${file} against [${globs.join(', ')}]`);
        assert.strictEqual(firstMatchingGlob(file, [...globs]), expected, `again: ${file} against [${globs.join(', ')}]`);
        if (expected !== undefined) matched++;
      }
    }
    assert.ok(matched > 20, `only ${matched} matches: the paths do not exercise the globs`);
  });
});
