/**
 * The review state of a file's findings for the editor: the engine's `reviewStates` over the ledger of the file's
 * workspace (read once, read again when the watcher says it changed) and cached authorship. Only the ledger entries
 * of the file are handed to the engine, so a long ledger costs each edit only that file's signatures.
 */
import * as path from 'path';
import { EMPTY_LEDGER, Finding, FindingReview, Ledger, LEDGER_RELATIVE_PATH, Rulebook, reviewStates } from '../engine';
import { readLedger } from '../review-io/ledger-file';
import { AuthorshipCache } from './authorship-cache';

export type FindingReviews = ReadonlyMap<Finding, FindingReview>;

export interface ReviewServiceEnvironment {
  /** The text on screen of a file, or undefined when it is not open. */
  contentsOf(file: string): string | undefined;
  report(message: string): void;
  /** The lines of a ledger that could not be read (none: its earlier problems are gone). */
  ledgerProblems(file: string, problems: Ledger['problems']): void;
}

export class ReviewService {
  private readonly ledgers = new Map<string, Promise<Ledger>>();
  private readonly authors = new Map<string, AuthorshipCache>();

  constructor(private readonly env: ReviewServiceEnvironment) {}

  /** Whether the rulebook asks for reviews at all: without a `review:` section the editor shows none. */
  static enabled(rulebook: Rulebook): boolean {
    return rulebook.config.review.configured;
  }

  /** The ledger of a workspace root, as last read. */
  ledger(root: string): Promise<Ledger> {
    let ledger = this.ledgers.get(root);
    if (!ledger) {
      const file = path.join(root, LEDGER_RELATIVE_PATH);
      ledger = readLedger(root).then(
        (read) => {
          // A corrupt or hand-edited line is shown where it is; every other approval still holds.
          this.env.ledgerProblems(file, read.problems);
          return read;
        },
        (err: unknown) => {
          this.env.report(`cannot read ${file}: ${String(err)}`);
          return EMPTY_LEDGER;
        },
      );
      this.ledgers.set(root, ledger);
    }
    return ledger;
  }

  authorship(root: string): AuthorshipCache {
    let cache = this.authors.get(root);
    if (!cache) {
      cache = new AuthorshipCache(root, (rel) => this.env.contentsOf(path.join(root, rel)));
      this.authors.set(root, cache);
    }
    return cache;
  }

  /** Whether `file` is a ledger (`<root>/.secure-coding/reviews.jsonl`). */
  static isLedger(file: string): boolean {
    return file.split(path.sep).join('/').endsWith(`/${LEDGER_RELATIVE_PATH}`);
  }

  /** Whether `file` says git's history moved: `.git/HEAD` or a branch under `.git/refs/` (a commit, checkout, pull). */
  static isGitHistory(file: string): boolean {
    const f = file.split(path.sep).join('/');
    return f.endsWith('/.git/HEAD') || f.includes('/.git/refs/');
  }

  /** Git's history moved: lines may have other authors now (an amended or rebased commit), so blame again. */
  historyChanged(): void {
    for (const cache of this.authors.values()) cache.clear();
  }

  /** The ledger at `file` changed (or was written by this server): read it again on next use. */
  ledgerChanged(file: string): void {
    const root = path.dirname(path.dirname(file));
    this.ledgers.delete(root);
    // A ledger change often comes with a pull or a commit, after which lines may have other authors.
    this.authors.get(root)?.clear();
  }

  /** The review of each finding of one file (`relativePath` from the rulebook's root), or undefined without a review section. */
  async reviews(rulebook: Rulebook, relativePath: string, findings: readonly Finding[], now = new Date()): Promise<FindingReviews | undefined> {
    if (!ReviewService.enabled(rulebook)) return undefined;
    const ledger = await this.ledger(rulebook.root);
    const own: Ledger = { entries: ledger.entries.filter((l) => l.entry.path === relativePath), problems: [] };
    const overview = await reviewStates(findings, own, rulebook, { now, authorship: this.authorship(rulebook.root) });
    return new Map(overview.reviews.map((r) => [r.finding, r]));
  }
}
