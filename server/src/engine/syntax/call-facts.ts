/**
 * Calls from a tree-sitter syntax tree, for every grammar's call node types (see `call-node.ts` for one call).
 *
 * Only call nodes count, so a comment, a string, `my_strcpy`, a prototype or `&strcpy` never yields a call. In C and
 * C++ two more places hold real calls: macro bodies, kept as raw text by the grammar and parsed again
 * (`macro-bodies.ts`), and statements the parser misread around a syntax error (`error-calls.ts`). One query
 * collects all three kinds of node in a single walk of the tree: walking a large tree costs more than parsing it.
 */
import type { Language, Node, Point, Query, Tree } from '../tree-api';
import { newQuery } from '../grammars';
import { GrammarLanguageId } from '../languages';
import { IDENTITY, OffsetMap, callFact } from './call-node';
import { CAST_CALL_PATTERN, ERROR_CANDIDATE_PATTERNS, castCall, errorScopes, inScopes, recoveredCall } from './error-calls';
import { CallFact } from './facts';
import { parseMacroBodies } from './macro-bodies';
import { NODE_TYPES } from './node-types';

interface CallQueries {
  /** Calls, plus macro bodies in C and C++ and casts that may be calls in C++. */
  readonly clean: Query;
  /** The same, plus the names a parser may have misread as declarations (C and C++ only). */
  readonly withErrors: Query;
}

const compiled = new Map<Language, CallQueries>();

function queriesFor(id: GrammarLanguageId, language: Language): CallQueries {
  let queries = compiled.get(language);
  if (queries) return queries;
  const has = (type: string): boolean => language.idForNodeType(type, true) !== null;
  const calls = NODE_TYPES[id].calls.filter((call) => has(call.type)).map((call) => `(${call.type}) @call`);
  const cLike = id === 'c' || id === 'cpp';
  const bodies = cLike ? ['(preproc_def value: (preproc_arg) @body)', '(preproc_function_def value: (preproc_arg) @body)'] : [];
  if (id === 'cpp') bodies.push(CAST_CALL_PATTERN);
  const candidates = cLike ? ERROR_CANDIDATE_PATTERNS.filter((p) => has(p.type)).map((p) => p.pattern) : [];
  const clean = newQuery(language, `[${[...calls, ...bodies].join(' ')}]`);
  queries = { clean, withErrors: candidates.length > 0 ? newQuery(language, `[${[...calls, ...bodies, ...candidates].join(' ')}]`) : clean };
  compiled.set(language, queries);
  return queries;
}

/** The text a tree was parsed from, as far as offsets go: its root starts at the first token, not at 0. */
function sourceOf(root: Node): string {
  return ' '.repeat(root.startIndex) + root.text;
}

/**
 * A macro body's tree is deleted once read, so its facts are read out at once. They win over a fact for the same
 * name from the file's own tree: there, the rest of a body after a comment is misread as code at file level.
 */
function materialized(fact: CallFact): CallFact {
  const { callee, name, bare, nameStart, nameEnd, args, recovered } = fact;
  for (const arg of args) void arg.stringValue;
  return { callee, name, bare, nameStart, nameEnd, args, recovered, inMacro: true };
}

/** A call fact and the extent of the node it was read from (a macro body's, for calls inside one). */
export interface SourcedCall {
  readonly fact: CallFact;
  readonly from: number;
  readonly to: number;
}

function collect(id: GrammarLanguageId, root: Node, toOriginal: OffsetMap, into: Map<number, SourcedCall>, inMacro?: boolean, options: CollectOptions = {}): void {
  const add = (fact: CallFact | undefined, node: Node): void => {
    if (!fact) return;
    const from = options.body?.startIndex ?? node.startIndex;
    const to = options.body?.endIndex ?? node.endIndex;
    if (inMacro) into.set(fact.nameStart, { fact: materialized(fact), from, to });
    else if (!into.has(fact.nameStart)) into.set(fact.nameStart, { fact, from, to });
  };
  const queries = queriesFor(id, root.tree.language);
  const scopes = root.hasError ? errorScopes(root, options.offsets) : [];
  const bodies: Node[] = [];
  let source: string | undefined;
  for (const { name, node } of (root.hasError ? queries.withErrors : queries.clean).captures(root, options.range)) {
    if (name === 'call') add(callFact(id, node, toOriginal, inMacro), node);
    else if (name === 'body') bodies.push(node);
    else if (name === 'castcall') add(castCall(node, (source ??= sourceOf(root)), toOriginal, inMacro), node);
    else if (inScopes(scopes, node)) add(recoveredCall(node, (source ??= sourceOf(root)), toOriginal, inMacro), node);
  }
  if (bodies.length > 0) {
    parseMacroBodies(root.tree.language, (source ??= sourceOf(root)), bodies, (body, toSource) => {
      const bodyToOriginal: OffsetMap = (offset) => {
        const inSource = toSource(offset);
        return inSource === undefined ? undefined : toOriginal(inSource);
      };
      const start = bodyToOriginal(body.startIndex);
      const end = bodyToOriginal(body.endIndex);
      collect(id, body, bodyToOriginal, into, true, { body: start !== undefined && end !== undefined ? { startIndex: start, endIndex: end } : undefined });
    });
  }
}

interface CollectOptions {
  /** Only nodes overlapping this range (the calls near an edit); given as points, which web-tree-sitter converts. */
  readonly range?: { readonly startPosition: Point; readonly endPosition: Point };
  /** The same range in offsets, at least as wide (for the top-level parts with errors around it). */
  readonly offsets?: { readonly start: number; readonly end: number };
  /** Inside a macro body: its extent in the file, reported as the source of the calls found in it. */
  readonly body?: { readonly startIndex: number; readonly endIndex: number };
}

export function callFacts(id: GrammarLanguageId, tree: Tree): CallFact[] {
  return sourcedCallFacts(id, tree).map((c) => c.fact);
}

/** Calls with the extent of the node each came from, from the whole tree or the nodes overlapping `range`. */
export function sourcedCallFacts(id: GrammarLanguageId, tree: Tree, range?: CollectOptions['range'], offsets?: CollectOptions['offsets']): SourcedCall[] {
  const found = new Map<number, SourcedCall>();
  collect(id, tree.rootNode, IDENTITY, found, undefined, { range, offsets: range ? offsets : undefined });
  return [...found.values()].sort((a, b) => a.fact.nameStart - b.fact.nameStart);
}
