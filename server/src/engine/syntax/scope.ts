/**
 * Where a node sits in its program: the function around it and that function's name, the `if` it is guarded by,
 * and whether it is top-level code. Rules about test features ask these questions ("inside an auth function",
 * "only registered when DEBUG is on"), so the per-grammar node names they need are kept here, in one place.
 */
import type { Language, Node, Query, Tree } from '../tree-api';
import { newQuery } from '../grammars';
import { Frame, inherited } from './ancestry';
import { lastIdentifier } from './tree-util';

/** Function-like nodes of every grammar: their bodies are not top-level code. */
export const FUNCTION_TYPES: ReadonlySet<string> = new Set([
  'function_definition', // c, cpp, python, php
  'function_declaration', // javascript, typescript, go
  'generator_function_declaration',
  'function_expression',
  'generator_function',
  'arrow_function',
  'method_definition', // javascript
  'method_declaration', // java, go, csharp, php
  'constructor_declaration',
  'local_function_statement', // csharp
  'lambda_expression',
  'lambda',
  'anonymous_function', // php
  'arrow_function_expression',
  'func_literal', // go
  'method', // ruby
  'singleton_method',
  'block', // ruby blocks are closures; other grammars' `block` is filtered out below
  'do_block',
  'function_item', // rust
  'closure_expression',
  'lambda_literal', // kotlin, swift
  'secondary_constructor',
  'init_declaration', // swift
  'function_statement', // powershell
  'script_block_expression',
]);

export function isFunctionNode(type: string, languageId: string): boolean {
  if (!FUNCTION_TYPES.has(type)) return false;
  // Only Ruby's `block` is a closure; elsewhere it is a plain statement block.
  return type !== 'block' || languageId === 'ruby';
}

/** The innermost function around a frame's node, if any (kept per frame: every literal below asks the same). */
export function enclosingFunction(frame: Frame, languageId: string): Frame | undefined {
  return inherited<Frame | undefined>(frame, 'function', (f, aboveParent) =>
    f.parent && isFunctionNode(f.parent.type, languageId) ? f.parent : aboveParent,
  );
}

/** The innermost named function around a frame's node, skipping anonymous callbacks inside it. */
export function enclosingNamedFunction(frame: Frame, languageId: string): { frame: Frame; name: string } | undefined {
  for (let fn = enclosingFunction(frame, languageId); fn; fn = enclosingFunction(fn, languageId)) {
    const name = functionName(fn);
    if (name) return { frame: fn, name };
  }
  return undefined;
}

/**
 * A function's name: its own `name` field, the C/C++ declarator, or for an anonymous function the name it is
 * bound to (`const requireAuth = (req) => …`, `{ login: function () … }`, `exports.auth = …`).
 */
export function functionName(fnFrame: Frame): string | undefined {
  return fnFrame.remember('functionName', () => {
    const fn = fnFrame.node;
    const own = fn.childForFieldName('name') ?? (fn.type === 'function_statement' || fn.type === 'method_definition' ? fn.namedChildren.find((c) => c?.type === 'function_name' || c?.type === 'identifier') : null);
    if (own) return lastIdentifier(own.text.slice(0, 200));
    let declarator = fn.childForFieldName('declarator');
    while (declarator && declarator.type !== 'function_declarator') declarator = declarator.childForFieldName('declarator');
    if (declarator) {
      const inner = declarator.childForFieldName('declarator');
      return inner ? lastIdentifier(inner.text.slice(0, 200)) : undefined;
    }
    const parent = fnFrame.parent?.node;
    if (!parent) return undefined;
    const binding = parent.childForFieldName('name') ?? parent.childForFieldName('key') ?? parent.childForFieldName('left') ?? parent.childForFieldName('property');
    if (binding && binding.id !== fn.id && binding.endIndex <= fn.startIndex) return lastIdentifier(binding.text.slice(-200));
    return undefined;
  });
}

/** True when no function encloses the node (module-level or class-level code, as in a settings file). */
export function isTopLevel(frame: Frame, languageId: string): boolean {
  return enclosingFunction(frame, languageId) === undefined;
}

/** Conditional statements of every grammar and the fields holding their test and guarded branch. */
const IF_TYPES: ReadonlySet<string> = new Set(['if_statement', 'if', 'if_modifier', 'elif_clause', 'else_if_clause', 'if_expression', 'elseif_statement', 'elseif_clause']);

