/**
 * A document's findings sent from its worker to the main thread as a change against the list sent last time: a
 * finding the edit did not touch travels as a reference to its place in that list and its (maybe moved) range.
 * Copying a thousand findings between threads costs more than scanning the edit; the references cost almost nothing.
 * Both sides keep the last list per document and apply the changes in the order they are sent.
 */
import type { Finding, Range } from '../engine';

/** An unchanged finding: its index in the last list, and its range now (lines above it may have come or gone). */
export type MovedFinding = readonly [index: number, startLine: number, startCharacter: number, endLine: number, endCharacter: number];

/**
 * Each item: a finding sent whole, a moved one, or (a plain index) one unchanged, range and all — the receiver then
 * keeps its very object, so what it derived from it (a diagnostic) still holds.
 */
export interface EncodedFindings {
  readonly items: readonly (Finding | MovedFinding | number)[];
}

/** What the engine says about a scan's findings: which of the last list's each one is, but for its range. */
export interface CarriedFindings {
  readonly from: readonly Finding[];
  readonly index: Int32Array;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function reference(index: number, earlier: Finding, finding: Finding): number | MovedFinding {
  if (earlier === finding || sameRange(earlier.range, finding.range)) return index;
  const { start, end } = finding.range;
  return [index, start.line, start.character, end.line, end.character] as const;
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

/**
 * `findings` as references into `previous` where they can be, whole where they are new or changed. When the engine
 * says which findings it carried from `previous` (`carried.from` is that very list), no finding is compared.
 */
export function encodeFindings(previous: readonly Finding[] | undefined, findings: readonly Finding[], carried?: CarriedFindings): EncodedFindings {
  if (!previous || previous.length === 0) return { items: findings };
  if (carried && carried.from === previous && carried.index.length === findings.length) {
    return { items: findings.map((finding, i) => (carried.index[i] < 0 ? finding : reference(carried.index[i], previous[carried.index[i]], finding))) };
  }
  // Fingerprints are unique within a file (they count identical lines), so one map finds each earlier finding.
  const byFingerprint = new Map<string, number>();
  previous.forEach((finding, index) => byFingerprint.set(`${finding.ruleId}\0${finding.fingerprint}`, index));
  return {
    items: findings.map((finding) => {
      const index = byFingerprint.get(`${finding.ruleId}\0${finding.fingerprint}`);
      if (index === undefined || !sameButRange(previous[index], finding)) return finding;
      return reference(index, previous[index], finding);
    }),
  };
}

/** Of a finding decoded as a moved one: the finding it was first moved from. */
const movedFrom = new WeakMap<Finding, Finding>();

/** The finding `finding` is a moved copy of (the first of a line of moves), if it is one. */
export function movedOrigin(finding: Finding): Finding | undefined {
  return movedFrom.get(finding);
}

/** The findings `encoded` stands for, given the list the same sender encoded against. */
export function decodeFindings(base: readonly Finding[] | undefined, encoded: EncodedFindings): Finding[] {
  return encoded.items.map((item) => {
    if (typeof item === 'number') {
      const earlier = base?.[item];
      if (!earlier) throw new Error(`a finding refers to entry ${item} of a list this thread does not have`);
      return earlier;
    }
    if (!Array.isArray(item)) return item as Finding;
    const [index, startLine, startCharacter, endLine, endCharacter] = item as MovedFinding;
    const earlier = base?.[index];
    if (!earlier) throw new Error(`a finding refers to entry ${index} of a list this thread does not have`);
    const range: Range = { start: { line: startLine, character: startCharacter }, end: { line: endLine, character: endCharacter } };
    const moved = { ...earlier, range };
    movedFrom.set(moved, movedFrom.get(earlier) ?? earlier);
    return moved;
  });
}
