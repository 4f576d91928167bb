/**
 * The git questions the CLI asks about a working copy: where its top is, what is staged, what changed since a
 * base, and the bytes of blobs in the index or a commit. Every path that comes back is relative to the top of the
 * working tree, with forward slashes, as git writes it.
 */
import * as path from 'path';
import { GitError, gitText, runGit } from './run-git';
import { FileDiff, parseUnifiedDiff } from './unified-diff';

/** Pinned for every patch the CLI parses: `a/`/`b/` prefixes, no external diff or text conversion, no context. */
const PATCH_ARGS = ['-p', '-U0', '-M', '--no-color', '--no-ext-diff', '--no-textconv', '--src-prefix=a/', '--dst-prefix=b/', '--ignore-submodules'];

/** A blob's bytes, or just its size when it is over the limit asked for (so it is never read). */
export type Blob = { readonly bytes: Buffer } | { readonly tooLarge: number };

export interface BlobEntry {
  /** Path from the top of the working tree. */
  readonly path: string;
  readonly id: string;
  readonly mode: string;
}

export class GitRepository {
  private constructor(
    /** The top of the working tree (absolute, real path as git prints it). */
    readonly top: string,
  ) {}

  /** The repository holding `dir`, or undefined when `dir` is not inside a git working tree. */
  static async at(dir: string): Promise<GitRepository | undefined> {
    const top = await runGit(dir, ['rev-parse', '--show-toplevel'], { allowFailure: true });
    const text = top?.toString('utf8').trim();
    return text ? new GitRepository(path.resolve(text)) : undefined;
  }

  /** `top`-relative path → absolute path. */
  absolute(rel: string): string {
    return path.join(this.top, ...rel.split('/'));
  }

  /** An absolute path → a literal pathspec from the top (`:(top,literal)src/a.c`), so names are never globs. */
  pathspec(file: string): string {
    const rel = path.relative(this.top, path.resolve(file)).split(path.sep).join('/');
    return `:(top,literal)${rel}`;
  }

  /** The commit a revision names; throws a GitError that says so when it names none. */
  async commit(rev: string): Promise<string> {
    const out = await runGit(this.top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], { allowFailure: true });
    if (!out) throw new GitError(['rev-parse', rev], 128, `${rev} is not a commit in this repository`);
    return out.toString('utf8').trim();
  }

  /** HEAD's commit, or undefined before the first commit. */
  async head(): Promise<string | undefined> {
    const out = await runGit(this.top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { allowFailure: true });
    return out?.toString('utf8').trim() || undefined;
  }

  /** The empty tree in this repository's hash (SHA-1 or SHA-256): what an initial commit is compared with. */
  async emptyTree(): Promise<string> {
    return gitText(this.top, ['hash-object', '-t', 'tree', '--stdin']).catch(() => gitText(this.top, ['hash-object', '-t', 'tree', '/dev/null']));
  }

  /** The best common ancestor of `ref` and HEAD: where a branch meant for `ref` started. */
  async mergeBase(ref: string): Promise<string> {
    const target = await this.commit(ref);
    const head = await this.head();
    if (!head) throw new GitError(['merge-base', ref, 'HEAD'], 128, 'HEAD has no commit yet');
    const out = await runGit(this.top, ['merge-base', target, head], { allowFailure: true });
    const base = out?.toString('utf8').trim();
    if (!base) throw new GitError(['merge-base', ref, 'HEAD'], 1, `${ref} and HEAD have no common ancestor`);
    return base;
  }

  /** What `git commit` would record: the index against HEAD (or against nothing, before the first commit). */
  async stagedChanges(pathspecs: readonly string[] = []): Promise<FileDiff[]> {
    const base = (await this.head()) ?? (await this.emptyTree());
    const out = await runGit(this.top, ['diff-index', '--cached', ...PATCH_ARGS, base, '--', ...pathspecs]);
    return parseUnifiedDiff(out.toString('utf8'));
  }

  /** The working tree (tracked files) against a commit. */
  async workingTreeChanges(base: string, pathspecs: readonly string[] = []): Promise<FileDiff[]> {
    const out = await runGit(this.top, ['diff-index', ...PATCH_ARGS, base, '--', ...pathspecs]);
    return parseUnifiedDiff(out.toString('utf8'));
  }

  /** Files git does not track and does not ignore: new files not added yet. */
  async untrackedFiles(pathspecs: readonly string[] = []): Promise<string[]> {
    const out = await runGit(this.top, ['ls-files', '-z', '--others', '--exclude-standard', '--', ...pathspecs]);
    return splitNul(out);
  }

  /** Stage-0 index entries of these paths (regular files and symlinks; submodules left out). */
  async indexEntries(paths: readonly string[]): Promise<BlobEntry[]> {
    if (paths.length === 0) return [];
    const out = await runGit(this.top, ['ls-files', '-s', '-z', '--', ...paths.map((p) => `:(top,literal)${p}`)]);
    return splitNul(out).flatMap((record) => {
      const m = /^(\d+) ([0-9a-f]+) (\d)\t(.*)$/s.exec(record);
      return m && m[3] === '0' && m[1] !== '160000' ? [{ mode: m[1], id: m[2], path: m[4] }] : [];
    });
  }

  /** Blob entries of these paths in a commit's tree. */
  async treeEntries(commit: string, paths: readonly string[]): Promise<BlobEntry[]> {
    if (paths.length === 0) return [];
    const out = await runGit(this.top, ['ls-tree', '-z', '--full-tree', commit, '--', ...paths.map((p) => `:(top,literal)${p}`)]);
    return splitNul(out).flatMap((record) => {
      const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(record);
      return m && m[2] === 'blob' ? [{ mode: m[1], id: m[3], path: m[4] }] : [];
    });
  }

  /**
   * The bytes of blobs, in two git processes whatever their number: sizes first, then the content of those not
   * over `maxSize` (a staged 1 GB file is never read into memory).
   */
  async readBlobs(ids: readonly string[], maxSize: number): Promise<Map<string, Blob>> {
    const unique = [...new Set(ids)];
    const blobs = new Map<string, Blob>();
    if (unique.length === 0) return blobs;
    const sizes = (await runGit(this.top, ['cat-file', '--batch-check=%(objectname) %(objectsize)'], { input: `${unique.join('\n')}\n` })).toString('utf8');
    const wanted: string[] = [];
    for (const line of sizes.split('\n')) {
      const [id, size] = line.split(' ');
      if (!id || size === undefined || size === 'missing') continue;
      if (Number(size) > maxSize) blobs.set(id, { tooLarge: Number(size) });
      else wanted.push(id);
    }
    if (wanted.length === 0) return blobs;
    const out = await runGit(this.top, ['cat-file', '--batch'], { input: `${wanted.join('\n')}\n` });
    // Each object: "<id> <type> <size>\n<size bytes>\n".
    let pos = 0;
    while (pos < out.length) {
      const eol = out.indexOf(0x0a, pos);
      if (eol < 0) break;
      const [id, type, size] = out.toString('latin1', pos, eol).split(' ');
      if (type === 'missing' || size === undefined) {
        pos = eol + 1;
        continue;
      }
      const start = eol + 1;
      const end = start + Number(size);
      blobs.set(id, { bytes: out.subarray(start, end) });
      pos = end + 1;
    }
    return blobs;
  }
}

function splitNul(out: Buffer): string[] {
  return out
    .toString('utf8')
    .split('\0')
    .filter((s) => s !== '');
}
