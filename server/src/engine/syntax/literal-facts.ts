/**
 * Literal facts: every constant a name is set to — strings, but also booleans and numbers (`NO_AUTH = true`,
 * `app.run(debug=True)`, `#define SKIP_LOGIN 1`) — with the name, the function a keyword argument is passed to,
 * and whether the literal is top-level code. String facts come from the shared extraction; booleans and numbers
 * are found here with their own query, and climb to their name the same way strings do.
 *
 * A file has thousands of literals and rules want a handful, so everything that climbs the tree (the name of a
 * boolean or number, the call around it, the guards above it) is computed only when a rule asks, once.
 */
import type { Language, Node, Query, Tree } from '../tree-api';
import { newQuery } from '../grammars';
import type { ScanDocument } from '../kinds/kind';
import { GrammarLanguageId, LanguageId, hasGrammar } from '../languages';
import { NameContext, StringFact } from './facts';
import { Frame, TreeWalker, newWalker } from './ancestry';
import { isInsideDebugFacility, isInsideDevelopmentGuard, isTopLevel } from './scope';
import { contextOf } from './name-context';
import { Region, queryRange } from './located-facts';
import { TextIndex } from '../text-index';

type QueryRange = ReturnType<typeof queryRange>;
import { argumentsOf, calleeText, lastIdentifier, stringNodeValue } from './tree-util';
import { ARGUMENT_LISTS, NODE_TYPES } from './node-types';

export type LiteralType = 'string' | 'boolean' | 'number';

export interface LiteralFact {
  readonly start: number;
  readonly end: number;
  /** The value as written; booleans keep their spelling (`True`, `TRUE`). */
  readonly value: string;
  readonly type: LiteralType;
  readonly interpolated: boolean;
  readonly fromConfig: boolean;
  /** The name the literal is set to; `default=` of an environment reader names the setting it defaults. */
  readonly context: NameContext | undefined;
  /** For keyword arguments and options: the function they are passed to (`app.run` for `app.run(debug=True)`). */
  readonly callee: string | undefined;
  /** False inside a function body (config files are all top-level). */
  readonly topLevel: boolean;
  /** True under a development-only `if` (`if settings.DEBUG:` …) or inside a debug facility (`Debug::enable()`). */
  readonly developmentOnly: boolean;
}

const BOOLEAN_TYPES = ['true', 'false', 'boolean_literal', 'boolean', 'bool_lit'];
const NUMBER_TYPES = ['number_literal', 'number', 'integer', 'decimal_integer_literal', 'int_literal', 'integer_literal', 'numeric_lit'];

const queries = new Map<Language, { literals: Query; defines?: Query }>();

function queriesFor(language: Language, languageId: string): { literals: Query; defines?: Query } {
  let cached = queries.get(language);
  if (cached) return cached;
  const types = [...BOOLEAN_TYPES, ...NUMBER_TYPES].filter((type) => language.idForNodeType(type, true) !== null);
  const defines = language.idForNodeType('preproc_def', true) !== null;
  // Booleans written as names (`true` in Kotlin, `$true` in PowerShell, `YES` in Objective-C) are captured as `@b`.
  const booleans = hasGrammar(languageId as LanguageId) ? (NODE_TYPES[languageId as GrammarLanguageId].booleans ?? '') : '';
  cached = {
    literals: newQuery(language, `${types.length > 0 ? `[${types.map((t) => `(${t})`).join(' ')}] @v` : ''}\n${booleans.replace(/@v\b/g, '@b')}`),
    defines: defines ? newQuery(language, '(preproc_def name: (identifier) @name value: (preproc_arg) @value)') : undefined,
  };
  queries.set(language, cached);
  return cached;
}

/** The call a keyword argument or an option object is passed to, within a few levels. */
function enclosingCall(frame: Frame): Frame | undefined {
  for (let p = frame.parent, depth = 0; p && depth < 5; p = p.parent, depth++) {
    if (ARGUMENT_LISTS.has(p.type)) {
      // Swift keeps the arguments in a `call_suffix` beside the callee.
      const call = p.parent?.type === 'call_suffix' ? p.parent.parent : p.parent;
      return call && argumentsOf(call.node)?.id === p.node.id ? call : undefined;
    }
    if (/statement|declaration|block|body/.test(p.type)) return undefined;
  }
  return undefined;
}

function firstStringArgument(call: Node): string | undefined {
  const args = argumentsOf(call);
  const first = args?.namedChildren.find((n) => n !== null && !n.type.includes('comment'));
  return first ? stringNodeValue(first) : undefined;
}

