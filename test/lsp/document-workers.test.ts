/**
 * The language server's document workers, driven directly: scans in a worker thread (incrementally, edit after
 * edit), a scan stopped on request or by its time budget, a quick fix worked out on the worker's tree, and a
 * workspace file scanned in the bulk lane.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeEdit, diskReader, loadRulebook } from '@secure-coding/server';
import { DocumentWorkers } from '@secure-coding/server/out/lsp/document-workers';
import { RulebookSource, recordingReader } from '@secure-coding/server/out/lsp/rulebook-source';

const GETS = 'int main(void) {\n  char b[8];\n  gets(b);\n  return 0;\n}\n';

function table(rows: number): string {
  return `static const char *names[] = {\n${Array.from({ length: rows }, (_, i) => `  "name_${i}", "10.0.${i % 250}.${(i >> 8) % 250}",`).join('\n')}\n};\n`;
}

describe('document workers', function () {
  this.timeout(120_000);
  let workers: DocumentWorkers;
  let source: RulebookSource;
  let dir: string;

  before(async () => {
    dir = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'document-workers-')));
    const recording = recordingReader(diskReader);
    const key = { file: path.join(dir, '.secure-coding/rulebook.yaml'), root: dir, trusted: true };
    await loadRulebook({ rulebookFile: key.file, root: key.root, reader: recording.reader });
    source = recording.source(key);
    workers = new DocumentWorkers(() => undefined);
  });

  after(async () => {
    await workers.dispose();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const request = (uri: string, version: number, text: string, extra: { edits?: ReturnType<typeof describeEdit>[]; budgetMs?: number } = {}) => ({
    uri,
    version,
    path: 'src/f.c',
    languageId: 'c' as const,
    text,
    edits: extra.edits ?? [],
    rulebook: source,
    ruleIds: ['c.banned.gets', 'network.hardcoded-ip'],
    budgetMs: extra.budgetMs ?? 0,
  });

  it('scans a document, then its edited text from the edits, and works out a fix on its tree', async function () {
    const first = await workers.scan(request('file:///f.c', 1, GETS));
    assert.strictEqual(first.type, 'scanned');
    assert.deepStrictEqual(first.type === 'scanned' && first.findings.map((f) => [f.ruleId, f.range.start.line]), [['c.banned.gets', 2]]);
    const at = GETS.indexOf('return');
    const edited = `${GETS.slice(0, at)}gets(b);\n  ${GETS.slice(at)}`;
    const second = await workers.scan(request('file:///f.c', 2, edited, { edits: [describeEdit(GETS, at, at, 'gets(b);\n  ')] }));
    assert.deepStrictEqual(second.type === 'scanned' && second.findings.map((f) => f.range.start.line), [2, 3]);
    const name = edited.indexOf('gets');
    const fix = await workers.fix('file:///f.c', 2, name, name + 4);
    assert.strictEqual(fix?.kind, 'fgets');
    assert.strictEqual(await workers.fix('file:///f.c', 1, name, name + 4), undefined, 'no fix from a tree of another version');
  });

  it('stops a scan when asked, and when it goes over its time budget', async function () {
    const big = table(60000);
    const cancelled = workers.scan(request('file:///big.c', 1, big));
    workers.cancel('file:///big.c');
    const stopped = await cancelled;
    assert.deepStrictEqual(stopped.type === 'stopped' && stopped.reason, 'cancelled');
    const budgeted = await workers.scan(request('file:///big.c', 2, big, { budgetMs: 1 }));
    assert.deepStrictEqual(budgeted.type === 'stopped' && budgeted.reason, 'time-budget');
    // The lane goes on: the next scan of the same document starts afresh and finishes.
    const done = await workers.scan(request('file:///big.c', 3, `${GETS}${table(10)}`));
    assert.ok(done.type === 'scanned' && done.findings.some((f) => f.ruleId === 'c.banned.gets'));
  });

  it('scans a closed file in the bulk lane, which ends on request', async function () {
    const file = path.join(dir, 'src/closed.c');
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, GETS);
    const scan = await workers.scanFile(file, source);
    assert.deepStrictEqual(scan.findings.map((f) => [f.path, f.ruleId]), [['src/closed.c', 'c.banned.gets']]);
    await workers.endBulk();
    assert.strictEqual((await workers.scanFile(file, source)).findings.length, 1, 'a new bulk worker starts when needed');
  });
});
