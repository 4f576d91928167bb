/**
 * `rulebook scan [PATH...]`: scans files and folders (.gitignore-aware, on every core) and prints the findings.
 * Exit 0 without gating findings, 1 with a gating finding that is neither suppressed inline nor approved (`gating.ts`),
 * 2 for a usage or rulebook error. `--staged` and `--diff-base REF` scan what a change adds (`scan-changes.ts`),
 * `--history` the secrets in every commit (`scan-history.ts`).
 */
import { statSync } from 'fs';
import * as path from 'path';
import { FileScan, Finding, Locale, compareFindings, hiddenByDefault } from '../../engine';
import { isIntroduced } from '../baseline';
import { formatCodeQuality } from '../formats/codequality';
import { formatJson } from '../formats/json';
import { ScanReport, blocks } from '../formats/report';
import { formatSarif } from '../formats/sarif';
import { formatText, summaryLine } from '../formats/text';
import { Output, progress, writeResult } from '../output';
import { ScanWorkers, scanInParallel, workersFor, worthWorkers } from '../parallel-scan';
import { reviewsOf } from '../review-scan';
import { ScanCache } from '../scan-cache';
import { walkFiles } from '../walk';
import { toolVersion } from '../version';
import { UsageError, chooseForCommand, loadForCommand } from './load';
import { changeScanCommand } from './scan-changes';
import { historyScanCommand } from './scan-history';

