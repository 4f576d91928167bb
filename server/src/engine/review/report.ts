/**
 * The evidence for the guide's item 7 (secure coding): which level the repository meets and why.
 * Level 1: a rulebook of the organization's own is defined and applied, with no unaddressed finding (each one that
 * needs a sign-off is either approved or suppressed inline with a reason). Level 2: every such finding is approved
 * by a designated reviewer who is not its author; inline suppressions do not count.
 */
import * as path from 'path';
import { builtinRulesDirectory } from '../rulebook/load';
import { Rulebook } from '../rulebook/rulebook';
import { Severity } from '../rulebook/types';
import { AuthorshipProvider, LineAuthor } from './authorship';
import { BatchLine } from './ledger';
import { Reviewer } from './policy';
import { FindingReview, REVIEW_STATES, ReviewOverview, ReviewState } from './states';

export type Level = 0 | 1 | 2;

/** Why the next level is not met, as codes the formatter turns into sentences. */
export type Shortfall =
  | { readonly code: 'no-rulebook' }
  | { readonly code: 'rulebook-errors'; readonly count: number }
  | { readonly code: 'unaddressed'; readonly count: number }
  | { readonly code: 'no-reviewers' }
  | { readonly code: 'not-approved'; readonly count: number };

export interface RuleCount {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly total: number;
  readonly suppressed: number;
  readonly byState: Readonly<Record<ReviewState, number>>;
}

export interface ReviewerActivity {
  readonly reviewer: Reviewer;
  /** Findings this reviewer's approval currently holds for. */
  readonly holding: number;
  /** Every approval this reviewer signed that is in the ledger, holding or not. */
  readonly signed: number;
  readonly latest?: Date;
}

/** A batch approval as the report shows it: one signature, how many of its findings it still covers. */
export interface BatchSummary {
  readonly id: string;
  readonly reviewer: string;
  readonly reviewerName?: string;
  readonly time: Date;
  readonly expires: Date;
  readonly reason: string;
  /** Findings the batch listed when signed. */
  readonly items: number;
  /** Findings whose approval the batch still holds now (not changed, expired, revoked or self-approved). */
  readonly holding: number;
  /** Findings the selection matched that the reviewer could not approve (their own lines, unknown authors). */
  readonly excluded: number;
}

export interface ReviewReport {
  readonly level: Level;
  readonly shortfalls: readonly Shortfall[];
  readonly rulebook: { readonly name?: string; readonly version: string; readonly files: readonly string[]; readonly rules: number; readonly require: readonly Severity[] };
  readonly filesScanned: number;
  readonly required: number;
  readonly counts: readonly RuleCount[];
  readonly totals: Readonly<Record<ReviewState, number>>;
  readonly reviewers: readonly ReviewerActivity[];
  readonly batches: readonly BatchSummary[];
  readonly oldestPending?: { readonly review: FindingReview; readonly author?: LineAuthor };
  readonly ledgerProblems: number;
  readonly generated: Date;
}

const zeroStates = (): Record<ReviewState, number> => Object.fromEntries(REVIEW_STATES.map((s) => [s, 0])) as Record<ReviewState, number>;

export interface ReportInput {
  readonly rulebook: Rulebook;
  /** Whether the workspace has its own rulebook file (the built-in default alone is not "defined" by the org). */
  readonly hasOwnRulebook: boolean;
  readonly overview: ReviewOverview;
  readonly ledgerEntries: readonly { readonly line: number; readonly entry: { readonly action: string; readonly reviewer: string; readonly time: string } }[];
  /** Batch approvals of the ledger. */
  readonly batches?: readonly BatchLine[];
  readonly filesScanned: number;
  readonly now: Date;
  /** To date the oldest pending finding by when its line was written. */
  readonly authorship?: AuthorshipProvider;
}

