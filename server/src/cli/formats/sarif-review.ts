/**
 * SARIF for reviewed findings: an approval holding for a finding becomes a `suppressions` entry of kind `external`
 * with status `accepted`, carrying the justification, the reviewer and the expiry, so code-scanning viewers show
 * the finding as reviewed rather than open.
 */
import type * as Sarif from 'sarif';
import { FindingReview } from '../../engine';

export function approvalSuppression(review: FindingReview | undefined): Sarif.Suppression[] {
  if (!review || review.state !== 'approved' || !review.entry || !review.reviewer) return [];
  const entry = review.entry.entry;
  return [
    {
      kind: 'external',
      status: 'accepted',
      justification: entry.reason,
      properties: {
        reviewer: review.reviewer.id,
        reviewerName: review.reviewer.name,
        reviewerKey: review.reviewer.key.fingerprint,
        approved: entry.time,
        expires: review.expires ? `${review.expires.toISOString().slice(0, 19)}Z` : entry.expires,
        ...(entry.batch ? { batch: entry.batch.id, batchSize: entry.batch.size } : {}),
      },
    },
  ];
}
