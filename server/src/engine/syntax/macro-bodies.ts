/**
 * C and C++ macro bodies as code. Tree-sitter keeps the body of `#define COPY(d, s) strcpy(d, s)` as one raw
 * `preproc_arg` token, yet a call written there is a real call site (every use of the macro runs it). The bodies
 * are parsed again, wrapped in a function so statements and expressions both parse, and every offset is mapped
 * back to the original text.
 *
 * Bodies are parsed together in one batch (one parse per file instead of one per macro); a body whose brackets do
 * not balance (`#define BEGIN {`) could swallow its neighbours, so it is parsed alone.
 */
import { newParser } from '../grammars';
import type { Language, Node, Parser, Tree } from '../tree-api';
import { OffsetMap } from './call-node';

interface Segment {
  /** Where the body starts in the re-parsed text and in the original text. */
  readonly parsedStart: number;
  readonly originalStart: number;
  readonly length: number;
}

const PREFIX = 'void __macro_body__(void) {\n';
const SUFFIX = '\n;}\n';

/** A body worth parsing has a name followed by `(`: `#define N 10` and `#define M (1 << 4)` cannot call anything. */
const MAY_CALL = /[A-Za-z_$][\w$]*\s*\(/;

const parsers = new Map<Language, Parser>();

function parserFor(language: Language): Parser {
  let parser = parsers.get(language);
  if (!parser) {
    parser = newParser(language);
    parsers.set(language, parser);
  }
  return parser;
}

/**
 * Whether a body can share a batch: its brackets balance and no comment or literal is left open, once string and
 * character literals and comments (which may hold any bracket) are skipped.
 */
export function selfContained(code: string): boolean {
  const stripped = code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  if (/\/\*|["']/.test(stripped)) return false;
  let round = 0;
  let curly = 0;
  let square = 0;
  for (const ch of stripped) {
    if (ch === '(') round++;
    else if (ch === ')') round--;
    else if (ch === '{') curly++;
    else if (ch === '}') curly--;
    else if (ch === '[') square++;
    else if (ch === ']') square--;
    if (round < 0 || curly < 0 || square < 0) return false;
  }
  return round === 0 && curly === 0 && square === 0;
}

/**
 * The whole body of a definition: from its value to the end of the logical line. Tree-sitter ends the value at
 * a comment (`do { /* note *\/ \` continues the macro, but not the grammar's `preproc_arg`).
 */
function logicalLineEnd(text: string, from: number): number {
  let at = from;
  for (;;) {
    const newline = text.indexOf('\n', at);
    if (newline < 0) return text.length;
    const before = text[newline - 1] === '\r' ? newline - 2 : newline - 1;
    if (text[before] !== '\\') return newline;
    at = newline + 1;
  }
}

/** Line continuations become a space and a newline: the same length, so offsets stay put, and valid C. */
function asCode(body: string): string {
  return body.replace(/\\(?=\r?\n)/g, ' ');
}

function mapFor(segments: readonly Segment[]): OffsetMap {
  return (offset) => {
    let lo = 0;
    let hi = segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segments[mid];
      if (offset < s.parsedStart) hi = mid - 1;
      else if (offset > s.parsedStart + s.length) lo = mid + 1;
      else return s.originalStart + (offset - s.parsedStart);
    }
    return undefined;
  };
}

interface Body {
  readonly start: number;
  readonly text: string;
}

function parseBatch(language: Language, bodies: readonly Body[], visit: (root: Node, toOriginal: OffsetMap) => void): void {
  let text = '';
  const segments: Segment[] = [];
  for (const body of bodies) {
    text += PREFIX;
    segments.push({ parsedStart: text.length, originalStart: body.start, length: body.text.length });
    text += asCode(body.text) + SUFFIX;
  }
  let tree: Tree | null = null;
  try {
    tree = parserFor(language).parse(text);
    if (tree) visit(tree.rootNode, mapFor(segments));
  } finally {
    tree?.delete();
  }
}

/**
 * Parses the bodies of the `#define`s whose values (`preproc_arg` nodes of a tree parsed from `source`) may hold a
 * call, and calls `visit` with each resulting tree (one per batch) and the map from its offsets to `source`'s.
 */
export function parseMacroBodies(
  language: Language,
  source: string,
  values: readonly Node[],
  visit: (root: Node, toSource: OffsetMap) => void,
): void {
  const batch: Body[] = [];
  for (const value of values) {
    const body = { start: value.startIndex, text: source.slice(value.startIndex, logicalLineEnd(source, value.startIndex)) };
    if (!MAY_CALL.test(body.text)) continue;
    if (selfContained(body.text)) batch.push(body);
    else parseBatch(language, [body], visit);
  }
  if (batch.length > 0) parseBatch(language, batch, visit);
}
