/**
 * Reads git's patch output (`diff-index -p`, `diff-tree -p`, `log -p`), written with `-U0`: for each file, its
 * old and new path and its hunks — which lines of the new file were added or changed, and which old lines they
 * replaced. Lines inside a hunk are counted from its header, so an added line that itself starts with `+++` or
 * `diff --git` is never taken for a header.
 */
import { patchHeaderPath, renameLinePath } from './quoted-path';

export interface Hunk {
  /** One-based first old line replaced (for an insertion: the line after which the new lines go). */
  readonly oldStart: number;
  readonly oldCount: number;
  /** One-based first new line (for a pure deletion: the line before the gap). */
  readonly newStart: number;
  readonly newCount: number;
}

export interface AddedLine {
  /** One-based line in the new file. */
  readonly line: number;
  readonly text: string;
}

export interface FileDiff {
  /** Path before the change; undefined for an added file. */
  readonly oldPath?: string;
  /** Path after the change; undefined for a deleted file. */
  readonly newPath?: string;
  readonly hunks: readonly Hunk[];
  /** The added lines' text, when asked for (`withText`). */
  readonly added?: readonly AddedLine[];
  readonly binary: boolean;
}

export interface ParseOptions {
  /** Keep the text of added lines (the history scan needs it; a line filter only needs the numbers). */
  readonly withText?: boolean;
}

const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/** `diff --git a/P b/P` → P, for changes with no `---`/`+++` lines (mode-only, binary, pure renames). */
function pathOfDiffLine(rest: string): string | undefined {
  if (rest.startsWith('"')) {
    const end = closingQuote(rest, 0);
    return patchHeaderPath(rest.slice(end + 2)) ?? patchHeaderPath(rest.slice(0, end + 1));
  }
  // Unquoted: `a/P b/P` with both halves the same path (a rename has `rename from/to` lines instead).
  if ((rest.length - 5) % 2 !== 0) return undefined;
  const half = (rest.length - 5) / 2;
  return rest.slice(2, 2 + half);
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

interface Draft {
  oldPath?: string;
  newPath?: string;
  fallbackPath?: string;
  created: boolean;
  deleted: boolean;
  binary: boolean;
  hunks: Hunk[];
  added?: AddedLine[];
}

function finish(draft: Draft): FileDiff {
  const oldPath = draft.created ? undefined : (draft.oldPath ?? draft.fallbackPath);
  const newPath = draft.deleted ? undefined : (draft.newPath ?? draft.fallbackPath);
  return { oldPath, newPath, hunks: draft.hunks, added: draft.added, binary: draft.binary };
}

/** Parses the patch part of git's output (from the first `diff --git` line on; anything before it is ignored). */
export function parseUnifiedDiff(text: string, options: ParseOptions = {}): FileDiff[] {
  const files: FileDiff[] = [];
  let draft: Draft | undefined;
  let pos = 0;
  const nextLine = (): string | undefined => {
    if (pos >= text.length) return undefined;
    const end = text.indexOf('\n', pos);
    const line = end < 0 ? text.slice(pos) : text.slice(pos, end);
    pos = end < 0 ? text.length : end + 1;
    return line;
  };
  for (let line = nextLine(); line !== undefined; line = nextLine()) {
    if (line.startsWith('diff --git ')) {
      if (draft) files.push(finish(draft));
      draft = { created: false, deleted: false, binary: false, hunks: [], fallbackPath: pathOfDiffLine(line.slice(11)), added: options.withText ? [] : undefined };
      continue;
    }
    if (!draft) continue;
    if (line.startsWith('@@ ')) {
      const m = HUNK.exec(line);
      if (!m) continue;
      const hunk: Hunk = { oldStart: Number(m[1]), oldCount: m[2] === undefined ? 1 : Number(m[2]), newStart: Number(m[3]), newCount: m[4] === undefined ? 1 : Number(m[4]) };
      draft.hunks.push(hunk);
      // The hunk's own lines: exactly oldCount '-' and newCount '+' lines (and '\ No newline' notes), no context.
      let removed = hunk.oldCount;
      let added = hunk.newCount;
      let newLine = hunk.newStart;
      while (removed > 0 || added > 0) {
        const body = nextLine();
        if (body === undefined) break;
        const mark = body[0];
        if (mark === '-') removed--;
        else if (mark === '+') {
          added--;
          draft.added?.push({ line: newLine, text: body.slice(1) });
          newLine++;
        } else if (mark === ' ') {
          // Context, if a caller asked for some: it counts on both sides.
          removed--;
          added--;
          newLine++;
        }
      }
      continue;
    }
    if (line.startsWith('--- ')) draft.oldPath = patchHeaderPath(line.slice(4));
    else if (line.startsWith('+++ ')) draft.newPath = patchHeaderPath(line.slice(4));
    else if (line.startsWith('rename from ') || line.startsWith('copy from ')) draft.oldPath = renameLinePath(line.slice(line.indexOf(' from ') + 6));
    else if (line.startsWith('rename to ') || line.startsWith('copy to ')) draft.newPath = renameLinePath(line.slice(line.indexOf(' to ') + 4));
    else if (line.startsWith('new file mode')) draft.created = true;
    else if (line.startsWith('deleted file mode')) draft.deleted = true;
    else if (line.startsWith('Binary files ') || line === 'GIT binary patch') draft.binary = true;
  }
  if (draft) files.push(finish(draft));
  return files;
}

/** One-based lines of the new file that a change added or modified. */
export function addedLines(diff: FileDiff): Set<number> {
  const lines = new Set<number>();
  for (const h of diff.hunks) for (let n = h.newStart; n < h.newStart + h.newCount; n++) lines.add(n);
  return lines;
}

