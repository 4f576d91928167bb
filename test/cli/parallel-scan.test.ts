/**
 * The parallel scan: the main thread and real worker threads claim files from one shared cursor. Every file must be
 * scanned exactly once, whichever thread takes it, and a worker that loaded other rulebook files than the main
 * thread must stop the scan rather than mix results of two rulebooks.
 */
import * as assert from 'assert';
import * as path from 'path';
import { loadRulebook } from '@secure-coding/server/out/engine';
import { ScanWorkers, scanInParallel } from '@secure-coding/server/out/cli/parallel-scan';
import { tempWorkspace } from './run-cli';

const UNSAFE_C = 'void f(char *b) {\n  gets(b);\n}\n';

describe('parallel scan', function () {
  this.timeout(60000);

  it('scans every file exactly once across the main thread and two workers', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`src/f${i}.c`] = i % 4 === 0 ? UNSAFE_C : 'int x;\n';
    const ws = await tempWorkspace(files);
    try {
      const rulebook = await loadRulebook({ root: ws.dir, checkExamples: false });
      const list = Object.keys(files).map((f) => path.join(ws.dir, f));
      let progress = 0;
      const results = await scanInParallel(list, { rulebook, setup: { load: { root: ws.dir } }, threads: 3, onResult: (_, done) => (progress = done) });
      assert.strictEqual(results.length, 200);
      assert.strictEqual(new Set(results.map((r) => r.path)).size, 200);
      assert.strictEqual(progress, 200);
      assert.strictEqual(results.flatMap((r) => r.findings).length, 50);
    } finally {
      await ws.cleanup();
    }
  });

  it('stops when a worker loaded a different rulebook than the main thread', async () => {
    const ws = await tempWorkspace({
      '.secure-coding/rulebook.yaml': 'disable: [c.banned.gets]\n',
      ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}.c`, UNSAFE_C])),
    });
    try {
      const rulebook = await loadRulebook({ root: ws.dir, checkExamples: false });
      const pool = ScanWorkers.start({ load: { root: ws.dir, rulebookFile: path.join(ws.dir, '.secure-coding/rulebook.yaml') } }, 1)!;
      const list = Array.from({ length: 60 }, (_, i) => path.join(ws.dir, `f${i}.c`));
      await assert.rejects(scanInParallel(list, { rulebook, setup: { load: {} }, pool }), /the rulebook changed while the scan was starting/);
    } finally {
      await ws.cleanup();
    }
  });
});
