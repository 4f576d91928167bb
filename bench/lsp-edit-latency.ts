/**
 * Edit latency of the language server, measured over its real stdio connection: a 5,000-line C file is opened,
 * then single-line edits are made one after another, and for each the time from sending `didChange` to receiving
 * the `publishDiagnostics` of that version is taken (the server's debounce included). Reports p50/p95/max.
 *
 *   npm run build && node bench/out/lsp-edit-latency.js [--lines 5000] [--edits 300] [--review]
 *
 * With `--review` the file sits in a git repository whose rulebook has a review section, and a reviewer (another
 * author than the file's) has approved ten of its findings: each edit then also computes review states, and
 * authorship is checked for the approved lines (git blame, cached by line).
 *
 * Target (issue 3): p95 ≤ 30 ms.
 */
import { execFileSync, spawn } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { PublishDiagnosticsParams, StreamMessageReader, StreamMessageWriter, createProtocolConnection } from 'vscode-languageserver-protocol/node';

const CLI = path.resolve(__dirname, '../../server/bin/rulebook.js');

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

/** A C file of ordinary functions: loops, calls, strings, comments; every tenth function reads with gets(). */
function cSource(lines: number): string {
  const out = ['#include <stdio.h>', '#include <string.h>', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `/* helper ${i}: formats a name (strcpy is only mentioned in this comment) */`,
      `static int helper_${i}(const char *src, int n) {`,
      '  char buf[64];',
      `  int total = ${i};`,
      '  for (int k = 0; k < n; k++) {',
      `    total += k * ${i % 7} + (int)strlen(src);`,
      '  }',
      i % 10 === 0 ? '  gets(buf);' : '  snprintf(buf, sizeof buf, "%s-%d", src, total);',
      `  printf("helper ${i}: %s\\n", buf);`,
      '  return total;',
      '}',
      '',
    );
  }
  return `${out.slice(0, lines).join('\n')}\n`;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** CPU time (user + system) the process has used, in milliseconds: a measure the machine's other load does not inflate. */
async function cpuMsOf(pid: number): Promise<number | undefined> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? (ticks * 1000) / 100 : undefined;
}

async function rssOf(pid: number): Promise<number | undefined> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : undefined;
}

/** A git repository with a review section and ten approvals by a reviewer who did not write the file. */
async function setUpReviews(root: string, text: string): Promise<void> {
  const run = (command: string, args: string[]): string => execFileSync(command, args, { cwd: root, encoding: 'utf8' });
  run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'bob@example.com', '-f', path.join(root, 'bob')]);
  const key = (await fs.readFile(path.join(root, 'bob.pub'), 'utf8')).trim();
  await fs.mkdir(path.join(root, '.secure-coding'));
  await fs.writeFile(path.join(root, '.secure-coding/rulebook.yaml'), `name: bench\nreview:\n  reviewers:\n    - { id: bob, name: Bob Sato, email: bob@example.com, key: "${key}" }\n`);
  await fs.writeFile(path.join(root, '.gitignore'), 'bob\nbob.pub\n');
  run('git', ['init', '-q']);
  run('git', ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', 'add', '-A']);
  run('git', ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'bench']);
  run('git', ['config', 'user.email', 'carol@example.com']);
  const flagged = text.split('\n').map((l, i) => (l.includes('gets(buf)') ? i + 1 : 0)).filter((n) => n > 0).slice(0, 10);
  for (const line of flagged) run(process.execPath, [CLI, 'review', 'approve', `big.c:${line}`, '--as', 'bob', '--key', path.join(root, 'bob'), '--reason', 'bench']);
}

async function main(): Promise<void> {
  const lineCount = option('lines', 5000);
  const editCount = option('edits', 300);
  const withReviews = process.argv.includes('--review');
  const root = await fs.mkdtemp(path.join(os.tmpdir(), 'lsp-bench-'));
  const file = path.join(root, 'big.c');
  const text = cSource(lineCount);
  await fs.writeFile(file, text);
  if (withReviews) await setUpReviews(root, text);
  const uri = pathToFileURL(file).href;

  const child = spawn(process.execPath, [CLI, 'lsp', '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map<number, (p: PublishDiagnosticsParams) => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    if (p.uri === uri && p.version !== undefined) waiting.get(p.version)?.(p);
  });
  connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  const rootUri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', { processId: process.pid, rootUri, workspaceFolders: [{ uri: rootUri, name: 'bench' }], capabilities: { workspace: { configuration: true } } });
  await connection.sendNotification('initialized', {});

  const published = (version: number): Promise<PublishDiagnosticsParams> => new Promise((resolve) => waiting.set(version, resolve));
  let start = performance.now();
  const opened = published(1);
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'c', version: 1, text } });
  const first = await opened;
  const openMs = performance.now() - start;
  const rssAfterOpen = await rssOf(child.pid!);

  // Edits across the file: rewrite a statement line, alternately adding and removing a flagged call.
  const lines = text.split('\n');
  const statementLines = lines.map((l, i) => (l.startsWith('  int total = ') ? i : -1)).filter((i) => i >= 0);
  const latencies: number[] = [];
  let findings = first.diagnostics.length;
  let finalDiagnostics = first.diagnostics;
  const cpuBefore = await cpuMsOf(child.pid!);
  for (let version = 2; version < editCount + 2; version++) {
    // Pairs of edits on one line: the first adds a flagged call, the second takes it out again.
    const line = statementLines[(Math.floor(version / 2) * 7919) % statementLines.length];
    const flagged = version % 2 === 0;
    const newText = flagged ? `  int total = 0; gets(buf);` : `  int total = ${version};`;
    const oldLength = lines[line].length;
    lines[line] = newText;
    const result = published(version);
    start = performance.now();
    await connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: oldLength } }, text: newText }],
    });
    const diagnostics = await result;
    latencies.push(performance.now() - start);
    waiting.delete(version);
    findings = diagnostics.diagnostics.length;
    finalDiagnostics = diagnostics.diagnostics;
  }
  const cpuAfter = await cpuMsOf(child.pid!);
  const rssAfterEdits = await rssOf(child.pid!);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  await fs.rm(root, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (n: number): string => `${n.toFixed(1)} ms`;
  const report = {
    file: `${lineCount} lines, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB of C${withReviews ? ', review section, 10 approvals' : ''}`,
    approvedAtEnd: withReviews ? finalDiagnostics.filter((d) => d.severity === 4).length : 'n/a',
    open: ms(openMs),
    edits: latencies.length,
    p50: ms(percentile(sorted, 50)),
    p95: ms(percentile(sorted, 95)),
    max: ms(sorted[sorted.length - 1]),
    serverCpuPerEdit: cpuBefore !== undefined && cpuAfter !== undefined ? ms((cpuAfter - cpuBefore) / latencies.length) : 'n/a',
    findingsAtEnd: findings,
    serverRss: rssAfterOpen && rssAfterEdits ? `${rssAfterOpen.toFixed(0)} MiB after open, ${rssAfterEdits.toFixed(0)} MiB after edits` : 'n/a',
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}`,
    loadAverage: os.loadavg().map((n) => n.toFixed(2)).join(' '),
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`p95 ${percentile(sorted, 95) <= 30 ? 'meets' : 'MISSES'} the 30 ms target\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
