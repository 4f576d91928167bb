/**
 * `rulebook review verify [PATH...]`: the CI gate. Exit 0 only when every finding whose severity the rulebook's
 * `review.require` names has a valid, unexpired, correctly signed approval by a listed reviewer who is not the
 * line's author; otherwise exit 1, listing each problem as `file:line rule: pending | expired | bad signature |
 * self-approved | unknown reviewer`. Inline suppressions do not count: a reviewer still signs off.
 */
import { Locale } from '../../engine';
import { verifyLine } from '../formats/review-text';
import { Output } from '../output';
import { scanForReview } from '../review-scan';

export interface VerifyOptions {
  readonly rulebook?: string;
  /** Only the findings added or changed since the merge base of this revision and HEAD. */
  readonly diffBase?: string;
  readonly quiet?: boolean;
  readonly lang: Locale;
}

export async function reviewVerifyCommand(paths: readonly string[], options: VerifyOptions, output: Output): Promise<number> {
  const scan = await scanForReview(paths, { rulebook: options.rulebook, quiet: options.quiet, diffBase: options.diffBase }, output);
  if (!scan) return 2;
  const required = scan.overview.reviews.filter((r) => r.required);
  const problems = required.filter((r) => r.state !== 'approved');
  for (const r of problems) output.out(`${verifyLine(r, options.lang)}\n`);
  if (!options.quiet) {
    const approved = required.length - problems.length;
    const policy = scan.rulebook.config.review;
    const severities = policy.require.join(', ') || 'none';
    const confidences = policy.requireConfidence.join(', ') || 'none';
    if (options.lang === 'ja') {
      const scope = scan.scope ? `（変更範囲: ${scan.scope}）` : '';
      output.err(`レビュー: 対象の指摘 ${required.length} 件${scope}（重大度 ${severities}、シークレットの確信度 ${confidences}）、承認済み ${approved} 件、未解決 ${problems.length} 件\n`);
    } else {
      const scope = scan.scope ? ` on lines added or changed by ${scan.scope}` : '';
      output.err(`review: ${required.length} finding${required.length === 1 ? ' needs' : 's need'} a sign-off${scope} (severity ${severities}; secrets of confidence ${confidences}): ${approved} approved, ${problems.length} not\n`);
    }
    if (problems.length > 0 && policy.reviewers.length === 0) {
      output.err(options.lang === 'ja' ? 'レビュー: ルールブックにレビュー担当者がいません（review.reviewers）\n' : 'review: the rulebook lists no reviewers (review.reviewers)\n');
    }
  }
  return problems.length > 0 ? 1 : 0;
}
