/**
 * Composition: `extends` chains (files and folders, in order, each once), `disable` / `enable`, `overrides`
 * (severity, message, paths, allow) and per-path sections, with the documented precedence: later rulebook wins,
 * path sections after top-level settings. Checked on the rules that apply and on real scans.
 */
import * as assert from 'assert';
import { Rulebook, scanDocument } from '@secure-coding/server';
import { RULEBOOK, loadWorkspace, removeWorkspaces } from './workspace';

/** A pattern rule flagging the word MARKER_<n>, defined inline. */
function markerRule(id: string, extra = ''): string {
  const word = `MARKER_${id.replace(/\W/g, '_').toUpperCase()}`;
  return `
  - id: ${id}
    kind: pattern
    regex: ${word}
    scope: any
    severity: error
    message: "found ${word}"
    rationale: r${extra}`;
}

const severities = (rulebook: Rulebook, path: string, language: Parameters<Rulebook['rulesFor']>[1] = 'c'): Record<string, string> =>
  Object.fromEntries(rulebook.rulesFor(path, language).map((a) => [a.compiled.rule.id, a.severity]));

/** The severity of one rule on a file, or `off` (the default rulebook grows, so tests look at one rule). */
const severityOf = (rulebook: Rulebook, path: string, id: string): string => severities(rulebook, path)[id] ?? 'off';