export async function buildReviewReport(input: ReportInput): Promise<ReviewReport> {
  const { rulebook, overview } = input;
  const policy = rulebook.config.review;
  const required = overview.reviews.filter((r) => r.required);
  const counts = new Map<string, { ruleId: string; severity: Severity; total: number; suppressed: number; byState: Record<ReviewState, number> }>();
  const totals = zeroStates();
  for (const r of required) {
    const c = counts.get(r.finding.ruleId) ?? { ruleId: r.finding.ruleId, severity: r.finding.severity, total: 0, suppressed: 0, byState: zeroStates() };
    c.total++;
    if (r.finding.suppression) c.suppressed++;
    c.byState[r.state]++;
    totals[r.state]++;
    counts.set(r.finding.ruleId, c);
  }
  const notApproved = required.filter((r) => r.state !== 'approved');
  const unaddressed = notApproved.filter((r) => !r.finding.suppression);
  const errors = rulebook.problems.filter((p) => p.severity === 'error').length;

  const shortfalls: Shortfall[] = [];
  if (!input.hasOwnRulebook) shortfalls.push({ code: 'no-rulebook' });
  if (errors > 0) shortfalls.push({ code: 'rulebook-errors', count: errors });
  if (unaddressed.length > 0) shortfalls.push({ code: 'unaddressed', count: unaddressed.length });
  const level1 = shortfalls.length === 0;
  if (policy.reviewers.length === 0) shortfalls.push({ code: 'no-reviewers' });
  if (notApproved.length > 0) shortfalls.push({ code: 'not-approved', count: notApproved.length });
  const level: Level = !level1 ? 0 : shortfalls.length === 0 ? 2 : 1;

  const reviewers = policy.reviewers.map((reviewer): ReviewerActivity => {
    // Signatures, not findings: a batch approval is one line of the ledger however many findings it lists.
    const signed = [...new Map(input.ledgerEntries.filter((l) => l.entry.action === 'approve' && l.entry.reviewer === reviewer.id).map((l) => [l.line, l])).values()];
    const latest = signed.map((l) => Date.parse(l.entry.time)).filter((t) => !Number.isNaN(t)).sort((a, b) => b - a)[0];
    return {
      reviewer,
      holding: required.filter((r) => r.state === 'approved' && r.reviewer?.id === reviewer.id).length,
      signed: signed.length,
      latest: latest !== undefined ? new Date(latest) : undefined,
    };
  });

  const batches = (input.batches ?? []).map((b): BatchSummary => ({
    id: b.id,
    reviewer: b.entry.reviewer,
    reviewerName: policy.reviewers.find((r) => r.id === b.entry.reviewer)?.name,
    time: new Date(b.entry.time),
    expires: new Date(b.entry.expires),
    reason: b.entry.reason,
    items: b.entry.items.length,
    holding: overview.reviews.filter((r) => r.state === 'approved' && r.entry?.entry.batch?.entry === b.entry).length,
    excluded: b.entry.excluded.length,
  }));

  const oldestPending = await findOldestPending(notApproved, input.authorship);
  return {
    level,
    shortfalls,
    rulebook: { name: rulebook.config.name, version: rulebook.config.version, files: describeFiles(rulebook), rules: rulebook.rules.length, require: policy.require },
    filesScanned: input.filesScanned,
    required: required.length,
    counts: [...counts.values()].sort((a, b) => a.ruleId.localeCompare(b.ruleId)),
    totals,
    reviewers,
    batches,
    oldestPending,
    ledgerProblems: overview.ledgerProblems.length,
    generated: input.now,
  };
}

/** Rulebook files relative to the workspace, the built-in rule files as one `builtin:default`. */
function describeFiles(rulebook: Rulebook): string[] {
  const builtin = builtinRulesDirectory();
  const inBuiltin = (f: string): boolean => !path.relative(builtin, f).startsWith('..');
  const own = rulebook.files.filter((f) => !inBuiltin(f)).map((f) => path.relative(rulebook.root, f).split(path.sep).join('/'));
  return rulebook.files.some(inBuiltin) ? [...own, 'builtin:default'] : own;
}

/** The not-approved finding whose line was written longest ago (by git), or the first one when git cannot tell. */
async function findOldestPending(pending: readonly FindingReview[], authorship: AuthorshipProvider | undefined): Promise<ReviewReport['oldestPending']> {
  if (pending.length === 0) return undefined;
  if (!authorship) return { review: pending[0] };
  const byPath = new Map<string, FindingReview[]>();
  for (const r of pending) byPath.set(r.finding.path, [...(byPath.get(r.finding.path) ?? []), r]);
  let best: { review: FindingReview; author?: LineAuthor } | undefined;
  for (const [path, reviews] of byPath) {
    const authors = await authorship.authorsOf(path, reviews.map((r) => r.finding.range.start.line + 1));
    for (const review of reviews) {
      const author = authors.get(review.finding.range.start.line + 1);
      const time = author?.time?.getTime() ?? Number.POSITIVE_INFINITY;
      const bestTime = best?.author?.time?.getTime() ?? Number.POSITIVE_INFINITY;
      if (!best || time < bestTime) best = { review, author };
    }
  }
  return best;
}
