/**
 * The review ledger, `.secure-coding/reviews.jsonl`: one signed entry per line, only ever appended to, so two
 * reviewers' approvals merge in git line by line. Reading it never fails as a whole: a line that is not a valid
 * entry is reported with its line number and skipped, and every other line keeps counting.
 */
import { BATCH_ACTION, BatchEntry, batchId, batchShapeProblem, expandBatch } from './batch-entry';
import { LEDGER_FORMAT, ReviewEntry } from './entry';

export const LEDGER_RELATIVE_PATH = '.secure-coding/reviews.jsonl';

export interface LedgerLine {
  /** One-based line number in the ledger file. */
  readonly line: number;
  readonly entry: ReviewEntry;
}

export interface LedgerProblem {
  readonly line: number;
  readonly message: string;
}

/** A batch approval as one ledger line. */
export interface BatchLine {
  readonly line: number;
  readonly id: string;
  readonly entry: BatchEntry;
}

export interface Ledger {
  /** Every approval and revocation; a batch approval contributes one entry per item, all with its line number. */
  readonly entries: readonly LedgerLine[];
  /** The batch approvals themselves (their items are in `entries` too). */
  readonly batches?: readonly BatchLine[];
  /** Lines that could not be read as entries (corrupt, truncated, hand-edited into another shape). */
  readonly problems: readonly LedgerProblem[];
}

export const EMPTY_LEDGER: Ledger = { entries: [], batches: [], problems: [] };

const STRING_FIELDS = ['fingerprint', 'rule', 'ruleHash', 'path', 'snippetHash', 'reviewer', 'time', 'expires', 'reason', 'sig'] as const;
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function shapeProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const o = value as Record<string, unknown>;
  if (o.v !== LEDGER_FORMAT) return `unknown ledger format ${JSON.stringify(o.v)} (this version reads format ${LEDGER_FORMAT})`;
  if (o.action === BATCH_ACTION) return batchShapeProblem(o);
  if (o.action !== 'approve' && o.action !== 'revoke') return `unknown action ${JSON.stringify(o.action)}`;
  for (const field of STRING_FIELDS) if (typeof o[field] !== 'string') return `field \`${field}\` is missing or not text`;
  if (typeof o.line !== 'number' || !Number.isInteger(o.line) || o.line < 1) return 'field `line` is not a line number';
  if (!ISO_SECONDS.test(o.time as string)) return 'field `time` is not an ISO 8601 UTC time';
  if (o.action === 'approve') {
    if (!ISO_SECONDS.test(o.expires as string)) return 'field `expires` is not an ISO 8601 UTC time';
    if ((o.reason as string).trim() === '') return 'an approval without a justification';
  }
  return undefined;
}

export function parseLedger(text: string): Ledger {
  const entries: LedgerLine[] = [];
  const batches: BatchLine[] = [];
  const problems: LedgerProblem[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch {
      const truncated = i === lines.length - 1 && !text.endsWith('\n');
      problems.push({ line, message: truncated ? 'incomplete last line (an interrupted write?); ignored' : 'not valid JSON; ignored' });
      return;
    }
    const problem = shapeProblem(value);
    if (problem) {
      problems.push({ line, message: `${problem}; ignored` });
      return;
    }
    if ((value as { action: string }).action === BATCH_ACTION) {
      const batch = value as BatchEntry;
      batches.push({ line, id: batchId(batch), entry: batch });
      for (const item of expandBatch(batch)) entries.push({ line, entry: item });
      return;
    }
    entries.push({ line, entry: value as ReviewEntry });
  });
  return { entries, batches, problems };
}

/** A batch approval's ledger line (without the newline): the batch's fields first, then its items. */
export function serializeBatch(entry: BatchEntry): string {
  return JSON.stringify({
    v: LEDGER_FORMAT,
    action: entry.action,
    reviewer: entry.reviewer,
    time: entry.time,
    expires: entry.expires,
    reason: entry.reason,
    selection: entry.selection,
    ruleHashes: entry.ruleHashes,
    items: entry.items,
    excluded: entry.excluded,
    sig: entry.sig,
  });
}

/** One ledger line (without the newline), fields in a fixed readable order. */
export function serializeEntry(entry: ReviewEntry): string {
  return JSON.stringify({
    v: LEDGER_FORMAT,
    action: entry.action,
    path: entry.path,
    line: entry.line,
    rule: entry.rule,
    reviewer: entry.reviewer,
    time: entry.time,
    expires: entry.expires,
    reason: entry.reason,
    fingerprint: entry.fingerprint,
    snippetHash: entry.snippetHash,
    ruleHash: entry.ruleHash,
    sig: entry.sig,
  });
}
