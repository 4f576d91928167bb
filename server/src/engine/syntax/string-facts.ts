/**
 * Facts from a tree-sitter syntax tree: string literals with the name each is bound to, and comments.
 * Nodes are collected with queries (run inside the wasm runtime, much faster than walking the tree in JavaScript);
 * the context of a string is found by climbing from it to the nearest binding.
 */
import type { Node, Query, QueryMatch, Tree } from 'web-tree-sitter';
import { GrammarLanguageId } from '../languages';
import { CommentFact, ContextKind, NameContext, StringFact } from './facts';
import { COMPARE_FUNCTIONS, EQUALITY_OPERATORS, NODE_TYPES, TRANSPARENT_PARENTS } from './node-types';
import { queriesFor } from './queries';
import { literalValueSpan, unquote } from './string-literal';
import { calleeText, lastIdentifier, stringNodeValue } from './tree-util';

function nameContext(kind: ContextKind, node: Node, callee?: string): NameContext | undefined {
  const fullName = node.text.replace(/\s+/g, ' ').trim().slice(0, 120);
  const name = lastIdentifier(unquote(fullName));
  return name ? { kind, name, fullName, callee } : undefined;
}

const NAME_FIELDS = ['left', 'name', 'key', 'declarator', 'designator'] as const;

function isEqualityComparison(node: Node): boolean {
  if (!['binary_expression', 'comparison_operator', 'binary'].includes(node.type)) return false;
  return node.children.some((child) => child !== null && !child.isNamed && EQUALITY_OPERATORS.has(child.type));
}

function kindForBinding(type: string, field: string): ContextKind {
  if (type.includes('assignment') || field === 'left') return 'assign';
  if (type === 'preproc_def') return 'define';
  if (type === 'default_parameter' || type === 'assignment_pattern' || type.includes('parameter')) return 'parameter';
  if (field === 'key' || field === 'designator' || type === 'pair') return 'key';
  return 'declare';
}

/** A string passed to a call: compared (strcmp, equals), keyed (put("password", …)) or passed to a named function. */
function argumentContext(args: Node, child: Node): NameContext | undefined {
  const call = args.parent;
  if (!call) return undefined;
  const callee = calleeText(call);
  const calleeName = lastIdentifier(callee);
  const siblings = args.namedChildren.filter((n): n is Node => n !== null && !n.type.includes('comment'));
  const index = siblings.findIndex((n) => n.id === child.id);
  if (COMPARE_FUNCTIONS.has(calleeName)) {
    const other = siblings.find((n, i) => i !== index && i < 2);
    const receiver = call.childForFieldName('object') ?? call.childForFieldName('receiver');
    const target = other ?? receiver;
    if (target) return nameContext('compare', target, callee);
  }
  const previous = index > 0 ? siblings[index - 1] : undefined;
  const previousValue = previous ? stringNodeValue(previous) : undefined;
  if (previousValue !== undefined && /^[\w.\-[\]]{2,64}$/.test(previousValue)) {
    const name = lastIdentifier(previousValue);
    if (name) return { kind: 'key', name, fullName: previousValue, callee };
  }
  return calleeName ? { kind: 'argument', name: calleeName, fullName: callee.slice(0, 120), callee } : undefined;
}

/** Climbs from a string literal to the name it is bound to, through wrappers such as parentheses or `argument`. */
export function contextOf(node: Node): NameContext | undefined {
  let child = node;
  let parent = node.parent;
  for (let depth = 0; parent && depth < 6; depth++) {
    if (TRANSPARENT_PARENTS.has(parent.type)) {
      child = parent;
      parent = parent.parent;
      continue;
    }
    if (parent.type === 'arguments' || parent.type === 'argument_list') return argumentContext(parent, child);
    if (isEqualityComparison(parent)) {
      const other = parent.namedChildren.find((n) => n !== null && n.id !== child.id && !n.type.includes('comment'));
      return other ? nameContext('compare', other) : undefined;
    }
    for (const field of NAME_FIELDS) {
      const target = parent.childForFieldName(field);
      if (target && target.id !== child.id && !(target.startIndex <= child.startIndex && child.endIndex <= target.endIndex)) {
        return nameContext(kindForBinding(parent.type, field), target);
      }
    }
    if (['keyed_element', 'array_element_initializer', 'pair', 'hash_pair'].includes(parent.type)) {
      const key = parent.namedChild(0);
      if (key && key.id !== child.id) return nameContext('key', key);
    }
    return undefined;
  }
  return undefined;
}

