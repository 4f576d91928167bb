/**
 * The cheap text checks that decide whether a file is worth parsing for a rule. Most of a scan's time is the
 * parse and the fact extraction after it, so a prefilter that lets through only files that can hold a finding
 * is where scan speed comes from. Every check here reads within one line, so a file passes exactly when one of
 * its lines does (what `Matcher.linePrefilter` needs to stay exact).
 */
import { anyKeywordIn, keywordHits, keywordIds, positionalKeywords } from './keyword-index';
import { snakeCase } from './secret-values';

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation of the (lower-case) keywords, or undefined for none. */
export function keywordRegex(keywords: readonly string[], flags = ''): RegExp | undefined {
  return keywords.length > 0 ? new RegExp(keywords.map(escapeRegex).join('|'), flags) : undefined;
}

/**
 * "Contains one of the (lower-case) keywords" over lower-cased text, answered from one pass that finds every
 * rule's keywords at once (`keyword-index.ts`). No keywords: every text passes.
 */
export function anyKeyword(keywords: readonly string[]): (lower: string) => boolean {
  const idList = keywordIds(keywords);
  return (lower) => anyKeywordIn(lower, idList);
}

/** How far (characters) from its keyword a bound literal's quote may be. */
const NEAR = 60;

/** An opening quote: not inside a word, optionally behind a string prefix (L"…", u8"…", b'…', f"…", r"…", @"…", $"…"). */
const OPENING_QUOTE = /(?<![a-z0-9])(?:[lubfr]{1,2}|u8|[@$])?["'`]/;

/** Lines that hold no binding: comments, `#include` and other directives but `#define`, imports. */
const NOT_CODE_LINE = /^\s*(?:\/\/|\/\*|\*|#(?!\s*define\b)|import\s|from\s+\S+\s+import\b|@import\b|use\s|require\s|using\s)/;

/**
 * TypeScript lines that only declare string literal types: `type KeyType = "private" | "public" | "secret";` and
 * the `| "new-password"` lines of a union written over several lines. Their literals are types, never values, so
 * they bind nothing (read with the original case: a type alias has a capitalised name).
 */
const LITERAL = String.raw`(?:"[^"\\\n]*"|'[^'\\\n]*')`;
const LITERAL_TYPE_LINE = new RegExp(
  String.raw`^\s*(?:(?:export\s+)?(?:declare\s+)?type\s+[A-Z][\w$]*(?:<[^>\n]*>)?\s*=\s*\|?\s*${LITERAL}|\|\s*${LITERAL})(?:\s*\|\s*${LITERAL})*\s*;?\s*$`,
);
const LITERAL_TYPE_START = /^\s*(?:export\s|declare\s|type\s|\|)/;

function isLiteralTypeLine(text: string, lineStart: number, lineEnd: number): boolean {
  return LITERAL_TYPE_START.test(text.slice(lineStart, lineStart + 20)) && LITERAL_TYPE_LINE.test(text.slice(lineStart, lineEnd));
}

/** True when the line holding `offset` is a comment, a directive other than `#define`, or an import. */
export function onNonCodeLine(lower: string, offset: number): boolean {
  const lineStart = lower.lastIndexOf('\n', offset - 1) + 1;
  return NOT_CODE_LINE.test(lower.slice(lineStart, lineStart + 40));
}

/** What a literal near a word must be to count (`stemsNearQuote`). */
export interface LiteralTest {
  /** The shortest literal (as written) that counts. */
  readonly minLength: number;
  /** The word must overlap the literal (a route's path holds its keyword, or starts with it: `"su/`), not merely be near it. */
  readonly holdsWord?: boolean;
  /** A test of a literal's value, run on literals written without escapes (their text is their value). */
  readonly accepts?: (value: string) => boolean;
}

/** A text being checked: its lower case, and its original case when the offsets line up (for value tests). */
interface Checked {
  readonly lower: string;
  readonly original: string | undefined;
}

function checked(lower: string, text: string | undefined): Checked {
  // The value test needs the original case; offsets line up unless lower-casing changed the length.
  return { lower, original: text !== undefined && text.length === lower.length ? text : undefined };
}

/**
 * Whether the word at `index` (of `length`) is near a quote that counts; `lineEnd` (to skip the rest of the line)
 * when its line cannot bind a literal.
 */
function nearQuoteAt({ lower, original }: Checked, index: number, length: number, literal: LiteralTest | undefined): boolean | { lineEnd: number } {
  const lineStart = lower.lastIndexOf('\n', index) + 1;
  let lineEnd = lower.indexOf('\n', index);
  if (lineEnd < 0) lineEnd = lower.length;
  if (NOT_CODE_LINE.test(lower.slice(lineStart, lineStart + 40)) || (original !== undefined && isLiteralTypeLine(original, lineStart, lineEnd))) {
    return { lineEnd };
  }
  const near = literal?.holdsWord ? 0 : NEAR;
  const from = Math.max(lineStart, index - near);
  const to = Math.min(lineEnd, index + length + near);
  return literal
    ? stringNear(lower.slice(lineStart, lineEnd), original?.slice(lineStart, lineEnd), from - lineStart, to - lineStart, literal)
    : OPENING_QUOTE.test(lower.slice(from, to));
}

const stickyOf = (regex: RegExp): RegExp => new RegExp(regex.source, `${regex.flags.replace(/[gy]/g, '')}y`);

/**
 * A word within a short distance of a string quote on a line that is code. What name-aware rules need in parsed
 * code: a literal bound to a name says the name near its quote. An apostrophe inside a word (`can't`) is no quote,
 * and comment, `#include` and `import` lines cannot bind a literal, so they do not count, nor do lines that only
 * declare literal types (given the original `text`). Most files that merely mention "pass" or "token" have no such
 * line.
 *
 * The words come from the shared keyword pass, where they occur (a regex of alternatives over every file cost far
 * more): `stems` are keywords every word starts with, and `confirm` (sticky) says whether a word starts at a stem
 * and how long it is; without it the stem is the word. Each occurrence is checked, overlapping ones too.
 */
export function stemsNearQuote(
  stems: readonly string[],
  confirm?: RegExp,
  literal?: LiteralTest,
  /** A test of the word where it stands, in the original text (`nameAround` it): only words it accepts count. */
  wordAccepts?: (text: string, start: number, end: number) => boolean,
): (lower: string, text?: string) => boolean {
  const { ids, wanted, lengths } = positionalKeywords(stems);
  const sticky = confirm && stickyOf(confirm);
  return (lower, text) => {
    if (!anyKeywordIn(lower, ids)) return false;
    const input = checked(lower, text);
    const hits = keywordHits(lower);
    let skipTo = -1;
    for (let h = 0; h < hits.length; h += 2) {
      const index = hits[h + 1];
      if (wanted[hits[h]] !== 1 || index < skipTo) continue;
      let length = lengths[hits[h]];
      if (sticky) {
        sticky.lastIndex = index;
        const m = sticky.exec(lower);
        if (!m) continue;
        length = m[0].length;
      }
      if (wordAccepts && input.original !== undefined && !wordAccepts(input.original, index, index + length)) continue;
      const found = nearQuoteAt(input, index, length, literal);
      if (found === true) return true;
      if (found !== false) skipTo = found.lineEnd;
    }
    return false;
  };
}

/** Whether a word starts at one of the stems somewhere in the text (`stemsNearQuote` without the quote). */
export function stemsIn(stems: readonly string[], confirm: RegExp): (lower: string) => boolean {
  const { ids, wanted } = positionalKeywords(stems);
  const sticky = stickyOf(confirm);
  return (lower) => {
    if (!anyKeywordIn(lower, ids)) return false;
    const hits = keywordHits(lower);
    for (let h = 0; h < hits.length; h += 2) {
      if (wanted[hits[h]] !== 1) continue;
      sticky.lastIndex = hits[h + 1];
      if (sticky.test(lower)) return true;
    }
    return false;
  };
}

const OPENING_QUOTES = new RegExp(OPENING_QUOTE.source, 'g');

/**
 * The first string literal of a (lower-case) line whose opening quote is at or after `from`: the offsets of its
 * quotes, `close` at or past the line's end for one still open there. Quotes are paired from the line's start, so a
 * caller walks the literals in turn (`from` = the previous `close` + 1).
 */
function literalAfter(line: string, from: number): { open: number; close: number } | undefined {
  OPENING_QUOTES.lastIndex = from;
  const m = OPENING_QUOTES.exec(line);
  if (!m) return undefined;
  const open = m.index + m[0].length - 1;
  const quote = line[open];
  let close = open + 1;
  while (close < line.length && line[close] !== quote) close += line[close] === '\\' ? 2 : 1;
  return { open, close };
}

/**
 * A string literal that overlaps `from`–`to` of the line (its text, with `holdsWord`) and passes `literal`: at least
 * `minLength` characters as written (escapes only make the value shorter) and, when written without escapes, a
 * value `accepts` takes. One still open at the line's end may go on over the next lines (template literals,
 * triple quotes), and counts.
 */
function stringNear(line: string, original: string | undefined, from: number, to: number, literal: LiteralTest): boolean {
  for (let found = literalAfter(line, 0); found; found = literalAfter(line, found.close + 1)) {
    const { open, close } = found;
    if (open > to) return false;
    if (close >= line.length) return true;
    const placed = literal.holdsWord ? open < to && close > from : close >= from;
    if (placed && close - open - 1 >= literal.minLength) {
      const value = original?.slice(open + 1, close);
      if (!literal.accepts || value === undefined || value.includes('\\') || literal.accepts(value)) return true;
    }
  }
  return false;
}

/** A literal of this many words or more is prose (a message, a label), not a name or a key. */
const PROSE_WORDS = 4;

/**
 * Whether the offset lies inside a string literal of prose on its line ("fill_n must pass integral size", "Pass
 * indices as 'int' instead"): a word there names no binding. A key written in a string (`{"db password": …}`) has
 * fewer words.
 */
export function inProse(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd).toLowerCase();
  const at = offset - lineStart;
  for (let found = literalAfter(line, 0); found && found.open < at; found = literalAfter(line, found.close + 1)) {
    if (found.close >= at) return line.slice(found.open + 1, found.close).split(/\s+/).filter((w) => w !== '').length >= PROSE_WORDS;
  }
  return false;
}

/** `stemsNearQuote` for any of some keywords (each its own stem); undefined for none. */
export function keywordNearQuote(
  keywords: readonly string[],
  literal?: LiteralTest,
  wordAccepts?: (text: string, start: number, end: number) => boolean,
): ((lower: string, text?: string) => boolean) | undefined {
  return keywords.length > 0 ? stemsNearQuote(keywords, undefined, literal, wordAccepts) : undefined;
}

/** Characters of a name as code and config files write it: `app.config`, `APP_DEBUG`, `skip-auth`, `$debug`. */
const NAME_CHAR = /[A-Za-z0-9_$.-]/;

/** Where the name around `start`–`end` begins and ends, through `.`, `::` and `->` (`JWT::encode`, `$this->password`). */
function nameSpan(text: string, start: number, end: number): { from: number; to: number } {
  let from = start;
  let to = end;
  for (;;) {
    if (from > 0 && NAME_CHAR.test(text[from - 1])) from--;
    else if (from > 1 && ((text[from - 1] === ':' && text[from - 2] === ':') || (text[from - 1] === '>' && text[from - 2] === '-'))) from -= 2;
    else break;
  }
  for (;;) {
    if (to < text.length && NAME_CHAR.test(text[to])) to++;
    else if ((text[to] === ':' && text[to + 1] === ':') || (text[to] === '>' && text[to - 1] === '-')) to += text[to] === ':' ? 2 : 1;
    else break;
  }
  return { from, to };
}

/** The name around `start`–`end` as written (`nameSpan`). */
export function nameAround(text: string, start: number, end: number): string {
  const { from, to } = nameSpan(text, start, end);
  return text.slice(from, to);
}

/**
 * A name and the parts matchers judge a name by: the whole, each segment (`app.config.secret` → `secret`), and each
 * two neighbouring segments (`secret.key` → `secret_key`, for a generic last segment).
 */
export function nameParts(name: string): string[] {
  const segments = name.split(/\.|::|->/);
  if (segments.length === 1) return [name];
  const pairs = segments.slice(1).map((segment, i) => `${segments[i]}_${segment}`);
  return [name, ...segments, ...pairs];
}

/**
 * A word (a `g` regex over lower-cased text) inside a name that `accepts` in snake_case, as matchers test names:
 * the whole name around the word, or one of its parts. `debug` in `#ifdef _DEBUG` names no `debug` setting, and
 * `auth` in "author" no authentication function. Names never span lines, so this reads within one line.
 */
export function wordInName(text: string, lower: string, word: RegExp, accepts: (snakeName: string, written: string) => boolean): boolean {
  word.lastIndex = 0;
  // Lower-casing may change the length of some non-ASCII text; then offsets do not line up and any word will do.
  if (text.length !== lower.length) return word.test(lower);
  for (let m = word.exec(lower); m; m = word.exec(lower)) {
    const { from, to } = nameSpan(text, m.index, m.index + m[0].length);
    if (nameParts(text.slice(from, to)).some((part) => accepts(snakeCase(part), part))) return true;
    word.lastIndex = Math.max(word.lastIndex, to);
  }
  return false;
}
