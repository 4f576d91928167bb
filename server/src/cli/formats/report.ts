/** What a scan produced, handed to an output format. */
import { FileScan, Finding, FindingReview, Locale, Rulebook, isGating } from '../../engine';
import type { BaselineState } from '../baseline';

/** A scan of what a change adds (`--staged`, `--diff-base`): each finding's state against the base. */
export interface BaselineReport {
  /** For people: "staged changes", "changes since … (the merge base with origin/main)". */
  readonly description: string;
  readonly states: ReadonlyMap<Finding, BaselineState>;
  /** Findings the change removed (listed only with `all`). */
  readonly absent: readonly Finding[];
  /** Every finding was asked for (`--all-findings`), not only those the change brings. */
  readonly all: boolean;
}

export interface ScanReport {
  readonly rulebook: Rulebook;
  readonly findings: readonly Finding[];
  readonly skipped: readonly FileScan[];
  readonly filesScanned: number;
  readonly locale: Locale;
  readonly toolVersion: string;
  readonly showSuppressed: boolean;
  /** Review states, when the workspace has a review ledger: approved findings are reported as reviewed. */
  readonly reviews?: ReadonlyMap<Finding, FindingReview>;
  /** How many results came from `--cache` unscanned (undefined without a cache). */
  readonly fromCache?: number;
  /** Set when the scan judged a change rather than a tree. */
  readonly baseline?: BaselineReport;
  /** A history scan: the commit that added each finding's line, and what was read. */
  readonly commits?: ReadonlyMap<Finding, CommitInfo>;
  readonly history?: { readonly range: string; readonly commits: number; readonly seconds: number };
  /** Low-confidence findings left out of the report (shown with `--show-low-confidence`). */
  readonly hiddenLowConfidence?: number;
}

/** The commit a line of history came from. */
export interface CommitInfo {
  readonly id: string;
  readonly authorName: string;
  readonly authorEmail: string;
  /** Author date, ISO 8601. */
  readonly date: string;
}

export function messageOf(finding: Finding, locale: Locale): string {
  return locale === 'ja' && finding.messageJa ? finding.messageJa : finding.message;
}

export function countBySeverity(findings: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Whether the finding gates (its severity is one `review.require` lists), whatever its suppression or approval. */
export function gatingOf(report: Pick<ScanReport, 'rulebook'>, finding: Finding): boolean {
  return isGating(finding, report.rulebook.config.review);
}

/** Whether the finding still stands in the way of the scan: gating, not suppressed inline, not approved. */
export function blocks(report: Pick<ScanReport, 'rulebook' | 'reviews'>, finding: Finding): boolean {
  return gatingOf(report, finding) && !finding.suppression && report.reviews?.get(finding)?.state !== 'approved';
}

/** ` (vendored)`, ` (test code)`, ` (docs)` after a finding outside product code, for text output. */
export function classMarker(finding: Finding): string {
  return finding.pathClass ? ` (${finding.pathClass === 'test' ? 'test code' : finding.pathClass})` : '';
}
