/**
 * `rulebook review list [--state STATE] [PATH...]`: every finding that needs a sign-off and its review state,
 * one per line (`file:line rule: state (detail)`), or JSON. Always exits 0 unless the rulebook is broken.
 */
import { Locale, REVIEW_STATES, ReviewState, localize } from '../../engine';
import { listLine } from '../formats/review-text';
import { Output } from '../output';
import { scanForReview } from '../review-scan';
import { UsageError } from './load';

export interface ListOptions {
  readonly state?: string;
  readonly format: string;
  readonly rulebook?: string;
  readonly lang: Locale;
}

export async function reviewListCommand(paths: readonly string[], options: ListOptions, output: Output): Promise<number> {
  const wanted = options.state?.replace(/ /g, '-') as ReviewState | undefined;
  if (wanted && !REVIEW_STATES.includes(wanted)) throw new UsageError(`unknown state "${options.state}" (use ${REVIEW_STATES.join(', ')})`);
  const scan = await scanForReview(paths, { rulebook: options.rulebook }, output);
  if (!scan) return 2;
  const reviews = scan.overview.reviews.filter((r) => (r.required || r.state !== 'pending') && (!wanted || r.state === wanted));
  if (options.format === 'json') {
    const json = reviews.map((r) => ({
      path: r.finding.path,
      line: r.finding.range.start.line + 1,
      column: r.finding.range.start.character + 1,
      rule: r.finding.ruleId,
      severity: r.finding.severity,
      required: r.required,
      fingerprint: r.finding.fingerprint,
      state: r.state,
      reviewer: r.reviewer ? { id: r.reviewer.id, name: r.reviewer.name } : undefined,
      approvedAt: r.state === 'approved' ? r.entry?.entry.time : undefined,
      expires: r.expires?.toISOString(),
      reason: r.state === 'approved' ? r.entry?.entry.reason : undefined,
      batch: r.entry?.entry.batch ? { id: r.entry.entry.batch.id, size: r.entry.entry.batch.size } : undefined,
      detail: r.detail && r.state !== 'approved' ? localize(r.detail, options.lang) : undefined,
      ledgerLine: r.entry?.line,
    }));
    output.out(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    for (const r of reviews) output.out(`${listLine(r, options.lang)}\n`);
  }
  return 0;
}
