/**
 * Calls from a tree-sitter syntax tree: the called name as written, whether it is a bare name (not a member of
 * something else), the token to flag and the arguments, for every grammar's call node types.
 *
 * Only call nodes count, so a comment, a string, `my_strcpy`, a prototype or `&strcpy` never yields a call. In C and
 * C++ two more places hold real calls the first pass cannot see: macro bodies (kept as raw text by the grammar,
 * parsed again in `macro-bodies.ts`) and regions the parser could not make sense of (`error-calls.ts`).
 */
import type { Node, Tree } from 'web-tree-sitter';
import { GrammarLanguageId } from '../languages';
import { constantCText, constantText } from './constant-text';
import { errorRegionCalls } from './error-calls';
import { ArgumentFact, CallFact } from './facts';
import { OffsetMap, visitMacroBodies } from './macro-bodies';
import { queriesFor } from './queries';
import { calleeNode, calleeText, lastIdentifier } from './tree-util';

const IDENTITY: OffsetMap = (offset) => offset;

/**
 * A bare callee is a plain name. In C++ the C library is also reached as `std::strcpy`, `::strcpy` and
 * `::std::strcpy`; any other qualifier (`Foo::strcpy`) names something else.
 */
function isBareCallee(id: GrammarLanguageId, node: Node): boolean {
  if (node.type === 'identifier' || node.type === 'command_name') return true;
  if (id === 'cpp' && node.type === 'qualified_identifier') {
    const written = node.text.replace(/\s+/g, '').replace(/^::/, '').replace(/^std::/, '');
    return /^[A-Za-z_]\w*$/.test(written);
  }
  return false;
}

function unwrapParentheses(node: Node): Node {
  let current = node;
  while (current.type === 'parenthesized_expression' && current.namedChildCount === 1 && current.namedChild(0)) {
    current = current.namedChild(0)!;
  }
  return current;
}

/** The innermost name of a callee: `strcpy` in `std::strcpy`, `system` in `os.system`, `exec` in `a.b.exec`. */
function nameNodeOf(callee: Node): Node {
  let node = callee;
  for (let depth = 0; depth < 8; depth++) {
    const next =
      node.childForFieldName('name') ??
      node.childForFieldName('property') ??
      node.childForFieldName('field') ??
      node.childForFieldName('attribute');
    if (!next || next.id === node.id) break;
    node = next;
  }
  return node;
}

/**
 * Arguments are the pieces between top-level commas. Usually each is one node, but a parser that stumbles
 * (C++ reads `"%" PRIu64 "x"` as an error followed by a literal) leaves several nodes in one argument.
 */
function argumentGroups(args: Node): Node[][] {
  const groups: Node[][] = [[]];
  for (const child of args.children) {
    if (!child) continue;
    if (!child.isNamed && child.type === ',') groups.push([]);
    else if (child.isNamed && !child.type.includes('comment')) groups[groups.length - 1].push(child);
  }
  return groups.filter((group) => group.length > 0);
}

function groupConstantText(id: GrammarLanguageId, group: readonly Node[]): string | undefined {
  const fromTree = group.length === 1 ? constantText(group[0]) : undefined;
  if (fromTree !== undefined || (id !== 'c' && id !== 'cpp')) return fromTree;
  return constantCText(group.map((node) => node.text).join(' '));
}

function argumentFacts(id: GrammarLanguageId, call: Node, toOriginal: OffsetMap): ArgumentFact[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  const facts: ArgumentFact[] = [];
  for (const group of argumentGroups(args)) {
    const start = toOriginal(group[0].startIndex);
    const end = toOriginal(group[group.length - 1].endIndex);
    if (start === undefined || end === undefined) break;
    facts.push({ start, end, stringValue: groupConstantText(id, group) });
  }
  return facts;
}

/** The fact for one call node, with offsets mapped to the original text (none when its name lies outside it). */
export function callFact(id: GrammarLanguageId, call: Node, toOriginal: OffsetMap = IDENTITY): CallFact | undefined {
  const rawCallee = calleeNode(call);
  if (!rawCallee) return undefined;
  const callee = unwrapParentheses(rawCallee);
  const nameNode = nameNodeOf(callee);
  const nameStart = toOriginal(nameNode.startIndex);
  const nameEnd = toOriginal(nameNode.endIndex);
  if (nameStart === undefined || nameEnd === undefined) return undefined;
  const receiver = call.childForFieldName('object') ?? call.childForFieldName('receiver') ?? call.childForFieldName('scope');
  return {
    callee: calleeText(call),
    name: lastIdentifier(nameNode.text),
    bare: !receiver && isBareCallee(id, callee),
    nameStart,
    nameEnd,
    args: argumentFacts(id, call, toOriginal),
  };
}

function treeCalls(id: GrammarLanguageId, root: Node, toOriginal: OffsetMap, into: Map<number, CallFact>, macro: boolean): void {
  const queries = queriesFor(id, root.tree.language);
  for (const { node } of queries.calls.captures(root)) {
    const fact = callFact(id, node, toOriginal);
    if (fact && !into.has(fact.nameStart)) into.set(fact.nameStart, macro ? { ...fact, inMacro: true } : fact);
  }
  if (root.hasError) {
    for (const fact of errorRegionCalls(id, root, toOriginal)) {
      if (!into.has(fact.nameStart)) into.set(fact.nameStart, macro ? { ...fact, inMacro: true } : fact);
    }
  }
}

export function callFacts(id: GrammarLanguageId, tree: Tree): CallFact[] {
  const found = new Map<number, CallFact>();
  treeCalls(id, tree.rootNode, IDENTITY, found, false);
  if (id === 'c' || id === 'cpp') {
    visitMacroBodies(tree, (root, toOriginal) => treeCalls(id, root, toOriginal, found, true));
  }
  return [...found.values()].sort((a, b) => a.nameStart - b.nameStart);
}
