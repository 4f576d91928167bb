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

/** Block comments end in `*\/` (C family), `-->` (XML), `#>` (PowerShell) or `]]` / `]==]` (Lua). */
const SUPPRESSION = /secure-coding-ignore(?:[ \t]+([\w.*-]+(?:[ \t]*,[ \t]*[\w.*-]+)*))?[ \t]*(?::[ \t]*(.*?))?[ \t]*(?:\*\/|-->|#>|\]=*\])?[ \t]*$/m;

export function parseSuppressions(comments: readonly CommentFact[], index: TextIndex): Suppression[] {
  const found: Suppression[] = [];
  for (const comment of comments) {
    let from = 0;
    for (;;) {
      const at = comment.text.indexOf(SUPPRESSION_MARKER, from);
      if (at < 0) break;
      from = at + SUPPRESSION_MARKER.length;
      // The marker's own line is all it reads (the pattern ends at the line's end).
      const lineEnd = comment.text.indexOf('\n', at);
      const m = SUPPRESSION.exec(comment.text.slice(at, lineEnd < 0 ? undefined : lineEnd));
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

/** Suppressions by the lines they cover (their own and the next): a finding looks up its line. */
export class SuppressionIndex {
  private readonly byLine = new Map<number, Suppression[]>();

  constructor(suppressions: readonly Suppression[]) {
    for (const s of suppressions) {
      for (const line of [s.line, s.line + 1]) {
        const list = this.byLine.get(line);
        if (list) list.push(s);
        else this.byLine.set(line, [s]);
      }
    }
  }

  covering(ruleId: string, line: number): Suppression | undefined {
    return this.byLine.get(line)?.find((s) => suppressionCovers(s, ruleId, line));
  }
}

export function isValidSuppression(suppression: Suppression): boolean {
  return suppression.ruleIds.length > 0 && suppression.reason.length > 0;
}
