/**
 * Calls the C and C++ parsers misread. Where the preprocessor splits a statement (`#if … else if … #endif`), or a
 * C++ header is read as C, tree-sitter recovers by reading `snprintf (buf, sizeof buf, "…", x);` as a declaration
 * of a function `snprintf`, or `memcpy (&a, &b, sizeof b)` as a macro type. The name is still followed by `(`, and
 * what comes before it tells a call from a declaration: a type (`char *strcpy (`) declares, while the end of a
 * statement, a brace, an operator or a keyword (`; snprintf (`, `= memcpy (`, `return strcpy (`) starts a call.
 *
 * This runs only on trees with errors, and only over the declarator names and macro types the parser produced
 * plus the names left loose inside ERROR nodes; everything else already is a call node or certainly is not a call.
 */
import type { Node } from '../tree-api';
import { OffsetMap } from './call-node';
import { constantCText } from './constant-text';
import { ArgumentFact, CallFact } from './facts';

/**
 * Query patterns (captured as `candidate`) for names the parser may have misread: declarator names, macro types
 * (`STACK_OF(X509)`; C only) and names left loose in an ERROR node. `type` is the node the grammar must have.
 */
export const ERROR_CANDIDATE_PATTERNS: readonly { readonly type: string; readonly pattern: string }[] = [
  { type: 'function_declarator', pattern: '(function_declarator declarator: (identifier) @candidate)' },
  { type: 'macro_type_specifier', pattern: '(macro_type_specifier name: (identifier) @candidate)' },
  { type: 'ERROR', pattern: '(ERROR (identifier) @candidate)' },
];

/** Operators that look like calls to a parser that has lost its way. */
const NOT_FUNCTIONS: ReadonlySet<string> = new Set([
  'sizeof',
  'alignof',
  '_Alignof',
  '__alignof__',
  'typeof',
  '__typeof__',
  '__typeof',
  'decltype',
  'defined',
  '__attribute__',
  '__declspec',
  'static_assert',
  '_Static_assert',
  'offsetof',
]);

/** Leaves that end a type, so a name after them is being declared. */
const TYPE_LEAVES: ReadonlySet<string> = new Set(['identifier', 'type_identifier', 'primitive_type', 'field_identifier', 'namespace_identifier']);
const TYPE_PARENTS: ReadonlySet<string> = new Set([
  'type_qualifier',
  'storage_class_specifier',
  'sized_type_specifier',
  'struct_specifier',
  'union_specifier',
  'enum_specifier',
  'primitive_type',
  'virtual',
  'explicit_function_specifier',
]);

function lastLeaf(node: Node): Node | null {
  let current: Node = node;
  while (current.childCount > 0) {
    let child: Node | null = null;
    for (let i = current.childCount - 1; i >= 0; i--) {
      const candidate = current.child(i);
      if (candidate && candidate.type !== 'comment') {
        child = candidate;
        break;
      }
    }
    if (!child) return null;
    current = child;
  }
  return current;
}

/** The token before `node` in the text, comments skipped. */
function previousLeaf(node: Node): Node | null {
  for (let current: Node | null = node; current; current = current.parent) {
    for (let prev = current.previousSibling; prev; prev = prev.previousSibling) {
      if (prev.type === 'comment') continue;
      const leaf = lastLeaf(prev);
      if (leaf) return leaf;
    }
  }
  return null;
}

function insidePreprocessorLine(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (/^preproc_(if|ifdef|elif|elifdef|else|call|include|def|function_def)$/.test(current.type)) {
      // A directive's own tokens are on its line; its body (for #if blocks) is not a directive token.
      const line = current.startPosition.row;
      return node.startPosition.row === line || current.type === 'preproc_call' || current.type === 'preproc_include';
    }
  }
  return false;
}

/** Whether the token before a name followed by `(` makes it the start of a call rather than a declarator. */
function startsCall(name: Node): boolean {
  let prev = previousLeaf(name);
  let stars = 0;
  while (prev && (prev.type === '*' || prev.type === '&')) {
    stars++;
    prev = previousLeaf(prev);
  }
  if (!prev) return false;
  if (insidePreprocessorLine(prev)) return true;
  const isType = TYPE_LEAVES.has(prev.type) || (prev.parent !== null && TYPE_PARENTS.has(prev.parent.type));
  if (isType) return false;
  // `* strcpy (` after an operator or a statement boundary is a dereference of the call's result.
  return stars === 0 || !prev.isNamed;
}

