/**
 * `rulebook scan [PATH...]`: scans files and folders (.gitignore-aware, on every core) and prints the findings.
 * Exit 0 without gating findings, 1 with a gating finding that is neither suppressed inline nor approved (`gating.ts`),
 * 2 for a usage or rulebook error.
 */
import { statSync } from 'fs';
import { FileScan, Finding, Locale, compareFindings } from '../../engine';
import { formatJson } from '../formats/json';
import { ScanReport, blocks } from '../formats/report';
import { formatSarif } from '../formats/sarif';
import { formatText, summaryLine } from '../formats/text';
import { Output, progress, writeResult } from '../output';
import { ScanWorkers, scanInParallel, workersFor, worthWorkers } from '../parallel-scan';
import { reviewsOf } from '../review-scan';
import { walkFiles } from '../walk';
import { toolVersion } from '../version';
import { UsageError, chooseForCommand, loadForCommand } from './load';

export interface ScanOptions {
  readonly format: string;
  readonly output?: string;
  readonly rulebook?: string;
  readonly gitignore: boolean;
  readonly exitZero: boolean;
  readonly showSuppressed: boolean;
  readonly quiet: boolean;
  readonly jobs?: number;
  readonly lang: Locale;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

const FORMATS: Record<string, (report: ScanReport) => string> = { text: formatText, json: formatJson, sarif: formatSarif };

export async function scanCommand(paths: readonly string[], options: ScanOptions, output: Output): Promise<number> {
  const format = FORMATS[options.format];
  if (!format) throw new UsageError(`unknown format "${options.format}" (use text, json or sarif)`);
  const choice = chooseForCommand(options.rulebook);
  const setup = { load: { rulebookFile: choice.file, root: choice.root } };
  // A scan of folders is likely large: the workers load the rulebook and start on the files while this thread
  // loads and checks its own (a worker's rulebook must then be the same, or the scan stops).
  const folders = (paths.length === 0 ? ['.'] : paths).some((p) => isFolder(p));
  const pool = folders && options.jobs !== 0 ? ScanWorkers.start(setup, workersFor(options.jobs)) : undefined;
  const files: string[] = [];
  try {
    for await (const file of walkFiles(paths.length > 0 ? paths : ['.'], { gitignore: options.gitignore })) files.push(file);
  } catch (err) {
    await pool?.close();
    throw new UsageError((err as Error).message);
  }
  if (pool && worthWorkers(files.length)) pool.begin(files);
  const { rulebook } = await loadForCommand(output, options.rulebook, { choice, checkExamples: 'own', checkBuiltin: false }).catch(async (err: unknown) => {
    await pool?.close();
    throw err;
  });
  if (rulebook.hasErrors) {
    await pool?.close();
    output.err('rulebook: the rulebook has errors (above); fix them or run `rulebook check`\n');
    return 2;
  }
  const bar = progress(options.quiet ? { ...output, isTTY: false } : output, 'scanning');
  const results: FileScan[] = await scanInParallel(files, {
    rulebook,
    setup,
    threads: options.jobs,
    pool,
    onResult: (_, done, total) => bar.update(done, total),
  });
  bar.done();
  const findings: Finding[] = results.flatMap((r) => r.findings).sort(compareFindings);
  const skipped = results.filter((r) => r.skipped).sort((a, b) => a.path.localeCompare(b.path));
  const report: ScanReport = {
    rulebook,
    findings,
    skipped,
    filesScanned: results.length - skipped.length,
    locale: options.lang,
    toolVersion: toolVersion(),
    showSuppressed: options.showSuppressed,
    reviews: await reviewsOf(rulebook, findings),
  };
  await writeResult(output, format(report), options.output);
  if (!options.quiet) {
    for (const s of skipped) output.err(`${s.path}: note: skipped: ${s.skipped?.detail}\n`);
    for (const r of results) for (const f of r.failures ?? []) output.err(`${r.path}: warning: rule ${f.ruleId} failed: ${f.message}\n`);
    output.err(`${summaryLine(report)}\n`);
  }
  if (options.exitZero) return 0;
  return findings.some((f) => blocks(report, f)) ? 1 : 0;
}
