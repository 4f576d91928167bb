/**
 * Who wrote a line. The engine only asks through this interface: finding out needs `git blame`, a process the pure
 * engine never starts, so the adapters pass an implementation (`review-io/git-authorship.ts`).
 */

export interface LineAuthor {
  readonly name: string;
  /** The email git records for the author (after .mailmap), as written. */
  readonly email: string;
  /** When the line was written (the commit's author time); undefined for uncommitted lines. */
  readonly time?: Date;
  /** False when the line is not committed yet: its author is then the local git user. */
  readonly committed: boolean;
}

export interface AuthorshipProvider {
  /**
   * The authors of one-based lines of a workspace-relative file. A line missing from the result has no known author
   * (not in a git repository, or no local git user for uncommitted lines).
   */
  authorsOf(path: string, lines: readonly number[]): Promise<ReadonlyMap<number, LineAuthor>>;
}

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