export interface IfParts {
  readonly condition: Node;
  /** The branch run when the condition holds. */
  readonly consequence: Node;
}

export function ifParts(node: Node): IfParts | undefined {
  if (!IF_TYPES.has(node.type)) return undefined;
  let condition = node.childForFieldName('condition');
  // Kotlin, Swift and PowerShell give the branch no field: it is the first block after the condition.
  const consequence =
    node.childForFieldName('consequence') ??
    node.childForFieldName('body') ??
    node.namedChildren.find((c) => c !== null && condition !== null && c.startIndex >= condition.endIndex && /block|statements|body/.test(c.type)) ??
    null;
  if (!condition || !consequence) return undefined;
  // C++ wraps the test in a condition_clause; the expression is its value.
  if (condition.type === 'condition_clause') condition = condition.childForFieldName('value') ?? condition;
  return { condition, consequence };
}

const ifQueries = new Map<Language, Query>();
const ifCache = new WeakMap<Tree, Node[]>();

/** Every conditional statement in the tree, in document order: found with a query (in wasm) once per tree. */
export function ifStatements(tree: Tree): Node[] {
  const cached = ifCache.get(tree);
  if (cached) return cached;
  let query = ifQueries.get(tree.language);
  if (!query) {
    const types = [...IF_TYPES].filter((type) => tree.language.idForNodeType(type, true) !== null);
    query = newQuery(tree.language, types.length > 0 ? `[${types.map((t) => `(${t})`).join(' ')}] @if` : '');
    ifQueries.set(tree.language, query);
  }
  const found = query.captures(tree.rootNode).map((capture) => capture.node);
  ifCache.set(tree, found);
  return found;
}

/**
 * A condition that holds only in development: a debug or development flag, a test mode, or "not production".
 * Code guarded this way is a deliberate development feature, not a leftover (the setting itself is checked by
 * the debug rules).
 */
const DEV_WORDS = /(?:^|[^a-z])(?:debug|dev|development|local|testing|test_?mode|is_?test)(?:[^a-z]|$)/i;
const NOT_PRODUCTION = /!==?\s*["'](?:prod|production)["']|["'](?:prod|production)["']\s*!==?/;

export function saysDevelopmentOnly(condition: Node): boolean {
  const text = condition.text.slice(0, 300);
  return NOT_PRODUCTION.test(text) || DEV_WORDS.test(text.replace(/([a-z])([A-Z])/g, '$1_$2'));
}

/** True when the node is only reached through a development-only condition (`if settings.DEBUG:` …). */
export function isInsideDevelopmentGuard(frame: Frame): boolean {
  return inherited<boolean>(frame, 'developmentGuard', (f, guardedAbove) => {
    if (guardedAbove || !f.parent) return guardedAbove === true;
    const parts = f.parent.remember('ifParts', () => ifParts(f.parent!.node));
    if (!parts) return false;
    const child = f.node;
    const inBranch = parts.consequence.startIndex <= child.startIndex && child.endIndex <= parts.consequence.endIndex;
    return inBranch && f.parent.remember('saysDevelopmentOnly', () => saysDevelopmentOnly(parts.condition));
  });
}

const CLASS_TYPES = new Set([
  'class_declaration', 'class_definition', 'class', 'class_specifier', 'struct_specifier', 'module', 'object_declaration', 'trait_declaration',
  'object_definition', 'trait_definition', 'class_implementation', 'class_interface', 'impl_item', 'struct_item', 'class_statement', 'protocol_declaration',
]);
const DEBUG_NAME = /(?:^|[^a-z])(?:debug|debugger|debugging|dev|development)(?:[^a-z]|$)/;

/**
 * True inside a function or class whose name says it is the debugging facility itself (`Debug::enable()`,
 * `def enable_debug_mode():`): what it switches on is its purpose, and whether it runs in production is decided
 * where it is called.
 */
export function isInsideDebugFacility(frame: Frame, languageId: string): boolean {
  return inherited<boolean>(frame, 'debugFacility', (f, insideAbove) => {
    if (insideAbove || !f.parent) return insideAbove === true;
    const p = f.parent;
    const isClass = CLASS_TYPES.has(p.type);
    if (!isFunctionNode(p.type, languageId) && !isClass) return false;
    const name = isClass ? p.node.childForFieldName('name')?.text.slice(0, 200) : functionName(p);
    return name !== undefined && DEBUG_NAME.test(name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase());
  });
}
