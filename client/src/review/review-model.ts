/**
 * What the Security Review view shows, from the review items the server sends per file: findings awaiting a
 * sign-off (pending, or an approval that no longer holds), approvals that lapse soon, and approvals, each grouped by
 * file. Pure: no `vscode` import, so tests check the grouping directly.
 */
import type { ReviewItem, ReviewsParams } from '@secure-coding/server/out/lsp/protocol';

export type ReviewGroupKind = 'pending' | 'expiring' | 'approved';
export const REVIEW_GROUP_ORDER: readonly ReviewGroupKind[] = ['pending', 'expiring', 'approved'];

export interface ReviewFile {
  readonly uri: string;
  /** Sorted by line. */
  readonly items: readonly ReviewItem[];
}

export interface ReviewGroup {
  readonly kind: ReviewGroupKind;
  /** Sorted by URI (so by path within a folder). */
  readonly files: readonly ReviewFile[];
  readonly count: number;
}

export function groupOf(item: ReviewItem): ReviewGroupKind {
  if (item.state !== 'approved') return 'pending';
  return item.expiringSoon ? 'expiring' : 'approved';
}

/** The review items of every file, updated by the server's notifications. */
export class ReviewModel {
  private readonly files = new Map<string, readonly ReviewItem[]>();
  private readonly listeners = new Set<() => void>();

  update(params: ReviewsParams): void {
    if (params.items.length > 0) this.files.set(params.uri, params.items);
    else if (!this.files.delete(params.uri)) return;
    this.changed();
  }

  /** When the server stops: what it said no longer holds. */
  clear(): void {
    if (this.files.size === 0) return;
    this.files.clear();
    this.changed();
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Findings the review gate counts that have no holding approval: the status bar's number. */
  pendingCount(): number {
    let count = 0;
    for (const items of this.files.values()) for (const item of items) if (item.required && item.state !== 'approved') count++;
    return count;
  }

  /** The non-empty groups in view order. */
  groups(): ReviewGroup[] {
    const byGroup = new Map<ReviewGroupKind, Map<string, ReviewItem[]>>();
    for (const [uri, items] of this.files) {
      for (const item of items) {
        const kind = groupOf(item);
        const files = byGroup.get(kind) ?? new Map<string, ReviewItem[]>();
        const list = files.get(uri) ?? [];
        list.push(item);
        files.set(uri, list);
        byGroup.set(kind, files);
      }
    }
    return REVIEW_GROUP_ORDER.filter((kind) => byGroup.has(kind)).map((kind) => {
      const files = [...byGroup.get(kind)!]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([uri, items]) => ({ uri, items: [...items].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.ruleId < b.ruleId ? -1 : 1)) }));
      return { kind, files, count: files.reduce((n, f) => n + f.items.length, 0) };
    });
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
