/**
 * A rulebook file parsed with positions: YAML syntax errors as problems, and the line and column of any key path,
 * so every later check (schema, regex, query, example) can point at the exact key it is about.
 */
import { Document, LineCounter, Node as YamlNode, Pair, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { SourceLocation } from './types';

export type KeyPath = readonly (string | number)[];

export interface RulebookProblem extends SourceLocation {
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** One-based end position of the span the problem is about, when known. */
  readonly endLine?: number;
  readonly endColumn?: number;
}

export class YamlSource {
  private readonly lineCounter = new LineCounter();
  readonly document: Document.Parsed;
  readonly problems: RulebookProblem[] = [];

  constructor(readonly file: string, readonly text: string) {
    this.document = parseDocument(text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true });
    for (const error of this.document.errors) {
      const at = this.lineCounter.linePos(error.pos[0]);
      const end = this.lineCounter.linePos(error.pos[1]);
      const firstLine = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      this.problems.push({ file, line: at.line, column: at.col, endLine: end.line, endColumn: end.col, message: `YAML: ${firstLine}`, severity: 'error' });
    }
    for (const warning of this.document.warnings) {
      const at = this.lineCounter.linePos(warning.pos[0]);
      this.problems.push({ file, line: at.line, column: at.col, message: `YAML: ${warning.message.split('\n')[0]}`, severity: 'warning' });
    }
  }

  get ok(): boolean {
    return this.document.errors.length === 0;
  }

  toJS(): unknown {
    return this.document.toJS({ maxAliasCount: 100 });
  }

  private locate(offset: number): { line: number; column: number } {
    const pos = this.lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  }

  /**
   * The location of a key path: the key itself for a map entry (so `severity:` is underlined, not its value),
   * or the item for a sequence entry. Falls back to the nearest existing ancestor.
   */
  locationOf(path: KeyPath, target: 'key' | 'value' = 'key'): RulebookProblem & { message: '' } {
    let node: unknown = this.document.contents;
    let best: [number, number] = [0, 0];
    const rangeOf = (n: unknown): [number, number] | undefined => {
      const range = (n as { range?: [number, number, number] } | null)?.range;
      return range ? [range[0], range[1]] : undefined;
    };
    best = rangeOf(node) ?? best;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item: Pair) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        const keyRange = rangeOf(pair.key);
        const valueRange = rangeOf(pair.value);
        best = (last && target === 'key' ? keyRange : valueRange ?? keyRange) ?? best;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        const item = node.items[segment];
        if (item === undefined) break;
        best = rangeOf(item) ?? best;
        node = isPair(item) ? item.value : item;
      } else {
        break;
      }
    }
    const start = this.locate(best[0]);
    const end = this.locate(best[1]);
    return { file: this.file, line: start.line, column: start.column, endLine: end.line, endColumn: end.column, message: '', severity: 'error' };
  }

  problemAt(path: KeyPath, message: string, severity: 'error' | 'warning' = 'error', target: 'key' | 'value' = 'key'): RulebookProblem {
    return { ...this.locationOf(path, target), message, severity };
  }

  /** The YAML node at a path, for callers that need its own range (examples point at their code). */
  nodeAt(path: KeyPath): YamlNode | undefined {
    return this.document.getIn(path, true) as YamlNode | undefined;
  }
}

export function formatProblem(problem: RulebookProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
}
