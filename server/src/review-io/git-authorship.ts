/**
 * Authorship of flagged lines from `git blame --porcelain` (one process per file, however many lines), with moved
 * lines followed (`-M`) so moving a line within a file does not make the mover its author. Uncommitted lines,
 * and files git does not track yet, belong to the local git user: that is who is changing them. An editor passes
 * the text on screen (`contentsOf`), which is blamed instead of the file on disk, so lines match what the user sees.
 */
import { execFile } from 'child_process';
import { AuthorshipProvider, LineAuthor } from '../engine/review/authorship';

const NOT_COMMITTED = /^0{40}$/;

function git(cwd: string, args: readonly string[], input?: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = execFile('git', [...args], { cwd, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => resolve(error ? undefined : stdout));
    // A git that exits before reading all of stdin must not turn into an unhandled EPIPE.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
}

export interface GitAuthorshipOptions {
  /** The text to blame instead of the file on disk (an editor's unsaved buffer); undefined reads the disk. */
  readonly contentsOf?: (path: string) => string | undefined;
}

interface CommitInfo {
  name?: string;
  email?: string;
  time?: number;
}

/** Parses `git blame --porcelain` output into the commit of each final line. */
export function parseBlamePorcelain(output: string): Map<number, { sha: string; name: string; email: string; time?: number }> {
  const commits = new Map<string, CommitInfo>();
  const lines = new Map<number, string>();
  let current: string | undefined;
  for (const line of output.split('\n')) {
    const header = /^([0-9a-f]{40}) \d+ (\d+)(?: \d+)?$/.exec(line);
    if (header) {
      current = header[1];
      lines.set(Number(header[2]), current);
      if (!commits.has(current)) commits.set(current, {});
      continue;
    }
    if (!current || line.startsWith('\t')) continue;
    const info = commits.get(current)!;
    const space = line.indexOf(' ');
    const key = space < 0 ? line : line.slice(0, space);
    const value = space < 0 ? '' : line.slice(space + 1);
    if (key === 'author') info.name = value;
    else if (key === 'author-mail') info.email = value.replace(/^<|>$/g, '');
    else if (key === 'author-time') info.time = Number(value);
  }
  const out = new Map<number, { sha: string; name: string; email: string; time?: number }>();
  for (const [line, sha] of lines) {
    const info = commits.get(sha)!;
    out.set(line, { sha, name: info.name ?? '', email: info.email ?? '', time: info.time });
  }
  return out;
}

export class GitAuthorship implements AuthorshipProvider {
  private localUser?: Promise<LineAuthor | undefined>;
  private insideWorkTree?: Promise<boolean>;

  /** `root` is the workspace root that finding paths are relative to. */
  constructor(
    private readonly root: string,
    private readonly options: GitAuthorshipOptions = {},
  ) {}

  private local(): Promise<LineAuthor | undefined> {
    this.localUser ??= (async () => {
      const email = (await git(this.root, ['config', 'user.email']))?.trim();
      if (!email) return undefined;
      const name = (await git(this.root, ['config', 'user.name']))?.trim() ?? '';
      return { name, email, committed: false };
    })();
    return this.localUser;
  }

  async authorsOf(path: string, lines: readonly number[]): Promise<ReadonlyMap<number, LineAuthor>> {
    const wanted = [...new Set(lines)].filter((n) => n >= 1).sort((a, b) => a - b);
    const out = new Map<number, LineAuthor>();
    if (wanted.length === 0) return out;
    this.insideWorkTree ??= git(this.root, ['rev-parse', '--is-inside-work-tree']).then((o) => o?.trim() === 'true');
    if (!(await this.insideWorkTree)) return out;
    const ranges = wanted.flatMap((n) => ['-L', `${n},${n}`]);
    const contents = this.options.contentsOf?.(path);
    const fromBuffer = contents === undefined ? [] : ['--contents', '-'];
    const output = await git(this.root, ['blame', '--porcelain', '-M', ...fromBuffer, ...ranges, '--', path], contents);
    const blamed = parseBlamePorcelain(output ?? '');
    const local = await this.local();
    for (const n of wanted) {
      const b = blamed.get(n);
      if (b && !NOT_COMMITTED.test(b.sha)) out.set(n, { name: b.name, email: b.email, time: b.time !== undefined ? new Date(b.time * 1000) : undefined, committed: true });
      else if (local) out.set(n, local);
    }
    return out;
  }
}
