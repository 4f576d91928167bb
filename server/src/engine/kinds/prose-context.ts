/**
 * Whether a match stands in prose: anywhere in a file of prose (Markdown, plain text, reStructuredText, a log, a
 * ticket saved as text), or inside a comment of code or configuration. Secrets written in sentences ("the password
 * is …", "pw: …") are a shape of their own: in code the same words bind names and values, which the name-aware rules
 * read from the syntax tree, so a prose pattern only counts where people write prose.
 *
 * Comments are found on the match's line without a parse: a line comment opener of the file's language before the
 * match and outside quotes, a line that continues a block comment (`* …`), or a block comment opened before the match
 * and not closed (looked for at most `BLOCK_REACH` characters back). Cost: one line and one bounded look back per
 * candidate match; candidates exist only in files holding the pattern's keywords.
 */
import { LANGUAGES, LanguageId } from '../languages';

/** Files that are prose from the first line to the last. */
const PROSE_FILE = /\.(?:md|markdown|mdx|rst|txt|text|adoc|asciidoc|log|org|wiki|textile|eml|tex)$/i;
/** Extensionless prose files by name. */
const PROSE_NAME = /^(?:readme|notes|changelog|changes|todo|news|history|install|authors|contributing|faq)$/i;

/** How far back an unclosed block comment is looked for. */
const BLOCK_REACH = 4000;

export function isProseFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return PROSE_FILE.test(base) || PROSE_NAME.test(base);
}

/** The offset of the first line-comment opener of the line outside quotes, or -1. */
function lineCommentAt(line: string, openers: readonly string[]): number {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      // An apostrophe inside a word (`don't`) opens no string.
      if (ch === "'" && i > 0 && /[A-Za-z]/.test(line[i - 1])) continue;
      quote = ch;
      continue;
    }
    for (const opener of openers) {
      // `#` opens a comment at the start of a line or after a space (`a#b` in a URL or a colour does not).
      if (opener === '#' && i > 0 && !/\s/.test(line[i - 1])) continue;
      if (line.startsWith(opener, i)) return i;
    }
  }
  return -1;
}

function inBlockComment(text: string, offset: number, blocks: readonly (readonly [string, string])[]): boolean {
  const from = Math.max(0, offset - BLOCK_REACH);
  const before = text.slice(from, offset);
  return blocks.some(([open, close]) => {
    const opened = before.lastIndexOf(open);
    return opened >= 0 && before.lastIndexOf(close) < opened;
  });
}

/** Where `offset` of `text` (a file at `path` in `languageId`) lies: in a file of prose, a comment, or neither. */
export function inCommentOrProse(text: string, path: string, languageId: LanguageId, offset: number): 'prose' | 'comment' | undefined {
  if (isProseFile(path)) return 'prose';
  return inComment(text, languageId, offset) ? 'comment' : undefined;
}

function inComment(text: string, languageId: LanguageId, offset: number): boolean {
  const info = LANGUAGES[languageId];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const at = lineCommentAt(line, info.lineComments);
  if (at >= 0 && at < offset - lineStart) return true;
  if (info.blockComments.some(([open]) => open === '/*') && /^\s*\*(?!\/)/.test(line)) return true;
  return info.blockComments.length > 0 && inBlockComment(text, offset, info.blockComments);
}
