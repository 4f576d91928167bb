/**
 * The "suppress with reason" edit: a `secure-coding-ignore RULE_ID: reason` comment on the line above the finding,
 * indented like it, in the language's own comment syntax. As a snippet the cursor lands on the reason; as plain text
 * the reason is left empty, so the suppression stays flagged (it suppresses nothing) until one is written.
 */
import { LANGUAGES, LanguageId } from '../engine';

const MARKER = 'secure-coding-ignore';

export interface SuppressionComment {
  /** Zero-based line where the comment is inserted (the finding's line: it pushes the code down). */
  readonly line: number;
  /** The line to insert, without a reason, ending in a line break. */
  readonly text: string;
  /** The same as a snippet whose tab stop is the reason. */
  readonly snippet: string;
}

function escapeSnippet(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/**
 * The comment for `ruleId` above a line whose text is `lineText`; undefined where a comment cannot be written
 * (strict JSON). `clientLanguageId` tells JSON with comments (`jsonc`) from strict JSON.
 */
export function suppressionComment(languageId: LanguageId, clientLanguageId: string, line: number, lineText: string, ruleId: string, reasonPlaceholder: string): SuppressionComment | undefined {
  if (languageId === 'json' && clientLanguageId !== 'jsonc') return undefined;
  const indent = /^[ \t]*/.exec(lineText)?.[0] ?? '';
  const info = LANGUAGES[languageId];
  const lineComment = info.lineComments[0];
  const block = info.blockComments[0];
  const body = `${MARKER} ${ruleId}: `;
  let before: string;
  let after: string;
  if (lineComment) {
    before = `${indent}${lineComment} ${body}`;
    after = '';
  } else if (block) {
    before = `${indent}${block[0]} ${body}`;
    after = ` ${block[1]}`;
  } else {
    return undefined;
  }
  return {
    line,
    text: `${before}${after}\n`,
    snippet: `${escapeSnippet(before)}\${1:${escapeSnippet(reasonPlaceholder)}}${escapeSnippet(after)}\n`,
  };
}
