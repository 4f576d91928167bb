/**
 * Offsets and positions in one text. Offsets are UTF-16 code units, as in JavaScript strings, LSP and
 * web-tree-sitter's `startIndex`; lines and columns are zero-based here and made one-based only by output formats.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export class TextIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The zero-based line of an offset. */
  lineAt(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): Position {
    const line = this.lineAt(offset);
    return { line, character: offset - this.lineStarts[line] };
  }

  offsetAt(position: Position): number {
    const start = this.lineStarts[Math.min(position.line, this.lineStarts.length - 1)] ?? 0;
    return start + position.character;
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /** The text of a zero-based line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) return '';
    const next = this.lineStarts[line + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }

  lineStart(line: number): number {
    return this.lineStarts[line] ?? this.text.length;
  }
}
