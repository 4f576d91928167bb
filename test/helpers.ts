/** Shared test helpers: paths of the repository and marked-up inline sources. */
import * as path from 'path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const RULES_DIR = path.join(REPO_ROOT, 'rules');
export const CLI = path.join(REPO_ROOT, 'server/bin/rulebook.js');

/**
 * Inline sources mark expected ranges with ⟦ and ⟧ instead of hand-counted columns:
 * `marked('x = ⟦gets⟧(b);')` gives the text without marks and the zero-based ranges between them.
 */
export function marked(source: string): { text: string; ranges: { line: number; start: number; end: number }[] } {
  const ranges: { line: number; start: number; end: number }[] = [];
  let text = '';
  let open: { line: number; start: number } | undefined;
  let line = 0;
  let column = 0;
  for (const ch of source) {
    if (ch === '⟦') {
      open = { line, start: column };
      continue;
    }
    if (ch === '⟧') {
      if (open) ranges.push({ ...open, end: column });
      open = undefined;
      continue;
    }
    text += ch;
    if (ch === '\n') {
      line++;
      column = 0;
    } else {
      column += ch.length;
    }
  }
  return { text, ranges };
}
