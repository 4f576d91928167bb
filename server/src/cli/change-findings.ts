/**
 * The findings a change brings: the changed files scanned as they are now (the index for a staged change, the
 * working tree otherwise) and as they were at the base, then compared (`baseline.ts`). Shared by `scan --staged`,
 * `scan --diff-base` and `review verify --diff-base`.
 */
import { FileReader, FileScan, Finding, Rulebook, compareFindings, relativePath, scanFile } from '../engine';
import { BaselineState, compareFile, isIntroduced } from './baseline';
import { ChangeSet, blobReader, blobsOf, onChangedLine } from './change-scope';
import { FileDiff } from '../git/unified-diff';
import { scanInParallel } from './parallel-scan';
import { ScanCache } from './scan-cache';
import { WorkerSetup } from './worker-protocol';

export interface ChangeScanOptions {
  readonly rulebook: Rulebook;
  readonly setup: WorkerSetup;
  /** Read the changed files from the index (a staged change) instead of the working tree. */
  readonly fromIndex: boolean;
  readonly jobs?: number;
  /** More working-tree files to scan and report as `unchanged` unless changed (`--all-findings`). */
  readonly alsoScan?: readonly string[];
  /** Find the base findings the change removed (`absent`): every changed and deleted file's base is scanned. */
  readonly withAbsent?: boolean;
  readonly cache?: ScanCache;
  readonly onResult?: (done: number, total: number) => void;
}

export interface ChangeScan {
  /** Scan results of the files as they are now (changed files, plus `alsoScan`). */
  readonly results: readonly FileScan[];
  /** Every current finding, sorted. */
  readonly findings: readonly Finding[];
  readonly states: ReadonlyMap<Finding, BaselineState>;
  /** Base findings the change removed (only with `withAbsent`). */
  readonly absent: readonly Finding[];
  /** The findings the change brings (`new` and `updated`), sorted. */
  readonly introduced: readonly Finding[];
  /** Files the change touched that lie outside the workspace root and were not scanned. */
  readonly outside: number;
  /** Results reused from the cache (undefined without one). */
  readonly fromCache?: number;
}

/** Scans files one after another through a reader (blobs from git): a change is a handful of files. */
async function scanEach(rulebook: Rulebook, files: readonly string[], reader: FileReader): Promise<FileScan[]> {
  const out: FileScan[] = [];
  for (const file of files) {
    try {
      out.push(await scanFile(rulebook, file, reader));
    } catch (err) {
      out.push({ path: relativePath(rulebook.root, file), findings: [], skipped: { reason: 'unreadable', detail: `scan failed: ${(err as Error).message}` } });
    }
  }
  return out;
}

const insideRoot = (rulebook: Rulebook, file: string): boolean => !relativePath(rulebook.root, file).startsWith('../');

export async function scanChange(changes: ChangeSet, options: ChangeScanOptions): Promise<ChangeScan> {
  const { rulebook } = options;
  const { repo } = changes;
  const maxSize = rulebook.config.limits.maxFileSize;
  const files = changes.files.filter((f) => insideRoot(rulebook, f.file));
  const outside = changes.files.length - files.length;

  let results: FileScan[];
  let fromCache: number | undefined;
  if (options.fromIndex) {
    const blobs = await blobsOf(repo, files.map((f) => f.topPath), 'index', maxSize);
    results = await scanEach(rulebook, files.map((f) => f.file), blobReader(blobs));
  } else {
    const wanted = [...new Set([...files.map((f) => f.file), ...(options.alsoScan ?? [])])];
    const lookup = options.cache ? options.cache.lookup(wanted) : { hits: [], misses: wanted };
    const scanned = await scanInParallel(lookup.misses, { rulebook, setup: options.setup, threads: options.jobs, onResult: (_, done, total) => options.onResult?.(done, total) });
    options.cache?.record(scanned);
    results = [...lookup.hits, ...scanned];
    fromCache = options.cache ? lookup.hits.filter((r) => !r.skipped).length : undefined;
  }

  // The same files as they were at the base (renamed ones under their old name), and files the change deleted.
  // Without `withAbsent`, only files with a finding on a changed line need their base: a change that adds no
  // finding there (the common commit) scans nothing twice.
  const currentByPath = new Map(results.map((r) => [r.path, r.findings]));
  const needsBase = (d: FileDiff): boolean => {
    if (d.newPath === undefined) return Boolean(options.withAbsent);
    const changed = files.find((f) => f.diff === d);
    if (!changed) return false;
    if (options.withAbsent) return true;
    return (currentByPath.get(relativePath(rulebook.root, changed.file)) ?? []).some((f) => onChangedLine(f, changed));
  };
  const oldPaths = changes.diffs.flatMap((d) => (d.oldPath !== undefined && needsBase(d) ? [d.oldPath] : []));
  const baseFiles = oldPaths.map((p) => repo.absolute(p)).filter((f) => insideRoot(rulebook, f));
  const baseBlobs = changes.base && baseFiles.length > 0 ? await blobsOf(repo, oldPaths, { commit: changes.base }, maxSize) : new Map();
  const baseResults = await scanEach(rulebook, baseFiles.filter((f) => baseBlobs.has(f)), blobReader(baseBlobs));
  const baseByPath = new Map(baseResults.map((r) => [r.path, r.findings]));

  const states = new Map<Finding, BaselineState>();
  const absent: Finding[] = [];
  const compared = new Set<string>();
  for (const changed of files) {
    const rel = relativePath(rulebook.root, changed.file);
    compared.add(rel);
    const oldRel = changed.diff?.oldPath !== undefined ? relativePath(rulebook.root, repo.absolute(changed.diff.oldPath)) : undefined;
    compareFile({ changed, current: currentByPath.get(rel) ?? [], base: oldRel !== undefined ? (baseByPath.get(oldRel) ?? []) : [] }, states, absent);
  }
  for (const d of changes.diffs) {
    if (d.newPath === undefined && d.oldPath !== undefined) absent.push(...(baseByPath.get(relativePath(rulebook.root, repo.absolute(d.oldPath))) ?? []));
  }
  for (const r of results) if (!compared.has(r.path)) for (const f of r.findings) states.set(f, 'unchanged');

  const findings = results.flatMap((r) => r.findings).sort(compareFindings);
  return { results, findings, states, absent: absent.sort(compareFindings), introduced: findings.filter((f) => isIntroduced(states.get(f))), outside, fromCache };
}

