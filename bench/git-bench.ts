/**
 * The git workflow's speed, on real repositories given by path (nothing is fetched):
 *
 * - `scan --staged` on a one-file commit in a large repository (a local clone is made in a temporary folder with the
 *   starter rulebook, one line is added to its median-size and to its largest C file and staged), beside the same command with nothing staged (the floor: Node,
 *   the rulebook, git);
 * - `scan --history` over the last N commits of a repository: commits per second;
 * - a rescan of an unchanged tree with `--cache` against a scan without it.
 *
 *   npm run bench:git -- --repo /tmp/vim --history-repo /tmp/tmux [--history-commits 5000] [--runs 5]
 *
 * Both repositories must be working trees (`git clone /work/.mirror/vim+vim/repo /tmp/vim`). Medians of `--runs`
 * runs, run in turn so that every command sees the same machine; ratios are medians of side-by-side pairs.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, appendFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'server', 'bin', 'rulebook.js');

interface Options {
  readonly repo?: string;
  readonly historyRepo?: string;
  readonly historyCommits: number;
  readonly runs: number;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { repo: value('--repo'), historyRepo: value('--history-repo'), historyCommits: Number(value('--history-commits') ?? 5000), runs: Number(value('--runs') ?? 5) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const list = (values: readonly number[]): string => values.map((v) => v.toFixed(2)).join(', ');

function git(cwd: string, args: readonly string[]): string {
  const result = spawnSync('git', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

/** Runs the CLI and returns its wall time; `expect` lists the exit codes that count as success. */
function timeCli(cwd: string, args: readonly string[], expect: readonly number[] = [0, 1]): { seconds: number; stdout: string; stderr: string } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!expect.includes(result.status ?? -1)) throw new Error(`rulebook ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return { seconds, stdout: result.stdout, stderr: result.stderr };
}

function isWorkTree(dir: string): boolean {
  return spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir, encoding: 'utf8' }).stdout.trim() === 'true';
}

function benchStaged(repo: string, clone: string, runs: number): void {
  git(path.dirname(clone), ['clone', '-q', '--local', repo, clone]);
  // A team that runs the hook has a rulebook of its own: the starter one, which is read and checked at every run.
  timeCli(clone, ['init'], [0]);
  const files = git(clone, ['ls-files', '-z', '*.c']).split('\0').filter(Boolean);
  if (files.length === 0) {
    process.stdout.write(`--staged: skipped: ${repo} has no C files to change\n`);
    return;
  }
  const bySize = files.map((f) => ({ f, size: statSync(path.join(clone, f)).size })).sort((a, b) => a.size - b.size);
  const tracked = git(clone, ['ls-files']).split('\n').length;
  const empty: number[] = [];
  for (let i = 0; i < runs; i++) empty.push(timeCli(clone, ['scan', '--staged', '-q']).seconds);
  process.stdout.write(`--staged with nothing staged (Node, rulebook load, git) in ${path.basename(repo)} (${tracked} tracked files): median ${median(empty).toFixed(2)} s [${list(empty)}]\n`);
  // A typical C file (the median size) and the largest one, each with one line added that has a finding.
  for (const [label, file] of [['median-size', bySize[Math.floor(bySize.length / 2)]], ['largest', bySize[bySize.length - 1]]] as const) {
    appendFileSync(path.join(clone, file.f), '\nvoid bench_added_line(char *buf) { gets(buf); }\n');
    git(clone, ['add', file.f]);
    const staged: number[] = [];
    let findings = 0;
    for (let i = 0; i < runs; i++) {
      const run = timeCli(clone, ['scan', '--staged', '--format', 'json']);
      staged.push(run.seconds);
      findings = (JSON.parse(run.stdout) as { findings: unknown[] }).findings.length;
    }
    git(clone, ['reset', '-q', '--hard']);
    process.stdout.write(
      `--staged, one line added to the ${label} C file ${file.f} (${(file.size / 1024).toFixed(0)} KB): median ${median(staged).toFixed(2)} s [${list(staged)}], ${findings} finding(s)\n`,
    );
  }
}

function benchHistory(repo: string, commits: number, runs: number): void {
  const oldest = git(repo, ['rev-list', '--no-merges', '-n', '1', '--skip', String(commits - 1), 'HEAD']);
  const range = oldest ? `${oldest}^..HEAD` : 'HEAD';
  const seconds: number[] = [];
  let read = 0;
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const run = timeCli(repo, ['scan', '--history', range, '--format', 'json', '-q']);
    seconds.push(run.seconds);
    const json = JSON.parse(run.stdout) as { findings: unknown[]; history: { commits: number } };
    read = json.history.commits;
    found = json.findings.length;
  }
  const m = median(seconds);
  process.stdout.write(
    `--history over ${read} commits of ${path.basename(repo)} (${range.slice(0, 12)}…): median ${m.toFixed(2)} s [${list(seconds)}], ` +
      `${Math.round(read / m)} commits/s (wall time, process start included), ${found} finding(s)\n`,
  );
}

function benchCache(tree: string, runs: number): void {
  const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'rulebook-bench-cache-'));
  try {
    const cache = ['--cache', '--cache-location', path.join(cacheDir, 'cache.json')];
    const cold = timeCli(tree, ['scan', '-q', ...cache]).seconds;
    const plain: number[] = [];
    const warm: number[] = [];
    let summary = '';
    for (let i = 0; i < runs; i++) {
      plain.push(timeCli(tree, ['scan', '-q']).seconds);
      const run = timeCli(tree, ['scan', ...cache]);
      warm.push(run.seconds);
      summary = run.stderr.trim().split('\n').pop() ?? '';
    }
    const ratio = median(plain.map((p, i) => p / warm[i]));
    const size = readFileSync(path.join(cacheDir, 'cache.json')).length;
    process.stdout.write(
      `scan of ${path.basename(tree)} without a cache: median ${median(plain).toFixed(2)} s [${list(plain)}]; first run with --cache (writes it): ${cold.toFixed(2)} s\n` +
        `rescan of the unchanged tree with --cache: median ${median(warm).toFixed(2)} s [${list(warm)}] (${summary.replace(/^.*?(\d+ files scanned \([^)]*\)).*$/, '$1')}); ` +
        `${ratio.toFixed(1)}× faster (median of ${runs} side-by-side pairs); cache file ${(size / 1024).toFixed(0)} KB\n`,
    );
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (!options.repo) process.stdout.write('--staged and --cache: skipped: give a large repository with --repo DIR (e.g. a clone of vim)\n');
  if (!options.historyRepo) process.stdout.write('--history: skipped: give a repository with --history-repo DIR (e.g. a clone of tmux)\n');
  for (const dir of [options.repo, options.historyRepo]) {
    if (dir && !isWorkTree(dir)) throw new Error(`${dir} is not a git working tree (clone it first: git clone <git dir> ${dir})`);
  }
  process.stdout.write(`machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(2)}; ${options.runs} runs each\n`);
  if (options.repo) {
    const work = mkdtempSync(path.join(os.tmpdir(), 'rulebook-bench-git-'));
    try {
      const clone = path.join(work, path.basename(options.repo));
      benchStaged(options.repo, clone, options.runs);
      git(clone, ['reset', '-q', '--hard']);
      benchCache(clone, options.runs);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }
  if (options.historyRepo) benchHistory(options.historyRepo, options.historyCommits, options.runs);
  process.stdout.write(`load average at the end: ${os.loadavg()[0].toFixed(2)}\n`);
}

main();
