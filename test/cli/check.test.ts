/** `rulebook check` and `rulebook test`: every rulebook problem at once, positioned; fixtures checked. */
import * as assert from 'assert';
import { runCli, tempWorkspace } from './run-cli';

const BROKEN = `version: 1
rules:
  - id: acme.no-system
    kind: call
    severity: error
    message: "no {name}"
    rationale: { en: "shell", ja: "シェル" }
    functions: [system]
    examples:
      bad: ["run(cmd);"]
  - id: acme.bad-regex
    kind: pattern
    severity: warning
    message: "x"
    rationale: "y"
    regex: "(?<=a)b"
  - id: acme.good
    kind: pattern
    severity: info
    message: "TODO found"
    rationale: "leftover"
    regex: "TODO"
    scope: comment
    languages: [c]
    examples:
      bad: ["// TODO: fix"]
      good: ["int TODO_count;"]
overrides:
  acme.nosystem: { severity: warning }
setings: {}
`;

describe('rulebook check and test', function () {
  this.timeout(60000);

  it('reports every problem at once as file:line:col and exits 2', async function () {
    const ws = await tempWorkspace({ '.secure-coding/rulebook.yaml': BROKEN, 'a.c': '// TODO: remove\n' });
    try {
      const run = runCli(['check'], ws.dir);
      assert.strictEqual(run.code, 2);
      const lines = run.stderr.trim().split('\n');
      const rb = '.secure-coding/rulebook.yaml';
      const expect = (re: RegExp): void => assert.ok(lines.some((l) => re.test(l)), `${re} in:\n${run.stderr}`);
      expect(new RegExp(`${rb}:30:1: error: unknown key \`setings\` \\(did you mean \`settings\`\\?\\)`));
      expect(new RegExp(`${rb}:10:13: error: acme.no-system: bad example 1 is not flagged by the rule`));
      expect(new RegExp(`${rb}:16:13: error: acme.bad-regex: look-behind is not supported`));
      expect(new RegExp(`${rb}:29:3: warning: overrides: no rule has the id \`acme.nosystem\` \\(did you mean \`acme.no-system\`\\?\\)`));
      assert.match(run.stdout, /rules from \d+ files?: 3 errors, 1 warning/);
    } finally {
      await ws.cleanup();
    }
  });

  it('scan runs the examples of the workspace\'s own rules too, and stops on one that fails', async function () {
    const ws = await tempWorkspace({ '.secure-coding/rulebook.yaml': BROKEN, 'a.c': '// TODO: remove\n' });
    try {
      const run = runCli(['scan', '.'], ws.dir);
      assert.strictEqual(run.code, 2);
      assert.match(run.stderr, /rulebook\.yaml:10:13: error: acme\.no-system: bad example 1 is not flagged by the rule/);
      assert.match(run.stderr, /the rulebook has errors/);
    } finally {
      await ws.cleanup();
    }
  });

  it('reports a YAML syntax error at its position', async function () {
    const ws = await tempWorkspace({ '.secure-coding/rulebook.yaml': 'rules:\n  - id: a.b\n    kind: [call\n' });
    try {
      const run = runCli(['check'], ws.dir);
      assert.strictEqual(run.code, 2);
      assert.match(run.stderr, /rulebook\.yaml:\d+:\d+: error: YAML: /);
    } finally {
      await ws.cleanup();
    }
  });

  it('runs fixtures and fails on a wrong annotation', async function () {
    const ws = await tempWorkspace({
      'fx/good.fixture.c': '// ruleid: c.banned.gets\ngets(b);\n// ok: c.banned.gets\nfgets(b, 1, f);\n',
      'fx2/bad.fixture.c': '// ok: c.banned.gets\ngets(b);\n',
    });
    try {
      const pass = runCli(['test', 'fx'], ws.dir);
      assert.strictEqual(pass.code, 0, pass.stdout);
      assert.match(pass.stdout, /1 fixtures, 2 annotations checked, 0 failed/);
      const fail = runCli(['test', 'fx2'], ws.dir);
      assert.strictEqual(fail.code, 1);
      assert.match(fail.stdout, /fx2\/bad\.fixture\.c:2: unexpected: line 2 is marked ok but c\.banned\.gets flagged it/);
    } finally {
      await ws.cleanup();
    }
  });
});
