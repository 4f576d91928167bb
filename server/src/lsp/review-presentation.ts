/**
 * How review states show in the editor. A finding with a holding approval drops to a hint (or is not published,
 * by the `review.approvedFindings` setting) and says who approved it; one whose approval no longer holds (expired,
 * stale, bad signature, unknown reviewer, self-approved) stays at its rulebook severity and says why. The words
 * come from the engine (`reviewHover`), so the editor and the CLI say the same thing.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { Finding, Locale, Rulebook, STATE_LABELS, expiresWithin, hiddenByDefault, localize, reviewHover } from '../engine';
import type { ReviewPolicy } from '../engine/review/policy';
import { findingDiagnostic } from './diagnostics';
import { movedOrigin } from './findings-delta';
import { withRange } from './message-encoding';
import { FindingData, ReviewItem, Settings } from './protocol';
import { FindingReviews } from './reviews';

/**
 * Whether a finding's diagnostic is left out: suppressed inline, approved while approved findings are hidden, or of low
 * confidence and not gating while `showLowConfidence` is off.
 */
export function hiddenFinding(finding: Finding, reviews: FindingReviews | undefined, settings: Settings, policy: ReviewPolicy): boolean {
  if (!settings.showLowConfidence && hiddenByDefault(finding, policy)) return true;
  return finding.suppression !== undefined || (settings.review.approvedFindings === 'hide' && reviews?.get(finding)?.state === 'approved');
}

/**
 * The diagnostic of each finding object, for as long as the rulebook, the settings and the locale stay the same: a
 * finding an edit did not touch arrives as the very object it was (`findings-delta.ts`), so its diagnostic is not
 * built again. One per document.
 */
export class DiagnosticCache {
  private key?: { readonly rulebook: Rulebook; readonly settings: Settings; readonly locale: Locale };
  private built = new WeakMap<Finding, Diagnostic>();

  /** The cache for this rulebook, settings and locale (emptied when any of them is another). */
  for(rulebook: Rulebook, settings: Settings, locale: Locale): this {
    const key = this.key;
    if (!key || key.rulebook !== rulebook || key.settings !== settings || key.locale !== locale) {
      this.key = { rulebook, settings, locale };
      this.built = new WeakMap();
    }
    return this;
  }

  get(finding: Finding, build: () => Diagnostic): Diagnostic {
    let diagnostic = this.built.get(finding);
    if (!diagnostic) {
      // A finding that only moved (lines came or went above it) has the diagnostic of the one it moved from, moved.
      const origin = movedOrigin(finding);
      const base = origin && this.built.get(origin);
      diagnostic = base ? withRange(base, finding.range) : build();
      this.built.set(finding, diagnostic);
    }
    return diagnostic;
  }
}

/** The diagnostics of a file's findings, with their review states. */
export function findingDiagnostics(findings: readonly Finding[], reviews: FindingReviews | undefined, rulebook: Rulebook, settings: Settings, locale: Locale, cache?: DiagnosticCache): Diagnostic[] {
  const out: Diagnostic[] = [];
  const built = cache?.for(rulebook, settings, locale);
  for (const finding of findings) {
    if (hiddenFinding(finding, reviews, settings, rulebook.config.review)) continue;
    const build = (): Diagnostic => findingDiagnostic(finding, rulebook.rule(finding.ruleId), settings.severityOverrides[finding.ruleId], locale);
    const diagnostic = built ? built.get(finding, build) : build();
    const review = reviews?.get(finding);
    if (!review) {
      out.push(diagnostic);
      continue;
    }
    const data: FindingData = { fingerprint: finding.fingerprint, review: review.state };
    const line = reviewHover(review, locale);
    // A plain pending finding reads as it always did; the hover says it needs a sign-off.
    const said = line && (review.state !== 'pending' || review.detail) ? `${diagnostic.message} (${line})` : diagnostic.message;
    const severity = review.state === 'approved' ? DiagnosticSeverity.Hint : diagnostic.severity;
    out.push({ ...diagnostic, severity, message: said, data });
  }
  return out;
}

/** The findings a review view lists: those that need a sign-off and those with an approval on record. */
export function reviewItems(reviews: FindingReviews | undefined, locale: Locale, now = new Date()): ReviewItem[] {
  if (!reviews) return [];
  const items: ReviewItem[] = [];
  for (const review of reviews.values()) {
    if (!review.required && review.state === 'pending') continue;
    const { finding } = review;
    items.push({
      ruleId: finding.ruleId,
      fingerprint: finding.fingerprint,
      state: review.state,
      stateLabel: localize(STATE_LABELS[review.state], locale),
      required: review.required,
      severity: finding.severity,
      range: finding.range,
      message: (locale === 'ja' ? finding.messageJa : undefined) ?? finding.message,
      detail: reviewHover(review, locale),
      reviewer: review.state === 'approved' ? (review.reviewer?.name ?? review.entry?.entry.reviewer) : undefined,
      expires: review.expires?.toISOString(),
      expiringSoon: expiresWithin(review, now),
      suppressed: finding.suppression !== undefined,
    });
  }
  return items;
}
