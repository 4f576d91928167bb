/**
 * Checks one ledger entry against the rulebook's reviewers: is its reviewer listed, and does its signature verify
 * with that reviewer's listed key over exactly these fields? Verification uses Node's `crypto` alone.
 */
import { ReviewEntry, canonicalMessage } from './entry';
import { ReviewPolicy, Reviewer, reviewerById } from './policy';
import { verifyMessage } from './sshsig';

export type EntryCheck =
  | { readonly status: 'valid'; readonly reviewer: Reviewer }
  | { readonly status: 'unknown-reviewer' }
  | { readonly status: 'bad-signature'; readonly reviewer: Reviewer; readonly reason: string };

export function checkEntry(entry: ReviewEntry, policy: ReviewPolicy): EntryCheck {
  const reviewer = reviewerById(policy, entry.reviewer);
  if (!reviewer) return { status: 'unknown-reviewer' };
  const blob = Buffer.from(entry.sig, 'base64');
  const result = verifyMessage(canonicalMessage(entry), blob, reviewer.key);
  if (!result.ok) return { status: 'bad-signature', reviewer, reason: result.reason };
  return { status: 'valid', reviewer };
}
