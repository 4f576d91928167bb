/**
 * What a change adds, for `scan --staged`, `scan --diff-base REF` and `review verify --diff-base REF`: the files a
 * change touches and, in each, the lines it adds or modifies. Findings are kept only on those lines, so a pre-commit
 * hook or a pull request is judged on what it brings, not on what the codebase already had.
 */
import * as path from 'path';
import { FileReader, Finding } from '../engine';
import { Blob, GitRepository } from '../git/repository';
import { GitError } from '../git/run-git';
import { FileDiff, addedLines } from '../git/unified-diff';
import { UsageError, chooseForCommand } from './commands/load';
import { RulebookChoice } from './locate-rulebook';
import { isAlwaysSkipped } from './walk';

export interface ChangedFile {
  /** Absolute path in the working tree. */
  readonly file: string;
  /** Path from the top of the working tree. */
  readonly topPath: string;
  /** One-based lines the change adds or modifies; `all` for a file git does not track yet. */
  readonly lines: ReadonlySet<number> | 'all';
  /** The file's diff (undefined for an untracked file). */
  readonly diff?: FileDiff;
}

export interface ChangeSet {
  readonly repo: GitRepository;
  /** The commit the change is measured from (HEAD for staged changes, the merge base for a diff base). */
  readonly base?: string;
  /** Files with added or modified lines. */
  readonly files: readonly ChangedFile[];
  /** Every file diff, including deletions and pure renames (to find what a change removed). */
  readonly diffs: readonly FileDiff[];
  /** For people: "staged changes", "changes since abc1234 (merge base with origin/main)". */
  readonly description: string;
}

async function repositoryAt(dir: string, option: string): Promise<GitRepository> {
  const repo = await GitRepository.at(dir);
  if (!repo) throw new UsageError(`${option} needs a git working tree, and ${dir} is not in one`);
  return repo;
}

function pathspecsOf(repo: GitRepository, paths: readonly string[]): string[] {
  return paths.map((p) => repo.pathspec(p));
}

function changedFiles(repo: GitRepository, diffs: readonly FileDiff[]): ChangedFile[] {
  return diffs
    .filter((d): d is FileDiff & { newPath: string } => d.newPath !== undefined && !d.binary && d.hunks.some((h) => h.newCount > 0) && !isAlwaysSkipped(d.newPath))
    .map((d) => ({ file: repo.absolute(d.newPath), topPath: d.newPath, lines: addedLines(d), diff: d }));
}

/** The staged change: the index against HEAD (or against nothing before the first commit). */
export async function stagedChanges(cwd: string, paths: readonly string[]): Promise<ChangeSet> {
  const repo = await repositoryAt(cwd, '--staged');
  try {
    const diffs = await repo.stagedChanges(pathspecsOf(repo, paths));
    return { repo, base: await repo.head(), files: changedFiles(repo, diffs), diffs, description: 'staged changes' };
  } catch (err) {
    if (err instanceof GitError) throw new UsageError(err.message);
    throw err;
  }
}

/**
 * The working tree against the merge base of `ref` and HEAD — what a pull request from this branch into `ref`
 * adds, plus anything not committed yet. Untracked files (not ignored) count as wholly added.
 */
export async function changesSinceBase(cwd: string, ref: string, paths: readonly string[]): Promise<ChangeSet> {
  const repo = await repositoryAt(cwd, '--diff-base');
  try {
    const base = await repo.mergeBase(ref);
    const specs = pathspecsOf(repo, paths);
    const diffs = await repo.workingTreeChanges(base, specs);
    const untracked = (await repo.untrackedFiles(specs)).filter((p) => !isAlwaysSkipped(p));
    const files = [...changedFiles(repo, diffs), ...untracked.map((p): ChangedFile => ({ file: repo.absolute(p), topPath: p, lines: 'all' }))];
    return { repo, base, files, diffs, description: `changes since ${base.slice(0, 10)} (the merge base with ${ref})` };
  } catch (err) {
    if (err instanceof GitError) throw new UsageError(err.message);
    throw err;
  }
}

/** The workspace rulebook, or — when there is none — the built-in one rooted at the top of the working tree. */
export function changeRulebookChoice(explicit: string | undefined, changes: ChangeSet): RulebookChoice {
  const choice = chooseForCommand(explicit);
  return choice.file ? choice : { root: changes.repo.top };
}

/** Whether any line of a finding is one the change added or modified. */
export function onChangedLine(finding: Finding, changed: ChangedFile): boolean {
  if (changed.lines === 'all') return true;
  for (let line = finding.range.start.line + 1; line <= finding.range.end.line + 1; line++) if (changed.lines.has(line)) return true;
  return false;
}

/**
 * A reader over blobs read from git (the index, or a commit's tree), by absolute path: the engine scans what git
 * holds, not the working tree. A blob over the size limit reports its size and is never read.
 */
export function blobReader(byFile: ReadonlyMap<string, Blob>): FileReader {
  return {
    read: (file) => {
      const blob = byFile.get(path.resolve(file));
      return Promise.resolve(blob && 'bytes' in blob ? blob.bytes : undefined);
    },
    size: (file) => {
      const blob = byFile.get(path.resolve(file));
      return Promise.resolve(blob === undefined ? undefined : 'bytes' in blob ? blob.bytes.length : blob.tooLarge);
    },
    list: () => Promise.resolve([]),
  };
}

/** The blobs of files as git holds them in the index (`index`) or in a commit, keyed by absolute path. */
export async function blobsOf(repo: GitRepository, topPaths: readonly string[], from: 'index' | { commit: string }, maxSize: number): Promise<Map<string, Blob>> {
  const entries = from === 'index' ? await repo.indexEntries(topPaths) : await repo.treeEntries(from.commit, topPaths);
  const blobs = await repo.readBlobs(
    entries.map((e) => e.id),
    maxSize,
  );
  const byFile = new Map<string, Blob>();
  for (const e of entries) {
    const blob = blobs.get(e.id);
    if (blob) byFile.set(repo.absolute(e.path), blob);
  }
  return byFile;
}
