/**
 * Scan throughput on real third-party code, side by side with flawfinder.
 *
 * Builds (once) a corpus of about 90 MB in about 9,000 source files from `/usr/include` (C headers) and the
 * repository's own `node_modules/` (JavaScript/TypeScript), then times `rulebook scan` with the whole default
 * rulebook over all of it, and flawfinder over just its C/C++ files, run by run in turn. Reports medians, MB/s,
 * files/s and the ratio (the median of the side-by-side pairs).
 *
 *   npm run bench                      # default corpus, 3 runs each
 *   node bench/out/scan-bench.js --runs 5 --size-mb 40 --no-flawfinder
 */
import { spawnSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const CLI = path.join(REPO, 'server', 'bin', 'rulebook.js');
const CORPUS = path.join(REPO, '.bench', 'corpus');
const SOURCE_EXTENSIONS = /\.(c|h|cc|cpp|hpp|hh|js|mjs|cjs|ts|tsx|jsx|json|py|java|go|rb|php|sh|yml|yaml)$/i;
const C_EXTENSIONS = /\.(c|h|cc|cpp|hpp|hh)$/i;

interface Options {
  readonly sizeMb: number;
  readonly files: number;
  readonly runs: number;
  readonly flawfinder: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  return { sizeMb: value('--size-mb', 90), files: value('--files', 9000), runs: value('--runs', 3), flawfinder: !argv.includes('--no-flawfinder') };
}

async function listSources(root: string, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(root, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) await listSources(full, out);
    else if (entry.isFile() && SOURCE_EXTENSIONS.test(entry.name)) out.push(full);
  }
}

/** Takes C headers and JS/TS sources in turn until the size and file count are reached, and copies them. */
async function buildCorpus(options: Options): Promise<{ files: number; bytes: number; cFiles: string[] }> {
  const manifest = path.join(CORPUS, '..', `manifest-${options.sizeMb}-${options.files}.json`);
  if (existsSync(manifest)) return JSON.parse(await fs.readFile(manifest, 'utf8')) as { files: number; bytes: number; cFiles: string[] };
  await fs.rm(CORPUS, { recursive: true, force: true });
  const headers: string[] = [];
  const scripts: string[] = [];
  await listSources('/usr/include', headers);
  await listSources(path.join(REPO, 'node_modules'), scripts);
  const budget = options.sizeMb * 1_000_000;
  let bytes = 0;
  let files = 0;
  const cFiles: string[] = [];
  const pick = async (source: string, prefix: string): Promise<void> => {
    const stat = await fs.stat(source);
    if (stat.size > 2_000_000) return;
    const target = path.join(CORPUS, prefix, source.replace(/^\//, '').replace(REPO, ''));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.copyFile(source, target);
    bytes += stat.size;
    files++;
    if (C_EXTENSIONS.test(source)) cFiles.push(target);
  };
  for (let i = 0; files < options.files && bytes < budget && (i < headers.length || i < scripts.length); i++) {
    if (i < headers.length) await pick(headers[i], 'c');
    if (i < scripts.length && files < options.files && bytes < budget) await pick(scripts[i], 'js');
  }
  const result = { files, bytes, cFiles };
  await fs.writeFile(manifest, JSON.stringify(result));
  return result;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(command: string, args: readonly string[], input?: string): { seconds: number; stdout: string; status: number | null } {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, input });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.error) throw run.error;
  return { seconds, stdout: run.stdout, status: run.status };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const corpus = await buildCorpus(options);
  const mb = corpus.bytes / 1e6;
  process.stdout.write(`corpus: ${corpus.files} files, ${mb.toFixed(1)} MB (${corpus.cFiles.length} C/C++ files) in ${path.relative(REPO, CORPUS)}\n`);

  const hasFlawfinder = options.flawfinder && spawnSync('flawfinder', ['--version'], { encoding: 'utf8' }).status === 0;
  if (options.flawfinder && !hasFlawfinder) process.stdout.write('flawfinder: not installed (apt-get install -y flawfinder) — no comparison\n');
  const listFile = path.join(CORPUS, '..', 'c-files.txt');
  await fs.writeFile(listFile, corpus.cFiles.join('\n'));

  // Runs alternate (rulebook, flawfinder, rulebook, …): these machines' speed drifts over a minute, and each pair
  // then sees the same machine; the ratio is the median of the pairs' ratios.
  const scanTimes: number[] = [];
  const flawTimes: number[] = [];
  let findings = 0;
  for (let i = 0; i < options.runs; i++) {
    const run = time(process.execPath, [CLI, 'scan', CORPUS, '--format', 'json', '--quiet', '--no-gitignore', '--exit-zero']);
    if (run.status !== 0) throw new Error(`rulebook scan exited ${run.status}`);
    findings = (JSON.parse(run.stdout) as { findings: unknown[] }).findings.length;
    scanTimes.push(run.seconds);
    // flawfinder takes file names on the command line; xargs keeps the argument list within limits.
    if (hasFlawfinder) flawTimes.push(time('sh', ['-c', `xargs -a "${listFile}" -d '\\n' flawfinder --quiet --dataonly --columns > /dev/null`]).seconds);
  }
  const scan = median(scanTimes);
  const list = (times: readonly number[]): string => times.map((t) => t.toFixed(2)).join(', ');
  process.stdout.write(
    `rulebook scan (default rulebook, all files): median ${scan.toFixed(2)} s of ${options.runs} runs ` +
      `[${list(scanTimes)}] — ${(mb / scan).toFixed(1)} MB/s, ${(corpus.files / scan).toFixed(0)} files/s, ${findings} findings\n`,
  );
  if (!hasFlawfinder) return;
  const flaw = median(flawTimes);
  const ratio = median(scanTimes.map((t, i) => t / flawTimes[i]));
  process.stdout.write(
    `flawfinder (C/C++ files only): median ${flaw.toFixed(2)} s of ${options.runs} runs [${list(flawTimes)}]\n` +
      `ratio: rulebook (all files) takes ${ratio.toFixed(2)}× flawfinder's time (C files only), median of ${options.runs} side-by-side pairs; ${(1 / ratio).toFixed(1)}× faster\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
