/**
 * One C function read in one walk, for questions about the statements near a call in it: the names it declares (by
 * block), its `if` statements (condition, branches, whether the taken branch always leaves, what it clamps), every
 * write to a variable or field (assignments, `++`, `&x` handed to a call), every plain assignment (`p = malloc(n)`,
 * `size_t room = end - p`) and its loops. Each list is in document order, so a question about the lines above a
 * call is a binary search and a bounded look back, never a scan of the function.
 *
 * A function's facts are read the first time a call in it asks, and kept with the tree.
 */
import type { Node, Tree, TreeCursor } from '../tree-api';
import { canonical } from './c-expressions';
import { CType, Declared, declaratorsOf, readDeclarator, typeNameOf } from './c-declarations';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface IfFact extends Span {
  readonly condition: Span;
  readonly consequence: Span;
  readonly alternative?: Span;
  /** The innermost block (or `case`) the statement is in: a guard protects only what follows it there. */
  readonly block: Span;
  /** The taken branch always leaves (`return`, `goto`, `break`, `continue`, `exit()`…). */
  readonly exits: boolean;
  /** `target = value` assignments at the top of the taken branch (`if (n > max) n = max;`), with their offsets. */
  readonly clamps: readonly Clamp[];
}

export interface Clamp {
  readonly target: string;
  readonly value: string;
  /** Where the assignment starts (the offset of its write). */
  readonly at: number;
}

export interface Write {
  readonly at: number;
  /** The canonical print of what is written: `n`, `h->len`, `*size`. */
  readonly target: string;
}

export interface Definition extends Span {
  /** Canonical print of the assigned name or field. */
  readonly target: string;
  /** The assigned value's text. */
  readonly value: string;
  /**
   * The innermost branch it runs in (an `if`'s consequence or alternative, a loop's body, a `case`), if any: it
   * holds after the branch only on the paths through it.
   */
  readonly branch?: Span;
}

export interface FunctionFacts extends Span {
  readonly declarations: ReadonlyMap<string, readonly Declared[]>;
  /** Parameter names in order (a size parameter right after a buffer is that buffer's size). */
  readonly parameters: readonly string[];
  readonly ifs: readonly IfFact[];
  readonly writes: readonly Write[];
  readonly definitions: readonly Definition[];
  readonly loops: readonly Span[];
  /**
   * Compile-time assertions in the body (`STATIC_ASSERT(sizeof a >= sizeof *p);`, `_Static_assert(…, "…")`), by the
   * span of the asserted condition: the build fails unless it holds, so it holds after the statement.
   */
  readonly assertions: readonly (Span & { readonly condition: Span; readonly block: Span })[];
  /** The body's extent, when there is one. */
  readonly body?: Span;
  /**
   * How many function definitions the body holds (a GCC nested function, a parser's misreading): none, and every
   * offset in the body belongs to this function.
   */
  readonly nestedDefinitions: number;
}

/** The compile-time assertion macros and keywords: unlike `assert()`, none is compiled out of a release build. */
const STATIC_ASSERTION = /^(?:_Static_assert|static_assert|STATIC_ASSERT|BUILD_ASSERT|CTASSERT|COMPILE_TIME_ASSERT|C_ASSERT)$/;
const ASSERTION_START = /^(?:_Static_assert|static_assert|STATIC_ASSERT|BUILD_ASSERT|CTASSERT|COMPILE_TIME_ASSERT|C_ASSERT)\b/;

const MAX_TEXT = 400;

/** Calls that never return: a branch ending in one leaves like a `return`. */
const NO_RETURN = /^(?:exit|_exit|_Exit|abort|err|errx|verr|verrx|longjmp|siglongjmp|__builtin_unreachable|__assert_fail|BUG|(?:\w+_)?(?:fatal|die|panic)(?:_\w+)?)$/;

const LEAVING = new Set(['return_statement', 'goto_statement', 'break_statement', 'continue_statement']);

function namedStatements(node: Node): Node[] {
  return node.namedChildren.filter((n): n is Node => n !== null && !n.type.includes('comment'));
}

/** Whether a statement always leaves the code that follows it. */
export function leaves(node: Node | null, depth = 0): boolean {
  if (!node || depth > 8) return false;
  if (LEAVING.has(node.type)) return true;
  if (node.type === 'compound_statement') {
    const statements = namedStatements(node);
    return leaves(statements[statements.length - 1] ?? null, depth + 1);
  }
  if (node.type === 'expression_statement') {
    const call = node.namedChild(0);
    if (call?.type !== 'call_expression') return false;
    const fn = call.childForFieldName('function');
    return fn?.type === 'identifier' && NO_RETURN.test(fn.text);
  }
  if (node.type === 'if_statement') {
    const alternative = node.childForFieldName('alternative');
    return leaves(node.childForFieldName('consequence'), depth + 1) && leaves(alternative?.namedChild(0) ?? null, depth + 1);
  }
  return false;
}

function slice(text: string, node: Node): string {
  return text.slice(node.startIndex, Math.min(node.endIndex, node.startIndex + MAX_TEXT + 1));
}

