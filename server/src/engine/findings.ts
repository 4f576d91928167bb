/**
 * A finding is what every adapter shows: the CLI's text, JSON and SARIF, the language server's diagnostics and the
 * review ledger. It never holds a secret: messages carry the masked value, hashes stand in for the flagged text.
 */
import { Hash, createHash, hash } from 'crypto';
import type { Confidence } from './confidence';
import type { PathClass } from './path-classes';
import type { FindingMemo } from './finding-memo';
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
  /** The class of the file when it is not product code: test, docs or vendored (`path-classes.ts`). */
  readonly pathClass?: Exclude<PathClass, 'product'>;
  /** What the finding rests on (`provider-format`, `checksum:valid`…), when its rule's kind says. */
  readonly evidence?: readonly string[];
  /** How sure the finding is, from its evidence and path class (`confidence.ts`); set when it has evidence. */
  readonly confidence?: Confidence;
}

export function sha256(text: string): string {
  // The one-shot form: half the cost of a Hash object for the short texts findings hash.
  return hash('sha256', text, 'hex');
}

/** Lines longer than this are hashed once per rule for all their findings; shorter ones whole for each. */
const PREFIX_HASHED_LINE = 256;

/**
 * The fingerprint hashes the rule, the flagged line with its white space folded, the flagged token and the number
 * of earlier identical (rule, line) pairs in the file, so identical lines keep distinct fingerprints.
 */
export function fingerprintOf(ruleId: string, lineText: string, token: string, occurrence: number): string {
  const folded = lineText.trim().replace(/\s+/g, ' ');
  return sha256(`${ruleId}\0${folded}\0${token}\0${occurrence}`).slice(0, 32);
}

/**
 * Fingerprints for the findings of one file, the same as `fingerprintOf`'s, with each line folded and hashed once:
 * a long line with many findings is not read again for each of them.
 */
export class Fingerprints {
  private readonly folded = new Map<number, string>();
  private readonly prefixes = new Map<string, Hash>();
  private readonly occurrences = new Map<string, number>();
  private readonly lineKeys = new Map<number, number>();
  private readonly distinctLines = new Map<string, number>();
  /** Hashes of the tokens flagged so far: a file's findings often flag the same text (a function's name). */
  private readonly tokenHashes = new Map<string, string>();

  constructor(
    private readonly lineText: (line: number) => string,
    /** Fingerprints of the same document's last scan (the language server keeps one per open document). */
    private readonly memo?: FindingMemo,
  ) {}

  private foldedLine(line: number): string {
    let folded = this.folded.get(line);
    if (folded === undefined) {
      folded = this.lineText(line).trim().replace(/\s+/g, ' ');
      this.folded.set(line, folded);
    }
    return folded;
  }

  /** The same number for lines of the same (trimmed) text: what counts as "an identical line". */
  private lineKey(line: number): number {
    let key = this.lineKeys.get(line);
    if (key === undefined) {
      const text = this.lineText(line).trim();
      key = this.distinctLines.get(text);
      if (key === undefined) {
        key = this.distinctLines.size;
        this.distinctLines.set(text, key);
      }
      this.lineKeys.set(line, key);
    }
    return key;
  }

  /** The next finding of `ruleId` on `line`, in file order: its fingerprint. */
  next(ruleId: string, line: number, token: string): string {
    const occurrenceKey = `${ruleId}\0${this.lineKey(line)}`;
    const occurrence = this.occurrences.get(occurrenceKey) ?? 0;
    this.occurrences.set(occurrenceKey, occurrence + 1);
    const compute = (): string => {
      const folded = this.foldedLine(line);
      if (folded.length <= PREFIX_HASHED_LINE) return sha256(`${ruleId}\0${folded}\0${token}\0${occurrence}`).slice(0, 32);
      const prefixKey = `${ruleId}\0${line}`;
      let prefix = this.prefixes.get(prefixKey);
      if (!prefix) {
        prefix = createHash('sha256').update(`${ruleId}\0${folded}\0`, 'utf8');
        this.prefixes.set(prefixKey, prefix);
      }
      return prefix.copy().update(`${token}\0${occurrence}`, 'utf8').digest('hex').slice(0, 32);
    };
    // The memo's key holds everything the hash covers, so a hit is the hash itself.
    return this.memo ? this.memo.get(`f\0${ruleId}\0${this.foldedLine(line)}\0${token}\0${occurrence}`, compute) : compute();
  }

  /** SHA-256 of a flagged token, from the memo when the last scan hashed the same token. */
  snippetHash(token: string): string {
    let known = this.tokenHashes.get(token);
    if (known === undefined) {
      known = this.memo ? this.memo.get(`s\0${token}`, () => sha256(token)) : sha256(token);
      this.tokenHashes.set(token, known);
    }
    return known;
  }
}

/** `localeCompare`, which costs a microsecond, only for texts that differ: most findings compared share a path. */
function compareTexts(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareTexts(a.path, b.path) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    compareTexts(a.ruleId, b.ruleId)
  );
}
