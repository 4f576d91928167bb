/**
 * Facts with the extent of the syntax node each came from, collected from a whole tree or from the part of it that
 * overlaps a region. Knowing the node extent is what lets an edited document keep the facts of untouched code and
 * recompute only those whose node overlaps the edit (see `fact-snapshot.ts`).
 */
import type { Language, Node, Point, Query, Tree } from '../tree-api';
import { newQuery } from '../grammars';
import { GrammarLanguageId } from '../languages';
import { TextIndex } from '../text-index';
import { sourcedCallFacts } from './call-facts';
import { CallFact, CommentFact, StringFact } from './facts';
import { walkerFor } from './ancestry';
import { queriesFor } from './queries';
import { commentFactOf, contextScope, defineFactOf, shellWordFactOf, stringFactOf } from './string-facts';
import { checkBudget } from '../budget';

export interface Located<T> {
  /** Offsets of the syntax node the fact was read from (it may be wider than the fact's own offsets). */
  readonly from: number;
  readonly to: number;
  readonly fact: T;
  /** When the fact also read syntax around its node (the binding a string is bound to): that syntax's extent. */
  readonly reach?: Region;
}

/** A closed range of offsets: a node overlaps it when it shares at least one position, ends included. */
export interface Region {
  readonly start: number;
  readonly end: number;
}

export type FactKind = 'strings' | 'comments' | 'calls';

export interface FactTypes {
  strings: StringFact;
  comments: CommentFact;
  calls: CallFact;
}

export function overlaps(from: number, to: number, region: Region): boolean {
  return from <= region.end && to >= region.start;
}

const assignmentQueries = new Map<Language, Query>();

function shellAssignments(language: Language): Query {
  let query = assignmentQueries.get(language);
  if (!query) {
    query = newQuery(language, '(variable_assignment) @assignment');
    assignmentQueries.set(language, query);
  }
  return query;
}

interface Scope {
  readonly tree: Tree;
  readonly region?: Region;
  /** Query ranges are given as points: web-tree-sitter 0.25 passes `startIndex` to the runtime unconverted. */
  readonly range?: { startPosition: Point; endPosition: Point };
}

/** The query range that covers a region (nodes overlapping it, and a few touching it, still need filtering). */
export function queryRange(index: TextIndex, region: Region): { startPosition: Point; endPosition: Point } {
  // One position of slack on each side: a query range is half-open and skips nodes that only touch it.
  const point = (offset: number): Point => {
    const p = index.positionAt(Math.max(0, Math.min(offset, index.text.length)));
    return { row: p.line, column: p.character };
  };
  return { startPosition: point(region.start - 1), endPosition: point(region.end + 1) };
}

function scopeOf(tree: Tree, index: TextIndex, region: Region | undefined): Scope {
  return region ? { tree, region, range: queryRange(index, region) } : { tree };
}

function collect<T>(scope: Scope, query: Query, build: (node: Node) => T | undefined): Located<T>[] {
  const found: Located<T>[] = [];
  for (const { node } of query.captures(scope.tree.rootNode, scope.range)) {
    checkBudget();
    if (scope.region && !overlaps(node.startIndex, node.endIndex, scope.region)) continue;
    const fact = build(node);
    if (fact !== undefined) found.push({ from: node.startIndex, to: node.endIndex, fact });
  }
  return found;
}

/** String literals, each read with its ancestors (the name it is bound to) from one forward walk of the tree. */
function collectStrings(id: GrammarLanguageId, scope: Scope, query: Query): Located<StringFact>[] {
  const walker = walkerFor(scope.tree, 'strings');
  const found: Located<StringFact>[] = [];
  for (const { node } of query.captures(scope.tree.rootNode, scope.range)) {
    const from = node.startIndex;
    const to = node.endIndex;
    if (scope.region && !overlaps(from, to, scope.region)) continue;
    const frame = walker.frameOf(node);
    const fact = stringFactOf(id, frame);
    if (fact === undefined) continue;
    const around = contextScope(frame).node;
    const wider = around.startIndex < from || around.endIndex > to;
    found.push({ from, to, fact, reach: wider ? { start: around.startIndex, end: around.endIndex } : undefined });
  }
  return found;
}

export function byPosition<T>(a: Located<T>, b: Located<T>): number {
  return a.from - b.from || a.to - b.to;
}

function locatedStrings(id: GrammarLanguageId, scope: Scope): Located<StringFact>[] {
  const queries = queriesFor(id, scope.tree.language);
  const found = collectStrings(id, scope, queries.strings);
  if (queries.defines) {
    for (const match of queries.defines.matches(scope.tree.rootNode, scope.range)) {
      const from = Math.min(...match.captures.map((c) => c.node.startIndex));
      const to = Math.max(...match.captures.map((c) => c.node.endIndex));
      if (scope.region && !overlaps(from, to, scope.region)) continue;
      const fact = defineFactOf(match);
      if (fact) found.push({ from, to, fact });
    }
  }
  if (id === 'shell') found.push(...collect(scope, shellAssignments(scope.tree.language), shellWordFactOf));
  return found.sort(byPosition);
}