/** The `target = value` statements at the top of a branch. */
function clampsOf(branch: Node, text: string): Clamp[] {
  const statements = branch.type === 'compound_statement' ? namedStatements(branch).slice(0, 4) : [branch];
  const found: Clamp[] = [];
  for (const statement of statements) {
    const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
    if (assignment?.type !== 'assignment_expression' || assignment.childForFieldName('operator')?.type !== '=') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    const target = left ? canonical(slice(text, left)) : undefined;
    if (target && right) found.push({ target, value: slice(text, right), at: assignment.startIndex });
  }
  return found;
}

function functionDeclarator(definition: Node): Node | null {
  let declarator = definition.childForFieldName('declarator');
  for (let depth = 0; declarator && depth < 8; depth++) {
    if (declarator.type === 'function_declarator') return declarator;
    declarator = declarator.childForFieldName('declarator');
  }
  return null;
}

const SCOPES = new Set(['compound_statement', 'case_statement', 'for_statement']);

/** Whether the node at the cursor runs only on some paths: an `if`'s branch, a loop's body, a `case`. */
function isBranch(type: string, field: string | null | undefined): boolean {
  return type === 'case_statement' || field === 'consequence' || field === 'alternative' || field === 'body';
}

class FunctionReader {
  readonly declarations = new Map<string, Declared[]>();
  readonly parameters: string[] = [];
  readonly ifs: IfFact[] = [];
  readonly writes: Write[] = [];
  readonly definitions: Definition[] = [];
  readonly loops: Span[] = [];
  readonly assertions: (Span & { condition: Span; block: Span })[] = [];
  nestedDefinitions = 0;
  private readonly blocks: Span[] = [];
  /** The branches the walk is in (one per enclosing consequence, alternative, loop body or case). */
  private readonly branches: Span[] = [];

  constructor(private readonly text: string) {}

  private declare(name: string, type: CType, at: number, scope: Span): void {
    const list = this.declarations.get(name) ?? [];
    list.push({ name, type, at, scopeStart: scope.start, scopeEnd: scope.end });
    this.declarations.set(name, list);
  }

  /** The innermost branch that holds `at` (a node in an `if`'s condition is not in its branches yet). */
  private branchAt(at: number): Span | undefined {
    for (let i = this.branches.length - 1; i >= 0; i--) {
      const b = this.branches[i];
      if (b.start <= at && at < b.end) return b;
    }
    return undefined;
  }

  private write(at: number, node: Node | null): void {
    const target = node ? canonical(slice(this.text, node)) : undefined;
    if (target) this.writes.push({ at, target });
  }

  parameters_(declarator: Node | null, body: Span): void {
    const list = declarator?.childForFieldName('parameters');
    for (const parameter of list?.namedChildren ?? []) {
      if (!parameter || parameter.type !== 'parameter_declaration') continue;
      const typeNode = parameter.childForFieldName('type');
      const read = readDeclarator(parameter.childForFieldName('declarator'), this.text);
      if (!typeNode || !read) continue;
      this.parameters.push(read.name);
      // An array parameter is a pointer (`uint8_t sig[64]`): its size is what the caller promises, not what it has.
      const ctors = read.ctors.length > 0 && read.ctors[0] !== '*' ? ['*' as const, ...read.ctors.slice(1)] : read.ctors;
      this.declare(read.name, { base: typeNameOf(typeNode, this.text), ctors }, read.at, body);
    }
  }

  /** Reads one node on the way down; returns whether its children are worth visiting. */
  enter(node: Node): void {
    const text = this.text;
    switch (node.type) {
      case 'declaration': {
        const typeNode = node.childForFieldName('type');
        if (!typeNode) break;
        const base = typeNameOf(typeNode, text);
        const scope = this.blocks[this.blocks.length - 1];
        for (const declarator of declaratorsOf(node)) {
          const read = readDeclarator(declarator, text);
          if (!read) continue;
          this.declare(read.name, { base, ctors: read.ctors }, read.at, scope);
          const value = declarator.type === 'init_declarator' ? declarator.childForFieldName('value') : null;
          if (value && value.type !== 'initializer_list') {
            this.definitions.push({ start: declarator.startIndex, end: declarator.endIndex, target: read.name, value: slice(text, value), branch: this.branchAt(declarator.startIndex) });
          }
        }
        break;
      }
      case 'assignment_expression': {
        const left = node.childForFieldName('left');
        this.write(node.startIndex, left);
        const right = node.childForFieldName('right');
        const target = left ? canonical(slice(text, left)) : undefined;
        if (target && right && node.childForFieldName('operator')?.type === '=') {
          this.definitions.push({ start: node.startIndex, end: node.endIndex, target, value: slice(text, right), branch: this.branchAt(node.startIndex) });
        }
        break;
      }
      case 'update_expression':
        this.write(node.startIndex, node.childForFieldName('argument'));
        break;
      case 'pointer_expression':
        if (node.childForFieldName('operator')?.type === '&') this.write(node.startIndex, node.childForFieldName('argument'));
        break;
      case 'if_statement': {
        const condition = node.childForFieldName('condition');
        const consequence = node.childForFieldName('consequence');
        if (!condition || !consequence) break;
        const alternative = node.childForFieldName('alternative');
        this.ifs.push({
          start: node.startIndex,
          end: node.endIndex,
          condition: { start: condition.startIndex, end: condition.endIndex },
          consequence: { start: consequence.startIndex, end: consequence.endIndex },
          alternative: alternative ? { start: alternative.startIndex, end: alternative.endIndex } : undefined,
          block: this.blocks[this.blocks.length - 1],
          exits: leaves(consequence),
          clamps: clampsOf(consequence, text),
        });
        break;
      }
      case 'for_statement':
      case 'while_statement':
      case 'do_statement':
        this.loops.push({ start: node.startIndex, end: node.endIndex });
        break;
      case 'expression_statement': {
        const call = node.namedChild(0);
        const fn = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
        const condition = fn?.type === 'identifier' && STATIC_ASSERTION.test(text.slice(fn.startIndex, fn.endIndex)) ? call?.childForFieldName('arguments')?.namedChild(0) : null;
        if (condition) {
          const block = this.blocks[this.blocks.length - 1];
          this.assertions.push({ start: node.startIndex, end: node.endIndex, condition: { start: condition.startIndex, end: condition.endIndex }, block });
        }
        break;
      }
      default:
        break;
    }
  }

