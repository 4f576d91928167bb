/**
 * The fact for one call node of any grammar: the called name as written, whether it is a bare name (not a member
 * of something else), the token to flag and the arguments.
 */
import type { Node } from '../tree-api';
import { GrammarLanguageId } from '../languages';
import { constantCText, constantText } from './constant-text';
import { ArgumentFact, CallFact } from './facts';
import { argumentsOf, calleeNode, calleeText, lastIdentifier } from './tree-util';

/** Maps an offset in a parsed text to the original file, or undefined when it lies outside it. */
export type OffsetMap = (offset: number) => number | undefined;

export const IDENTITY: OffsetMap = (offset) => offset;

/**
 * A bare callee is a plain name. In C++ the C library is also reached as `std::strcpy`, `::strcpy` and
 * `::std::strcpy`; any other qualifier (`Foo::strcpy`) names something else.
 */
function isBareCallee(id: GrammarLanguageId, node: Node): boolean {
  if (node.type === 'identifier' || node.type === 'command_name' || node.type === 'simple_identifier') return true;
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

/**
 * A C callee computed by a macro from a function's name, `CALL_UTIL(snprintf)(buf, n, …)`: the function called is
 * still that one (looked up, wrapped or renamed by the macro), so the call counts as a call of the name.
 */
function macroNamedCallee(id: GrammarLanguageId, callee: Node): Node | undefined {
  if ((id !== 'c' && id !== 'cpp') || callee.type !== 'call_expression') return undefined;
  if (calleeNode(callee)?.type !== 'identifier') return undefined;
  const args = callee.childForFieldName('arguments')?.namedChildren.filter((n) => n !== null && n.type !== 'comment') ?? [];
  return args.length === 1 && args[0]?.type === 'identifier' ? args[0] : undefined;
}

/**
 * The C grammar does not know `::`, so `(::strcpy)(d, s)` in a C++ header read as C has an error beside the name in
 * its parentheses. Written exactly so, the name is the C function's.
 */
function scopedInParentheses(id: GrammarLanguageId, callee: Node): Node | undefined {
  if (id !== 'c' || callee.type !== 'parenthesized_expression') return undefined;
  if (!/^\((?:::)?(?:std::)?[A-Za-z_]\w*\)$/.test(callee.text.replace(/\s+/g, ''))) return undefined;
  const last = callee.namedChild(callee.namedChildCount - 1);
  return last?.type === 'identifier' ? last : undefined;
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

/**
 * An argument whose constant text is read from the tree when first asked: only format conditions ask, for a few
 * functions, and reading it costs more than finding the argument. Like the call's fact, it is valid while its tree
 * is; whoever keeps facts past the tree reads `stringValue` first (the value is then kept and the nodes let go).
 */
class TreeArgument implements ArgumentFact {
  private pending: readonly Node[] | undefined;
  private value: string | undefined;

  constructor(
    private readonly id: GrammarLanguageId,
    readonly start: number,
    readonly end: number,
    group: readonly Node[],
  ) {
    this.pending = group;
  }

  // On the prototype, not a closure per argument: a file has hundreds of thousands of arguments.
  get stringValue(): string | undefined {
    if (this.pending) {
      this.value = groupConstantText(this.id, this.pending);
      this.pending = undefined;
    }
    return this.value;
  }
}

function argumentFacts(id: GrammarLanguageId, call: Node, toOriginal: OffsetMap): ArgumentFact[] {
  const args = argumentsOf(call);
  if (!args) return [];
  const facts: ArgumentFact[] = [];
  for (const group of argumentGroups(args)) {
    const start = toOriginal(group[0].startIndex);
    const end = toOriginal(group[group.length - 1].endIndex);
    if (start === undefined || end === undefined) break;
    facts.push(new TreeArgument(id, start, end, group));
  }
  return facts;
}

/**
 * A call's fact. The callee as written and the arguments are read from the tree only when a rule asks for them:
 * a file has thousands of calls and rules look at a handful. So, like the tree's nodes, the fact is valid only
 * while its tree is (the scanner deletes the tree after every matcher has run).
 */
class TreeCallFact implements CallFact {
  private calleeCache?: string;
  private argsCache?: ArgumentFact[];

  constructor(
    private readonly id: GrammarLanguageId,
    private readonly call: Node,
    private readonly toOriginal: OffsetMap,
    readonly name: string,
    readonly bare: boolean,
    readonly nameStart: number,
    readonly nameEnd: number,
    readonly inMacro: boolean | undefined,
  ) {}

  get callee(): string {
    this.calleeCache ??= calleeText(this.call);
    return this.calleeCache;
  }

  get args(): readonly ArgumentFact[] {
    this.argsCache ??= argumentFacts(this.id, this.call, this.toOriginal);
    return this.argsCache;
  }
}

/** The fact for one call node, with offsets mapped to the original text (none when its name lies outside it). */
export function callFact(id: GrammarLanguageId, call: Node, toOriginal: OffsetMap = IDENTITY, inMacro?: boolean): CallFact | undefined {
  const rawCallee = calleeNode(call);
  if (!rawCallee) return undefined;
  const callee = unwrapParentheses(rawCallee);
  const simple = callee.type === 'identifier' || callee.type === 'simple_identifier';
  const macroNamed = simple ? undefined : (macroNamedCallee(id, callee) ?? scopedInParentheses(id, callee));
  const nameNode = simple ? callee : (macroNamed ?? nameNodeOf(callee));
  const nameStart = toOriginal(nameNode.startIndex);
  const nameEnd = toOriginal(nameNode.endIndex);
  if (nameStart === undefined || nameEnd === undefined) return undefined;
  // `call_expression` (C, C++, JavaScript, Go) keeps any receiver inside its callee; other grammars have a field.
  const receiver =
    call.type === 'call_expression' ? null : (call.childForFieldName('object') ?? call.childForFieldName('receiver') ?? call.childForFieldName('scope'));
  const bare = !receiver && (macroNamed !== undefined || isBareCallee(id, callee));
  const name = simple ? nameNode.text : lastIdentifier(nameNode.text);
  return new TreeCallFact(id, call, toOriginal, name, bare, nameStart, nameEnd, inMacro);
}

