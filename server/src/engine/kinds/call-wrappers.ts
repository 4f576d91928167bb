/**
 * Wrapper macros: a function-like macro whose body calls a rule's function (`#define xcpy(d, s, n) memcpy(d, s, n)`)
 * is a way of calling that function. The risky call happens where the macro is used, with the arguments written
 * there, so that is where it is reported (with the macro named) and judged: `xcpy(buf, s, sizeof buf)` is sized,
 * `xcpy(p, s, n)` is not. The `#define` line itself is not reported when the file uses its macro; a macro the file
 * never uses (one defined in a header for other files) is reported at its `#define`, where the call is written.
 *
 * Macros come from the scanned file: its tree's `#define`s, the calls in their bodies already read as call facts.
 * A wrapper may wrap another wrapper, a few levels deep; `#define my_memcpy memcpy` makes `my_memcpy(…)` a call of
 * `memcpy` too.
 */
import type { Tree } from '../tree-api';
import { MacroDefinition, fileDeclarations } from '../syntax/c-declarations';
import { CallFact } from '../syntax/facts';

/** How many macros deep a wrapper is followed. */
const MAX_DEPTH = 4;

/** An argument that cannot be known from the call site (pasted with `##` or turned into a string with `#`). */
export const UNKNOWN_ARGUMENT = '\u0000';

interface BodyCall {
  readonly name: string;
  readonly args: readonly string[];
}

/** A call of a rule's function reached through macros from a call site. */
export interface WrappedCall {
  readonly function: string;
  /** The arguments as the function receives them, the macros' parameters replaced by what the call site passes. */
  readonly args: readonly string[];
  /** The macro called at the call site, and every macro on the way to the function. */
  readonly via: readonly MacroDefinition[];
}

const TOKENS = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|[A-Za-z_]\w*/g;

/** A body's argument with the macro's parameters replaced by the call site's arguments. */
export function substitute(text: string, macro: MacroDefinition, actuals: readonly string[]): string {
  if (text.includes('#') || actuals.includes(UNKNOWN_ARGUMENT)) {
    const mentions = text.match(TOKENS) ?? [];
    if (text.includes('#') || mentions.some((t) => macro.params.includes(t) || t === '__VA_ARGS__')) return UNKNOWN_ARGUMENT;
  }
  return text.replace(TOKENS, (token) => {
    if (token.startsWith('"') || token.startsWith("'")) return token;
    const i = macro.params.indexOf(token);
    if (i >= 0) return `(${actuals[i] ?? ''})`;
    if (token === '__VA_ARGS__' && macro.variadic) return actuals.slice(macro.params.length).join(', ');
    return token;
  });
}

function argumentTexts(text: string, call: CallFact): string[] {
  return call.args.map((a) => text.slice(a.start, a.end));
}

/** The wrapper macros a document can see, and the calls their bodies make. One per tree, shared by every rule. */
export class MacroWrappers {
  /** The file's own function-like macros, by where their bodies start (for "which body is this call in"). */
  private readonly ownBodies: MacroDefinition[];
  private readonly bodyCalls = new Map<MacroDefinition, BodyCall[]>();

  constructor(
    private readonly tree: Tree,
    private readonly text: string,
    private readonly calls: readonly CallFact[],
  ) {
    const own = fileDeclarations(tree, text).macros;
    this.ownBodies = [...own.values()].flat().sort((a, b) => a.bodyStart - b.bodyStart);
  }

