/**
 * The CI templates as the CI services run them: the GitHub Action's shell steps (with the environment GitHub gives
 * them on a pull request and on a push) and the GitLab template's script, in a shallow CI-style clone of a real
 * repository. The steps that use other actions (setup-node, cache, upload-sarif) are checked by shape; the CLI
 * build they start is `scripts/build-cli`, which the pre-commit framework test runs for real.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import { accessSync, constants, existsSync, readFileSync, symlinkSync } from 'fs';
import * as path from 'path';
import type * as Sarif from 'sarif';
import { parse } from 'yaml';
import { REPO_ROOT } from '../helpers';
import { ALICE, commitAs, git, removeTempDirs, repoWith, tempDir, writeFile } from './repo';

interface ActionStep {
  name: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as Action;
const gitlab = parse(readFileSync(path.join(REPO_ROOT, 'docs/ci/rulebook.gitlab-ci.yml'), 'utf8')) as Record<string, { variables?: Record<string, string>; script?: string[]; artifacts?: { reports?: Record<string, string> } }>;

/** `${{ inputs.x }}` with the inputs given (else their defaults); any other expression is a test failure. */
function resolve(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
    assert.ok(name in action.inputs, `unknown input ${name}`);
    return inputs[name] ?? action.inputs[name].default;
  });
}

function runStep(step: ActionStep, cwd: string, env: NodeJS.ProcessEnv, inputs: Record<string, string> = {}): { code: number; output: string } {
  const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, resolve(v, inputs)]));
  const result = spawnSync('bash', ['-e', '-c', step.run!], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env, ...stepEnv } });
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` };
}

/** A remote with a legacy finding on main and a branch adding one more; the CI job's shallow clone of the branch. */
function pullRequestCheckout(): { origin: string; checkout: string } {
  const origin = repoWith({ 'src/legacy.c': 'void legacy(char *b) { gets(b); }\n' });
  git(origin, ['checkout', '-q', '-b', 'feature']);
  writeFile(origin, 'src/new.c', 'void add(char *d, const char *s) { strcpy(d, s); }\n');
  commitAs(origin, ALICE, 'feature');
  git(origin, ['checkout', '-q', 'main']);
  const checkout = path.join(tempDir(), 'ci');
  git(path.dirname(checkout), ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${origin}`, checkout]);
  return { origin, checkout };
}

