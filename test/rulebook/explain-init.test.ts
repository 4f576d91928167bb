/**
 * `rulebook explain` (the effective rulebook, and per file: what applies, where each setting came from, why not)
 * and `rulebook init` (a starter rulebook that loads with zero problems, in English and Japanese), on the real CLI.
 */
import * as assert from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { loadRulebook } from '@secure-coding/server';
import { starterRulebook } from '@secure-coding/server/out/engine/rulebook/starter';
import { RULEBOOK, loadWorkspace, removeWorkspaces, runCli, workspace } from './workspace';

const ORG = `extends: [builtin:default]
rules:
  - id: org.python-pickle
    kind: pattern
    languages: [python]
    regex: pickle\\.loads?\\(
    severity: error
    message: m
    rationale: r
  - id: org.todo
    kind: pattern
    regex: TODO_SECURITY
    scope: comment
    severity: info
    message: m
    rationale: r
    paths: { exclude: ["docs/**"] }
disable: [org.todo]
`;

const TEAM = `extends: [../org]
enable: [org.todo]
overrides:
  c.banned.*:
    severity: warning
paths:
  "vendor/**":
    disable: [all]
  "src/legacy/**":
    severity: info
`;

describe('rulebook explain', function () {
  after(removeWorkspaces);

  it('traces every setting of a rule for a file, in the order they applied, with file and line', async function () {
    const { rulebook } = await loadWorkspace({ [RULEBOOK]: TEAM, 'org/rulebook.yaml': ORG });
    const decision = rulebook.explain('src/legacy/a.c', 'c').find((d) => d.compiled.rule.id === 'c.banned.gets')!;
    const gets = decision.compiled;
    assert.strictEqual(decision.active?.severity, 'info');
    assert.deepStrictEqual(
      decision.trail.map((s) => `${s.setting}=${s.value} ${s.via} @${path.basename(path.dirname(s.from))}/${path.basename(s.from)}`),
      [
        `severity=error the rule @${path.basename(path.dirname(gets.source.file))}/${path.basename(gets.source.file)}:${gets.source.line}`,
        'severity=warning overrides: c.banned.* @.secure-coding/rulebook.yaml:4',
        'severity=info paths: "src/legacy/**" @.secure-coding/rulebook.yaml:9',
      ],
    );
  });

  it('says why a rule does not apply: language, disabled by which entry, path exclude', async function () {
    const { rulebook } = await loadWorkspace({ [RULEBOOK]: TEAM, 'org/rulebook.yaml': ORG });
    const why = (file: string, language: 'c' | 'python' | 'text', id: string): unknown => {
      const d = rulebook.explain(file, language).find((x) => x.compiled.rule.id === id)!;
      if (!d.notApplied) return 'applies';
      if (d.notApplied.reason === 'language') return `language ${d.notApplied.languages.join(',')}`;
      const step = d.notApplied.step;
      return `${d.notApplied.reason}: ${step.via} @${path.basename(step.from)}`;
    };
    assert.strictEqual(why('src/a.c', 'c', 'org.python-pickle'), 'language python');
    assert.strictEqual(why('vendor/x/a.py', 'python', 'org.python-pickle'), 'disabled: paths: "vendor/**" disable: all @rulebook.yaml:7');
    assert.strictEqual(why('docs/notes.txt', 'text', 'org.todo'), 'exclude: the rule @rulebook.yaml:10');
    assert.strictEqual(why('notes.txt', 'text', 'org.todo'), 'applies', 'the team enabled what the organization disabled');
  });

  it('prints the effective rulebook on the command line', function () {
    const dir = workspace({ [RULEBOOK]: TEAM, 'org/rulebook.yaml': ORG });
    const run = runCli(['explain'], dir);
    assert.strictEqual(run.code, 0, run.stderr);
    const lines = run.stdout.split('\n');
    assert.match(lines[0], /^rulebook: \.secure-coding\/rulebook\.yaml, version [0-9a-f]{12}$/);
    assert.match(lines[1], /^files, in the order they apply: builtin:default \(\d+ files?\) → org\/rulebook\.yaml → \.secure-coding\/rulebook\.yaml$/);
    assert.ok(lines.some((l) => /^ {2}c\.banned\.gets +call +warning +builtin:[\w/.-]+\.yaml:\d+ +c, cpp +test: info, docs: info, vendored: info$/.test(l)), run.stdout);
    assert.ok(lines.some((l) => /^ {6}severity: error \(the rule, builtin:[\w/.-]+\.yaml:\d+\) → warning \(overrides: c\.banned\.\*, \.secure-coding\/rulebook\.yaml:4\)$/.test(l)), run.stdout);
    assert.ok(lines.some((l) => /^ {6}enabled: false \(disable: org\.todo, org\/rulebook\.yaml:18\) → true \(enable: org\.todo, \.secure-coding\/rulebook\.yaml:2\)$/.test(l)), run.stdout);
    assert.ok(lines.some((l) => /^ {2}"vendor\/\*\*" +\.secure-coding\/rulebook\.yaml:7 +disable: all$/.test(l)), run.stdout);
  });

  it('explains a file: matching sections, what applies, and why the rest does not', function () {
    const dir = workspace({ [RULEBOOK]: TEAM, 'org/rulebook.yaml': ORG, 'src/main.c': '' });
    const run = runCli(['explain', 'legacy/parser.c'], path.join(dir, 'src'));
    // Run from a subfolder: the file path is taken relative to the current folder, globs from the workspace root.
    assert.strictEqual(run.code, 0, run.stderr);
    assert.match(run.stdout, /^file: src\/legacy\/parser\.c \(language c\)$/m);
    assert.match(run.stdout, /^path sections matching it: "src\/legacy\/\*\*" \(\.\.\/\.secure-coding\/rulebook\.yaml:9\)$/m);
    assert.match(run.stdout, /^applies \(\d+\):$/m);
    assert.match(run.stdout, /^ {2}c\.banned\.gets +call +info /m);
    assert.match(run.stdout, /^ {6}severity: error \(the rule, builtin:[\w/.-]+\.yaml:\d+\) → warning \(overrides: c\.banned\.\*, \.\.\/\.secure-coding\/rulebook\.yaml:4\) → info \(paths: "src\/legacy\/\*\*", \.\.\/\.secure-coding\/rulebook\.yaml:9\)$/m);
    assert.match(run.stdout, /^ {2}org\.python-pickle +language: the rule is for python; this file is c$/m);
  });

  it('has a JSON form', function () {
    const dir = workspace({ [RULEBOOK]: TEAM, 'org/rulebook.yaml': ORG });
    const run = runCli(['explain', 'vendor/lib/a.py', '--format', 'json'], dir);
    assert.strictEqual(run.code, 0, run.stderr);
    const json = JSON.parse(run.stdout) as { file: { path: string; language: string }; rules: { id: string; applies: boolean; reason: { kind: string } | null }[] };
    assert.deepStrictEqual(json.file, {
      path: 'vendor/lib/a.py',
      language: 'python',
      pathClass: 'vendored',
      pathClassReason: '`vendor/`: a folder of third-party code copied in (`vendor/`, `third_party/`, `node_modules/`, `Pods/`…)',
      sections: [{ glob: 'vendor/**', from: '.secure-coding/rulebook.yaml:7' }],
    });
    assert.ok(json.rules.every((r) => !r.applies));
    assert.deepStrictEqual(json.rules.find((r) => r.id === 'org.python-pickle')?.reason?.kind, 'disabled');
  });
});

