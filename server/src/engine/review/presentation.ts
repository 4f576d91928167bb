/**
 * What an editor shows for a finding's review state: the hover line ("Approved by Bob Sato on 2026-03-02, until
 * 2026-08-29: …"), whether an approval is about to lapse, and the counts a status bar or tree view needs. Kept in the
 * engine so the language server and the CLI say the same thing.
 */
import { Locale, localize } from '../rulebook/types';
import { FindingReview, REVIEW_STATES, ReviewState, STATE_LABELS } from './states';

const day = (date: Date): string => date.toISOString().slice(0, 10);

/** One line for a hover, or undefined for a finding that needs no sign-off and has none. */
export function reviewHover(review: FindingReview, locale: Locale = 'en'): string | undefined {
  const detail = review.detail ? localize(review.detail, locale) : '';
  const ja = locale === 'ja';
  switch (review.state) {
    case 'approved': {
      const entry = review.entry?.entry;
      if (!entry) return undefined;
      const name = review.reviewer?.name ?? entry.reviewer;
      const on = day(new Date(entry.time));
      const until = review.expires ? day(review.expires) : entry.expires.slice(0, 10);
      if (entry.batch) {
        const { id, size } = entry.batch;
        return ja ? `${name} が ${on} に一括承認（バッチ ${id}、${size} 件、${until} まで）: ${entry.reason}` : `Approved by ${name} on ${on} in batch ${id} of ${size}, until ${until}: ${entry.reason}`;
      }
      return ja ? `${name} が ${on} に承認（${until} まで）: ${entry.reason}` : `Approved by ${name} on ${on}, until ${until}: ${entry.reason}`;
    }
    case 'expired':
      return ja ? `承認の期限切れ: ${detail}` : `Approval expired: ${detail}`;
    case 'stale':
      return ja ? `承認は無効です: ${detail}` : `Approval void: ${detail}`;
    case 'bad-signature':
    case 'self-approved':
    case 'unknown-reviewer':
      return ja ? `承認は無効です（${localize(STATE_LABELS[review.state], 'ja')}）: ${detail}` : `Approval not valid (${localize(STATE_LABELS[review.state], 'en')}): ${detail}`;
    case 'pending':
      if (detail) return ja ? `レビュー待ち: ${detail}` : `Needs a reviewer's sign-off: ${detail}`;
      return review.required ? (ja ? 'レビュー担当者の承認が必要です' : "Needs a reviewer's sign-off") : undefined;
  }
}

/** An approval that holds now but lapses within `days` (the "expiring" group of a review view). */
export function expiresWithin(review: FindingReview, now: Date, days = 30): boolean {
  return review.state === 'approved' && review.expires !== undefined && review.expires.getTime() - now.getTime() <= days * 86_400_000;
}

/** Findings that need a sign-off, counted by state (the status bar shows the ones not approved). */
export function countByState(reviews: readonly FindingReview[]): Record<ReviewState, number> {
  const counts = Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>;
  for (const r of reviews) if (r.required) counts[r.state]++;
  return counts;
}
