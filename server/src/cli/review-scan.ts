/**
 * What every review command starts from: the rulebook, the findings of the workspace (or of the paths given),
 * the ledger, and the review state of each finding, with ledger problems printed as `file:line: warning: …`.
 */
import { existsSync } from 'fs';
import * as path from 'path';
import { FileScan, Finding, FindingReview, Ledger, ReviewOverview, Rulebook, compareFindings, reviewStates } from '../engine';
import { GitAuthorship } from '../review-io/git-authorship';
import { ledgerFile, readLedger } from '../review-io/ledger-file';
import { RulebookChoice } from './locate-rulebook';
import { Output, progress } from './output';
import { scanInParallel } from './parallel-scan';
import { walkFiles } from './walk';
import { UsageError, loadForCommand } from './commands/load';
import { changeRulebookChoice, changesSinceBase } from './change-scope';
import { scanChange } from './change-findings';

export interface ReviewScanOptions {
  readonly rulebook?: string;
  /** Only the findings a change brings since the merge base of this revision and HEAD (a pull request's gate). */
  readonly diffBase?: string;
  readonly jobs?: number;
  readonly quiet?: boolean;
  readonly now?: Date;
}

export interface ReviewScan {
  readonly rulebook: Rulebook;
  readonly choice: RulebookChoice;
  readonly findings: readonly Finding[];
  readonly results: readonly FileScan[];
  readonly ledger: Ledger;
  readonly overview: ReviewOverview;
  readonly now: Date;
  /** With `diffBase`: what the findings were judged against. */
  readonly scope?: string;
}

/** Loads the rulebook or says why not; `undefined` means exit 2 (the problems were printed). */
export async function loadRulebookForReview(output: Output, explicit: string | undefined, choice?: RulebookChoice): Promise<{ rulebook: Rulebook; choice: RulebookChoice } | undefined> {
  // Rule examples are `rulebook check`'s business; the review commands need only the rules and the policy.
  const loaded = await loadForCommand(output, explicit, { checkExamples: false, checkBuiltin: false, choice });
  if (loaded.rulebook.hasErrors) {
    output.err('rulebook: the rulebook has errors (above); fix them or run `rulebook check`\n');
    return undefined;
  }
  return loaded;
}

export function printLedgerProblems(output: Output, root: string, overview: Pick<ReviewOverview, 'ledgerProblems'>): void {
  const where = path.relative(process.cwd(), ledgerFile(root)).split(path.sep).join('/') || ledgerFile(root);
  for (const p of overview.ledgerProblems) output.err(`${where}:${p.line}: warning: ${p.message}\n`);
}

export async function scanForReview(paths: readonly string[], options: ReviewScanOptions, output: Output): Promise<ReviewScan | undefined> {
  const changes = options.diffBase !== undefined ? await changesSinceBase(process.cwd(), options.diffBase, paths) : undefined;
  const loaded = await loadRulebookForReview(output, options.rulebook, changes && changeRulebookChoice(options.rulebook, changes));
  if (!loaded) return undefined;
  const { rulebook, choice } = loaded;
  const bar = progress(options.quiet ? { ...output, isTTY: false } : output, 'scanning');
  const setup = { load: { rulebookFile: choice.file, root: choice.root } };
  let results: readonly FileScan[];
  let findings: readonly Finding[];
  if (changes) {
    const scan = await scanChange(changes, { rulebook, setup, fromIndex: false, jobs: options.jobs, onResult: (done, total) => bar.update(done, total) });
    results = scan.results;
    findings = scan.introduced;
  } else {
    const files: string[] = [];
    try {
      for await (const file of walkFiles(paths.length > 0 ? paths : [rulebook.root], { gitignore: true })) files.push(file);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    results = await scanInParallel(files, { rulebook, setup, threads: options.jobs, onResult: (_, done, total) => bar.update(done, total) });
    findings = results.flatMap((r) => r.findings).sort(compareFindings);
  }
  bar.done();
  const ledger = await readLedger(rulebook.root);
  const now = options.now ?? new Date();
  const overview = await reviewStates(findings, ledger, rulebook, { now, authorship: new GitAuthorship(rulebook.root) });
  if (!options.quiet) printLedgerProblems(output, rulebook.root, overview);
  return { rulebook, choice, findings, results, ledger, overview, now, scope: changes?.description };
}

/** `FILE:LINE` → the absolute file and the one-based line. */
export function parseFileLine(spec: string): { file: string; line: number } {
  const m = /^(.+):(\d+)$/.exec(spec);
  if (!m || Number(m[2]) < 1) throw new UsageError(`expected FILE:LINE (e.g. src/net.c:42), got "${spec}"`);
  const file = path.resolve(m[1]);
  if (!existsSync(file)) throw new UsageError(`no such file: ${m[1]}`);
  return { file, line: Number(m[2]) };
}

/** The review state of each finding of a scan, or undefined when the workspace has no review ledger. */
export async function reviewsOf(rulebook: Rulebook, findings: readonly Finding[]): Promise<Map<Finding, FindingReview> | undefined> {
  const ledger = await readLedger(rulebook.root);
  if (ledger.entries.length === 0) return undefined;
  const overview = await reviewStates(findings, ledger, rulebook, { now: new Date(), authorship: new GitAuthorship(rulebook.root) });
  return new Map(overview.reviews.map((r) => [r.finding, r]));
}
