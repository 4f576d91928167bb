/**
 * Checks one ledger entry against the rulebook's reviewers: is its reviewer listed, and does its signature verify
 * with that reviewer's listed key over exactly these fields? Verification uses Node's `crypto` alone.
 */
import { BatchEntry, canonicalBatchMessage } from './batch-entry';
import { ReviewEntry, canonicalMessage } from './entry';
import { ReviewPolicy, Reviewer, reviewerById } from './policy';
import { verifyMessage } from './sshsig';

export type EntryCheck =
  | { readonly status: 'valid'; readonly reviewer: Reviewer }
  | { readonly status: 'unknown-reviewer' }
  | { readonly status: 'bad-signature'; readonly reviewer: Reviewer; readonly reason: string };

/**
 * Checks already made, per entry and policy object. An editor computes review states at every edit from the same
 * ledger entries and rulebook; each signature is verified once (entries are never changed after they are read).
 */
const checked = new WeakMap<ReviewEntry, WeakMap<ReviewPolicy, EntryCheck>>();

/** A batch's one signature, checked once however many items it has. */
const checkedBatches = new WeakMap<BatchEntry, WeakMap<ReviewPolicy, EntryCheck>>();

export function checkEntry(entry: ReviewEntry, policy: ReviewPolicy): EntryCheck {
  if (entry.batch) return checkBatch(entry.batch.entry, policy);
  let byPolicy = checked.get(entry);
  if (!byPolicy) {
    byPolicy = new WeakMap();
    checked.set(entry, byPolicy);
  }
  let check = byPolicy.get(policy);
  if (!check) {
    check = verifyEntry(entry, policy);
    byPolicy.set(policy, check);
  }
  return check;
}

export function checkBatch(batch: BatchEntry, policy: ReviewPolicy): EntryCheck {
  let byPolicy = checkedBatches.get(batch);
  if (!byPolicy) {
    byPolicy = new WeakMap();
    checkedBatches.set(batch, byPolicy);
  }
  let check = byPolicy.get(policy);
  if (!check) {
    check = verifySignature(batch.reviewer, batch.sig, canonicalBatchMessage(batch), policy);
    byPolicy.set(policy, check);
  }
  return check;
}

function verifyEntry(entry: ReviewEntry, policy: ReviewPolicy): EntryCheck {
  return verifySignature(entry.reviewer, entry.sig, canonicalMessage(entry), policy);
}

function verifySignature(reviewerId: string, sig: string, message: Buffer, policy: ReviewPolicy): EntryCheck {
  const reviewer = reviewerById(policy, reviewerId);
  if (!reviewer) return { status: 'unknown-reviewer' };
  const blob = Buffer.from(sig, 'base64');
  const result = verifyMessage(message, blob, reviewer.key);
  if (!result.ok) return { status: 'bad-signature', reviewer, reason: result.reason };
  return { status: 'valid', reviewer };
}