/** Offsets of the top-level items (children of the root) of a tree, computed once per tree. */
interface Item {
  readonly start: number;
  readonly end: number;
  readonly comment: boolean;
}

/**
 * The top-level items (children of the root) of a tree, read one at a time as a binary search needs them: a large
 * file has thousands, and reading them all out of the wasm tree on every edit would cost more than the edit.
 */
class TopLevel {
  private readonly items = new Map<number, Item>();
  readonly count: number;

  constructor(private readonly root: Node) {
    this.count = root.childCount;
  }

  at(i: number): Item {
    let item = this.items.get(i);
    if (!item) {
      const child = this.root.child(i);
      item = child ? { start: child.startIndex, end: child.endIndex, comment: child.type === 'comment' } : { start: 0, end: 0, comment: false };
      this.items.set(i, item);
    }
    return item;
  }

  /** The index of the first item ending at or after `offset` (`count` when none does). */
  firstEndingFrom(offset: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.at(mid).end < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The item around an offset (or the offset alone, between items). */
  around(offset: number): { start: number; end: number } {
    const i = this.firstEndingFrom(offset + 1);
    const item = i < this.count ? this.at(i) : undefined;
    return item && item.start <= offset ? item : { start: offset, end: offset };
  }
}

const topLevel = new WeakMap<Tree, TopLevel>();

function topLevelOf(tree: Tree): TopLevel {
  let items = topLevel.get(tree);
  if (!items) {
    items = new TopLevel(tree.rootNode);
    topLevel.set(tree, items);
  }
  return items;
}

/**
 * Whether a grammar's calls are read per top-level item: in C and C++ a call in a macro body, or one the parser
 * misread around a syntax error, depends on the item around it and on the item before.
 */
export function callsByTopLevelItem(id: GrammarLanguageId): boolean {
  return id === 'c' || id === 'cpp';
}

/**
 * A region snapped to the top-level items it touches, with `neighbours` more items on either side (comments not
 * counted: a misread call looks back past them to the token before). For grammars whose calls are not read per
 * item, the region itself.
 */
export function callRegion(id: GrammarLanguageId, tree: Tree, region: Region, neighbours = 0): Region {
  if (!callsByTopLevelItem(id)) return region;
  const items = topLevelOf(tree);
  if (items.count === 0) return region;
  let first = Math.min(items.firstEndingFrom(region.start), items.count - 1);
  let last = first;
  while (last + 1 < items.count && items.at(last + 1).start <= region.end) last++;
  for (let n = 0; n < neighbours && first > 0; n++) {
    first--;
    while (first > 0 && items.at(first).comment) first--;
  }
  for (let n = 0; n < neighbours && last < items.count - 1; n++) {
    last++;
    while (last < items.count - 1 && items.at(last).comment) last++;
  }
  return { start: Math.min(region.start, items.at(first).start), end: Math.max(region.end, items.at(last).end) };
}

function locatedCalls(id: GrammarLanguageId, scope: Scope): Located<CallFact>[] {
  const byItem = callsByTopLevelItem(id);
  const items = byItem ? topLevelOf(scope.tree) : undefined;
  const found: Located<CallFact>[] = [];
  // The query range has a position of slack on either side of the region (`queryRange`): so does the search for errors.
  const offsets = scope.region ? { start: scope.region.start - 2, end: scope.region.end + 2 } : undefined;
  for (const { fact, from, to } of sourcedCallFacts(id, scope.tree, scope.range, offsets)) {
    const extent = items ? items.around(fact.nameStart) : { start: from, end: to };
    if (scope.region && !overlaps(extent.start, extent.end, scope.region)) continue;
    found.push({ from: extent.start, to: extent.end, fact });
  }
  return found.sort(byPosition);
}

/**
 * The facts of one kind in a tree, or only those whose node overlaps `region`, sorted by position.
 * `index` is the text's index (for turning the region into the points a query range needs).
 */
export function locatedFacts<K extends FactKind>(kind: K, id: GrammarLanguageId, tree: Tree, index: TextIndex, region?: Region): Located<FactTypes[K]>[] {
  const scope = scopeOf(tree, index, region);
  const queries = queriesFor(id, tree.language);
  switch (kind) {
    case 'strings':
      return locatedStrings(id, scope) as Located<FactTypes[K]>[];
    case 'comments':
      return collect(scope, queries.comments, commentFactOf).sort(byPosition) as Located<FactTypes[K]>[];
    default:
      return locatedCalls(id, scope) as Located<FactTypes[K]>[];
  }
}