export interface ScanOptions {
  readonly format: string;
  readonly output?: string;
  readonly rulebook?: string;
  readonly gitignore: boolean;
  readonly exitZero: boolean;
  readonly showSuppressed: boolean;
  /** Also report low-confidence findings that do not gate (hidden by default, `gating.ts`). */
  readonly showLowConfidence?: boolean;
  readonly quiet: boolean;
  readonly jobs?: number;
  readonly lang: Locale;
  /** Scan the index and report findings on the lines the staged change adds or modifies. */
  readonly staged?: boolean;
  /** Report findings on the lines added or modified since the merge base with this revision. */
  readonly diffBase?: string;
  /** With `diffBase`: report every finding, each with its baseline state. */
  readonly allFindings?: boolean;
  /** Scan the added lines of every commit in a range for secrets (`true`: all of HEAD's history). */
  readonly history?: string | boolean;
  /** Reuse results of files whose content has not changed (`cacheLocation`: where; default the user cache). */
  readonly cache?: boolean;
  readonly cacheLocation?: string;
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export const FORMATS: Record<string, (report: ScanReport) => string> = { text: formatText, json: formatJson, sarif: formatSarif, codequality: formatCodeQuality };

export function formatterFor(name: string): (report: ScanReport) => string {
  const format = FORMATS[name];
  if (!format) throw new UsageError(`unknown format "${name}" (use ${Object.keys(FORMATS).join(', ')})`);
  return format;
}

function checkModes(options: ScanOptions): void {
  const modes = [options.staged && '--staged', options.diffBase !== undefined && '--diff-base', options.history !== undefined && options.history !== false && '--history'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be combined: choose one`);
  if (options.allFindings && options.diffBase === undefined) throw new UsageError('--all-findings goes with --diff-base');
  if (options.cacheLocation !== undefined && !options.cache) throw new UsageError('--cache-location goes with --cache');
}

export async function scanCommand(paths: readonly string[], options: ScanOptions, output: Output): Promise<number> {
  checkModes(options);
  if (options.history !== undefined && options.history !== false) return historyScanCommand(paths, options, output);
  if (options.staged || options.diffBase !== undefined) return changeScanCommand(paths, options, output);
  const format = formatterFor(options.format);
  const choice = chooseForCommand(options.rulebook);
  const setup = { load: { rulebookFile: choice.file, root: choice.root } };
  // A scan of folders is likely large: the workers load the rulebook and start on the files while this thread
  // loads and checks its own (a worker's rulebook must then be the same, or the scan stops). With a cache, most
  // files are usually not scanned at all: workers start only once the misses are known.
  const folders = (paths.length === 0 ? ['.'] : paths).some((p) => isFolder(p));
  const pool = folders && options.jobs !== 0 && !options.cache ? ScanWorkers.start(setup, workersFor(options.jobs)) : undefined;
  const walked: string[] = [];
  try {
    for await (const file of walkFiles(paths.length > 0 ? paths : ['.'], { gitignore: options.gitignore })) walked.push(file);
  } catch (err) {
    await pool?.close();
    throw new UsageError((err as Error).message);
  }
  const files = withoutOwnFiles(walked, options);
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
  const cache = options.cache ? await ScanCache.open(rulebook, options.cacheLocation) : undefined;
  const lookup = cache ? cache.lookup(withoutOwnFiles(files, options, cache)) : { hits: [], misses: files };
  const bar = progress(options.quiet ? { ...output, isTTY: false } : output, 'scanning');
  const scanned: FileScan[] = await scanInParallel(lookup.misses, {
    rulebook,
    setup,
    threads: options.jobs,
    pool,
    onResult: (_, done, total) => bar.update(done, total),
  });
  bar.done();
  if (cache) {
    cache.record(scanned);
    await cache.save();
  }
  const results = [...lookup.hits, ...scanned];
  const findings: Finding[] = results.flatMap((r) => r.findings).sort(compareFindings);
  const report: ScanReport = {
    rulebook,
    findings,
    skipped: skippedOf(results),
    filesScanned: results.length - skippedOf(results).length,
    fromCache: cache ? lookup.hits.filter((r) => !r.skipped).length : undefined,
    locale: options.lang,
    toolVersion: toolVersion(),
    showSuppressed: options.showSuppressed,
    reviews: await reviewsOf(rulebook, findings),
  };
  return finishScan(report, results, options, output, format);
}

/**
 * The files a scan writes are never scanned: its report (`--output`) and its cache, when they lie in the tree — a
 * second scan would otherwise read the first one's report, or a CI job the cache it keeps in the project folder.
 */
export function withoutOwnFiles(files: readonly string[], options: Pick<ScanOptions, 'output'>, cache?: ScanCache): string[] {
  const own = new Set([options.output && path.resolve(options.output), cache?.location].filter((f): f is string => Boolean(f)));
  if (own.size === 0) return [...files];
  return files.filter((f) => !own.has(path.resolve(f)) && !(cache && path.resolve(f).startsWith(`${cache.location}.`)));
}

export function skippedOf(results: readonly FileScan[]): FileScan[] {
  return results.filter((r) => r.skipped).sort((a, b) => a.path.localeCompare(b.path));
}

/** Writes the report and notes, and returns the exit code: 1 while a finding is neither suppressed nor approved. */
export async function finishScan(all: ScanReport, results: readonly FileScan[], options: ScanOptions, output: Output, format: (report: ScanReport) => string): Promise<number> {
  const report = options.showLowConfidence ? all : withoutLowConfidence(all);
  await writeResult(output, format(report), options.output);
  if (!options.quiet) {
    for (const s of report.skipped) output.err(`${s.path}: note: skipped: ${s.skipped?.detail}\n`);
    for (const r of results) for (const f of r.failures ?? []) output.err(`${r.path}: warning: rule ${f.ruleId} failed: ${f.message}\n`);
    output.err(`${summaryLine(report)}\n`);
  }
  if (options.exitZero) return 0;
  const baseline = report.baseline;
  const gated = baseline ? report.findings.filter((f) => isIntroduced(baseline.states.get(f))) : report.findings;
  return gated.some((f) => blocks(report, f)) ? 1 : 0;
}

/**
 * The report without the low-confidence findings that do not gate (`hiddenByDefault`): they are counted, and the
 * summary says how to see them. They never gate, so the exit code is the same either way.
 */
export function withoutLowConfidence(report: ScanReport): ScanReport {
  const policy = report.rulebook.config.review;
  const shown = report.findings.filter((f) => !hiddenByDefault(f, policy));
  const hidden = report.findings.length - shown.length;
  if (hidden === 0 && !report.baseline?.absent.some((f) => hiddenByDefault(f, policy))) return report;
  const baseline = report.baseline ? { ...report.baseline, absent: report.baseline.absent.filter((f) => !hiddenByDefault(f, policy)) } : undefined;
  return { ...report, findings: shown, baseline, hiddenLowConfidence: hidden };
}
