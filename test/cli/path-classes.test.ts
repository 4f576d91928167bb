/**
 * Gating and path classes on the real CLI: what fails a scan (a gating finding — its severity is one
 * `review.require` lists — that is neither suppressed nor approved), the same rule for `review verify`, and how a
 * finding in tests, docs or vendored code shows in text, JSON and SARIF (vendored code in a run of its own category).
 */
import * as assert from 'assert';
import type * as Sarif from 'sarif';
import { runCli, tempWorkspace } from './run-cli';

const C_SOURCE = 'void f(char *d, const char *s) { strcpy(d, s); }\n';
// A token whose checksum holds: one that fails it in test code is of low confidence, hidden unless asked for.
const TOKEN = 'const token = "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";\n';

describe('gating and path classes in the CLI', function () {
  this.timeout(60000);

  it('a scan with findings only in tests and vendored code reports them and exits 0', async function () {
    const ws = await tempWorkspace({ 'vendor/zlib/copy.c': C_SOURCE, 'test/fixtures/ci.js': TOKEN });
    try {
      const run = runCli(['scan'], ws.dir);
      assert.strictEqual(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /^test\/fixtures\/ci\.js:1:\d+: info: .* \[secret\.github-token\] \(test code\)$/m);
      assert.match(run.stdout, /^vendor\/zlib\/copy\.c:1:\d+: info: .* \[c\.banned\.strcpy\] \(vendored\)$/m);
      assert.match(run.stderr, /2 findings \(0 error, 0 warning, 2 info; 0 gating\), 2 files scanned, 1 in vendored code/);
    } finally {
      await ws.cleanup();
    }
  });

  it('the same finding in product code gates: exit 1', async function () {
    const ws = await tempWorkspace({ 'src/copy.c': C_SOURCE, 'vendor/zlib/copy.c': C_SOURCE });
    try {
      const run = runCli(['scan'], ws.dir);
      assert.strictEqual(run.code, 1);
      assert.match(run.stderr, /2 findings \(1 error, 0 warning, 1 info; 1 gating\)/);
    } finally {
      await ws.cleanup();
    }
  });

  it('review.require decides what gates, for scan and review verify alike', async function () {
    const ws = await tempWorkspace({
      'src/copy.c': 'void f(char *d, const char *s, unsigned n) { strncpy(d, s, n); }\n',
      '.secure-coding/rulebook.yaml': 'review:\n  require: [error]\n',
    });
    try {
      const scan = runCli(['scan'], ws.dir);
      assert.match(scan.stdout, /warning: .*\[c\.risky\.strncpy\]/);
      assert.strictEqual(scan.code, 0, 'a warning does not gate when only errors need a sign-off');
      const verify = runCli(['review', 'verify'], ws.dir);
      assert.strictEqual(verify.code, 0, verify.stdout + verify.stderr);
      assert.match(verify.stderr, /review: 0 findings need a sign-off/);
    } finally {
      await ws.cleanup();
    }
  });

  it('JSON says each finding\'s class and whether it gates; SARIF puts vendored code in its own category', async function () {
    const ws = await tempWorkspace({ 'src/copy.c': C_SOURCE, 'third_party/lib/copy.c': C_SOURCE, 'docs/example.c': C_SOURCE });
    try {
      const json = JSON.parse(runCli(['scan', '--format', 'json'], ws.dir).stdout) as { findings: { path: string; severity: string; pathClass: string; gating: boolean }[] };
      assert.deepStrictEqual(
        json.findings.map((f) => [f.path, f.severity, f.pathClass, f.gating]),
        [
          ['docs/example.c', 'info', 'docs', false],
          ['src/copy.c', 'error', 'product', true],
          ['third_party/lib/copy.c', 'info', 'vendored', false],
        ],
      );
      const log = JSON.parse(runCli(['scan', '--format', 'sarif'], ws.dir).stdout) as Sarif.Log;
      assert.strictEqual(log.runs.length, 2);
      const [main, vendored] = log.runs;
      assert.strictEqual(main.automationDetails, undefined);
      assert.deepStrictEqual(
        main.results?.map((r): unknown[] => [r.locations?.[0].physicalLocation?.artifactLocation?.uri, r.level, r.properties?.pathClass, r.properties?.gating]),
        [
          ['docs/example.c', 'note', 'docs', false],
          ['src/copy.c', 'error', 'product', true],
        ],
      );
      assert.strictEqual(vendored.automationDetails?.id, 'rulebook-vendored/');
      const [result] = vendored.results ?? [];
      assert.strictEqual(vendored.results?.length, 1);
      assert.strictEqual(result.locations?.[0].physicalLocation?.artifactLocation?.uri, 'third_party/lib/copy.c');
      assert.deepStrictEqual(result.properties, { pathClass: 'vendored', gating: false, tags: ['vendored'] });
      assert.strictEqual(vendored.tool.driver.rules?.[result.ruleIndex ?? -1]?.id, 'c.banned.strcpy');
    } finally {
      await ws.cleanup();
    }
  });
});