/**
 * `DEBUG = env.bool("DJANGO_DEBUG", default=True)`, `config("DEBUG", default=True)`: a keyword `default` belongs to
 * the setting the call's result is assigned to, or else to the one named by the call's first argument.
 */
function settingContext(context: NameContext | undefined, callFrame: Frame | undefined): NameContext | undefined {
  if (!context || !callFrame || context.name !== 'default') return context;
  const call = callFrame.node;
  const outer = callFrame.parent?.node;
  const target = outer?.childForFieldName('left') ?? outer?.childForFieldName('name');
  if (target && target.endIndex <= call.startIndex) {
    const name = lastIdentifier(target.text);
    if (name) return { kind: 'assign', name, fullName: target.text.slice(0, 120), callee: calleeText(call) };
  }
  const name = firstStringArgument(call);
  return name ? { kind: 'key', name, fullName: name, callee: calleeText(call) } : context;
}

/** A literal in a parsed file: what needs the tree is computed on first use. */
class TreeLiteral implements LiteralFact {
  private contextCache?: { value: NameContext | undefined };
  private callCache?: { value: Frame | undefined };
  private topLevelCache?: boolean;
  private developmentCache?: boolean;
  private frameCache?: { value: Frame | undefined };

  constructor(
    readonly start: number,
    readonly end: number,
    readonly value: string,
    readonly type: LiteralType,
    readonly interpolated: boolean,
    /** Finds the literal's frame in the tree (asked at most once, and only when a rule needs the tree). */
    private readonly locate: () => Frame | undefined,
    private readonly languageId: string,
    private readonly ownContext: (frame: Frame | undefined) => NameContext | undefined,
  ) {}

  get fromConfig(): boolean {
    return false;
  }

  private get frame(): Frame | undefined {
    this.frameCache ??= { value: this.locate() };
    return this.frameCache.value;
  }

  private get call(): Frame | undefined {
    this.callCache ??= { value: this.frame ? enclosingCall(this.frame) : undefined };
    return this.callCache.value;
  }

  get context(): NameContext | undefined {
    this.contextCache ??= { value: settingContext(this.ownContext(this.frame), this.call) };
    return this.contextCache.value;
  }

  get callee(): string | undefined {
    return this.call ? calleeText(this.call.node) : undefined;
  }

  get topLevel(): boolean {
    this.topLevelCache ??= this.frame ? isTopLevel(this.frame, this.languageId) : true;
    return this.topLevelCache;
  }

  get developmentOnly(): boolean {
    this.developmentCache ??= this.frame ? isInsideDevelopmentGuard(this.frame) || isInsideDebugFacility(this.frame, this.languageId) : false;
    return this.developmentCache;
  }
}

function stringLiteral(walker: TreeWalker, languageId: string, fact: StringFact): LiteralFact {
  // An empty string has no node of its own inside the quotes: step back onto the opening quote.
  const empty = fact.end <= fact.start;
  const locate = (): Frame | undefined => (empty ? walker.frameAt(Math.max(0, fact.start - 1), fact.start) : walker.frameAt(fact.start, fact.end));
  return new LazyNodeLiteral(fact, languageId, locate);
}

/** A string literal whose node is only looked up when a rule needs more than its name and value. */
class LazyNodeLiteral implements LiteralFact {
  private inner?: TreeLiteral;

  constructor(
    private readonly fact: StringFact,
    private readonly languageId: string,
    private readonly locate: () => Frame | undefined,
  ) {}

  private get resolved(): TreeLiteral {
    this.inner ??= new TreeLiteral(this.fact.start, this.fact.end, this.fact.value, 'string', this.fact.interpolated, this.locate, this.languageId, () => this.fact.context);
    return this.inner;
  }

  get start(): number {
    return this.fact.start;
  }
  get end(): number {
    return this.fact.end;
  }
  get value(): string {
    return this.fact.value;
  }
  get type(): LiteralType {
    return 'string';
  }
  get interpolated(): boolean {
    return this.fact.interpolated;
  }
  get fromConfig(): boolean {
    return false;
  }
  get context(): NameContext | undefined {
    // Only `default=` needs the tree to find its setting; every other string keeps the shared context.
    return this.fact.context?.name === 'default' ? this.resolved.context : this.fact.context;
  }
  get callee(): string | undefined {
    return this.resolved.callee;
  }
  get topLevel(): boolean {
    return this.resolved.topLevel;
  }
  get developmentOnly(): boolean {
    return this.resolved.developmentOnly;
  }
}

