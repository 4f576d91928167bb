/**
 * Every rule fixture in `rules/` (`*.fixture.*`) is checked against its `ruleid:` / `ok:` annotations, and every
 * rule of the default rulebook must have at least one fixture. Adding a rule needs no new test code.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Rulebook, diskReader, loadRulebook } from '@secure-coding/server';
import { FIXTURE_INFIX, checkFixture, parseAnnotations } from '@secure-coding/server/out/engine/fixtures';
import { REPO_ROOT, RULES_DIR } from './helpers';

describe('default rulebook fixtures', function () {
  let rulebook: Rulebook;
  const fixtures: string[] = [];

  before(async function () {
    rulebook = await loadRulebook({ root: REPO_ROOT });
    const all = await diskReader.list(RULES_DIR, ['']);
    fixtures.push(...all.filter((f) => path.basename(f).includes(FIXTURE_INFIX)));
  });

  it('loads without problems (schema, regexes, examples)', function () {
    assert.deepStrictEqual(rulebook.problems.map((p) => `${p.file}:${p.line}: ${p.message}`), []);
  });

  it('has a fixture exercising every rule', async function () {
    const covered = new Set<string>();
    for (const file of fixtures) {
      for (const a of parseAnnotations(await fs.readFile(file, 'utf8'))) {
        if (a.expectation === 'ruleid' || a.expectation === 'info') a.ruleIds.forEach((id) => covered.add(id));
      }
    }
    const uncovered = rulebook.rules.map((r) => r.rule.id).filter((id) => !covered.has(id));
    assert.deepStrictEqual(uncovered, [], 'rules without a `ruleid:` fixture line');
  });

  it('every fixture matches its annotations', async function () {
    this.timeout(120000);
    const failures: string[] = [];
    let checked = 0;
    for (const file of fixtures) {
      const rel = path.relative(REPO_ROOT, file).split(path.sep).join('/');
      const result = await checkFixture(rulebook, rel, await fs.readFile(file, 'utf8'));
      checked += result.checked;
      for (const m of result.mismatches) failures.push(`${rel}:${m.line}: ${m.detail}`);
    }
    assert.ok(checked > 0, 'no annotations were checked');
    assert.deepStrictEqual(failures, []);
  });
});
