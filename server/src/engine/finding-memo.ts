/**
 * What one document's last scan computed for its findings, kept for the next scan of its next version: fingerprints
 * and token hashes. An edit changes a line or two, so nearly every finding of the new version has the same rule, line
 * text, token and occurrence as one of the last, and a map lookup replaces two SHA-256 hashes. Each scan keeps only
 * the entries it used, so the memo never holds more than one version's findings.
 */
export class FindingMemo {
  private previous = new Map<string, string>();
  private current = new Map<string, string>();

  /** The value for `key`: from this or the last scan, else `compute()`d now. */
  get(key: string, compute: () => string): string {
    let value = this.current.get(key);
    if (value === undefined) {
      value = this.previous.get(key) ?? compute();
      this.current.set(key, value);
    }
    return value;
  }

  /** A scan finished: what it used is what the next scan may reuse. A stopped scan never gets here. */
  finish(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** A stopped scan: forget its half, keep what the last finished scan used. */
  abandon(): void {
    this.current = new Map();
  }
}
