/**
 * The syntax trees the engine reads, as the engine sees them: the members of tree-sitter's trees, nodes, cursors,
 * languages and queries that the engine uses, and nothing that tells which binding made them.
 *
 * Two bindings sit behind these types (`backends/`): web-tree-sitter (wasm; everywhere, and the only one the
 * language server and the extension load) and the native `tree-sitter` binding (the CLI, where its prebuilt binary
 * loads; parses about 1.4× faster). Both count `startIndex`/`endIndex` in UTF-16 code units, the offsets of the
 * JavaScript string that was parsed (`backends.test.ts` checks it on Japanese, emoji and CRLF text). The objects
 * of either binding satisfy these interfaces as they are (each backend states so at compile time), except the
 * query, which each backend wraps to give matches one shape and to hand its general predicates (`#MATCH?`) back to
 * the engine. Engine code imports its tree types from here, never from a binding, and creates parsers and queries
 * only through `grammars.ts`.
 */

export interface Point {
  row: number;
  column: number;
}

export interface Range {
  startIndex: number;
  endIndex: number;
  startPosition: Point;
  endPosition: Point;
}

/** A change to a text, as `Tree.edit` takes it (offsets in UTF-16 code units). */
export interface Edit {
  startIndex: number;
  oldEndIndex: number;
  newEndIndex: number;
  startPosition: Point;
  oldEndPosition: Point;
  newEndPosition: Point;
}

export interface Node {
  /** Unique within a tree (and kept by a node an incremental parse reuses). */
  readonly id: number;
  readonly typeId: number;
  readonly type: string;
  readonly tree: Tree;
  readonly isNamed: boolean;
  readonly isMissing: boolean;
  readonly isError: boolean;
  readonly hasError: boolean;
  readonly text: string;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: Point;
  readonly endPosition: Point;
  /** Walks down from the root in web-tree-sitter: use `ancestry.ts` frames to climb. */
  readonly parent: Node | null;
  readonly children: (Node | null)[];
  readonly namedChildren: (Node | null)[];
  readonly childCount: number;
  readonly namedChildCount: number;
  readonly firstChild: Node | null;
  readonly firstNamedChild: Node | null;
  readonly lastChild: Node | null;
  readonly lastNamedChild: Node | null;
  readonly nextSibling: Node | null;
  readonly previousSibling: Node | null;
  readonly nextNamedSibling: Node | null;
  readonly previousNamedSibling: Node | null;
  child(index: number): Node | null;
  namedChild(index: number): Node | null;
  childForFieldName(fieldName: string): Node | null;
  childrenForFieldName(fieldName: string): (Node | null)[];
  fieldNameForChild(index: number): string | null;
  descendantsOfType(types: string | string[], startPosition?: Point, endPosition?: Point): (Node | null)[];
  descendantForIndex(start: number, end?: number): Node | null;
  descendantForPosition(start: Point, end?: Point): Node | null;
  walk(): TreeCursor;
}

export interface TreeCursor {
  readonly currentNode: Node;
  /** The `id` of the node the cursor is on, without making the node. */
  readonly nodeId: number;
  /** null (wasm) or undefined (native) when the node has no field name. */
  readonly currentFieldName: string | null | undefined;
  readonly currentDepth: number;
  readonly nodeType: string;
  readonly nodeTypeId: number;
  readonly nodeIsNamed: boolean;
  readonly nodeIsMissing: boolean;
  readonly startIndex: number;
  readonly endIndex: number;
  readonly startPosition: Point;
  readonly endPosition: Point;
  gotoFirstChild(): boolean;
  gotoLastChild(): boolean;
  gotoNextSibling(): boolean;
  gotoPreviousSibling(): boolean;
  gotoParent(): boolean;
  gotoFirstChildForIndex(goalIndex: number): boolean;
  reset(node: Node): void;
  /** Frees the cursor (wasm memory); a native cursor is freed by the garbage collector and this does nothing. */
  delete(): void;
}

export interface Tree {
  readonly rootNode: Node;
  readonly language: Language;
  walk(): TreeCursor;
  edit(edit: Edit): void;
  getChangedRanges(other: Tree): Range[];
  /** Frees the tree (wasm memory); a native tree is freed by the garbage collector and this does nothing. */
  delete(): void;
}

/** A grammar's symbol table. */
export interface Language {
  readonly nodeTypeCount: number;
  readonly fieldCount: number;
  /**
   * Non-null when the grammar has a named node type of that name (anonymous tokens are not asked for). The number is
   * one id of that name, not always the `typeId` its nodes report (an alias may name a rule): compare types by name.
   */
  idForNodeType(type: string, named: true): number | null;
  /** The name of a named node type (the native binding gives null for tokens, hidden rules and supertypes). */
  nodeTypeForId(typeId: number): string | null;
  fieldNameForId(fieldId: number): string | null;
}

export interface QueryCapture {
  readonly name: string;
  readonly node: Node;
}

export interface QueryMatch {
  /** Which of the query's patterns matched (in the order they are written). */
  readonly patternIndex: number;
  readonly captures: QueryCapture[];
}

/** Limits a query to the nodes overlapping a range, given as points (both bindings convert them the same way). */
export interface QueryRange {
  startPosition?: Point;
  endPosition?: Point;
}

export type PredicateOperand = { type: 'capture'; name: string } | { type: 'string'; value: string };

/** A predicate tree-sitter does not evaluate itself (`#MATCH?`), handed to the engine. */
export interface QueryPredicate {
  readonly operator: string;
  readonly operands: readonly PredicateOperand[];
}

/**
 * A compiled query. Text predicates (`#eq?`, `#match?`, `#any-of?`) are evaluated by the binding; any other
 * predicate is listed by `predicatesForPattern` for the caller to evaluate.
 */
export interface Query {
  readonly captureNames: readonly string[];
  patternCount(): number;
  predicatesForPattern(patternIndex: number): readonly QueryPredicate[];
  matches(node: Node, range?: QueryRange): QueryMatch[];
  captures(node: Node, range?: QueryRange): QueryCapture[];
}

export interface ParseOptions {
  /** Asked as the parse goes: true stops it (the time budget, a newer version of the document). */
  progressCallback?: () => boolean;
}

/** One grammar's parser. Parsing is synchronous; a stopped parse resumes on the next call unless `reset`. */
export interface Parser {
  /** The tree, or null (or, for some bindings, an exception) when the progress callback stopped the parse. */
  parse(text: string, oldTree?: Tree | null, options?: ParseOptions): Tree | null;
  reset(): void;
}
