/**
 * Facts from a tree-sitter syntax tree: string literals with the name each is bound to, and comments.
 * Nodes are collected with queries (run inside the wasm runtime, much faster than walking the tree in JavaScript);
 * the context of a string is found by climbing from it to the nearest binding.
 */
import type { Node, Query, QueryMatch, Tree } from '../tree-api';
import { GrammarLanguageId } from '../languages';
import { Frame, inherited, walkerFor } from './ancestry';
import { CommentFact, StringFact } from './facts';
import { contextOf } from './name-context';
import { NODE_TYPES } from './node-types';
import { queriesFor } from './queries';
import { literalValueSpan } from './string-literal';

/** The binding climb lives in `name-context.ts`; literal facts reach it through here too. */
export { contextOf } from './name-context';

/** Parts of a literal that are text; any other named child (`${x}`, `#{x}`, `$x`, `{x}`) makes it non-constant. */
const LITERAL_PARTS = /content|fragment|escape|delimiter|^string_start$|^string_end$|^string_value$|str_text$|^raw_str_(?:end_)?part$|^str_escaped_char$|^template_literal$|^quoted_template_(?:start|end)$/;

function hasSubstitution(node: Node): boolean {
  return node.namedChildren.some((child) => child !== null && !LITERAL_PARTS.test(child.type) && !child.type.includes('string'));
}

/** Node types whose children are statements or declarations: what `contextOf` reads never leaves one of them. */
const STATEMENT_CONTAINERS = new Set([
  'translation_unit', 'compound_statement', 'declaration_list', 'field_declaration_list', 'preproc_if', 'preproc_ifdef',
  'preproc_else', 'preproc_elif', 'preproc_elifdef', 'case_statement', 'program', 'statement_block', 'class_body',
  'switch_body', 'switch_case', 'switch_default', 'module', 'block', 'source_file', 'compilation_unit',
  'interface_body', 'enum_body', 'switch_block', 'switch_block_statement_group', 'constructor_body', 'switch_section',
  'statement_list', 'expression_case', 'default_case', 'communication_case', 'type_case', 'body_statement', 'do_block',
  'then', 'else', 'begin', 'do_group',
  // Kotlin, Swift, Rust, PowerShell, Scala, Objective-C, Lua.
  'statements', 'function_body', 'enum_class_body', 'protocol_body', 'template_body', 'implementation_definition',
  'script_block_body', 'chunk',
]);

/** HCL: a top-level block is a statement (its attributes are read up to the block, for `variable` defaults). */
function isTopLevelBlock(frame: Frame): boolean {
  return frame.parent?.type === 'body' && frame.parent.parent?.type === 'config_file';
}

/**
 * The outermost node `contextOf` may read for a literal: the statement or declaration around it (bindings,
 * comparisons, calls, and the pairs and lists around them never reach past it). An edit inside it can change the
 * literal's context even when the literal itself is untouched.
 */
export function contextScope(frame: Frame): Frame {
  return inherited<Frame>(frame, 'contextScope', (f, parentScope) =>
    !f.parent || !f.parent.parent || STATEMENT_CONTAINERS.has(f.parent.type) || isTopLevelBlock(f) ? f : parentScope!,
  );
}

export function stringFacts(id: GrammarLanguageId, tree: Tree): StringFact[] {
  const queries = queriesFor(id, tree.language);
  const walker = walkerFor(tree, 'strings');
  const facts: StringFact[] = [];
  for (const capture of queries.strings.captures(tree.rootNode)) {
    const fact = stringFactOf(id, walker.frameOf(capture.node));
    if (fact) facts.push(fact);
  }
  if (queries.defines) facts.push(...defineFacts(queries.defines, tree));
  if (id === 'shell') facts.push(...shellWordFacts(tree));
  return facts;
}

/** The fact of one string literal node; undefined for a literal nested in another (PHP and C# interpolation). */
export function stringFactOf(id: GrammarLanguageId, frame: Frame): StringFact | undefined {
  // Keep only the outermost literal: PHP and C# nest string nodes inside interpolated ones.
  if (isInsideString(frame, id)) return undefined;
  const node = frame.node;
  const text = node.text;
  const span = literalValueSpan(text);
  return {
    start: node.startIndex + span.start,
    end: node.startIndex + span.end,
    value: text.slice(span.start, span.end),
    interpolated: hasSubstitution(node),
    context: contextOf(frame),
    standalone: isStandalone(frame),
  };
}

/** A docstring or directive: the literal (or its implicit concatenation) is the whole expression statement. */
function isStandalone(frame: Frame): boolean {
  const parent = frame.parent?.type === 'concatenated_string' ? frame.parent.parent : frame.parent;
  return parent?.type === 'expression_statement' && parent.node.namedChildCount === 1;
}

/** Whether an ancestor is a string literal: known once per ancestor, however many literals it holds. */
function isInsideString(frame: Frame, id: GrammarLanguageId): boolean {
  const types = NODE_TYPES[id].strings;
  return inherited<boolean>(frame, 'insideString', (f, parentInside) => f.parent !== undefined && (parentInside === true || types.includes(f.parent.type)));
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
  const literal = /^(\s*)((?:u8|[LuU@])?"(?:[^"\\\n]|\\.)*")\s*(?:\/[/*].*)?$/.exec(value.text);
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

