/**
 * Authorship of flagged lines for the editor, cached so typing never waits for `git blame`. The engine asks who
 * wrote a line only for findings with a holding approval (to spot self-approvals); the text on screen is blamed
 * (`--contents -`), and each answer is kept under the line's text with its two neighbours. A line whose text and
 * neighbours are unchanged (and unique in the file) keeps its author when other lines move or change, so only an
 * edit at or next to an approved line asks git again. Identical lines (`gets(buf);` in ten functions) are told
 * apart by their neighbours; where even those repeat, git is asked every time.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { AuthorshipProvider, LineAuthor } from '../engine';
import { GitAuthorship } from '../review-io/git-authorship';

/** Files whose answers are kept; the least recently asked are dropped first. */
const MAX_FILES = 200;

export class AuthorshipCache implements AuthorshipProvider {
  /** Per workspace-relative path: line text with its neighbours → its author (only keys unique when blamed). */
  private readonly byPath = new Map<string, Map<string, LineAuthor>>();
  /** Git calls made (for tests and logs: typing elsewhere in the file must not add any). */
  blameCount = 0;

  constructor(
    private readonly root: string,
    /** The text on screen of an open file, or undefined to read the file on disk. */
    private readonly contentsOf: (relativePath: string) => string | undefined,
  ) {}

  async authorsOf(relativePath: string, lines: readonly number[]): Promise<ReadonlyMap<number, LineAuthor>> {
    const text = this.contentsOf(relativePath) ?? (await fs.readFile(path.join(this.root, relativePath), 'utf8').catch(() => undefined));
    if (text === undefined) return new Map();
    const textLines = text.split(/\r?\n/);
    const keyOf = (n: number): string => `${textLines[n - 2] ?? '\0'}\n${textLines[n - 1]}\n${textLines[n] ?? '\0'}`;
    // Only the requested lines' keys are counted: a line's text must first equal the requested one's.
    const wanted = new Map<string, number>();
    for (const n of lines) if (textLines[n - 1] !== undefined) wanted.set(keyOf(n), 0);
    const texts = new Set(lines.map((n) => textLines[n - 1]));
    textLines.forEach((line, i) => {
      if (!texts.has(line)) return;
      const key = keyOf(i + 1);
      const count = wanted.get(key);
      if (count !== undefined) wanted.set(key, count + 1);
    });
    const unique = (n: number): string | undefined => {
      if (textLines[n - 1] === undefined) return undefined;
      const key = keyOf(n);
      return wanted.get(key) === 1 ? key : undefined;
    };

    const cached = this.byPath.get(relativePath);
    const out = new Map<number, LineAuthor>();
    const missing: number[] = [];
    for (const n of lines) {
      const key = unique(n);
      const author = key !== undefined ? cached?.get(key) : undefined;
      if (author) out.set(n, author);
      else missing.push(n);
    }
    if (missing.length === 0) return out;

    this.blameCount++;
    const git = new GitAuthorship(this.root, { contentsOf: (p) => (p === relativePath ? text : undefined) });
    const blamed = await git.authorsOf(relativePath, missing);
    const kept = cached ?? new Map<string, LineAuthor>();
    for (const [n, author] of blamed) {
      out.set(n, author);
      const key = unique(n);
      if (key !== undefined) kept.set(key, author);
    }
    this.byPath.delete(relativePath);
    this.byPath.set(relativePath, kept);
    while (this.byPath.size > MAX_FILES) this.byPath.delete(this.byPath.keys().next().value!);
    return out;
  }

  /** After a commit, checkout or pull, lines once uncommitted may have other authors: ask git again. */
  clear(): void {
    this.byPath.clear();
  }
}
