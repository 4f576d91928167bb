/**
 * The `static` functions of a C file whose every use is a call the file shows: for such a function, what its
 * parameters can be is what its callers pass. A copy through a parameter (`memcpy(buf, src, len)` in
 * `static void fill(char *buf, size_t len)`) is bounded when every call passes a destination with room for the
 * length (`fill(name, sizeof name)`), which the copy rules then check at each call.
 *
 * A function counts only when nothing else can reach it: it is `static` (no other translation unit calls it),
 * defined once, and its name occurs in the file only where it is declared or called directly (so no pointer to it is
 * taken, no macro names it, no call the parser misread or a macro body hides). The occurrences are counted in the
 * whole text, comments included: a name mentioned in a comment makes the function not count, which errs the safe way.
 * Headers are not asked (their static functions are called from every file that includes them), nor C++ (a name
 * may stand for several overloads).
 *
 * Cost: the top-level items are read in one walk, and the text's identifiers are counted in one pass, both on first
 * use and once per tree; a question about one function is then a map lookup.
 */
import type { Node, Tree } from '../tree-api';
import { CallFact } from './facts';

export interface StaticFunction {
  readonly name: string;
  /** Where its definition starts (the `function_definition` node's start). */
  readonly start: number;
  /** The number of its parameters (`void` alone counts none); undefined when it takes `...`. */
  readonly arity?: number;
  /** Every call of it in the file, each with all its arguments. */
  readonly calls: readonly CallFact[];
}

const CONTAINERS = new Set(['preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef']);
/** How many calls a function may have and still be judged by them (a utility called everywhere is not). */
export const MAX_CALLERS = 16;

interface Definition {
  readonly start: number;
  readonly isStatic: boolean;
  readonly arity?: number;
}

/** The name of the function a declarator declares (`f` in `*f(int)`), and its parameter list. */
function functionDeclarator(node: Node | null): { name: string; parameters: Node | null } | undefined {
  let current = node;
  for (let depth = 0; current && depth < 8; depth++) {
    if (current.type === 'function_declarator') {
      const inner = current.childForFieldName('declarator');
      if (inner?.type !== 'identifier') return undefined;
      return { name: inner.text, parameters: current.childForFieldName('parameters') };
    }
    if (current.type === 'parenthesized_declarator') current = current.namedChild(0);
    else current = current.childForFieldName('declarator');
  }
  return undefined;
}

function arityOf(parameters: Node | null): number | undefined {
  if (!parameters) return undefined;
  let count = 0;
  for (const child of parameters.namedChildren) {
    if (!child) continue;
    if (child.type === 'comment') continue;
    // `...`, or an old-style list of names: the calls are not checked against the parameters.
    if (child.type !== 'parameter_declaration') return undefined;
    // `f(void)` takes nothing.
    if (!child.childForFieldName('declarator') && child.text.trim() === 'void') continue;
    count++;
  }
  return count;
}

function isStatic(item: Node): boolean {
  for (const child of item.children) if (child?.type === 'storage_class_specifier' && child.text === 'static') return true;
  return false;
}

class StaticFunctionIndex {
  /** Declarators by name: definitions and prototypes (a name declared by anything else is marked with -1). */
  private readonly declarators = new Map<string, number>();
  private readonly definitions = new Map<string, Definition[]>();
  private occurrences: Map<string, number> | undefined;
  private callsByName: Map<string, CallFact[]> | undefined;
  private readonly byStart = new Map<number, StaticFunction | null>();
  /** The file's function definitions in document order (top-level items never overlap). */
  readonly functions: Node[] = [];

  constructor(
    tree: Tree,
    private readonly text: string,
    private readonly calls: readonly CallFact[],
  ) {
    this.read(tree.rootNode, 0);
  }

