/**
 * One line of the review ledger: an approval or a revocation of one finding, signed by a reviewer. The signature
 * covers a canonical serialisation of every other field, so changing any of them voids it (re-formatting the JSON
 * line does not). The flagged text itself is never stored: only hashes of it.
 */
import { sha256 } from '../findings';
import { Rule } from '../rulebook/types';
import type { BatchRef } from './batch-entry';

export type ReviewAction = 'approve' | 'revoke';

export interface ReviewFields {
  readonly action: ReviewAction;
  /** The finding's fingerprint: stable while the flagged line and token are unchanged, wherever the line moves. */
  readonly fingerprint: string;
  readonly rule: string;
  /** `ruleDefinitionHash` of the rule when it was approved: a changed rule voids its approvals. */
  readonly ruleHash: string;
  /** Workspace-relative path with forward slashes. */
  readonly path: string;
  /** One-based line at approval time; informational only (approvals follow the fingerprint, not the line). */
  readonly line: number;
  /** SHA-256 of the flagged token (`finding.snippetHash`), never the token. */
  readonly snippetHash: string;
  readonly reviewer: string;
  /** ISO 8601 UTC, to the second. */
  readonly time: string;
  /** ISO 8601 UTC; empty for a revocation. */
  readonly expires: string;
  /** The justification; required for an approval, optional for a revocation. */
  readonly reason: string;
}

export interface ReviewEntry extends ReviewFields {
  /** Base64 of the SSHSIG signature over `canonicalMessage(fields)` (for a batch item: over the batch's message). */
  readonly sig: string;
  /** Set for one item of a batch approval: the batch it was read from, whose one signature covers it. */
  readonly batch?: BatchRef;
}

export const LEDGER_FORMAT = 1;
const CANONICAL_TAG = 'secure-coding-review/1';

/**
 * The bytes a reviewer signs: a JSON array of the fields in a fixed order. An array has no key order to
 * disagree about, and JSON's escaping makes it unambiguous whatever the justification contains.
 */
export function canonicalMessage(fields: ReviewFields): Buffer {
  return Buffer.from(
    JSON.stringify([
      CANONICAL_TAG,
      fields.action,
      fields.fingerprint,
      fields.rule,
      fields.ruleHash,
      fields.path,
      fields.line,
      fields.snippetHash,
      fields.reviewer,
      fields.time,
      fields.expires,
      fields.reason,
    ]),
    'utf8',
  );
}

/** Keys that document a rule (and where it runs) but do not change what it flags: editing them keeps approvals. */
const DESCRIPTIVE_KEYS = new Set(['message', 'rationale', 'fix', 'helpUri', 'tags', 'examples', 'confidence', 'guide', 'cwe', 'severity', 'languages', 'paths']);

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A hash of what makes a rule flag what it flags: its kind and matching keys (functions, patterns, regex, query,
 * allow lists…). Rewording its message or rationale, or changing its severity, keeps approvals; changing what it
 * matches voids them, since the reviewer approved a finding of the old rule.
 */
export function ruleDefinitionHash(rule: Rule): string {
  const matching = Object.fromEntries(Object.entries(rule).filter(([key]) => !DESCRIPTIVE_KEYS.has(key)));
  return sha256(canonicalJson(matching));
}

/** Whole seconds in ISO 8601 UTC: `2026-03-01T09:30:00Z`. */
export function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}
