/**
 * Inline suppressions: `secure-coding-ignore RULE_ID[, RULE_ID…]: reason` in a comment on the flagged line or the
 * line before. The reason is mandatory; a suppression without one suppresses nothing and is reported.
 */
import { CommentFact } from './syntax/facts';
import { TextIndex } from './text-index';

export const SUPPRESSION_MARKER = 'secure-coding-ignore';

export interface Suppression {
  /** Rule ids or prefixes ending in `*`. */
  readonly ruleIds: readonly string[];
  readonly reason: string;
  /** Zero-based line of the comment; it covers this line and the next. */
  readonly line: number;
  /** Offsets of the marker, for reporting a missing reason. */
  readonly start: number;
  readonly end: number;
}

const SUPPRESSION = /secure-coding-ignore(?:[ \t]+([\w.*-]+(?:[ \t]*,[ \t]*[\w.*-]+)*))?[ \t]*(?::[ \t]*(.*?))?[ \t]*(?:\*\/|-->)?[ \t]*$/m;

export function parseSuppressions(comments: readonly CommentFact[], index: TextIndex): Suppression[] {
  const found: Suppression[] = [];
  for (const comment of comments) {
    let from = 0;
    for (;;) {
      const at = comment.text.indexOf(SUPPRESSION_MARKER, from);
      if (at < 0) break;
      from = at + SUPPRESSION_MARKER.length;
      const m = SUPPRESSION.exec(comment.text.slice(at));
      if (!m) continue;
      const start = comment.start + at;
      found.push({
        ruleIds: (m[1] ?? '').split(',').map((id) => id.trim()).filter(Boolean),
        reason: (m[2] ?? '').trim(),
        line: index.positionAt(start).line,
        start,
        end: start + SUPPRESSION_MARKER.length,
      });
    }
  }
  return found;
}

export function suppressionCovers(suppression: Suppression, ruleId: string, line: number): boolean {
  if (line !== suppression.line && line !== suppression.line + 1) return false;
  return suppression.ruleIds.some((id) =>
    id === 'all' || id === ruleId || (id.endsWith('*') && ruleId.startsWith(id.slice(0, -1))),
  );
}

export function isValidSuppression(suppression: Suppression): boolean {
  return suppression.ruleIds.length > 0 && suppression.reason.length > 0;
}