/** Booleans, numbers and `#define NAME 1` values, from the whole tree or only where a focused scan looks. */
function treeLiterals(tree: Tree, walker: TreeWalker, languageId: string, index: TextIndex, focus: readonly Region[] | undefined): LiteralFact[] {
  if (focus) {
    return focus.flatMap((region) =>
      treeLiteralsIn(tree, walker, languageId, queryRange(index, region)).filter((f) => f.end >= region.start && f.start <= region.end),
    );
  }
  return treeLiteralsIn(tree, walker, languageId);
}

function treeLiteralsIn(tree: Tree, walker: TreeWalker, languageId: string, range?: QueryRange): LiteralFact[] {
  const { literals, defines } = queriesFor(tree.language, languageId);
  const facts: LiteralFact[] = [];
  for (const { name, node } of literals.captures(tree.rootNode, range)) {
    const type: LiteralType = name === 'b' || BOOLEAN_TYPES.includes(node.type) ? 'boolean' : 'number';
    const locate = (): Frame => walker.frameOf(node);
    // PowerShell's `$true`: the value is the word after the sigil.
    const sigil = node.text.startsWith('$') ? 1 : 0;
    facts.push(new TreeLiteral(node.startIndex + sigil, node.endIndex, node.text.slice(sigil), type, false, locate, languageId, (frame) => (frame ? contextOf(frame) : undefined)));
  }
  for (const match of defines?.matches(tree.rootNode, range) ?? []) {
    const name = match.captures.find((c) => c.name === 'name')?.node;
    const value = match.captures.find((c) => c.name === 'value')?.node;
    const literal = value ? /^(\s*)(\d+|true|false|TRUE|FALSE)\s*(?:\/[/*].*)?$/.exec(value.text) : null;
    if (!name || !value || !literal) continue;
    const start = value.startIndex + literal[1].length;
    const type: LiteralType = /^\d/.test(literal[2]) ? 'number' : 'boolean';
    const context: NameContext = { kind: 'define', name: name.text, fullName: name.text };
    const locate = (): Frame => walker.frameOf(value);
    facts.push(new TreeLiteral(start, start + literal[2].length, literal[2], type, false, locate, languageId, () => context));
  }
  return facts;
}

function configLiteral(base: { start: number; end: number; value: string; type: LiteralType; context: NameContext | undefined }): LiteralFact {
  return { ...base, interpolated: false, fromConfig: true, callee: undefined, topLevel: true, developmentOnly: false };
}

/** `"debug": true` in JSON: booleans and numbers, which the key/value reading of config files leaves out. */
function jsonScalars(text: string): LiteralFact[] {
  const facts: LiteralFact[] = [];
  for (const m of text.matchAll(/"((?:[^"\\\n]|\\.){1,128})"\s*:\s*(true|false|-?\d+(?:\.\d+)?)(?=\s*[,}\]\n])/g)) {
    const start = m.index + m[0].length - m[2].length;
    const name = lastIdentifier(m[1]);
    if (!name) continue;
    const type: LiteralType = /^[tf]/.test(m[2]) ? 'boolean' : 'number';
    facts.push(configLiteral({ start, end: start + m[2].length, value: m[2], type, context: { kind: 'key', name, fullName: m[1].slice(0, 120) } }));
  }
  return facts;
}

const cache = new WeakMap<ScanDocument, LiteralFact[]>();

/** All literal facts of a document, computed once per scan and shared by every rule that asks. */
export function literalFacts(doc: ScanDocument): readonly LiteralFact[] {
  const cached = cache.get(doc);
  if (cached) return cached;
  let facts: LiteralFact[];
  const tree = doc.tree;
  if (tree && hasGrammar(doc.languageId)) {
    // One walker for every literal of this view of the document: rules read them in document order, so it
    // only ever moves forward.
    const walker = newWalker(tree);
    facts = doc.strings().map((fact) => stringLiteral(walker, doc.languageId, fact));
    facts.push(...treeLiterals(tree, walker, doc.languageId, doc.index, doc.focus));
  } else {
    facts = doc.strings().map((fact) =>
      configLiteral({ start: fact.start, end: fact.end, value: fact.value, type: 'string', context: fact.context }),
    );
    if (doc.languageId === 'json') facts.push(...jsonScalars(doc.text));
  }
  facts.sort((a, b) => a.start - b.start);
  cache.set(doc, facts);
  return facts;
}
