/**
 * Calls from a tree-sitter syntax tree: the called name as written, whether it is a bare name (not a member of
 * something else), the token to flag and the arguments, for every grammar's call node types.
 */
import type { Node, Tree } from 'web-tree-sitter';
import { GrammarLanguageId } from '../languages';
import { ArgumentFact, CallFact } from './facts';
import { queriesFor } from './queries';
import { calleeNode, calleeText, lastIdentifier, stringNodeValue } from './tree-util';

/** In C++, `std::strcpy` and `::strcpy` are the C function itself; other qualifiers name something else. */
function isBareCallee(id: GrammarLanguageId, node: Node): boolean {
  if (node.type === 'identifier' || node.type === 'command_name') return true;
  if (id === 'cpp' && node.type === 'qualified_identifier') {
    const scope = node.childForFieldName('scope');
    return !scope || scope.text === 'std';
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

function argumentFacts(call: Node): ArgumentFact[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  return args.namedChildren
    .filter((n): n is Node => n !== null && !n.type.includes('comment'))
    .map((arg) => ({ start: arg.startIndex, end: arg.endIndex, stringValue: stringNodeValue(arg) }));
}

export function callFacts(id: GrammarLanguageId, tree: Tree): CallFact[] {
  const queries = queriesFor(id, tree.language);
  const facts: CallFact[] = [];
  for (const { node: call } of queries.calls.captures(tree.rootNode)) {
    const rawCallee = calleeNode(call);
    if (!rawCallee) continue;
    const callee = unwrapParentheses(rawCallee);
    const nameNode = callee.childForFieldName('name') ?? callee.childForFieldName('property') ?? callee.childForFieldName('field') ?? callee.childForFieldName('attribute') ?? callee;
    const receiver = call.childForFieldName('object') ?? call.childForFieldName('receiver') ?? call.childForFieldName('scope');
    facts.push({
      callee: calleeText(call),
      name: lastIdentifier(nameNode.text),
      bare: !receiver && isBareCallee(id, callee),
      nameStart: nameNode.startIndex,
      nameEnd: nameNode.endIndex,
      args: argumentFacts(call),
    });
  }
  return facts;
}
