/**
 * Provider context: whether a provider's name stands near a value. Many keys are only a random string (a 32-hex
 * Mailgun or Datadog key, a UUID for Heroku): their shape says nothing alone, but the provider's name close by does,
 * whatever the variable is called — `MAILGUN_VALUE=key-…`, `heroku: …`, `"datadog": {"k": "…"}`, a `# Datadog`
 * comment above, a `[datadog]` section or a `datadog:` key a few levels up. One mechanism for every rule: a pattern
 * lists its provider's words in `context`, and a match counts only when one of them is near:
 * - on the match's own line, or on one of the `LINES_BEFORE` lines above it;
 * - on an enclosing key line: walking up at most `ANCESTOR_REACH` lines, each line indented less than everything
 *   below it so far that opens a block (`datadog:`, `"datadog": {`, `datadog = {`) or names a section (`[datadog]`).
 * Words match whole, as parts of names: `datadog` in `DATADOG_API_KEY`, `myDatadogKey`, `api.datadog.com`, never
 * inside another word. Cost: a few lines per candidate match, and candidates only exist in files holding the word.
 */
import { TextIndex } from '../text-index';

/** Lines above the match that are read whole (a heading comment, a key on the line before). */
export const LINES_BEFORE = 3;
/** How far up enclosing key lines are looked for. */
export const ANCESTOR_REACH = 40;

/** A line that opens a block under a key, or a section header: what a nested value's provider name sits on. */
const OPENER =
  /^\s*(?:(?:(?:export|const|let|var|val|final|static|private|public|readonly)\s+)*["']?[\w.@$-]+["']?\s*(?::|=>?)\s*(?:[{[(]\s*)?(?:#.*|\/\/.*)?$|<[\w.:-]+[^<>/]*>\s*$)/;
const SECTION = /^\[[^\]\n]+\]\s*$/;

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isLower(code: number): boolean {
  return code >= 97 && code <= 122;
}

function isUpper(code: number): boolean {
  return code >= 65 && code <= 90;
}

/**
 * Whether `word` (lower case) occurs whole in `text[from, to)`: the characters around it are not letters, or a
 * camelCase boundary (`myDatadogKey`). `lower` is the text in lower case, same length.
 */
export function hasWord(text: string, lower: string, word: string, from: number, to: number): boolean {
  for (let at = lower.indexOf(word, from); at >= 0 && at + word.length <= to; at = lower.indexOf(word, at + 1)) {
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    const first = text.charCodeAt(at);
    const leftOk = !isLetter(before) || (isLower(before) && isUpper(first));
    if (!leftOk) continue;
    const endAt = at + word.length;
    const after = endAt < text.length ? text.charCodeAt(endAt) : 32;
    const last = text.charCodeAt(endAt - 1);
    const rightOk = !isLetter(after) || (isUpper(after) && isLower(last));
    if (rightOk) return true;
  }
  return false;
}

function indentOf(line: string): number {
  let n = 0;
  while (n < line.length && (line[n] === ' ' || line[n] === '\t')) n++;
  return n;
}

/** Whether one of `words` (lower case) stands near `offset`: on its line, just above it, or on an enclosing key line. */
export function providerNear(text: string, lower: string, index: TextIndex, offset: number, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const line = index.positionAt(offset).line;
  const first = Math.max(0, line - LINES_BEFORE);
  const windowStart = index.lineStart(first);
  const windowEnd = line + 1 < index.lineCount ? index.lineStart(line + 1) : text.length;
  if (words.some((w) => hasWord(text, lower, w, windowStart, windowEnd))) return true;
  let indent = indentOf(index.lineText(line));
  const stop = Math.max(0, line - ANCESTOR_REACH);
  for (let l = line - 1; l >= stop; l--) {
    const lineText = index.lineText(l);
    if (lineText.trim() === '') continue;
    const own = indentOf(lineText);
    const section = own === 0 && SECTION.test(lineText);
    // Indented lines are enclosed by less indented ones; unindented keys only by a section header above them.
    if (indent > 0 ? own >= indent : !section) continue;
    if (l < first && (section || OPENER.test(lineText))) {
      const start = index.lineStart(l);
      if (words.some((w) => hasWord(text, lower, w, start, start + lineText.length))) return true;
    }
    if (section) return false;
    indent = own;
  }
  return false;
}
