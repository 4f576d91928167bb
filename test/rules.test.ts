/**
 * Every rule fixture in `rules/` (`*.fixture.*`) is checked against its `ruleid:` / `ok:` annotations, and every
 * rule of the default rulebook must have at least one fixture. Adding a rule needs no new test code.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { Rulebook, diskReader, loadRulebook } from '@secure-coding/server';
import { FIXTURE_INFIX, checkFixture, parseAnnotations } from '@secure-coding/server/out/engine/fixtures';
import { preferParsers } from '@secure-coding/server/out/engine/grammars';
import { scanWithRules } from '@secure-coding/server/out/engine/scanner';
import { languageForPath } from '@secure-coding/server/out/engine/languages';
import { REPO_ROOT, RULES_DIR, describeEachParser } from './helpers';

describeEachParser('default rulebook fixtures', function () {
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

describe('parser backends', function () {
  after(() => preferParsers('wasm'));

  it('find the same findings, at the same offsets, in every rule fixture', async function () {
    this.timeout(180000);
    const rulebook = await loadRulebook({ root: REPO_ROOT });
    const all = await diskReader.list(RULES_DIR, ['']);
    const fixtures = all.filter((f) => path.basename(f).includes(FIXTURE_INFIX));
    const differences: string[] = [];
    let findings = 0;
    for (const file of fixtures) {
      const rel = path.relative(REPO_ROOT, file).split(path.sep).join('/');
      const text = await fs.readFile(file, 'utf8');
      const languageId = languageForPath(rel.replace(FIXTURE_INFIX, '.'));
      const rules = rulebook.rulesFor(rel, languageId, { ignorePaths: true });
      const scans: Record<string, unknown[]> = {};
      for (const backend of ['wasm', 'native'] as const) {
        preferParsers(backend);
        const result = await scanWithRules(rules, { path: rel, text, languageId });
        scans[backend] = [...result.findings, ...result.failures];
      }
      findings += scans.wasm.length;
      try {
        assert.deepStrictEqual(scans.native, scans.wasm);
      } catch (err) {
        differences.push(`${rel}: ${(err as Error).message.slice(0, 2000)}`);
      }
    }
    assert.ok(findings > 500, `only ${findings} findings`);
    assert.deepStrictEqual(differences, []);
  });
});