  /** Walks the body with one cursor; blocks are pushed on the way down and popped on the way back up. */
  walk(body: Node, cursor: TreeCursor): void {
    cursor.reset(body);
    let depth = 0;
    /** The types of the named nodes on the way down, by depth (for "is this an argument of a call"). */
    const types: string[] = [];
    const enter = (): void => {
      if (!cursor.nodeIsNamed) return;
      const type = cursor.nodeType;
      types[depth] = type;
      if (type === 'function_definition') this.nestedDefinitions++;
      // A call handed a pointer (`fill(run, parts)`) may change what it points to: `run->pos`, `*run`. Read from
      // the cursor, without making a node of every argument.
      if (type === 'identifier' && depth > 0 && types[depth - 1] === 'argument_list') {
        this.writes.push({ at: cursor.startIndex, target: `${this.text.slice(cursor.startIndex, cursor.endIndex)}->*` });
      }
      if (SCOPES.has(type)) this.blocks.push({ start: cursor.startIndex, end: cursor.endIndex });
      if (isBranch(type, cursor.currentFieldName)) this.branches.push({ start: cursor.startIndex, end: cursor.endIndex });
      // Of the expression statements only compile-time assertions are read: their first word says so.
      if (INTERESTING.has(type) && (type !== 'expression_statement' || ASSERTION_START.test(this.text.slice(cursor.startIndex, cursor.startIndex + 24)))) this.enter(cursor.currentNode);
    };
    const leave = (): void => {
      if (cursor.nodeIsNamed && SCOPES.has(cursor.nodeType)) this.blocks.pop();
      if (cursor.nodeIsNamed && isBranch(cursor.nodeType, cursor.currentFieldName)) this.branches.pop();
    };
    enter();
    for (;;) {
      if (cursor.gotoFirstChild()) {
        depth++;
        enter();
        continue;
      }
      for (;;) {
        leave();
        if (depth === 0) return;
        if (cursor.gotoNextSibling()) {
          enter();
          break;
        }
        cursor.gotoParent();
        depth--;
      }
    }
  }
}

const INTERESTING = new Set(['declaration', 'assignment_expression', 'update_expression', 'pointer_expression', 'if_statement', 'for_statement', 'while_statement', 'do_statement', 'expression_statement']);

const byFunction = new WeakMap<Tree, Map<number, FunctionFacts>>();

/** The facts of a function definition, read on first use and kept for the tree's life. */
export function functionFacts(tree: Tree, definition: Node, text: string): FunctionFacts {
  let perTree = byFunction.get(tree);
  if (!perTree) {
    perTree = new Map();
    byFunction.set(tree, perTree);
  }
  const known = perTree.get(definition.startIndex);
  if (known) return known;
  const reader = new FunctionReader(text);
  const body = definition.childForFieldName('body');
  const span = { start: definition.startIndex, end: definition.endIndex };
  reader.parameters_(functionDeclarator(definition), body ? { start: body.startIndex, end: body.endIndex } : span);
  if (body) {
    const cursor = tree.walk();
    try {
      reader.walk(body, cursor);
    } finally {
      cursor.delete();
    }
  }
  const facts: FunctionFacts = {
    ...span,
    declarations: reader.declarations,
    parameters: reader.parameters,
    ifs: reader.ifs.sort((a, b) => a.start - b.start),
    writes: reader.writes.sort((a, b) => a.at - b.at),
    definitions: reader.definitions.sort((a, b) => a.start - b.start),
    loops: reader.loops,
    assertions: reader.assertions,
    body: body ? { start: body.startIndex, end: body.endIndex } : undefined,
    nestedDefinitions: reader.nestedDefinitions,
  };
  perTree.set(definition.startIndex, facts);
  return facts;
}
