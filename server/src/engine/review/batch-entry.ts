/**
 * A batch approval: one reviewer's one signature over many findings chosen by rule, path glob and/or severity, with
 * one justification ("legacy, audited 2026-12") — how a team adopts the rulebook on a codebase with a thousand
 * findings without a thousand signatures. It keeps the level-2 meaning: a designated reviewer, who is not the lines'
 * author, accepted each finding's risk, and each finding stays individually tracked — the batch lists every finding
 * by fingerprint, so an item lapses on its own when its code or rule changes, and the whole batch expires by policy.
 * Lines the reviewer wrote (or whose author git cannot tell) are left out of the batch and listed.
 *
 * In the ledger a batch is one line; reading it expands it into one approval per item (`expandBatch`), so every
 * consumer of approvals — states, the gate, the editor, SARIF — treats batch items like single approvals.
 */
import { sha256 } from '../findings';
import { Severity } from '../rulebook/types';
import type { ReviewEntry } from './entry';

export const BATCH_ACTION = 'approve-batch';
const CANONICAL_TAG = 'secure-coding-review-batch/1';

/** Which findings a batch covers: every criterion given must hold (an empty list places no condition). */
export interface BatchSelection {
  /** Rule ids or prefixes ending in `*`. */
  readonly rules: readonly string[];
  /** Path globs, as in the rulebook (`src/legacy/**`). */
  readonly paths: readonly string[];
  readonly severities: readonly Severity[];
}

/** One finding of a batch, as the ledger keeps it: `[path, line, rule, fingerprint, snippetHash]`. */
export type BatchItem = readonly [path: string, line: number, rule: string, fingerprint: string, snippetHash: string];

/** A finding left out of the batch: `[path, line, rule, why]`. */
export type BatchExclusion = readonly [path: string, line: number, rule: string, why: 'self-review' | 'unknown-author'];

export interface BatchFields {
  readonly action: typeof BATCH_ACTION;
  readonly reviewer: string;
  /** ISO 8601 UTC, to the second. */
  readonly time: string;
  readonly expires: string;
  readonly reason: string;
  readonly selection: BatchSelection;
  /** `ruleDefinitionHash` of each rule with items, when signed: a changed rule voids its items. */
  readonly ruleHashes: Readonly<Record<string, string>>;
  readonly items: readonly BatchItem[];
  /** Recorded for the audit trail: what the selection matched but the reviewer could not approve. */
  readonly excluded: readonly BatchExclusion[];
}

export interface BatchEntry extends BatchFields {
  /** Base64 of the SSHSIG signature over `canonicalBatchMessage(fields)`. */
  readonly sig: string;
}

/** What each expanded item points back to: the batch, for the one signature check and for people. */
export interface BatchRef {
  readonly id: string;
  readonly size: number;
  readonly entry: BatchEntry;
}

export const sortedItems = (items: readonly BatchItem[]): BatchItem[] =>
  [...items].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[3] < b[3] ? -1 : a[3] > b[3] ? 1 : 0)));

/** The bytes the reviewer signs: every field in a fixed order, lists sorted, as one JSON array. */
export function canonicalBatchMessage(fields: BatchFields): Buffer {
  const hashes = Object.entries(fields.ruleHashes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Buffer.from(
    JSON.stringify([
      CANONICAL_TAG,
      fields.action,
      fields.reviewer,
      fields.time,
      fields.expires,
      fields.reason,
      [[...fields.selection.rules].sort(), [...fields.selection.paths].sort(), [...fields.selection.severities].sort()],
      hashes,
      sortedItems(fields.items),
      [...fields.excluded].map((e) => [...e]).sort((a, b) => (`${a[0]}\0${a[1]}\0${a[2]}` < `${b[0]}\0${b[1]}\0${b[2]}` ? -1 : 1)),
    ]),
    'utf8',
  );
}

/** A short, stable name for a batch: the start of its signed message's hash. */
export function batchId(fields: BatchFields): string {
  return sha256(canonicalBatchMessage(fields).toString('utf8')).slice(0, 12);
}

/** One approval per item, each carrying the batch's reviewer, time, expiry, reason and signature. */
export function expandBatch(entry: BatchEntry): ReviewEntry[] {
  const batch: BatchRef = { id: batchId(entry), size: entry.items.length, entry };
  return entry.items.map(([path, line, rule, fingerprint, snippetHash]) => ({
    action: 'approve',
    fingerprint,
    rule,
    ruleHash: entry.ruleHashes[rule] ?? '',
    path,
    line,
    snippetHash,
    reviewer: entry.reviewer,
    time: entry.time,
    expires: entry.expires,
    reason: entry.reason,
    sig: entry.sig,
    batch,
  }));
}

/** Why a ledger line is not a valid batch, or undefined when it is one. */
export function batchShapeProblem(o: Record<string, unknown>): string | undefined {
  for (const field of ['reviewer', 'time', 'expires', 'reason', 'sig'] as const) if (typeof o[field] !== 'string') return `field \`${field}\` is missing or not text`;
  if ((o.reason as string).trim() === '') return 'an approval without a justification';
  const selection = o.selection as Record<string, unknown> | undefined;
  if (!selection || typeof selection !== 'object' || !['rules', 'paths', 'severities'].every((k) => Array.isArray(selection[k]) && (selection[k] as unknown[]).every((v) => typeof v === 'string'))) {
    return 'field `selection` is not a selection';
  }
  const hashes = o.ruleHashes as Record<string, unknown> | undefined;
  if (!hashes || typeof hashes !== 'object' || Object.values(hashes).some((h) => typeof h !== 'string')) return 'field `ruleHashes` is not a map of hashes';
  const items = o.items;
  const itemShape = (i: unknown): boolean => Array.isArray(i) && i.length === 5 && typeof i[0] === 'string' && Number.isInteger(i[1]) && [2, 3, 4].every((k) => typeof i[k] === 'string');
  if (!Array.isArray(items) || items.length === 0 || !items.every(itemShape)) return 'field `items` is not a list of findings';
  const excluded = o.excluded;
  if (!Array.isArray(excluded) || !excluded.every((e) => Array.isArray(e) && e.length === 4 && typeof e[0] === 'string' && Number.isInteger(e[1]))) return 'field `excluded` is not a list';
  return undefined;
}

