/**
 * The text checks behind the auth-bypass rules' prefilter: a condition word (a debug flag, a request key) shortly
 * after an `if`, and, when the rule needs it, something right after that grants access. They run on every file
 * holding one of the words, so the words come from the shared keyword pass (where they occur) and the `if`s from
 * `indexOf`, not from a regex of alternatives over the whole file, and a branch is read only behind a condition
 * that qualifies.
 */
import { PositionalKeywords, keywordHits, keywordsIn } from './keyword-index';

/** How far after its `if` a condition's word may be: conditions longer than this are rare. */
const CONDITION_REACH = 160;

/**
 * How far after a condition's word the granting statement may be: the rest of the condition (at most 400
 * characters are read) and the branch's first statement or its first 600 characters, with room for comments.
 */
const BRANCH_REACH = 1200;

/**
 * What `grantsAccess` (auth-bypass-kind.ts) looks for, in lower case and loosely (a superset): `return true`,
 * `return next()`, `next()`, `done(null, …)`, Go's `return nil`, a user logged in (`req.user =`, `login_user(`,
 * `session[…] =`, `admin = true`). A new grant form there must be added here.
 */
const GRANT_HINT =
  /return\s*\(?\s*(?:true|1|yes|next\s*\(|nil\b)|\bnext\s*\(\s*\)|\b(?:done|cb|callback)\s*\(\s*null|\.user\s*=|login_user\s*\(|session\s*\[|(?:authenticated|authorized|logged_?in|admin)\s*=\s*true/;

const isWordChar = (code: number): boolean =>
  (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95 || (code >= 65 && code <= 90);

const startsWord = (lower: string, at: number): boolean => at === 0 || !isWordChar(lower.charCodeAt(at - 1));

/**
 * A comment line (`//`, `#`, `/*` and the `*` lines of a doc comment) or a comment after code (` // …`) up to the
 * offset: "returns true if the user is an admin" in a doc comment is no if statement.
 */
const COMMENT_LINE = /^\s*(?:\/\/|\/?\*|#)/;
const COMMENT_OPEN = /\s\/\/|\/\*(?!.*\*\/)/;

function inComment(lower: string, offset: number): boolean {
  const lineStart = lower.lastIndexOf('\n', offset - 1) + 1;
  // Up to a few hundred characters back: a comment opened further left on a long line is missed, never invented.
  const from = Math.max(lineStart, offset - 400);
  const before = lower.slice(from, offset);
  return (from === lineStart && COMMENT_LINE.test(before)) || COMMENT_OPEN.test(before);
}

/**
 * Where the words `if`, `elif`, `elsif` and `unless` end in a lower-case text, ascending, outside comments. Found
 * with `indexOf`, and only for texts that hold a condition word: `if` is in every file, and recording it in the
 * shared keyword pass cost every file.
 */
function ifWordEnds(lower: string): number[] {
  const ends: number[] = [];
  const add = (word: string, opens: (at: number) => boolean): void => {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
      const end = at + word.length;
      if (!isWordChar(lower.charCodeAt(end)) && opens(at) && !inComment(lower, at)) ends.push(end);
    }
  };
  // `if` alone or as the end of `elif` / `elsif`.
  add('if', (at) => startsWord(lower, at) || (lower.startsWith('el', at - 2) && startsWord(lower, at - 2)) || (lower.startsWith('els', at - 3) && startsWord(lower, at - 3)));
  const ifs = ends.length;
  add('unless', (at) => startsWord(lower, at));
  return ends.length > ifs && ifs > 0 ? ends.sort((a, b) => a - b) : ends;
}

let last: { lower: string; ifEnds: number[] } | undefined;

/** The `if` words of a text, found once for every rule that asks in a row. */
function ifEndsOf(lower: string): readonly number[] {
  if (last?.lower !== lower) last = { lower, ifEnds: ifWordEnds(lower) };
  return last.ifEnds;
}

/** True when some offset of the ascending list is in [from, to). */
function anyBetween(sorted: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < to;
}

/**
 * One of the condition words shortly after an `if` (or `elif`, `elsif`, `unless`): the condition of an if
 * statement; with `granting`, also followed by what the branch must do.
 */
export function conditionAfterIf(lower: string, words: PositionalKeywords, granting: boolean): boolean {
  const present = keywordsIn(lower);
  if (!words.ids.some((id) => present[id] === 1)) return false;
  const ifEnds = ifEndsOf(lower);
  if (ifEnds.length === 0) return false;
  const hits = keywordHits(lower);
  for (let h = 0; h < hits.length; h += 2) {
    if (words.wanted[hits[h]] !== 1) continue;
    const at = hits[h + 1];
    const from = Math.max(0, at - CONDITION_REACH);
    if (!anyBetween(ifEnds, from + 1, at + 1)) continue;
    // From before the `if` too: Ruby's and Perl's modifier form puts the branch first (`return true if …`).
    if (!granting || GRANT_HINT.test(lower.slice(from, at + BRANCH_REACH))) return true;
  }
  return false;
}