/**
 * The outermost node `contextOf` reads for a literal: the binding, comparison or call around it. An edit inside it
 * can change the literal's context even when the literal itself is untouched.
 */
export function contextScope(node: Node): Node {
  let child = node;
  for (let parent = node.parent, depth = 0; parent && depth < 6; parent = parent.parent, depth++) {
    if (!TRANSPARENT_PARENTS.has(parent.type)) {
      return (parent.type === 'arguments' || parent.type === 'argument_list') && parent.parent ? parent.parent : parent;
    }
    child = parent;
  }
  return child;
}

function hasSubstitution(node: Node): boolean {
  return node.namedChildren.some(
    (child) => child !== null && /substitution|interpolation|expansion|simple_expansion/.test(child.type),
  );
}

export function stringFacts(id: GrammarLanguageId, tree: Tree): StringFact[] {
  const queries = queriesFor(id, tree.language);
  const facts: StringFact[] = [];
  for (const capture of queries.strings.captures(tree.rootNode)) {
    const fact = stringFactOf(id, capture.node);
    if (fact) facts.push(fact);
  }
  if (queries.defines) facts.push(...defineFacts(queries.defines, tree));
  if (id === 'shell') facts.push(...shellWordFacts(tree));
  return facts;
}

/** The fact of one string literal node; undefined for a literal nested in another (PHP and C# interpolation). */
export function stringFactOf(id: GrammarLanguageId, node: Node): StringFact | undefined {
  // Keep only the outermost literal: PHP and C# nest string nodes inside interpolated ones.
  if (node.parent && isInsideString(node, id)) return undefined;
  const span = literalValueSpan(node.text);
  return {
    start: node.startIndex + span.start,
    end: node.startIndex + span.end,
    value: node.text.slice(span.start, span.end),
    interpolated: hasSubstitution(node),
    context: contextOf(node),
  };
}

function isInsideString(node: Node, id: GrammarLanguageId): boolean {
  const types = NODE_TYPES[id].strings;
  for (let p = node.parent; p; p = p.parent) if (types.includes(p.type)) return true;
  return false;
}

/** `#define PASSWORD "…"`: the preprocessor keeps the value as raw text, so the literal is found in it here. */
function defineFacts(query: Query, tree: Tree): StringFact[] {
  const facts: StringFact[] = [];
  for (const match of query.matches(tree.rootNode)) {
    const fact = defineFactOf(match);
    if (fact) facts.push(fact);
  }
  return facts;
}

export function defineFactOf(match: QueryMatch): StringFact | undefined {
  const name = match.captures.find((c) => c.name === 'name')?.node;
  const value = match.captures.find((c) => c.name === 'value')?.node;
  if (!name || !value) return undefined;
  const literal = /^(\s*)((?:u8|[LuU])?"(?:[^"\\\n]|\\.)*")\s*(?:\/[/*].*)?$/.exec(value.text);
  if (!literal) return undefined;
  const span = literalValueSpan(literal[2]);
  const start = value.startIndex + literal[1].length + span.start;
  return {
    start,
    end: start + (span.end - span.start),
    value: literal[2].slice(span.start, span.end),
    interpolated: false,
    context: { kind: 'define', name: name.text, fullName: name.text },
  };
}

/** `PASSWORD=hunter2` in a shell script: an unquoted word is a string value there. */
function shellWordFacts(tree: Tree): StringFact[] {
  const facts: StringFact[] = [];
  for (const node of tree.rootNode.descendantsOfType('variable_assignment')) {
    const fact = node ? shellWordFactOf(node) : undefined;
    if (fact) facts.push(fact);
  }
  return facts;
}

export function shellWordFactOf(assignment: Node): StringFact | undefined {
  const name = assignment.childForFieldName('name');
  const value = assignment.childForFieldName('value');
  if (!name || !value || value.type !== 'word') return undefined;
  return {
    start: value.startIndex,
    end: value.endIndex,
    value: value.text,
    interpolated: false,
    context: { kind: 'assign', name: name.text, fullName: name.text },
  };
}

export function commentFacts(id: GrammarLanguageId, tree: Tree): CommentFact[] {
  const queries = queriesFor(id, tree.language);
  return queries.comments.captures(tree.rootNode).map(({ node }) => commentFactOf(node));
}

export function commentFactOf(node: Node): CommentFact {
  return { start: node.startIndex, end: node.endIndex, text: node.text };
}

