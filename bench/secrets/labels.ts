/**
 * Labels of the corpus: every fake secret (positive) and every near miss (negative) a template writes is registered
 * as it is interpolated, then located line by line in the finished text, so labels never drift from the content.
 */

/** Which part of the rulebook a label exercises, for the per-group report. */
export type Group =
  | 'provider'
  | 'private-key'
  | 'url-or-connection-string'
  | 'generic'
  | 'ip'
  // The generic shapes a credential takes (`generic-templates.ts`).
  | 'command-line'
  | 'macro-build'
  | 'parameter-default'
  | 'name-variant'
  | 'prose'
  | 'patch'
  | 'escaped'
  | 'key-container'
  | 'crypto-constant';

export interface Label {
  readonly file: string;
  /** One-based line of the value's first character. */
  readonly line: number;
  readonly category: string;
  readonly group: Group;
  /** True for a secret (or address) that must be flagged, false for a near miss that must not. */
  readonly positive: boolean;
}

interface Pending {
  readonly value: string;
  readonly category: string;
  readonly group: Group;
  readonly positive: boolean;
}

/** Collects a file's labels while its template runs; `locate` turns them into line numbers. */
export class LabelBuilder {
  private readonly pending: Pending[] = [];

  /** A value that must be flagged. Returns it, so templates interpolate `${b.secret(...)}`. */
  secret(group: Group, category: string, value: string): string {
    this.pending.push({ value, category, group, positive: true });
    return value;
  }

  /** A near miss that must not be flagged. */
  decoy(category: string, value: string, group: Group = 'generic'): string {
    this.pending.push({ value, category, group, positive: false });
    return value;
  }

  locate(file: string, text: string): Label[] {
    const labels: Label[] = [];
    let cursor = 0;
    for (const p of this.pending) {
      const at = text.indexOf(p.value, cursor);
      if (at < 0) throw new Error(`${file}: labelled value ${JSON.stringify(p.value.slice(0, 20))} not found after offset ${cursor}`);
      const line = text.slice(0, at).split('\n').length;
      labels.push({ file, line, category: p.category, group: p.group, positive: p.positive });
      cursor = at + p.value.length;
    }
    return labels;
  }
}
