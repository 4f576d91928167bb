/**
 * One line per finding for `review list` and `review verify`: `file:line rule: state (detail)`. The state words are
 * always English (CI scripts match them); the detail follows `--lang`.
 */
import { FindingReview, Locale, localize } from '../../engine';
import { STATE_LABELS } from '../../engine/review/states';

const day = (date: Date): string => date.toISOString().slice(0, 10);

export function whereOf(review: FindingReview): string {
  return `${review.finding.path}:${review.finding.range.start.line + 1}`;
}

function approvedDetail(review: FindingReview, locale: Locale): string {
  const entry = review.entry?.entry;
  if (!entry || !review.reviewer) return '';
  const on = day(new Date(entry.time));
  const until = review.expires ? day(review.expires) : entry.expires.slice(0, 10);
  const batch = entry.batch;
  if (batch) {
    return locale === 'ja'
      ? `${review.reviewer.name} が ${on} に一括承認（バッチ ${batch.id}、${batch.size} 件）、${until} まで: ${entry.reason}`
      : `in batch ${batch.id} of ${batch.size} by ${review.reviewer.name} on ${on}, until ${until}: ${entry.reason}`;
  }
  return locale === 'ja'
    ? `${review.reviewer.name} が ${on} に承認、${until} まで: ${entry.reason}`
    : `by ${review.reviewer.name} on ${on}, until ${until}: ${entry.reason}`;
}

function detailOf(review: FindingReview, locale: Locale): string {
  if (review.state === 'approved') return approvedDetail(review, locale);
  return review.detail ? localize(review.detail, locale) : '';
}

/** `review list`: every state as it is. */
export function listLine(review: FindingReview, locale: Locale): string {
  const detail = detailOf(review, locale);
  return `${whereOf(review)} ${review.finding.ruleId}: ${localize(STATE_LABELS[review.state], 'en')}${detail ? ` (${detail})` : ''}`;
}

/** `review verify`: a stale approval needs a new review, so it is reported as pending, with why. */
export function verifyLine(review: FindingReview, locale: Locale): string {
  const detail = detailOf(review, locale);
  if (review.state === 'stale') return `${whereOf(review)} ${review.finding.ruleId}: pending (stale: ${detail})`;
  return `${whereOf(review)} ${review.finding.ruleId}: ${localize(STATE_LABELS[review.state], 'en')}${detail ? ` (${detail})` : ''}`;
}
