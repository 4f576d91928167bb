/**
 * Every commit of a range with the lines it added, read from one `git log -p` stream as git writes it: commits are
 * parsed and handed on while git is still diffing the next ones, so the two run on two cores. Merges bring no lines
 * of their own and are not read; deleted files are listed without their text; renames are followed (`-M`), so
 * moving a file adds nothing.
 */
import { StringDecoder } from 'string_decoder';
import { GitRepository } from './repository';
import { gitText, spawnGit } from './run-git';
import { FileDiff, parseUnifiedDiff } from './unified-diff';

export interface HistoryCommit {
  readonly id: string;
  readonly authorName: string;
  readonly authorEmail: string;
  /** Author date, ISO 8601 with the author's offset. */
  readonly date: string;
  /** Files the commit added lines to, with those lines' text. */
  readonly files: readonly FileDiff[];
}

/** Fields of a commit header, each closed by a NUL: git never writes a NUL inside a text patch. */
const HEADER_FIELDS = 4;
const FORMAT = '--format=%x00%H%x00%aN%x00%aE%x00%aI%x00';

function revisionArgs(range: string): string[] {
  if (range.startsWith('-')) throw new Error(`"${range}" is not a revision range`);
  return [range];
}

/** How many commits a range holds (for progress). */
export async function countCommits(repo: GitRepository, range: string): Promise<number> {
  return Number(await gitText(repo.top, ['rev-list', '--count', '--no-merges', ...revisionArgs(range), '--']));
}

export interface HistoryOptions {
  readonly pathspecs?: readonly string[];
}

/** The commits of `range` (newest first, as `git log` lists them), each with the lines it added. */
export async function* readHistory(repo: GitRepository, range: string, options: HistoryOptions = {}): AsyncGenerator<HistoryCommit> {
  const git = spawnGit(repo.top, [
    'log',
    FORMAT,
    '-p',
    '-U0',
    '-M',
    // Every commit but merges (which bring no lines of their own), and deletions without their old text.
    '--no-merges',
    '--irreversible-delete',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    '--ignore-submodules',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    ...revisionArgs(range),
    '--',
    ...(options.pathspecs ?? []),
  ]);
  const decoder = new StringDecoder('utf8');
  let pending = '';
  /** Fields read so far of the commit being read: its header fields, then its patch. */
  let fields: string[] = [];
  let started = false;
  const complete = (patch: string): HistoryCommit => {
    const [id, authorName, authorEmail, date] = fields;
    fields = [];
    return { id, authorName, authorEmail, date, files: parseUnifiedDiff(patch, { withText: true }).filter((f) => f.newPath !== undefined && f.added && f.added.length > 0) };
  };
  try {
    // Searched from where the last search stopped: a commit whose patch spans many chunks is scanned once.
    let searchFrom = 0;
    for await (const chunk of git.stdout) {
      pending += decoder.write(chunk);
      let pos = 0;
      for (let nul = pending.indexOf('\0', searchFrom); nul >= 0; nul = pending.indexOf('\0', pos)) {
        const field = pending.slice(pos, nul);
        pos = nul + 1;
        if (!started) {
          // Whatever precedes the first commit's opening NUL (nothing) is not a field.
          started = true;
        } else if (fields.length < HEADER_FIELDS) {
          fields.push(field);
        } else {
          // The patch of the commit just read ends where the next commit's opening NUL is.
          yield complete(field);
        }
      }
      pending = pending.slice(pos);
      searchFrom = pending.length;
    }
    pending += decoder.end();
    if (fields.length === HEADER_FIELDS) yield complete(pending);
    await git.done;
  } finally {
    git.kill();
  }
}
