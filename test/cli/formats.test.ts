/** The shapes of the JSON and SARIF outputs, on the flagged token, with suppressions kept. */
import * as assert from 'assert';
import type * as Sarif from 'sarif';
import { runCli, tempWorkspace } from './run-cli';

const SOURCE = [
  'void f(char *b) {',
  '  gets(b);',
  '  // secure-coding-ignore c.banned.gets: b holds a fixed test vector',
  '  gets(b);',
  '}',
  '',
].join('\n');

describe('output formats', function () {
  this.timeout(60000);
  let ws: { dir: string; cleanup: () => Promise<void> };

  before(async function () {
    ws = await tempWorkspace({ 'src/io.c': SOURCE });
  });
  after(async function () {
    await ws.cleanup();
  });

  it('writes SARIF 2.1.0 with rule help, CWE tags, token regions, fingerprints and inSource suppressions', function () {
    const run = runCli(['scan', '--format', 'sarif'], ws.dir);
    assert.strictEqual(run.code, 1, run.stderr);
    const log = JSON.parse(run.stdout) as Sarif.Log;
    assert.strictEqual(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /sarif-2\.1\.0/);
    const sarifRun = log.runs[0];
    const rule = sarifRun.tool.driver.rules?.find((r) => r.id === 'c.banned.gets');
    assert.ok(rule, 'the rule is described in tool.driver.rules');
    assert.ok(rule.help?.text && rule.fullDescription?.text, 'help text');
    assert.strictEqual(rule.helpUri, 'https://cwe.mitre.org/data/definitions/242.html');
    assert.ok((rule.properties?.tags as string[]).includes('external/cwe/cwe-242'));
    assert.strictEqual(rule.defaultConfiguration?.level, 'error');
    const results = sarifRun.results ?? [];
    assert.strictEqual(results.length, 2);
    const [open, suppressed] = results;
    assert.deepStrictEqual(open.locations?.[0].physicalLocation?.region, { startLine: 2, startColumn: 3, endLine: 2, endColumn: 7 });
    assert.strictEqual(open.locations?.[0].physicalLocation?.artifactLocation?.uri, 'src/io.c');
    assert.strictEqual(open.suppressions, undefined);
    assert.match(open.partialFingerprints?.['rulebookFingerprint/v1'] ?? '', /^[0-9a-f]{32}$/);
    assert.notStrictEqual(open.partialFingerprints?.['rulebookFingerprint/v1'], suppressed.partialFingerprints?.['rulebookFingerprint/v1']);
    assert.deepStrictEqual(suppressed.suppressions, [{ kind: 'inSource', justification: 'b holds a fixed test vector' }]);
    assert.strictEqual(sarifRun.tool.driver.rules?.[open.ruleIndex ?? -1]?.id, 'c.banned.gets');
  });

  it('writes JSON with one-based positions and the suppression reason', function () {
    const run = runCli(['scan', '--format', 'json'], ws.dir);
    const report = JSON.parse(run.stdout) as { findings: { start: { line: number; column: number }; suppression?: { reason: string } }[] };
    assert.deepStrictEqual(report.findings.map((f) => [f.start.line, f.start.column, f.suppression?.reason]), [
      [2, 3, undefined],
      [4, 3, 'b holds a fixed test vector'],
    ]);
  });

  it('hides suppressed findings from text unless asked, and writes to --output', function () {
    const text = runCli(['scan'], ws.dir);
    assert.strictEqual(text.stdout.trim().split('\n').length, 1);
    assert.match(text.stderr, /1 suppressed inline/);
    const shown = runCli(['scan', '--show-suppressed'], ws.dir);
    assert.match(shown.stdout, /src\/io\.c:4:3: .*\(suppressed: b holds a fixed test vector\)/);
    const toFile = runCli(['scan', '--format', 'sarif', '--output', 'out.sarif'], ws.dir);
    assert.strictEqual(toFile.stdout, '');
  });

  it('prints Japanese messages with --lang ja', function () {
    const run = runCli(['scan', '--lang', 'ja'], ws.dir);
    assert.match(run.stdout, /`gets` は使用禁止です/);
  });
});
