/**
 * What "gating" means, in one place. A finding gates when its severity is one the rulebook's review policy asks a
 * sign-off for (`review.require`, default `error` and `warning`): it then fails `rulebook scan` unless suppressed
 * inline with a reason or approved, and `rulebook review verify` until a reviewer approves it. Any other finding
 * (`info`, which by default includes test keys in tests and docs and everything in vendored code) is reported only.
 */
import type { Finding } from './findings';
import { ReviewPolicy, needsReview } from './review/policy';

export function isGating(finding: Pick<Finding, 'severity'>, policy: ReviewPolicy): boolean {
  return needsReview(policy, finding.severity);
}
