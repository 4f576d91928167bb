/**
 * A document's findings sent from its worker to the main thread as a change against the list sent last time: a
 * finding the edit did not touch travels as a reference to its place in that list and its (maybe moved) range.
 * Copying a thousand findings between threads costs more than scanning the edit; the references cost almost nothing.
 * Both sides keep the last list per document and apply the changes in the order they are sent.
 */
import type { Finding, Range } from '../engine';

/** An unchanged finding: its index in the last list, and its range now (lines above it may have come or gone). */
export type MovedFinding = readonly [index: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number];

export interface EncodedFindings {
  readonly items: readonly (Finding | MovedFinding)[];
}

/** Deep equality of plain finding data: strings, numbers, arrays and small records (a suppression). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((value, i) => same(value, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
  }
  return false;
}

/** Whether two findings differ at most in their range: every other field, present or future, is compared. */
function sameButRange(a: Finding, b: Finding): boolean {
  if (a.fingerprint !== b.fingerprint) return false;
  const keys = Object.keys(a) as (keyof Finding)[];
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => key === 'range' || same(a[key], b[key]));
}

/** `findings` as references into `previous` where they can be, whole where they are new or changed. */
export function encodeFindings(previous: readonly Finding[] | undefined, findings: readonly Finding[]): EncodedFindings {
  if (!previous || previous.length === 0) return { items: findings };
  // Fingerprints are unique within a file (they count identical lines), so one map finds each earlier finding.
  const byFingerprint = new Map<string, number>();
  previous.forEach((finding, index) => byFingerprint.set(`${finding.ruleId}\0${finding.fingerprint}`, index));
  return {
    items: findings.map((finding) => {
      const index = byFingerprint.get(`${finding.ruleId}\0${finding.fingerprint}`);
      if (index === undefined || !sameButRange(previous[index], finding)) return finding;
      const { start, end } = finding.range;
      return [index, start.line, start.character, end.line, end.character] as const;
    }),
  };
}

/** The findings `encoded` stands for, given the list the same sender encoded against. */
export function decodeFindings(base: readonly Finding[] | undefined, encoded: EncodedFindings): Finding[] {
  return encoded.items.map((item) => {
    if (!Array.isArray(item)) return item as Finding;
    const [index, startLine, startCharacter, endLine, endCharacter] = item as MovedFinding;
    const earlier = base?.[index];
    if (!earlier) throw new Error(`a finding refers to entry ${index} of a list this thread does not have`);
    const range: Range = { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
    return { ...earlier, range };
  });
}
