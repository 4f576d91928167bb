/**
 * What "gating" means, in one place. A finding gates when its severity is one the rulebook's review policy asks a
 * sign-off for (`review.require`, default `error` and `warning`) and, for a finding that carries a confidence (the
 * secret rules, `confidence.ts`), its confidence is one `review.require_confidence` lists (default `high` and
 * `medium`): it then fails `rulebook scan` unless suppressed inline with a reason or approved, and `rulebook review
 * verify` until a reviewer approves it. Any other finding (`info`, which by default includes test keys in tests and
 * docs and everything in vendored code; a `low`-confidence secret) is reported only.
 *
 * A `low`-confidence finding that does not gate is hidden by default: the CLI shows it with `--show-low-confidence`,
 * the editor with the `showLowConfidence` setting. Recall can grow with uncertain shapes without flooding anyone.
 */
import type { Finding } from './findings';
import { ReviewPolicy, needsReview } from './review/policy';

export function isGating(finding: Pick<Finding, 'severity' | 'confidence'>, policy: ReviewPolicy): boolean {
  return needsReview(policy, finding.severity, finding.confidence);
}

/** A low-confidence finding that does not gate: left out of reports and the editor unless asked for. */
export function hiddenByDefault(finding: Pick<Finding, 'severity' | 'confidence'>, policy: ReviewPolicy): boolean {
  return finding.confidence === 'low' && !isGating(finding, policy);
}
