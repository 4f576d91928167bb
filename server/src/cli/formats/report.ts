/** What a scan produced, handed to an output format. */
import { FileScan, Finding, FindingReview, Locale, Rulebook } from '../../engine';

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
}

export function messageOf(finding: Finding, locale: Locale): string {
  return locale === 'ja' && finding.messageJa ? finding.messageJa : finding.message;
}

export function countBySeverity(findings: readonly Finding[]): Record<'error' | 'warning' | 'info', number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