describe('rulebook composition', function () {
  after(removeWorkspaces);

  describe('extends', function () {
    it('applies entries in order; a later rulebook overrides an earlier one', async function () {
      const { rulebook, problems } = await loadWorkspace({
        [RULEBOOK]: `extends: [builtin:none, ../org/base.yaml, ../org/strict.yaml]\noverrides:\n  org.b: { severity: info }\n`,
        'org/base.yaml': `extends: []\nrules:${markerRule('org.a')}${markerRule('org.b')}\n`,
        'org/strict.yaml': `extends: []\noverrides:\n  org.*: { severity: warning }\n`,
      });
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(severities(rulebook, 'a.c'), { 'org.a': 'warning', 'org.b': 'info' });
      assert.deepStrictEqual(rulebook.files.map((f) => f.slice(f.lastIndexOf('/') + 1)), ['base.yaml', 'strict.yaml', 'rulebook.yaml']);
    });

    it('extends a folder: a vendored submodule (.secure-coding/rulebook.yaml) or an npm package (rulebook.yaml)', async function () {
      const { rulebook, problems } = await loadWorkspace({
        [RULEBOOK]: `extends:\n  - builtin:none\n  - ../third_party/org-rulebook\n  - ../node_modules/@acme/secure-rulebook\n`,
        'third_party/org-rulebook/.secure-coding/rulebook.yaml': `extends: []\nrules:${markerRule('org.submodule')}\n`,
        'node_modules/@acme/secure-rulebook/rulebook.yaml': `extends: []\nrules:${markerRule('acme.package')}\n`,
        'node_modules/@acme/secure-rulebook/package.json': '{"name": "@acme/secure-rulebook"}',
      });
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(rulebook.rules.map((r) => r.rule.id), ['org.submodule', 'acme.package']);
    });

    it('loads a rulebook reached twice (a diamond) once, without duplicate-id errors', async function () {
      const { rulebook, problems } = await loadWorkspace({
        [RULEBOOK]: `extends: [../teams/a.yaml, ../teams/b.yaml]\n`,
        'teams/a.yaml': `extends: [../org/rulebook.yaml]\n`,
        'teams/b.yaml': `extends: [../org/rulebook.yaml]\noverrides:\n  org.shared: { severity: info }\n`,
        'org/rulebook.yaml': `extends: [builtin:default]\nrules:${markerRule('org.shared')}\n`,
      });
      assert.deepStrictEqual(problems, []);
      assert.strictEqual(rulebook.rules.filter((r) => r.rule.id === 'org.shared').length, 1);
      assert.ok(rulebook.rule('c.banned.gets'), 'the default rulebook comes in through the organization rulebook');
      assert.strictEqual(severities(rulebook, 'x.c')['org.shared'], 'info');
    });

    it('builtin:none and [] start from no rules; no extends means builtin:default', async function () {
      for (const extendsLine of ['extends: [builtin:none]', 'extends: []']) {
        const { rulebook } = await loadWorkspace({ [RULEBOOK]: `${extendsLine}\nrules:${markerRule('own.rule')}\n` });
        assert.deepStrictEqual(rulebook.rules.map((r) => r.rule.id), ['own.rule'], extendsLine);
      }
      const implicit = await loadWorkspace({ [RULEBOOK]: `rules:${markerRule('own.rule')}\n` });
      assert.ok(implicit.rulebook.rule('c.banned.gets'));
      const empty = await loadWorkspace({ [RULEBOOK]: '# nothing yet\n' });
      assert.ok(empty.rulebook.rule('c.banned.gets'), 'an empty rulebook still extends the default');
    });

    it('resolves path globs from the workspace root, whichever rulebook wrote them', async function () {
      const { rulebook } = await loadWorkspace({
        [RULEBOOK]: `extends: [builtin:none, ../org]\n`,
        'org/rulebook.yaml': `extends: []\nrules:${markerRule('org.a')}\npaths:\n  "generated/**": { disable: [all] }\n`,
      });
      assert.deepStrictEqual(severities(rulebook, 'generated/x.c'), {});
      assert.deepStrictEqual(severities(rulebook, 'src/x.c'), { 'org.a': 'error' });
    });
  });

  describe('disable and enable', function () {
    const rules = `rules:${markerRule('team.one')}${markerRule('team.two')}${markerRule('other.three')}\n`;

    it('disables by id, by prefix* and all', async function () {
      for (const [disable, left] of [
        ['[team.one]', ['team.two', 'other.three']],
        ['["team.*"]', ['other.three']],
        ['[all]', []],
      ] as const) {
        const { rulebook, problems } = await loadWorkspace({ [RULEBOOK]: `extends: []\ndisable: ${disable}\n${rules}` });
        assert.deepStrictEqual(problems, []);
        assert.deepStrictEqual(Object.keys(severities(rulebook, 'a.c')), left, disable);
      }
    });

    it('enable in the same file comes after disable; a later rulebook wins over an earlier one', async function () {
      const { rulebook } = await loadWorkspace({
        [RULEBOOK]: `extends: [../org.yaml]\ndisable: [other.three]\nenable: [team.two]\n`,
        'org.yaml': `extends: []\ndisable: [all]\nenable: [other.three]\n${rules}`,
      });
      // org: all off, then other.three back on; the team: other.three off again, team.two on.
      assert.deepStrictEqual(Object.keys(severities(rulebook, 'a.c')), ['team.two']);
    });
  });

  describe('overrides', function () {
    it('changes the severity and message of findings without copying the rule', async function () {
      const { rulebook, problems } = await loadWorkspace({
        [RULEBOOK]: `overrides:\n  c.banned.gets:\n    severity: warning\n    message: { en: "gets() again: see wiki/GETS", ja: "gets() です: wiki/GETS を参照" }\n`,
      });
      assert.deepStrictEqual(problems, []);
      const { findings } = await scanDocument(rulebook, { path: 'src/a.c', text: 'void f(char *b) { gets(b); }' });
      assert.strictEqual(findings.length, 1);
      assert.strictEqual(findings[0].severity, 'warning');
      assert.strictEqual(findings[0].message, 'gets() again: see wiki/GETS');
      assert.strictEqual(findings[0].messageJa, 'gets() です: wiki/GETS を参照');
    });

    it('replaces the rule\'s include and exclude lists with its own', async function () {
      const { rulebook } = await loadWorkspace({
        [RULEBOOK]: `extends: []\nrules:${markerRule('team.scoped', '\n    paths: { include: ["src/**"], exclude: ["src/test/**"] }')}\noverrides:\n  team.scoped:\n    paths: { exclude: ["src/gen/**"] }\n`,
      });
      const applies = (p: string): boolean => 'team.scoped' in severities(rulebook, p);
      assert.strictEqual(applies('src/test/a.c'), true, 'the override replaced the rule\'s exclude list');
      assert.strictEqual(applies('src/gen/a.c'), false);
      assert.strictEqual(applies('lib/a.c'), false, 'the rule\'s include list still holds');
    });

    it('allow drops findings of exactly the allowed text', async function () {
      const { rulebook, problems } = await loadWorkspace({
        [RULEBOOK]: `extends: []\nrules:\n  - id: team.hosts\n    kind: pattern\n    regex: '[a-z]+\\.corp\\.example'\n    scope: string\n    languages: [python]\n    severity: error\n    message: m\n    rationale: r\noverrides:\n  team.hosts:\n    allow: [docs.corp.example]\n`,
      });
      assert.deepStrictEqual(problems, []);
      const { findings } = await scanDocument(rulebook, { path: 'a.py', text: 'a = "docs.corp.example"\nb = "build.corp.example"\n' });
      assert.deepStrictEqual(findings.map((f) => f.range.start.line), [1]);
    });

    it('allow on an ip rule takes CIDR ranges', async function () {
      const { rulebook, problems } = await loadWorkspace({
        [RULEBOOK]: `extends: []\nrules:\n  - id: team.ip\n    kind: ip\n    severity: warning\n    message: "address {value}"\n    rationale: r\noverrides:\n  team.ip:\n    allow: [172.16.0.0/12]\n`,
      });
      assert.deepStrictEqual(problems, []);
      const text = 'a = "172.20.1.5"\nb = "8.8.4.4"\n';
      const { findings } = await scanDocument(rulebook, { path: 'a.py', text });
      assert.deepStrictEqual(findings.map((f) => f.message), ['address 8.8.4.4']);
    });
  });

  describe('per-path sections', function () {
    const files = {
      [RULEBOOK]: `overrides:\n  c.banned.gets: { severity: warning }\npaths:\n  "vendor/**":\n    disable: [all]\n  "vendor/ours/**":\n    enable: [c.banned.*]\n  "src/legacy/**":\n    severity: info\n  "src/legacy/critical/**":\n    overrides:\n      c.banned.gets: { severity: error }\n`,
    };

    it('disable all under vendor/, with a later section turning a rule back on', async function () {
      const { rulebook, problems } = await loadWorkspace(files);
      assert.deepStrictEqual(problems, []);
      assert.deepStrictEqual(severities(rulebook, 'vendor/zlib/inflate.c'), {});
      // Back on, at what the rule means in vendored code (info): the section turned it on without a severity.
      assert.strictEqual(severityOf(rulebook, 'vendor/ours/x.c', 'c.banned.gets'), 'info');
      assert.ok(Object.keys(severities(rulebook, 'vendor/ours/x.c')).every((id) => id.startsWith('c.banned.')), 'only c.banned.* is back on');
    });

    it('applies after top-level overrides, in order, a section\'s overrides after its severity', async function () {
      const { rulebook } = await loadWorkspace(files);
      assert.strictEqual(severityOf(rulebook, 'src/main.c', 'c.banned.gets'), 'warning');
      assert.strictEqual(severityOf(rulebook, 'src/legacy/old.c', 'c.banned.gets'), 'info');
      assert.ok(Object.values(severities(rulebook, 'src/legacy/old.c')).every((s) => s === 'info'), 'every rule is info in legacy code');
      assert.strictEqual(severityOf(rulebook, 'src/legacy/critical/auth.c', 'c.banned.gets'), 'error');
    });

    it('shows up in scans: no findings in vendor/, info in legacy', async function () {
      const { rulebook } = await loadWorkspace(files);
      const text = 'void f(char *b) { gets(b); }';
      assert.deepStrictEqual((await scanDocument(rulebook, { path: 'vendor/lib/a.c', text })).findings, []);
      const legacy = await scanDocument(rulebook, { path: 'src/legacy/a.c', text });
      assert.deepStrictEqual(legacy.findings.map((f) => f.severity), ['info']);
    });
  });
});