describe('rulebook init', function () {
  after(removeWorkspaces);

  for (const lang of ['en', 'ja'] as const) {
    it(`writes a starter rulebook (${lang}) that loads with zero problems, its examples passing`, async function () {
      const dir = workspace({});
      const run = runCli(['init', '--lang', lang], dir);
      assert.strictEqual(run.code, 0, run.stderr);
      const file = path.join(dir, RULEBOOK);
      const text = readFileSync(file, 'utf8');
      assert.strictEqual(text, starterRulebook(lang));
      const rulebook = await loadRulebook({ rulebookFile: file });
      assert.deepStrictEqual(rulebook.problems, []);
      assert.ok(rulebook.rule('my-team.internal-host') && rulebook.rule('my-team.python-eval') && rulebook.rule('c.banned.gets'));
      // Every section is explained by a comment right above it.
      for (const key of ['version', 'name', 'extends', 'disable', 'enable', 'overrides', 'path_classes', 'paths', 'rules']) {
        assert.match(text, new RegExp(`#[^\\n]*\\n${key}:`), `no comment above ${key}:`);
      }
      assert.strictEqual(/[\u3040-\u30ff]/.test(text.split('rules:')[0]), lang === 'ja', 'comments in the chosen language');
      const check = runCli(['check'], dir);
      assert.strictEqual(check.code, 0, check.stderr);
      // The rulebook is a file of the repository too: its own comments must not raise findings in the editor.
      const scan = runCli(['scan', '--format', 'json', RULEBOOK], dir);
      assert.strictEqual(scan.code, 0, scan.stdout + scan.stderr);
    });
  }

  it('the starter rules find what they are for', async function () {
    const { rulebook } = await loadWorkspace({ [RULEBOOK]: starterRulebook('en') });
    const { scanDocument } = await import('@secure-coding/server');
    const { findings } = await scanDocument(rulebook, { path: 'app.py', text: 'url = "https://ci.corp.example.com"\nx = eval(data)\n' });
    assert.deepStrictEqual(findings.map((f) => f.ruleId), ['my-team.internal-host', 'my-team.python-eval']);
  });

  it('refuses to overwrite without --force', function () {
    const dir = workspace({ [RULEBOOK]: 'name: ours\n' });
    const run = runCli(['init'], dir);
    assert.strictEqual(run.code, 2);
    assert.match(run.stderr, /\.secure-coding\/rulebook\.yaml already exists; use --force to replace it/);
    assert.strictEqual(readFileSync(path.join(dir, RULEBOOK), 'utf8'), 'name: ours\n');
    const forced = runCli(['init', '--force'], dir);
    assert.strictEqual(forced.code, 0, forced.stderr);
    assert.notStrictEqual(readFileSync(path.join(dir, RULEBOOK), 'utf8'), 'name: ours\n');
  });

  it('writes into --dir', function () {
    const dir = workspace({});
    writeFileSync(path.join(dir, 'marker'), '');
    const run = runCli(['init', '--dir', 'sub/repo'], dir);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.ok(readFileSync(path.join(dir, 'sub/repo', RULEBOOK), 'utf8').startsWith('# '));
  });
});
