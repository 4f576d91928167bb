/** The `rulebook scan` command end to end: exit codes, .gitignore, skipped files, formats. */
import * as assert from 'assert';
import { runCli, tempWorkspace } from './run-cli';

const UNSAFE_C = 'void f(char *b) {\n  gets(b);\n}\n';
const SAFE_C = '/* gets(b) is gone */\nvoid f(char *b) { fgets(b, 10, stdin); }\n';

describe('rulebook scan', function () {
  this.timeout(60000);

  it('exits 0 without findings, 1 with findings, and prints compiler-style lines', async function () {
    const ws = await tempWorkspace({ 'src/ok.c': SAFE_C, 'src/bad.c': UNSAFE_C });
    try {
      const clean = runCli(['scan', 'src/ok.c'], ws.dir);
      assert.strictEqual(clean.code, 0, clean.stderr);
      assert.strictEqual(clean.stdout, '');
      const dirty = runCli(['scan', 'src'], ws.dir);
      assert.strictEqual(dirty.code, 1, dirty.stderr);
      assert.match(dirty.stdout, /^src\/bad\.c:2:3: error: `gets` is banned: .* \[c\.banned\.gets\]$/m);
      assert.match(dirty.stderr, /1 finding \(1 error, 0 warning, 0 info; 1 gating\), 2 files scanned/);
      assert.strictEqual(runCli(['scan', 'src', '--exit-zero'], ws.dir).code, 0);
    } finally {
      await ws.cleanup();
    }
  });

  it('exits 2 on usage errors and on a broken rulebook', async function () {
    const ws = await tempWorkspace({ 'a.c': UNSAFE_C, '.secure-coding/rulebook.yaml': 'rules:\n  - id: acme.x\n    kind: call\n    severity: fatal\n' });
    try {
      assert.strictEqual(runCli(['scan', '--format', 'xml'], ws.dir).code, 2);
      assert.strictEqual(runCli(['scan', 'no-such-dir'], ws.dir).code, 2);
      assert.strictEqual(runCli(['frobnicate'], ws.dir).code, 2);
      const broken = runCli(['scan', 'a.c'], ws.dir);
      assert.strictEqual(broken.code, 2);
      assert.match(broken.stderr, /rulebook\.yaml:4:15: error: `severity` must be one of "error", "warning", "info"/);
    } finally {
      await ws.cleanup();
    }
  });

  it('honours .gitignore (nested ones too) but scans an ignored file named explicitly', async function () {
    const ws = await tempWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n',
      'build/gen.c': UNSAFE_C,
      'src/.gitignore': 'vendored.c\n',
      'src/vendored.c': UNSAFE_C,
      'src/main.c': UNSAFE_C,
    });
    try {
      const run = runCli(['scan', '--format', 'json'], ws.dir);
      const report = JSON.parse(run.stdout) as { findings: { path: string }[] };
      assert.deepStrictEqual(report.findings.map((f) => f.path), ['src/main.c']);
      const sub = runCli(['scan', 'src', '--format', 'json'], ws.dir);
      assert.deepStrictEqual((JSON.parse(sub.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path), ['src/main.c']);
      const explicit = runCli(['scan', 'build/gen.c', '--format', 'json'], ws.dir);
      assert.deepStrictEqual((JSON.parse(explicit.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path), ['build/gen.c']);
    } finally {
      await ws.cleanup();
    }
  });

  it('skips binary, minified and oversized files with a note instead of failing', async function () {
    const ws = await tempWorkspace({
      'blob.c': Buffer.concat([Buffer.from('gets(b);'), Buffer.from([0, 1, 2, 3])]),
      'app.min.js': `var a=${'1+'.repeat(30000)}1;`,
      'big.c': `${'int x;\n'.repeat(12000)}gets(b);\n`,
      '.secure-coding/rulebook.yaml': 'settings:\n  max_file_size: 70000\n',
    });
    try {
      const run = runCli(['scan'], ws.dir);
      assert.strictEqual(run.code, 0, run.stdout + run.stderr);
      assert.match(run.stderr, /app\.min\.js: note: skipped: a line of 60008 characters/);
      assert.match(run.stderr, /blob\.c: note: skipped: binary content/);
      assert.match(run.stderr, /big\.c: note: skipped: 84009 bytes is over the 70000-byte limit/);
      const json = JSON.parse(runCli(['scan', '--format', 'json'], ws.dir).stdout) as { skipped: { path: string; reason: string }[] };
      assert.deepStrictEqual(json.skipped.map((s) => [s.path, s.reason]), [['app.min.js', 'minified'], ['big.c', 'too-large'], ['blob.c', 'binary']]);
    } finally {
      await ws.cleanup();
    }
  });

  it('skips a file that goes over the time budget with a note, and scans the others', async function () {
    // A generated table of string literals, 10 MB: linear to scan, but seconds of work, far over the budget here.
    const table = `static const char *names[] = {\n${Array.from({ length: 500000 }, (_, i) => `  "password_${i}",`).join('\n')}\n};\n`;
    const ws = await tempWorkspace({
      'gen/table.c': table,
      'src/bad.c': UNSAFE_C,
      '.secure-coding/rulebook.yaml': 'settings:\n  max_scan_seconds: 0.5\n  max_file_size: 20000000\n',
    });
    try {
      const run = runCli(['scan', '--jobs', '0'], ws.dir);
      assert.strictEqual(run.code, 1, run.stdout + run.stderr);
      assert.match(run.stdout, /^src\/bad\.c:2:3: error: `gets` is banned/m);
      assert.match(run.stderr, /gen\/table\.c: note: skipped: scanning it took longer than 0\.5 s \(settings\.max_scan_seconds\)/);
      const sarif = JSON.parse(runCli(['scan', '--format', 'sarif', '--jobs', '2'], ws.dir).stdout) as {
        runs: { invocations: { toolExecutionNotifications?: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] }[];
      };
      const notes = sarif.runs[0].invocations[0].toolExecutionNotifications ?? [];
      assert.deepStrictEqual(notes.map((n) => n.locations[0].physicalLocation.artifactLocation.uri), ['gen/table.c']);
      assert.match(notes[0].message.text, /took longer than/);
    } finally {
      await ws.cleanup();
    }
  });

  it('scans in worker threads with the same results as on the main thread', async function () {
    const files: Record<string, string> = {};
    for (let i = 0; i < 120; i++) files[`src/f${i}.c`] = i % 3 === 0 ? UNSAFE_C : SAFE_C;
    const ws = await tempWorkspace(files);
    try {
      const parallel = runCli(['scan', '--format', 'json', '--jobs', '2'], ws.dir);
      const serial = runCli(['scan', '--format', 'json', '--jobs', '0'], ws.dir);
      const paths = (run: { stdout: string }): string[] => (JSON.parse(run.stdout) as { findings: { path: string }[] }).findings.map((f) => f.path);
      assert.strictEqual(paths(parallel).length, 40);
      assert.deepStrictEqual(paths(parallel), paths(serial));
    } finally {
      await ws.cleanup();
    }
  });
});
