/**
 * The `review:` section of a rulebook as the engine uses it: who may approve (each reviewer with the SSH public key
 * that proves it), which severities need a sign-off, how long an approval holds, and whether authors may approve
 * their own lines. Built once at load; a bad reviewer is reported at its key and left out, the others stay.
 */
import { CONFIDENCES, Confidence } from '../confidence';
import { SEVERITIES, Severity } from '../rulebook/types';
import { KeyPath } from '../rulebook/yaml-source';
import { SshPublicKey, parsePublicKey } from './ssh-keys';

export interface Reviewer {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly key: SshPublicKey;
}

export interface ReviewPolicy {
  /** False when the rulebook has no `review:` section: nobody can approve, and every required finding is pending. */
  readonly configured: boolean;
  readonly reviewers: readonly Reviewer[];
  readonly require: readonly Severity[];
  /** The confidences that gate, for findings that carry one (the secret rules): `high` and `medium` by default. */
  readonly requireConfidence: readonly Confidence[];
  readonly maxDays: number;
  readonly allowSelfReview: boolean;
  /** Per-rule `max_days`, by rule id or prefix ending in `*`, in the order written. */
  readonly overrides: readonly { readonly selector: string; readonly maxDays?: number }[];
}

export const DEFAULT_REQUIRE: readonly Severity[] = ['error', 'warning'];
export const DEFAULT_REQUIRE_CONFIDENCE: readonly Confidence[] = ['high', 'medium'];
export const DEFAULT_MAX_DAYS = 180;

export const EMPTY_POLICY: ReviewPolicy = {
  configured: false,
  reviewers: [],
  require: DEFAULT_REQUIRE,
  requireConfidence: DEFAULT_REQUIRE_CONFIDENCE,
  maxDays: DEFAULT_MAX_DAYS,
  allowSelfReview: false,
  overrides: [],
};

/** The section as written (after schema validation dropped what was invalid). */
export interface ReviewSection {
  readonly reviewers?: readonly { readonly id: string; readonly name: string; readonly email: string; readonly key: string }[];
  readonly require?: readonly Severity[];
  readonly require_confidence?: readonly Confidence[];
  readonly max_days?: number;
  readonly allow_self_review?: boolean;
  readonly overrides?: Readonly<Record<string, { readonly max_days?: number }>>;
}

export type ReportProblem = (keyPath: KeyPath, message: string, severity?: 'error' | 'warning') => void;

/**
 * Builds the policy from a validated section. `invalid` holds the key paths the schema rejected: those parts fall
 * back to their defaults (a bad reviewer is left out), and `report` receives the problems only the engine can see
 * (a key that does not parse, a duplicate id or key).
 */
export function buildReviewPolicy(section: ReviewSection | undefined, invalid: (keyPath: KeyPath) => boolean, report: ReportProblem): ReviewPolicy {
  if (!section || typeof section !== 'object' || invalid(['review'])) return EMPTY_POLICY;
  const reviewers: Reviewer[] = [];
  const ids = new Map<string, number>();
  const keys = new Map<string, number>();
  const listed: NonNullable<ReviewSection['reviewers']> = Array.isArray(section.reviewers) ? section.reviewers : [];
  listed.forEach((entry, i) => {
    const at: KeyPath = ['review', 'reviewers', i];
    if (invalid(at)) return;
    let key: SshPublicKey;
    try {
      key = parsePublicKey(entry.key);
    } catch (err) {
      report([...at, 'key'], `reviewer \`${entry.id}\`: ${(err as Error).message}`);
      return;
    }
    const sameId = ids.get(entry.id);
    if (sameId !== undefined) {
      report([...at, 'id'], `reviewer id \`${entry.id}\` is listed twice (first as item ${sameId + 1})`);
      return;
    }
    const sameKey = keys.get(key.fingerprint);
    if (sameKey !== undefined) {
      report([...at, 'key'], `reviewer \`${entry.id}\` has the same key as item ${sameKey + 1}: each reviewer needs their own key`);
      return;
    }
    ids.set(entry.id, i);
    keys.set(key.fingerprint, i);
    reviewers.push({ id: entry.id, name: entry.name, email: entry.email, key });
  });
  const written: readonly Severity[] | undefined = Array.isArray(section.require) ? section.require : undefined;
  // A mistake in `require` falls back to the default rather than to fewer severities: the gate fails closed.
  const badRequire = !written || invalid(['review', 'require']) || written.some((s, i) => invalid(['review', 'require', i]) || !SEVERITIES.includes(s));
  const require = badRequire ? DEFAULT_REQUIRE : written;
  const writtenConfidence: readonly Confidence[] | undefined = Array.isArray(section.require_confidence) ? section.require_confidence : undefined;
  // As for `require`: a mistake falls back to the default, never to fewer gating findings than the default.
  const badConfidence =
    !writtenConfidence ||
    invalid(['review', 'require_confidence']) ||
    writtenConfidence.some((c, i) => invalid(['review', 'require_confidence', i]) || !CONFIDENCES.includes(c));
  const requireConfidence = badConfidence ? DEFAULT_REQUIRE_CONFIDENCE : writtenConfidence;
  const overrides = Object.entries(section.overrides ?? {})
    .filter(([selector]) => !invalid(['review', 'overrides', selector]))
    .map(([selector, o]) => ({ selector, maxDays: o.max_days }));
  return {
    configured: true,
    reviewers,
    require,
    requireConfidence,
    maxDays: invalid(['review', 'max_days']) ? DEFAULT_MAX_DAYS : section.max_days ?? DEFAULT_MAX_DAYS,
    allowSelfReview: invalid(['review', 'allow_self_review']) ? false : section.allow_self_review === true,
    overrides,
  };
}

export function reviewerById(policy: ReviewPolicy, id: string): Reviewer | undefined {
  return policy.reviewers.find((r) => r.id === id);
}

/**
 * Whether a finding of this severity (and confidence, for findings that carry one) needs a sign-off: its severity is
 * one `require` lists and its confidence one `require_confidence` lists.
 */
export function needsReview(policy: ReviewPolicy, severity: Severity, confidence?: Confidence): boolean {
  return policy.require.includes(severity) && (confidence === undefined || policy.requireConfidence.includes(confidence));
}

/** Days an approval of this rule's findings holds: the last matching override wins, exact ids over prefixes. */
export function maxDaysFor(policy: ReviewPolicy, ruleId: string): number {
  let days = policy.maxDays;
  for (const o of policy.overrides) {
    if (o.maxDays !== undefined && o.selector.endsWith('*') && ruleId.startsWith(o.selector.slice(0, -1))) days = o.maxDays;
  }
  for (const o of policy.overrides) if (o.maxDays !== undefined && o.selector === ruleId) days = o.maxDays;
  return days;
}
