/**
 * Findings carried from one scan of an edited document to the next. The matchers still run over every fact, but
 * turning a match into a finding — range, fingerprint, message, confidence — is the costly part for a file with a
 * thousand findings, and an edit changes a line or two. A match of the new text is the same finding as one of the
 * last scan when:
 * - it lies on lines the edit did not touch (so its line text and token are the same, moved by the edit's line
 *   delta if it lies after the edit), at the same place in the old text;
 * - the same rule (the same `ActiveRule`: same rulebook, path and settings) matched there with the same
 *   message variables, notes, evidence, CWE and lowering;
 * - no finding of the same rule on an identical line came or went (a fingerprint counts earlier identical lines), and
 *   the same suppression covers it.
 * Such a finding is the last scan's object, or a copy with its range (and suppression line) moved. Everything else
 * is built afresh, and the fingerprints of every finding whose (rule, line) group changed are counted again.
 */
import type { Finding, InlineSuppression } from './findings';
import type { RawMatch } from './kinds/kind';
import type { ActiveRule } from './rulebook/rulebook';
import type { LocalizedText } from './rulebook/types';
import type { ChangedRegion } from './syntax/fact-snapshot';
import type { Range, TextIndex } from './text-index';

/** A finding of the last scan, with what the next scan compares it by. */
interface Carried {
  readonly rule: ActiveRule;
  /** Offsets of the match in the text of that scan. */
  readonly start: number;
  readonly end: number;
  readonly match: RawMatch;
  readonly finding: Finding;
  /** The rule and the trimmed text of the finding's line: the group its fingerprint's occurrence is counted in. */
  readonly group: string;
  /** Its place in its scan's findings. */
  readonly index: number;
}

interface Generation {
  /** In the order of the findings (by start offset, then rule id). */
  readonly carried: readonly Carried[];
  readonly findings: readonly Finding[];
  readonly lineCount: number;
}

function sameText(a: LocalizedText | undefined, b: LocalizedText | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return a.en === b.en && a.ja === b.ja;
}

function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Whether two matches say the same thing (their offsets aside): what a finding is built from. */
function sameMatch(a: RawMatch, b: RawMatch): boolean {
  if (a.cwe !== b.cwe || a.lowered !== b.lowered) return false;
  if (!sameText(a.note, b.note) || !sameText(a.informational, b.informational) || !sameStrings(a.evidence, b.evidence)) return false;
  if (a.vars === b.vars) return true;
  if (!a.vars || !b.vars) return false;
  const keys = Object.keys(a.vars);
  if (keys.length !== Object.keys(b.vars).length) return false;
  for (const key of keys) if (!sameText(a.vars[key], b.vars[key])) return false;
  return true;
}

function movedRange(range: Range, lines: number): Range {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}

/** What one scan decided for one match: the last scan's finding it carries, or none. */
export interface CarryDecision {
  readonly from?: Carried;
  /** Lines the carried finding moved by. */
  readonly lines: number;
}

/**
 * One scan's use of the last scan's findings: asked match by match, in the order of the sorted matches. Its result
 * becomes what the next scan carries from only when the scan finishes (`FindingCarry.commit`).
 */
export class CarrySession {
  private next = 0;
  private readonly used: Uint8Array;
  private readonly kept: Carried[] = [];
  private readonly indexes: number[] = [];
  private built?: Finding[];

  private index?: TextIndex;
  private firstLine = 0;
  private lastLine = 0;
  private lineDelta = 0;

  constructor(
    private readonly previous: Generation | undefined,
    private readonly changed: ChangedRegion | undefined,
  ) {
    this.used = new Uint8Array(previous?.carried.length ?? 0);
  }

  /** The scan's text is indexed: where the edit lies in lines. */
  start(index: TextIndex): void {
    this.index = index;
    if (!this.changed || !this.previous) return;
    this.firstLine = index.lineAt(this.changed.start);
    this.lastLine = index.lineAt(this.changed.newEnd);
    this.lineDelta = index.lineCount - this.previous.lineCount;
  }

  /**
   * The last scan's finding this match is, if any (`start`/`end` in the new text, on lines `startLine`–`endLine`).
   * Matches must be asked for in order of their start.
   */
  find(rule: ActiveRule, match: RawMatch, startLine: number, endLine: number): CarryDecision {
    const previous = this.previous;
    const changed = this.changed;
    if (!previous || !changed || !this.index) return { lines: 0 };
    let lines: number;
    let by: number;
    if (endLine < this.firstLine) {
      lines = 0;
      by = 0;
    } else if (startLine > this.lastLine) {
      lines = this.lineDelta;
      by = changed.newEnd - changed.oldEnd;
    } else {
      return { lines: 0 };
    }
    const start = match.start - by;
    const end = match.end - by;
    const carried = previous.carried;
    // Both lists are in order of start, and the old offsets of matches outside the edit keep that order.
    while (this.next < carried.length && carried[this.next].start < start) this.next++;
    for (let i = this.next; i < carried.length && carried[i].start === start; i++) {
      const c = carried[i];
      if (this.used[i] || c.rule !== rule || c.end !== end || !sameMatch(c.match, match)) continue;
      this.used[i] = 1;
      return { from: c, lines };
    }
    return { lines: 0 };
  }

  /** The groups (rule and trimmed line) of the last scan's findings that this scan does not carry. */
  droppedGroups(): Set<string> {
    const groups = new Set<string>();
    const carried = this.previous?.carried ?? [];
    for (let i = 0; i < carried.length; i++) if (!this.used[i]) groups.add(carried[i].group);
    return groups;
  }

  /**
   * Records the finding made for a match (in the order of the findings). `from`: the last scan's finding it carries
   * when it differs from that one in its range (and its suppression's line) alone.
   */
  record(rule: ActiveRule, match: RawMatch, finding: Finding, group: string, from: Carried | undefined): void {
    this.kept.push({ rule, start: match.start, end: match.end, match, finding, group, index: this.kept.length });
    this.indexes.push(from ? from.index : -1);
  }

  /** A carried finding as it is in the new text: the same object, or a copy moved by `lines`. */
  static moved(finding: Finding, lines: number, suppression: InlineSuppression | undefined): Finding {
    if (lines === 0 && suppression === finding.suppression) return finding;
    return { ...finding, range: movedRange(finding.range, lines), suppression };
  }

  finish(findings: Finding[]): void {
    this.built = findings;
  }

  /** For each finding, the index of the last scan's finding it carries unchanged but for its range, or -1. */
  carried(): { readonly from: readonly Finding[]; readonly index: Int32Array } | undefined {
    if (!this.previous) return undefined;
    return { from: this.previous.findings, index: Int32Array.from(this.indexes) };
  }

  generation(): Generation | undefined {
    return this.built && this.index ? { carried: this.kept, findings: this.built, lineCount: this.index.lineCount } : undefined;
  }
}

/** The findings of a document's last finished scan, for the next scan of its next version. */
export class FindingCarry {
  private last?: Generation;

  /** A scan of the text the last scan's text became through `changed` (undefined: unknown, start over). */
  session(changed: ChangedRegion | undefined): CarrySession {
    return new CarrySession(changed ? this.last : undefined, changed);
  }

  /** The scan finished: what it found is what the next one carries from. */
  commit(session: CarrySession): void {
    this.last = session.generation();
  }

  /** Forget everything (a stopped scan, or a text too large to keep). */
  abandon(): void {
    this.last = undefined;
  }
}