/** The offset just after the `(` that follows a name, or undefined when the next token is something else. */
function openParenAfter(source: string, from: number): number | undefined {
  const m = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*\(/.exec(source.slice(from, from + 400));
  return m ? from + m[0].length : undefined;
}

/** Splits `a, f(b, c), "x,y")` at top-level commas up to the matching `)`, skipping literals and comments. */
export function splitArguments(source: string, start: number): { start: number; end: number }[] {
  const args: { start: number; end: number }[] = [];
  const token = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*|[()[\]{},]/g;
  token.lastIndex = start;
  let depth = 0;
  let pieceStart = start;
  const push = (end: number): void => {
    const text = source.slice(pieceStart, end);
    const lead = text.length - text.trimStart().length;
    const trail = text.length - text.trimEnd().length;
    if (text.trim() !== '') args.push({ start: pieceStart + lead, end: end - trail });
  };
  for (let m = token.exec(source); m; m = token.exec(source)) {
    const t = m[0];
    if (t === '(' || t === '[' || t === '{') depth++;
    else if (t === ')' || t === ']' || t === '}') {
      if (depth === 0) {
        push(m.index);
        return args;
      }
      depth--;
    } else if (t === ',' && depth === 0) {
      push(m.index);
      pieceStart = m.index + 1;
    }
    if (m.index - start > 20000) break;
  }
  return args;
}

/** A span of the text, as `[start, end)` offsets. */
export type Scope = readonly [number, number];

/**
 * The top-level parts worth searching: those with an error inside, and the one after each (a misread statement
 * right after an error can itself parse cleanly, as an old-style declaration). Most of a file is neither.
 */
export function errorScopes(root: Node, within?: { readonly start: number; readonly end: number }): Scope[] {
  if (within) return errorScopesWithin(root, within);
  const scopes: Scope[] = [];
  let previousHadError = false;
  for (const child of root.children) {
    if (!child) continue;
    if (child.hasError || previousHadError) scopes.push([child.startIndex, child.endIndex]);
    previousHadError = child.hasError;
  }
  return scopes;
}

/**
 * The same scopes among the top-level parts overlapping `[within.start, within.end]` (the calls read again after
 * an edit lie there): the first part is found by binary search, and only the parts from the one before it are read
 * out, so an edit costs the same in a file of ten parts as in one of ten thousand.
 */
function errorScopesWithin(root: Node, within: { readonly start: number; readonly end: number }): Scope[] {
  const scopes: Scope[] = [];
  const count = root.childCount;
  // The first part ending after `within.start`.
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((root.child(mid)?.endIndex ?? 0) <= within.start) low = mid + 1;
    else high = mid;
  }
  let previousHadError = low > 0 && (root.child(low - 1)?.hasError ?? false);
  for (let i = low; i < count; i++) {
    const child = root.child(i);
    if (!child) continue;
    if (child.startIndex > within.end) break;
    if (child.hasError || previousHadError) scopes.push([child.startIndex, child.endIndex]);
    previousHadError = child.hasError;
  }
  return scopes;
}

export function inScopes(scopes: readonly Scope[], node: Node): boolean {
  const at = node.startIndex;
  let lo = 0;
  let hi = scopes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at < scopes[mid][0]) hi = mid - 1;
    else if (at >= scopes[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

function callAt(name: Node, callee: string, open: number, source: string, toOriginal: OffsetMap, inMacro?: boolean): CallFact | undefined {
  const nameStart = toOriginal(name.startIndex);
  const nameEnd = toOriginal(name.endIndex);
  if (nameStart === undefined || nameEnd === undefined) return undefined;
  const args: ArgumentFact[] = [];
  for (const span of splitArguments(source, open)) {
    const start = toOriginal(span.start);
    const end = toOriginal(span.end);
    if (start === undefined || end === undefined) break;
    args.push({ start, end, stringValue: constantCText(source.slice(span.start, span.end)) });
  }
  return { callee, name: name.text, bare: true, nameStart, nameEnd, args, recovered: true, inMacro };
}

/**
 * The call a misread name starts, if it does: `source` is the text the tree was parsed from (the root padded to
 * offset 0); offsets are mapped to the original file with `toOriginal`.
 */
export function recoveredCall(name: Node, source: string, toOriginal: OffsetMap, inMacro?: boolean): CallFact | undefined {
  if (NOT_FUNCTIONS.has(name.text)) return undefined;
  const declarator = name.parent;
  if (declarator?.type === 'function_declarator' && declarator.parent?.type === 'function_definition') return undefined;
  const open = openParenAfter(source, name.endIndex);
  if (open === undefined || !startsCall(name)) return undefined;
  return callAt(name, name.text, open, source, toOriginal, inMacro);
}

/**
 * C++ reads `(::strcpy)(d, s)` and `(std::strcpy)(d, s)` as a cast of `(d, s)` to a type `::strcpy`. Captured as
 * `castcall`: the qualified name of such a cast, when its value is in parentheses.
 */
export const CAST_CALL_PATTERN =
  '(cast_expression type: (type_descriptor type: (qualified_identifier) @castcall) value: (parenthesized_expression))';

/** The call behind a cast to a qualified C name (`::name`, `std::name`, `::std::name`); other casts are casts. */
export function castCall(qualified: Node, source: string, toOriginal: OffsetMap, inMacro?: boolean): CallFact | undefined {
  const written = qualified.text.replace(/\s+/g, '');
  if (!/^(?:::)?(?:std::)?[A-Za-z_]\w*$/.test(written)) return undefined;
  let name: Node = qualified;
  for (let next = name.childForFieldName('name'); next; next = name.childForFieldName('name')) name = next;
  const value = qualified.parent?.parent?.childForFieldName('value');
  if (!value) return undefined;
  return callAt(name, written, value.startIndex + 1, source, toOriginal, inMacro);
}