  /** The file's function-like macro whose body holds `offset`, if any. */
  bodyOwner(offset: number): MacroDefinition | undefined {
    let low = 0;
    let high = this.ownBodies.length - 1;
    let found: MacroDefinition | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.ownBodies[mid].bodyStart <= offset) {
        found = this.ownBodies[mid];
        low = mid + 1;
      } else high = mid - 1;
    }
    // Macro bodies are read to the end of their logical line; the grammar's value may stop at a comment.
    return found && offset < this.bodyEndOf(found) ? found : undefined;
  }

  private bodyEndOf(macro: MacroDefinition): number {
    let at = macro.bodyEnd;
    for (;;) {
      const newline = this.text.indexOf('\n', at);
      if (newline < 0) return this.text.length;
      const before = this.text[newline - 1] === '\r' ? newline - 2 : newline - 1;
      if (this.text[before] !== '\\') return newline;
      at = newline + 1;
    }
  }

  private definitions(name: string): readonly MacroDefinition[] | undefined {
    return fileDeclarations(this.tree, this.text).macros.get(name);
  }

  /** `#define my_memcpy memcpy`: the function an object-like macro names, if it is just a name. */
  private alias(name: string): string | undefined {
    const value = fileDeclarations(this.tree, this.text).constants.get(name);
    return value && /^[A-Za-z_]\w*$/.test(value) && value !== name ? value : undefined;
  }

  isMacro(name: string): boolean {
    return this.definitions(name) !== undefined || this.alias(name) !== undefined;
  }

  private callsOf(macro: MacroDefinition): BodyCall[] {
    let calls = this.bodyCalls.get(macro);
    if (calls) return calls;
    // The file's own bodies: their calls are among the document's facts; sorted into bodies once.
    for (const call of this.calls) {
      const owner = call.inMacro && call.bare ? this.bodyOwner(call.nameStart) : undefined;
      if (!owner) continue;
      const list = this.bodyCalls.get(owner) ?? [];
      list.push({ name: call.name, args: argumentTexts(this.text, call) });
      this.bodyCalls.set(owner, list);
    }
    for (const own of this.ownBodies) if (!this.bodyCalls.has(own)) this.bodyCalls.set(own, []);
    calls = this.bodyCalls.get(macro) ?? [];
    this.bodyCalls.set(macro, calls);
    return calls;
  }

  /** Per set of functions: whether a macro's expansion reaches one of them, and the body calls on the way. */
  private readonly reach = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();
  private readonly relevant = new WeakMap<ReadonlySet<string>, Map<MacroDefinition, BodyCall[]>>();

  /**
   * Whether a call of `name` can reach one of `functions` through macros (memoised: each macro's body is read once
   * per rule, so a file that uses a macro a thousand times pays for its body once).
   */
  private reaches(name: string, functions: ReadonlySet<string>, depth = 0): boolean {
    let known = this.reach.get(functions);
    if (!known) {
      known = new Map();
      this.reach.set(functions, known);
    }
    const memo = known.get(name);
    if (memo !== undefined) return memo;
    if (depth > MAX_DEPTH) return false;
    known.set(name, false); // a macro that expands to itself reaches nothing through that path
    const alias = this.definitions(name) ? undefined : this.alias(name);
    const found = alias !== undefined
      ? functions.has(alias) || this.reaches(alias, functions, depth + 1)
      : (this.definitions(name) ?? []).some((m) => this.relevantCalls(m, functions, depth).length > 0);
    known.set(name, found);
    return found;
  }

  /** The calls in a macro's body that are, or lead to, a call of one of `functions`. */
  private relevantCalls(macro: MacroDefinition, functions: ReadonlySet<string>, depth = 0): BodyCall[] {
    let known = this.relevant.get(functions);
    if (!known) {
      known = new Map();
      this.relevant.set(functions, known);
    }
    let calls = known.get(macro);
    if (!calls) {
      calls = this.callsOf(macro).filter((c) => functions.has(c.name) || (c.name !== macro.name && this.isMacro(c.name) && this.reaches(c.name, functions, depth + 1)));
      known.set(macro, calls);
    }
    return calls;
  }

  /** The calls of `functions` that a call of `name` with these arguments makes, through macros. */
  expand(name: string, actuals: readonly string[], functions: ReadonlySet<string>, depth = 0, via: readonly MacroDefinition[] = []): WrappedCall[] {
    if (depth > MAX_DEPTH || via.some((m) => m.name === name) || !this.reaches(name, functions)) return [];
    const found: WrappedCall[] = [];
    const alias = this.definitions(name) ? undefined : this.alias(name);
    if (alias !== undefined) {
      if (functions.has(alias)) found.push({ function: alias, args: actuals, via });
      else found.push(...this.expand(alias, actuals, functions, depth + 1, via));
      return found;
    }
    for (const macro of this.definitions(name) ?? []) {
      if (actuals.length < macro.params.length || (!macro.variadic && actuals.length > macro.params.length && !(macro.params.length === 0 && actuals.length === 1 && actuals[0] === ''))) continue;
      const path = [...via, macro];
      for (const call of this.relevantCalls(macro, functions)) {
        const args = call.args.map((a) => substitute(a, macro, actuals));
        if (functions.has(call.name)) found.push({ function: call.name, args, via: path });
        else found.push(...this.expand(call.name, args, functions, depth + 1, path));
      }
    }
    return found;
  }

  /** The text of a call's arguments (for `expand`). */
  argumentsOf(call: CallFact): string[] {
    return argumentTexts(this.text, call);
  }
}

const perTree = new WeakMap<Tree, MacroWrappers>();

/** The wrappers of a parsed C or C++ document (one per tree). */
export function wrappersOf(tree: Tree, text: string, calls: readonly CallFact[]): MacroWrappers {
  let wrappers = perTree.get(tree);
  if (!wrappers) {
    wrappers = new MacroWrappers(tree, text, calls);
    perTree.set(tree, wrappers);
  }
  return wrappers;
}
