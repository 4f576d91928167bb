/**
 * C and C++ macro bodies as code. Tree-sitter keeps the body of `#define COPY(d, s) strcpy(d, s)` as one raw
 * `preproc_arg` token, yet a call written there is a real call site (every use of the macro runs it). The bodies
 * are parsed again, wrapped in a function so statements and expressions both parse, and every offset is mapped
 * back to the original text.
 *
 * Bodies are parsed together in one batch (one parse per file instead of one per macro); a body whose brackets do
 * not balance (`#define BEGIN {`) could swallow its neighbours, so it is parsed alone.
 */
import type { Language, Node, Tree } from 'web-tree-sitter';
import { Parser, Query } from 'web-tree-sitter';

/** Maps an offset in the re-parsed text to the original file, or undefined outside any macro body. */
export type OffsetMap = (offset: number) => number | undefined;

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
const bodyQueries = new Map<Language, Query>();

function parserFor(language: Language): Parser {
  let parser = parsers.get(language);
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(language, parser);
  }
  return parser;
}

function bodyQuery(language: Language): Query {
  let query = bodyQueries.get(language);
  if (!query) {
    query = new Query(language, '[(preproc_def value: (preproc_arg) @body) (preproc_function_def value: (preproc_arg) @body)]');
    bodyQueries.set(language, query);
  }
  return query;
}

/** Bracket balance, skipping string and character literals and comments, which may hold any bracket. */
export function bracketsBalance(code: string): boolean {
  const stripped = code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
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

function parseBatch(language: Language, bodies: readonly Node[], visit: (root: Node, toOriginal: OffsetMap) => void): void {
  let text = '';
  const segments: Segment[] = [];
  for (const body of bodies) {
    text += PREFIX;
    segments.push({ parsedStart: text.length, originalStart: body.startIndex, length: body.endIndex - body.startIndex });
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
 * Calls `visit` with the re-parsed macro bodies of a C or C++ tree (possibly several times, one per batch) and the
 * map from their offsets back to the original text.
 */
export function visitMacroBodies(tree: Tree, visit: (root: Node, toOriginal: OffsetMap) => void): void {
  const batch: Node[] = [];
  for (const { node } of bodyQuery(tree.language).captures(tree.rootNode)) {
    const body = node.text;
    if (!MAY_CALL.test(body)) continue;
    if (bracketsBalance(body)) batch.push(node);
    else parseBatch(tree.language, [node], visit);
  }
  if (batch.length > 0) parseBatch(tree.language, batch, visit);
}
