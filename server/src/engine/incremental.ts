/**
 * A document scanned again and again as it is edited (the language server's open files). It keeps the syntax tree
 * and the facts of the last scan; edits are recorded as they arrive and applied at the next scan, so the tree is
 * reparsed incrementally (`tree.edit` + `parser.parse(text, oldTree)`) and only facts near the edit are read again.
 */
import { FindingCarry } from './finding-carry';
import { FindingMemo } from './finding-memo';
import type { Edit, Point, Tree } from './tree-api';
import { LanguageId } from './languages';
import { ActiveRule } from './rulebook/rulebook';
import { LinePrefilters } from './line-prefilters';
import { ScanResult, prefilterParsed, scanWithRules } from './scanner';
import { ChangedRegion, FactSnapshot } from './syntax/fact-snapshot';
import { deleteTree } from './syntax/ancestry';
import { ScanBudget } from './budget';

function pointAt(text: string, offset: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

function pointAfter(start: Point, inserted: string): Point {
  const lastBreak = inserted.lastIndexOf('\n');
  if (lastBreak < 0) return { row: start.row, column: start.column + inserted.length };
  let breaks = 0;
  for (let i = inserted.indexOf('\n'); i >= 0; i = inserted.indexOf('\n', i + 1)) breaks++;
  return { row: start.row + breaks, column: inserted.length - lastBreak - 1 };
}

/** The edit that replaces `[start, oldEnd)` of `before` with `inserted`, in tree-sitter's terms (UTF-16 offsets). */
export function describeEdit(before: string, start: number, oldEnd: number, inserted: string): Edit {
  const startPosition = pointAt(before, start);
  return {
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: start + inserted.length,
    startPosition,
    oldEndPosition: pointAt(before, oldEnd),
    newEndPosition: pointAfter(startPosition, inserted),
  };
}

/** One edit covering every difference between two texts (their common prefix and suffix stay). */
export function diffEdit(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  return describeEdit(before, prefix, before.length - suffix, after.slice(prefix, after.length - suffix));
}

/** Folds a new edit into the region changed so far (both in the coordinates of the text before `edit`). */
function foldRegion(region: ChangedRegion | undefined, edit: Edit): ChangedRegion {
  const delta = edit.newEndIndex - edit.oldEndIndex;
  if (!region) return { start: edit.startIndex, oldEnd: edit.oldEndIndex, newEnd: edit.newEndIndex };
  const map = (offset: number): number => (offset < edit.startIndex ? offset : offset >= edit.oldEndIndex ? offset + delta : edit.newEndIndex);
  const start = Math.min(map(region.start), edit.startIndex);
  const newEnd = Math.max(map(region.newEnd), edit.newEndIndex);
  const totalDelta = region.newEnd - region.oldEnd + delta;
  return { start, oldEnd: newEnd - totalDelta, newEnd };
}

const NO_CHANGE: ChangedRegion = { start: 0, oldEnd: 0, newEnd: 0 };

/**
 * Texts longer than this (UTF-16 units) keep neither their tree nor their facts: each scan parses afresh and reads
 * facts only around the lines that can hold a finding, as a one-off scan does. Keeping them pays off for the edits of
 * an ordinary source file; a generated table of 100,000 literals is rarely edited, and its tree alone would cost
 * some 40× its size for as long as it is open.
 */
export const KEPT_FACTS_LIMIT = 256 * 1024;

interface Parsed {
  readonly tree: Tree;
  readonly facts?: FactSnapshot;
}

export class IncrementalDocument {
  private parsed?: Parsed;
  /** Length of the last scanned text: with the edits' length changes, a check that they add up to the next one. */
  private scannedLength?: number;
  private readonly prefilters = new LinePrefilters();
  private pending: { readonly seq: number; readonly edit: Edit }[] = [];
  private seq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** Scans asked for and not finished: edits recorded meanwhile belong to their texts. */
  private scansPending = 0;
  private disposed = false;

  constructor(
    /** Workspace-relative path (for path globs and findings). */
    readonly path: string,
    readonly languageId: LanguageId,
  ) {}

  /** Fingerprints and hashes of the last scan's findings, for the next scan's unchanged ones. */
  private readonly memo = new FindingMemo();
  /** The last scan's findings, carried into the next scan where the edit left them as they were. */
  private readonly carry = new FindingCarry();

  /** Records an edit of the text as it is now, after every edit recorded before it. */
  edit(edit: Edit): void {
    // Before any scan (or after `reset`) the next scan starts from scratch: the edit would only take memory.
    if (this.scannedLength === undefined && this.scansPending === 0) return;
    this.pending.push({ seq: ++this.seq, edit });
  }

  /** The tree of the last scanned text (valid until the next scan, `releaseTree` or `dispose`). */
  get currentTree(): Tree | undefined {
    return this.parsed?.tree;
  }

  /**
   * Scans `text`: the document after every edit recorded so far. Scans of one document run one after another in
   * the order they were asked for; edits recorded meanwhile wait for the scan of the text they belong to.
   * `budget` is asked for when the scan starts (its clock must not run while an earlier scan is still going); a scan
   * over it throws `ScanStopped` and the next one starts from scratch.
   */
  scan(rules: readonly ActiveRule[], text: string, budget?: () => ScanBudget | undefined): Promise<ScanResult> {
    const upTo = this.seq;
    this.scansPending++;
    const run = this.queue.then(() => this.scanNow(rules, text, upTo, budget?.())).finally(() => this.scansPending--);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private takeEdits(upTo: number): Edit[] {
    const taken = this.pending.filter((p) => p.seq <= upTo).map((p) => p.edit);
    this.pending = this.pending.filter((p) => p.seq > upTo);
    return taken;
  }

  private async scanNow(rules: readonly ActiveRule[], text: string, upTo: number, budget: ScanBudget | undefined): Promise<ScanResult> {
    if (this.disposed) throw new Error('the document was closed');
    const edits = this.takeEdits(upTo);
    let previous = this.parsed;
    this.parsed = undefined;
    const length = this.scannedLength === undefined ? undefined : edits.reduce((n, e) => n + e.newEndIndex - e.oldEndIndex, this.scannedLength);
    this.scannedLength = undefined;
    // Without a last scan, or when the edits do not add up to this text (a caller's mistake), start over.
    let changed: ChangedRegion | undefined;
    if (length === text.length) {
      for (const edit of edits) {
        previous?.tree.edit(edit);
        changed = foldRegion(changed, edit);
      }
      changed ??= NO_CHANGE;
    } else if (previous) {
      deleteTree(previous.tree);
      previous = undefined;
    }
    try {
      const prefiltered = this.prefilters.results(rules, text, changed, prefilterParsed(this.languageId));
      const keep = text.length <= KEPT_FACTS_LIMIT;
      // Findings are carried only from the scan of the text the edits were made to.
      const session = keep ? this.carry.session(changed) : undefined;
      const result = await scanWithRules(
        rules,
        {
          path: this.path,
          text,
          languageId: this.languageId,
          previousTree: previous?.tree,
          previousFacts: keep ? previous?.facts : undefined,
          changed: changed ?? NO_CHANGE,
          prefiltered,
        },
        { keepTree: keep, keepFacts: keep, budget, memo: keep ? this.memo : undefined, carry: session },
      );
      if (keep) this.memo.finish();
      else this.memo.abandon();
      if (session) this.carry.commit(session);
      else this.carry.abandon();
      if (this.disposed) {
        if (result.tree) deleteTree(result.tree);
      } else {
        if (result.tree) this.parsed = { tree: result.tree, facts: result.facts };
        this.scannedLength = text.length;
      }
      return { ...result, tree: undefined, facts: undefined };
    } catch (err) {
      this.memo.abandon();
      this.carry.abandon();
      throw err;
    } finally {
      if (previous) deleteTree(previous.tree);
    }
  }

  /** Frees the tree and facts (the next scan parses from scratch): for a memory budget over many open files. */
  releaseTree(): void {
    void this.queue.then(() => {
      if (this.parsed) deleteTree(this.parsed.tree);
      this.parsed = undefined;
    });
  }

  /** Forgets everything (for a document that is not scanned for now, e.g. over the size limit). */
  reset(): void {
    void this.queue.then(() => {
      if (this.parsed) deleteTree(this.parsed.tree);
      this.parsed = undefined;
      this.scannedLength = undefined;
      if (this.scansPending === 0) this.pending = [];
    });
  }

  dispose(): void {
    this.disposed = true;
    this.pending = [];
    this.reset();
  }
}
