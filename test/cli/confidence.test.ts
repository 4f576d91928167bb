/**
 * Confidence on the real CLI: every secret finding carries high, medium or low with its reasons (JSON, SARIF,
 * `rulebook explain FILE`); a low-confidence finding that does not gate is left out unless `--show-low-confidence`
 * asks for it, and never fails a scan; `review.require_confidence` decides which confidences gate.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import type * as Sarif from 'sarif';
import { runCli, tempWorkspace } from './run-cli';

/** A strong name with a mixed value (medium), a short name with a word (low), a provider token (high). */
const SOURCE = [
  'DB_PASSWORD = "harbor20tundra"',
  'pw = "orbital"',
  'GITHUB = "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"',
  '',
].join('\n');

interface JsonFinding {
  ruleId: string;
  start: { line: number };
  confidence?: string;
  confidenceReasons?: string[];
  gating: boolean;
  message: string;
}

describe('confidence in the CLI', function () {
  this.timeout(60000);

  it('hides low-confidence findings that do not gate, says how many, and shows them with --show-low-confidence', async function () {
    const ws = await tempWorkspace({ 'app/settings.py': SOURCE });
    try {
      const hidden = runCli(['scan', '--format', 'json'], ws.dir);
      const shown = JSON.parse(hidden.stdout) as { findings: JsonFinding[] };
      assert.deepStrictEqual(
        shown.findings.map((f) => [f.start.line, f.confidence, f.gating]),
        [
          [1, 'medium', true],
          [3, 'high', true],
        ],
      );
      assert.match(hidden.stderr, /1 low-confidence not shown \(--show-low-confidence\)/);
      const all = runCli(['scan', '--format', 'json', '--show-low-confidence'], ws.dir);
      const everything = JSON.parse(all.stdout) as { findings: JsonFinding[] };
      const low = everything.findings.find((f) => f.start.line === 2);
      assert.ok(low, 'the low-confidence finding is reported when asked for');
      assert.strictEqual(low.confidence, 'low');
      assert.strictEqual(low.gating, false);
      assert.deepStrictEqual(low.confidenceReasons, ['+ the name is a short or ambiguous form (pass, pw, token…)', '· the value reads like a word']);
      assert.strictEqual(all.code, hidden.code, 'showing low-confidence findings never changes the exit code');
      const text = runCli(['scan', '--show-low-confidence'], ws.dir);
      assert.match(text.stdout, /^app\/settings\.py:2:\d+: error: .*\[secret\.hardcoded-password\] \(low confidence\)$/m);
    } finally {
      await ws.cleanup();
    }
  });

  it('review.require_confidence decides which confidences gate', async function () {
    const ws = await tempWorkspace({ 'app/settings.py': 'pw = "orbital"\n' });
    try {
      assert.strictEqual(runCli(['scan'], ws.dir).code, 0, 'a low-confidence finding does not gate by default');
      await fs.mkdir(path.join(ws.dir, '.secure-coding'));
      await fs.writeFile(path.join(ws.dir, '.secure-coding/rulebook.yaml'), 'review:\n  require_confidence: [high, medium, low]\n');
      const gated = runCli(['scan'], ws.dir);
      assert.strictEqual(gated.code, 1, 'with low listed it gates, and shows without asking');
      assert.match(gated.stdout, /\[secret\.hardcoded-password\] \(low confidence\)/);
      const verify = runCli(['review', 'verify'], ws.dir);
      assert.match(verify.stderr, /review: 1 finding needs a sign-off \(severity error, warning; secrets of confidence high, medium, low\)/);
    } finally {
      await ws.cleanup();
    }
  });

  it('SARIF ranks results by confidence and gives the reasons in properties', async function () {
    const ws = await tempWorkspace({ 'app/settings.py': SOURCE });
    try {
      const log = JSON.parse(runCli(['scan', '--format', 'sarif', '--show-low-confidence'], ws.dir).stdout) as Sarif.Log;
      const byLine = new Map(log.runs[0].results!.map((r) => [r.locations![0].physicalLocation!.region!.startLine, r]));
      assert.strictEqual(byLine.get(3)!.rank, 90);
      assert.strictEqual(byLine.get(1)!.rank, 60);
      assert.strictEqual(byLine.get(2)!.rank, 30);
      assert.strictEqual(byLine.get(1)!.properties!.confidence, 'medium');
      assert.ok((byLine.get(1)!.properties!.confidenceReasons as string[]).some((r) => r.includes('a name that says what it is')));
    } finally {
      await ws.cleanup();
    }
  });

  it('rulebook explain FILE lists the findings with their confidence and why, values masked', async function () {
    const ws = await tempWorkspace({ 'app/settings.py': SOURCE });
    try {
      const text = runCli(['explain', 'app/settings.py'], ws.dir);
      assert.strictEqual(text.code, 0, text.stderr);
      assert.match(text.stdout, /^findings \(3\):$/m);
      assert.match(text.stdout, /^ {2}2:\d+ {2}secret\.hardcoded-password {2}error, low confidence \(does not gate; hidden unless --show-low-confidence\)\n {6}\+ the name is a short or ambiguous form/m);
      assert.match(text.stdout, /^ {2}3:\d+ {2}secret\.github-token {2}error, high confidence \(gates\)\n {6}\+ the value has its provider's own token format/m);
      assert.ok(!text.stdout.includes("harbor20tundra") && !text.stdout.includes('F4iGbkYfRYrF9'), 'no value printed');
      const json = JSON.parse(runCli(['explain', 'app/settings.py', '--format', 'json'], ws.dir).stdout) as { findings: { line: number; confidence: string; hiddenByDefault: boolean }[] };
      assert.deepStrictEqual(
        json.findings.map((f) => [f.line, f.confidence, f.hiddenByDefault]),
        [
          [1, 'medium', false],
          [2, 'low', true],
          [3, 'high', false],
        ],
      );
    } finally {
      await ws.cleanup();
    }
  });
});
