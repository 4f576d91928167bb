/**
 * The review items of every file, as the client's review view shows them: an open document's (from the linter) or,
 * for a closed file, the workspace scan's. A file's items are sent (`REVIEWS_NOTIFICATION`) only when they change.
 */
import { ReviewItem, ReviewsParams } from './protocol';

export type ReviewPart = 'open' | 'scan';

export class ReviewIndex {
  private readonly files = new Map<string, Partial<Record<ReviewPart, readonly ReviewItem[]>>>();
  private readonly sent = new Map<string, string>();

  constructor(private readonly send: (params: ReviewsParams) => void) {}

  set(uri: string, part: ReviewPart, items: readonly ReviewItem[]): void {
    const file = this.files.get(uri) ?? {};
    if (items.length > 0) file[part] = items;
    else delete file[part];
    if (Object.keys(file).length > 0) this.files.set(uri, file);
    else this.files.delete(uri);
    this.publish(uri);
  }

  private publish(uri: string): void {
    const file = this.files.get(uri);
    // The open document is what the user sees; the scan's items stand for a closed file.
    const items = file?.open ?? file?.scan ?? [];
    const key = JSON.stringify(items);
    if ((this.sent.get(uri) ?? '[]') === key) return;
    if (items.length > 0) this.sent.set(uri, key);
    else this.sent.delete(uri);
    this.send({ uri, items });
  }

  /** Files that have a part (to clear the ones a new workspace scan no longer mentions). */
  urisWith(part: ReviewPart): string[] {
    return [...this.files].filter(([, file]) => file[part] !== undefined).map(([uri]) => uri);
  }
}
