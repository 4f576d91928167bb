/**
 * A rulebook file parsed with positions: YAML syntax errors as problems, and the line and column of any key path,
 * so every later check (schema, regex, query, example) can point at the exact key it is about.
 */
import { Document, LineCounter, Node as YamlNode, Pair, YAMLError, isCollection, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { scalarSourceOffset } from './scalar-offsets';
import { SourceLocation } from './types';

export type KeyPath = readonly (string | number)[];

export interface RulebookProblem extends SourceLocation {
  readonly message: string;
  readonly severity: 'error' | 'warning';
  /** One-based end position of the span the problem is about, when known. */
  readonly endLine?: number;
  readonly endColumn?: number;
}

/** yaml's first line of a message, without its position (we print our own), and in plainer words for common cases. */
function describeYamlError(code: string, message: string, textAtError: string): string {
  const firstLine = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') {
    const key = /^[^:\n]*/.exec(textAtError)![0].trim();
    return `the key \`${key}\` appears twice in the same mapping (keys must be unique)`;
  }
  if (code === 'TAB_AS_INDENT') return 'a tab is used for indentation; YAML indents with spaces';
  return firstLine;
}

/**
 * yaml notices an unclosed quote or bracket where the text ends; the place to fix is where it was opened. Returns
 * the offset of the opening quote or bracket and what to say, or undefined for other errors.
 */
function openedAt(document: Document.Parsed, error: YAMLError): { offset: number; message: string } | undefined {
  const quote = error.code === 'MISSING_CHAR' && /quote/i.test(error.message);
  const bracket = error.code === 'BAD_INDENT' && /must be sufficiently indented and end with/.test(error.message);
  if (!quote && !bracket) return undefined;
  let found: { offset: number; message: string } | undefined;
  visit(document, (_key, node) => {
    const range = (node as { range?: number[] }).range;
    if (!range || range[0] > error.pos[0] || range[2] < error.pos[0]) return undefined;
    if (quote && isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE')) {
      found = { offset: range[0], message: `this quoted text is never closed (add the closing ${node.type === 'QUOTE_DOUBLE' ? '"' : "'"})` };
    } else if (bracket && isCollection(node) && node.flow) {
      found = { offset: range[0], message: `this ${isSeq(node) ? '[' : '{'} is never closed (add ${isSeq(node) ? ']' : '}'} where it ends)` };
    }
    return undefined;
  });
  return found;
}

/**
 * What a build step already knows of a clean rulebook file (no YAML problems): its value and the locations of the
 * key paths a load asks for, so the file need not be parsed again at every start (see `precompiled.ts`).
 */
export interface KnownYaml {
  readonly data: unknown;
  /** `locationKey(path, target)` → where it is. A path not listed is found by parsing the text after all. */
  readonly locations: Readonly<Record<string, SourceSpan>>;
}

export interface SourceSpan {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function locationKey(path: KeyPath, target: 'key' | 'value'): string {
  return JSON.stringify([target, ...path]);
}

export class YamlSource {
  private readonly lineCounter = new LineCounter();
  private parsed?: Document.Parsed;
  readonly problems: RulebookProblem[] = [];

  /** With `known`, the text is parsed only when something it does not hold is asked (a problem to place). */
  constructor(readonly file: string, readonly text: string, private readonly known?: KnownYaml) {
    if (!known) this.parse();
  }

  get document(): Document.Parsed {
    return this.parsed ?? this.parse();
  }

  private parse(): Document.Parsed {
    this.parsed = parseDocument(this.text, { lineCounter: this.lineCounter, prettyErrors: false, uniqueKeys: true });
    // A known file was clean when it was compiled, and its text is the same (the caller compared hashes).
    if (this.known) return this.parsed;
    const file = this.file;
    const text = this.text;
    for (const error of this.parsed.errors) {
      const opened = openedAt(this.parsed, error);
      const at = this.lineCounter.linePos(opened?.offset ?? error.pos[0]);
      const end = this.lineCounter.linePos(opened ? opened.offset + 1 : error.pos[1]);
      const message = opened?.message ?? describeYamlError(error.code, error.message, text.slice(error.pos[0]));
      this.problems.push({ file, line: at.line, column: at.col, endLine: end.line, endColumn: end.col, message: `YAML: ${message}`, severity: 'error' });
    }
    for (const warning of this.parsed.warnings) {
      const at = this.lineCounter.linePos(warning.pos[0]);
      this.problems.push({ file, line: at.line, column: at.col, message: `YAML: ${warning.message.split('\n')[0]}`, severity: 'warning' });
    }
    return this.parsed;
  }

  /**
   * The parts of the document that YAML errors make untrustworthy, so the rest can still be used: a rule item, an
   * `overrides` or `paths` entry, or a whole top-level key. `'all'` when an error lies outside every top-level key.
   */
  brokenKeyPaths(): KeyPath[] | 'all' {
    const broken: KeyPath[] = [];
    if (this.known) return broken;
    const root = this.document.contents;
    if (this.document.errors.length === 0) return broken;
    if (!isMap(root)) return 'all';
    const covers = (node: unknown, offset: number, start?: unknown): boolean => {
      const from = (start as { range?: number[] } | undefined)?.range?.[0] ?? (node as { range?: number[] } | null)?.range?.[0];
      const to = (node as { range?: number[] } | null)?.range?.[2];
      return from !== undefined && to !== undefined && from <= offset && offset <= to;
    };
    for (const error of this.document.errors) {
      const offset = error.pos[0];
      const pair = root.items.find((item) => covers(item.value ?? item.key, offset, item.key));
      if (!pair || !isScalar(pair.key)) return 'all';
      const key = String(pair.key.value);
      if (isSeq(pair.value) && key === 'rules') {
        const index = pair.value.items.findIndex((item) => covers(item, offset));
        broken.push(index >= 0 ? [key, index] : [key]);
      } else if (isMap(pair.value) && (key === 'overrides' || key === 'paths')) {
        const entry = pair.value.items.find((item) => covers(item.value ?? item.key, offset, item.key));
        broken.push(entry && isScalar(entry.key) ? [key, String(entry.key.value)] : [key]);
      } else {
        broken.push([key]);
      }
    }
    return broken;
  }

  toJS(): unknown {
    if (this.known) return this.known.data;
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
    const known = this.known?.locations[locationKey(path, target)];
    if (known) return { file: this.file, ...known, message: '', severity: 'error' };
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

  /**
   * A problem at a character inside the text value at `path` (a regex, a query, an example's code): the exact line
   * and column in the rulebook when the scalar's source maps character by character to its value (plain, quoted,
   * literal block), else the value's start.
   */
  problemInValue(path: KeyPath, offset: number, length: number, message: string, severity: 'error' | 'warning' = 'error'): RulebookProblem {
    const node = this.nodeAt(path);
    const whole = this.problemAt(path, message, severity, 'value');
    if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return whole;
    const start = scalarSourceOffset(this.text, node.range, node.type, node.value, offset);
    if (start === undefined) return whole;
    const end = scalarSourceOffset(this.text, node.range, node.type, node.value, Math.min(node.value.length, offset + Math.max(length, 1))) ?? start + 1;
    const from = this.locate(start);
    const to = this.locate(Math.max(end, start + 1));
    return { file: this.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, message, severity };
  }

  /** The YAML node at a path, for callers that need its own range (examples point at their code). */
  nodeAt(path: KeyPath): YamlNode | undefined {
    return this.document.getIn(path, true) as YamlNode | undefined;
  }
}

export function formatProblem(problem: RulebookProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}`;
}
