/**
 * Does a scan's time grow linearly with the file? Generates files of every shape in `linear/shapes.ts` at four sizes
 * up to the file-size limit, scans each with the whole default rulebook — as `rulebook scan` does (one-off) and as
 * the language server does (an open document: every fact read and kept) — and reports the time, the peak memory and
 * the growth exponent per shape (the slope of log time over log size, fitted over the four sizes). Time is the
 * scan's CPU time (user + system; the scan runs on one thread), so other load on the machine does not inflate it.
 *
 *   npm run bench:linear                                  # every shape, sizes 250 KB … 2 MB, 3 runs each
 *   node bench/out/linear-time.js --shapes c-if-chain,go-nested --runs 1 --mode editor --timeout 60
 *   RULEBOOK_PARSER=wasm npm run bench:linear            # the one-off scans on wasm (default: native, as the CLI)
 *
 * Each measurement runs in a child process with a time limit, so a shape that is still slow cannot hang the
 * benchmark: it is reported as over the limit. Times are the scan only (the rulebook is loaded before the clock
 * starts), on one thread. Target: exponent ≤ 1.15 for every shape, and no 2 MB file above 3 s.
 */
import { spawnSync } from 'child_process';
import { loadRulebook, scanDocument, IncrementalDocument, languageForFile, DEFAULT_LIMITS, minifiedNote } from '@secure-coding/server';
import { preferParsers } from '@secure-coding/server/out/engine/grammars';
import { cliParsers } from '@secure-coding/server/out/cli/parser-choice';
import { SHAPES, shapeNamed } from './linear/shapes';

type Mode = 'scan' | 'editor';

interface Sample {
  /** CPU time of the scan (user + system): what the machine's other load does not inflate. */
  readonly ms: number;
  readonly wallMs: number;
  readonly findings: number;
  readonly rssMb: number;
  readonly skipped?: string;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** Child: generate one file, load the rulebook, time one scan, print a JSON sample. */
async function measureOne(shapeName: string, bytes: number, mode: Mode): Promise<void> {
  const shape = shapeNamed(shapeName);
  if (!shape) throw new Error(`no shape ${shapeName}`);
  const text = shape.generate(bytes);
  // Parsers as `rulebook scan` has them (native where they load; RULEBOOK_PARSER=wasm for wasm), the editor's on wasm.
  if (mode === 'scan') preferParsers(cliParsers());
  const rulebook = await loadRulebook({ checkExamples: false, validated: true });
  const skip = minifiedNote(text, DEFAULT_LIMITS);
  const languageId = languageForFile(shape.file, text);
  // A first small file of the same shape loads the grammar and compiles the queries: one-off costs, not growth.
  await scanDocument(rulebook, { path: shape.file, text: shape.generate(4000), languageId });
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let findings = 0;
  if (mode === 'scan') {
    findings = (await scanDocument(rulebook, { path: shape.file, text, languageId })).findings.length;
  } else {
    const doc = new IncrementalDocument(shape.file, languageId);
    findings = (await doc.scan(rulebook.rulesFor(shape.file, languageId), text)).findings.length;
    doc.dispose();
  }
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpuStart);
  const sample: Sample = { ms: (cpu.user + cpu.system) / 1000, wallMs, findings, rssMb: process.resourceUsage().maxRSS / 1024, skipped: skip?.reason };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

function runChild(shape: string, bytes: number, mode: Mode, timeoutS: number): Sample | { timeout: true } | string {
  const result = spawnSync(process.execPath, [__filename, '--child', shape, String(bytes), mode], { encoding: 'utf8', timeout: timeoutS * 1000, maxBuffer: 1 << 20 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { timeout: true };
  const line = result.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as Sample;
  } catch {
    return `failed: ${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' | ')}`;
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/** Least-squares slope of log(time) over log(size). */
function exponent(points: readonly { bytes: number; ms: number }[]): number | undefined {
  if (points.length < 2) return undefined;
  const xs = points.map((p) => Math.log(p.bytes));
  const ys = points.map((p) => Math.log(Math.max(p.ms, 0.01)));
  const mx = xs.reduce((a, b) => a + b) / xs.length;
  const my = ys.reduce((a, b) => a + b) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

function main(): void {
  const runs = Number(option('runs') ?? 3);
  const timeoutS = Number(option('timeout') ?? 120);
  const modes: Mode[] = option('mode') ? [option('mode') as Mode] : ['scan', 'editor'];
  const wanted = option('shapes')?.split(',');
  const shapes = wanted ? SHAPES.filter((s) => wanted.includes(s.name)) : SHAPES;
  const top = Number(option('max-bytes') ?? DEFAULT_LIMITS.maxFileSize - 10_000);
  const sizes = [top / 8, top / 4, top / 2, top].map(Math.round);
  process.stdout.write(`sizes: ${sizes.map((s) => `${(s / 1000).toFixed(0)} KB`).join(', ')}; median of ${runs} run(s); limit ${timeoutS} s per run\n\n`);
  const failures: string[] = [];
  for (const shape of shapes) {
    for (const mode of modes) {
      const points: { bytes: number; ms: number }[] = [];
      const cells: string[] = [];
      let findings = 0;
      let rss = 0;
      let stop = false;
      for (const bytes of sizes) {
        if (stop) {
          cells.push('—');
          continue;
        }
        const samples: Sample[] = [];
        for (let r = 0; r < runs; r++) {
          const sample = runChild(shape.name, bytes, mode, timeoutS);
          if (typeof sample === 'object' && 'timeout' in sample) {
            cells.push(`>${timeoutS}s`);
            stop = true;
            break;
          }
          if (typeof sample === 'string') {
            cells.push('error');
            failures.push(`${shape.name} ${mode} ${bytes}: ${sample}`);
            stop = true;
            break;
          }
          samples.push(sample);
        }
        if (stop) continue;
        const ms = median(samples.map((s) => s.ms));
        findings = samples[0].findings;
        rss = Math.max(rss, ...samples.map((s) => s.rssMb));
        points.push({ bytes, ms });
        cells.push(samples[0].skipped ? `${ms.toFixed(0)} ms (${samples[0].skipped})` : `${ms.toFixed(0)} ms`);
      }
      const k = stop ? undefined : exponent(points);
      const verdict = k === undefined ? 'FAIL' : k <= 1.15 && points[points.length - 1].ms <= 3000 ? 'ok' : 'FAIL';
      process.stdout.write(
        `${shape.name.padEnd(20)} ${mode.padEnd(6)} ${cells.map((c) => c.padStart(10)).join(' ')}  exponent ${k === undefined ? '  —  ' : k.toFixed(2)}  ` +
          `findings ${String(findings).padStart(6)}  peak ${rss.toFixed(0)} MB  ${verdict}\n`,
      );
    }
  }
  for (const f of failures) process.stdout.write(`\n${f}`);
}

if (process.argv[2] === '--child') {
  measureOne(process.argv[3], Number(process.argv[4]), process.argv[5] as Mode).catch((err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  });
} else {
  main();
}
