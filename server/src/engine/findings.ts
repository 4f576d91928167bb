/**
 * A finding is what every adapter shows: the CLI's text, JSON and SARIF, the language server's diagnostics and the
 * review ledger. It never holds a secret: messages carry the masked value, hashes stand in for the flagged text.
 */
import { createHash } from 'crypto';
import { Severity } from './rulebook/types';
import { Range } from './text-index';

export interface InlineSuppression {
  readonly reason: string;
  /** Zero-based line of the suppression comment. */
  readonly line: number;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly messageJa?: string;
  /** Workspace-relative path with forward slashes. */
  readonly path: string;
  /** Zero-based range of the flagged token. */
  readonly range: Range;
  /** Stable across unrelated edits and moves; changes when the flagged line or token changes. */
  readonly fingerprint: string;
  /** SHA-256 of the flagged token's text: evidence for reviews without keeping the text. */
  readonly snippetHash: string;
  readonly cwe: readonly number[];
  readonly guide?: 7 | 8;
  readonly suppression?: InlineSuppression;
  /** What the finding rests on (`provider-format`, `checksum:valid`…), when its rule's kind says. */
  readonly evidence?: readonly string[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The fingerprint hashes the rule, the flagged line with its white space folded, the flagged token and the number
 * of earlier identical (rule, line) pairs in the file, so identical lines keep distinct fingerprints.
 */
export function fingerprintOf(ruleId: string, lineText: string, token: string, occurrence: number): string {
  const folded = lineText.trim().replace(/\s+/g, ' ');
  return sha256(`${ruleId}\0${folded}\0${token}\0${occurrence}`).slice(0, 32);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.path.localeCompare(b.path) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