  private read(node: Node, depth: number): void {
    if (depth > 32) return;
    for (const item of node.namedChildren) {
      if (!item) continue;
      if (CONTAINERS.has(item.type)) {
        this.read(item, depth + 1);
        continue;
      }
      if (item.type === 'function_definition') {
        this.functions.push(item);
        const declared = functionDeclarator(item.childForFieldName('declarator'));
        if (!declared) continue;
        this.declarators.set(declared.name, (this.declarators.get(declared.name) ?? 0) + 1);
        const list = this.definitions.get(declared.name) ?? [];
        list.push({ start: item.startIndex, isStatic: isStatic(item), arity: arityOf(declared.parameters) });
        this.definitions.set(declared.name, list);
      } else if (item.type === 'declaration') {
        for (const declarator of item.childrenForFieldName('declarator')) {
          const declared = declarator ? functionDeclarator(declarator) : undefined;
          if (declared) this.declarators.set(declared.name, (this.declarators.get(declared.name) ?? 0) + 1);
        }
      }
    }
  }

  private countOccurrences(): Map<string, number> {
    const counts = new Map<string, number>();
    const word = /[A-Za-z_]\w*/g;
    for (let m = word.exec(this.text); m; m = word.exec(this.text)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    return counts;
  }

  private indexCalls(): Map<string, CallFact[]> {
    const byName = new Map<string, CallFact[]>();
    for (const call of this.calls) {
      const list = byName.get(call.name) ?? [];
      list.push(call);
      byName.set(call.name, list);
    }
    return byName;
  }

  /** The static function defined at `start`, when every use of it is a direct call this file shows. */
  at(start: number, name: string): StaticFunction | undefined {
    const known = this.byStart.get(start);
    if (known !== undefined) return known ?? undefined;
    const found = this.judge(start, name);
    this.byStart.set(start, found ?? null);
    return found;
  }

  private judge(start: number, name: string): StaticFunction | undefined {
    const definitions = this.definitions.get(name);
    if (!definitions || definitions.length !== 1) return undefined;
    const [definition] = definitions;
    if (definition.start !== start || !definition.isStatic || definition.arity === undefined) return undefined;
    this.callsByName ??= this.indexCalls();
    this.occurrences ??= this.countOccurrences();
    const calls = this.callsByName.get(name) ?? [];
    if (calls.length === 0 || calls.length > MAX_CALLERS) return undefined;
    // Every call is a plain call of the name with all the arguments, written in the code itself.
    if (calls.some((c) => !c.bare || c.callee !== name || c.inMacro || c.recovered || c.args.length !== definition.arity)) return undefined;
    if (this.occurrences.get(name) !== calls.length + (this.declarators.get(name) ?? 0)) return undefined;
    return { name, start, arity: definition.arity, calls };
  }
}

const indexes = new WeakMap<Tree, StaticFunctionIndex>();

function indexOf(tree: Tree, text: string, calls: readonly CallFact[]): StaticFunctionIndex {
  let index = indexes.get(tree);
  if (!index) {
    index = new StaticFunctionIndex(tree, text, calls);
    indexes.set(tree, index);
  }
  return index;
}

/**
 * The static function whose definition is `definition`, with its calls, when the file shows every use of it
 * (`calls`: every call fact of the tree). Read once per tree.
 */
export function staticFunction(tree: Tree, text: string, calls: readonly CallFact[], definition: Node): StaticFunction | undefined {
  const declared = functionDeclarator(definition.childForFieldName('declarator'));
  return declared ? indexOf(tree, text, calls).at(definition.startIndex, declared.name) : undefined;
}

/**
 * The top-level function definition that holds `offset`, by binary search (calls are asked about in any order, so
 * not by walking the tree to each).
 */
export function definitionAt(tree: Tree, text: string, calls: readonly CallFact[], offset: number): Node | undefined {
  const functions = indexOf(tree, text, calls).functions;
  let low = 0;
  let high = functions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (functions[mid].endIndex <= offset) low = mid + 1;
    else high = mid;
  }
  const found = functions[low];
  return found && found.startIndex <= offset && offset < found.endIndex ? found : undefined;
}
