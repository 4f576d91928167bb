/**
 * Memory, measured from outside the process (`/proc/PID/status`), for the targets of issue 12:
 *
 *   npm run build && node bench/out/memory.js [--tree DIR] [--runs 3]
 *
 * - the CLI's peak (VmHWM) scanning DIR with the default threads and with one, beside flawfinder's when it is
 *   installed (target: ≤ 200 MB);
 * - the language server after a workspace scan of DIR, once its scan thread has ended (target: ≤ 150 MB), and its
 *   peak during the scan;
 * - an open document: the server's growth when one more large generated file is opened (target: ≤ 20× its size).
 *
 * Without `--tree` the tree measurements are skipped with a note; the document ones always run. Medians of the runs.
 */
import { spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { SHAPES } from './linear/shapes';
import { CLI, memoryOf, startServer } from './lsp-server';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Runs a command to its end, sampling its peak until it exits: the last sample is the peak of the whole run. */
async function peakOf(command: string, args: readonly string[], cwd: string): Promise<number> {
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'ignore', 'ignore'] });
  let peak = 0;
  const exited = new Promise<void>((resolve, reject) => {
    child.on('exit', () => resolve());
    child.on('error', reject);
  });
  let running = true;
  void exited.then(() => (running = false));
  while (running) {
    const memory = await memoryOf(child.pid!);
    if (memory) peak = Math.max(peak, memory.peak);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20))]);
  }
  return peak;
}

async function hasCommand(name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(name, ['--version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('exit', () => resolve(true));
  });
}

/** Waits until the server's memory stops falling (its scan thread ended, its heap collected). */
async function settledRss(pid: number): Promise<number> {
  let last = Infinity;
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rss = (await memoryOf(pid))?.rss ?? 0;
    if (rss >= last - 1) return rss;
    last = rss;
  }
  return last;
}

async function cliMemory(tree: string, runs: number): Promise<Record<string, string>> {
  const report: Record<string, string> = {};
  for (const [label, args] of [
    ['cliPeakDefaultThreads', ['scan', '--exit-zero', '--quiet', '--format', 'json', '.']],
    ['cliPeakOneThread', ['scan', '--exit-zero', '--quiet', '--format', 'json', '--jobs', '1', '.']],
  ] as const) {
    const peaks: number[] = [];
    for (let i = 0; i < runs; i++) peaks.push(await peakOf(process.execPath, [CLI, ...args], tree));
    report[label] = `${median(peaks).toFixed(0)} MiB`;
  }
  if (await hasCommand('flawfinder')) {
    const peaks: number[] = [];
    for (let i = 0; i < runs; i++) peaks.push(await peakOf('flawfinder', ['--quiet', '.'], tree));
    report.flawfinderPeak = `${median(peaks).toFixed(0)} MiB`;
  } else {
    report.flawfinderPeak = 'flawfinder is not installed';
  }
  return report;
}

async function serverAfterWorkspaceScan(tree: string): Promise<Record<string, string>> {
  const server = await startServer(tree, { stderr: 'ignore' });
  const started = Date.now();
  const result = await server.connection.sendRequest<{ files?: number; findings?: number } | null>('workspace/executeCommand', { command: 'secureCodingRulebook.scanWorkspace', arguments: [] });
  const seconds = (Date.now() - started) / 1000;
  const rss = await settledRss(server.pid);
  const peak = (await memoryOf(server.pid))?.peak ?? NaN;
  await server.stop();
  return {
    serverWorkspaceScan: `${seconds.toFixed(1)} s${result?.files !== undefined ? `, ${result.files} files, ${result.findings} findings` : ''}`,
    serverAfterWorkspaceScan: `${rss.toFixed(0)} MiB`,
    serverPeakDuringScan: `${peak.toFixed(0)} MiB`,
  };
}

/**
 * What one more open document costs the server: a first document of the shape is opened (its scan thread has then
 * started, loaded the grammar and grown its memory once), then a second of the same size; the growth is the second's.
 */
async function openDocuments(bytes: number): Promise<Record<string, string>> {
  const report: Record<string, string> = {};
  for (const shape of SHAPES.filter((s) => ['c-many-findings', 'c-string-table', 'yaml-config', 'js-object-literal'].includes(s.name))) {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'memory-bench-'));
    // A budget no loaded machine reaches: the documents are scanned whole, not skipped.
    await fs.mkdir(path.join(root, '.secure-coding'));
    await fs.writeFile(path.join(root, '.secure-coding/rulebook.yaml'), 'settings:\n  max_scan_seconds: 600\n');
    const server = await startServer(root, { stderr: 'ignore' });
    const open = async (name: string, text: string): Promise<PublishDiagnosticsParams> => {
      const uri = pathToFileURL(path.join(root, name)).href;
      const published = server.published(uri);
      await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'plaintext', version: 1, text } });
      return published;
    };
    const text = shape.generate(bytes);
    await open(`first-${shape.file.replace(/\//g, '-')}`, text);
    const before = await settledRss(server.pid);
    const diagnostics = await open(shape.file, `${text}\n`);
    const after = await settledRss(server.pid);
    await server.stop();
    await fs.rm(root, { recursive: true, force: true });
    const size = Buffer.byteLength(text) / 1024 / 1024;
    report[shape.name] = `${size.toFixed(1)} MiB: +${(after - before).toFixed(0)} MiB (${((after - before) / size).toFixed(1)}× its size), ${diagnostics.diagnostics.length} diagnostics; server ${after.toFixed(0)} MiB with two open`;
  }
  return report;
}

async function main(): Promise<void> {
  const tree = option('tree');
  const runs = Number(option('runs') ?? 3);
  const report: Record<string, unknown> = {};
  if (tree) {
    report.tree = path.resolve(tree);
    Object.assign(report, await cliMemory(path.resolve(tree), runs));
    Object.assign(report, await serverAfterWorkspaceScan(path.resolve(tree)));
  } else {
    report.tree = 'skipped: pass --tree DIR (a large C project checked out outside this repository) for the CLI and workspace-scan figures';
  }
  report.openDocuments = await openDocuments(Number(option('bytes') ?? 1_600_000));
  report.cpus = `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`;
  report.loadAverage = os.loadavg().map((n) => n.toFixed(2)).join(' ');
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