describe('CI templates', function () {
  this.timeout(120_000);
  after(removeTempDirs);

  describe('GitHub Action (action.yml)', function () {
    const steps = action.runs.steps;
    const step = (name: string): ActionStep => steps.find((s) => s.name.toLowerCase().startsWith(name))!;

    it('is a composite action whose shell steps call this repository\'s scripts, with inputs passed through the environment', function () {
      assert.strictEqual(action.runs.using, 'composite');
      for (const s of steps.filter((x) => x.run)) {
        assert.doesNotMatch(s.run!, /\$\{\{/, `step "${s.name}" puts an expression into a script (injection)`);
        const script = /\$GITHUB_ACTION_PATH\/(scripts\/[\w-]+)/.exec(s.run!)?.[1];
        assert.ok(script, `step "${s.name}" runs a script of this repository`);
        accessSync(path.join(REPO_ROOT, script), constants.X_OK);
      }
      assert.match(step('build').run!, /scripts\/build-cli/);
      const upload = step('upload');
      assert.match(upload.uses!, /^github\/codeql-action\/upload-sarif@v\d+$/);
      assert.strictEqual(upload.with!.sarif_file, '${{ inputs.sarif-file }}');
      assert.match(upload.if!, /!cancelled\(\)/, 'the report is uploaded even when the scan finds something');
      assert.ok(steps.indexOf(upload) < steps.indexOf(step('gate')), 'the gate comes after the upload');
      assert.strictEqual(step('restore').with!.path, '~/.cache/secure-coding-rulebook');
    });

    it('on a pull request: uploads every finding with its baseline state and fails on the one the branch adds', function () {
      const { checkout } = pullRequestCheckout();
      const env = { GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main', RUNNER_TEMP: tempDir(), XDG_CACHE_HOME: tempDir() };
      const scan = runStep(step('scan'), checkout, env);
      assert.strictEqual(scan.code, 0, scan.output);
      const log = JSON.parse(readFileSync(path.join(checkout, 'rulebook.sarif'), 'utf8')) as Sarif.Log;
      const results = log.runs[0].results!.map((r) => `${r.locations![0].physicalLocation!.artifactLocation!.uri} ${r.ruleId} ${r.baselineState}`);
      assert.deepStrictEqual(results, ['src/legacy.c c.banned.gets unchanged', 'src/new.c c.banned.strcpy new']);
      const gate = runStep(step('gate'), checkout, env);
      assert.strictEqual(gate.code, 1, gate.output);
      assert.match(gate.output, /findings added since origin\/main/);
      assert.strictEqual(runStep(step('gate'), checkout, env, { gate: 'none' }).code, 0);
      const review = runStep(step('gate'), checkout, env, { gate: 'review' });
      assert.strictEqual(review.code, 1);
      assert.match(review.output, /^src\/new\.c:1 c\.banned\.strcpy: pending$/m);
      assert.doesNotMatch(review.output, /legacy\.c/);
      assert.ok(!existsSync(path.join(checkout, '.cache')), 'nothing is written into the checkout but the report');
    });

    it('on a push: scans the whole tree, and the legacy finding fails the gate', function () {
      const { checkout } = pullRequestCheckout();
      const env = { GITHUB_ACTION_PATH: REPO_ROOT, GITHUB_EVENT_NAME: 'push', RUNNER_TEMP: tempDir(), XDG_CACHE_HOME: tempDir() };
      assert.strictEqual(runStep(step('scan'), checkout, env, { 'sarif-file': 'out.sarif' }).code, 0);
      const log = JSON.parse(readFileSync(path.join(checkout, 'out.sarif'), 'utf8')) as Sarif.Log;
      assert.deepStrictEqual(log.runs[0].results!.map((r) => [r.ruleId, r.baselineState]), [['c.banned.gets', undefined], ['c.banned.strcpy', undefined]]);
      assert.strictEqual(runStep(step('gate'), checkout, env).code, 1);
    });
  });

  describe('GitLab template (docs/ci/rulebook.gitlab-ci.yml)', function () {
    it('publishes a code quality report of what a merge request adds and fails on the gate', function () {
      const job = gitlab['secure-coding-rulebook'];
      assert.strictEqual(job.artifacts!.reports!.codequality, 'gl-code-quality-report.json');
      const script = job.script!;
      const fetchAndBuild = script.findIndex((line) => line.includes('scripts/build-cli'));
      assert.ok(fetchAndBuild > 0 && script.slice(0, fetchAndBuild).some((l) => l.includes('git clone')), 'the job fetches and builds the tool first');

      const { checkout } = pullRequestCheckout();
      const builds = tempDir();
      symlinkSync(REPO_ROOT, path.join(builds, 'rulebook-tool'));
      const variables = { ...gitlab.variables, ...job.variables } as Record<string, string>;
      const env = {
        ...Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v.replace('$CI_PROJECT_DIR', checkout)])),
        CI_BUILDS_DIR: builds,
        CI_PROJECT_DIR: checkout,
        CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main',
        RUNNER_TEMP: tempDir(),
      };
      // The lines after the build, as the runner does: in order, stopping at the first that fails.
      const result = spawnSync('bash', ['-c', `set -e\n${script.slice(fetchAndBuild + 1).join('\n')}`], { cwd: checkout, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env } });
      assert.strictEqual(result.status, 1, `${result.stdout}${result.stderr}`);
      const report = JSON.parse(readFileSync(path.join(checkout, 'gl-code-quality-report.json'), 'utf8')) as { check_name: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
      assert.deepStrictEqual(report.map((i) => [i.location.path, i.location.lines.begin, i.check_name]), [['src/legacy.c', 1, 'c.banned.gets'], ['src/new.c', 1, 'c.banned.strcpy']]);
      assert.ok(report.every((i) => /^[0-9a-f]{32}$/.test(i.fingerprint)), 'each issue has the finding\'s fingerprint');
      assert.ok(existsSync(path.join(checkout, '.cache/secure-coding-rulebook')), 'the scan cache lands where the job caches it');
      const rescan = spawnSync('bash', ['-c', `set -e\n${script.slice(fetchAndBuild + 1).join('\n')}`], { cwd: checkout, encoding: 'utf8', env: { ...process.env, LANG: 'C', ...env } });
      assert.match(rescan.stderr, /2 files scanned \(2 from the cache\)/, 'the job\'s report and cache, untracked in the checkout, are not scanned');
    });
  });
});
