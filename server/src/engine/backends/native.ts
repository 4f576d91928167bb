/**
 * The native backend: the `tree-sitter` npm binding and each grammar package's prebuilt binding (`prebuilds/`),
 * loaded through `node-gyp-build` like the packages' own entry points. Only the CLI asks for it
 * (`grammars.ts`): it parses about 1.4× faster than wasm, and does not load in VS Code's Electron without a
 * rebuild. Everything here is required at run time and only when asked for, so that a bundle of the language
 * server never includes or loads it, and a machine without a working binary falls back to wasm per grammar.
 *
 * Where the binding differs from the engine's tree types (`tree-api.ts`):
 * - trees and cursors have no `delete` (the garbage collector frees them): a `delete` that does nothing is added;
 * - a grammar's symbol table is not exposed on the language object: `idForNodeType` and friends are added from the
 *   binding's tables of named node types and field names;
 * - its cursors' `reset` forgets to hand the binding its node (0.25.x), and they have no `nodeId`: both are added;
 * - its queries throw on a predicate they do not know and shape matches as `{ pattern, captures }`: `NativeQuery`
 *   hands general predicates back to the caller (`predicatesForPattern`) and names matches' `patternIndex`.
 * Offsets are UTF-16 code units as in web-tree-sitter (the binding parses the JavaScript string as UTF-16).
 */
import * as path from 'path';
import type * as Engine from '../tree-api';
import { NativeTreeCollector } from './native-memory';

/** The parts of the `tree-sitter` binding used here (typed loosely: it is loaded at run time). */
interface NativeModule {
  new (): NativeParser;
  Query: new (language: NativeLanguage, source: string) => NativeQueryObject;
  Tree: { prototype: object };
  TreeCursor: { prototype: object };
}

interface NativeParser {
  setLanguage(language: NativeLanguage): void;
  parse(input: string, oldTree?: unknown, options?: { progressCallback?: () => boolean }): Engine.Tree | null;
  reset(): void;
}

/** A grammar binding's export: `{ name?, language }`. */
interface NativeLanguage {
  readonly language: unknown;
}

interface NativeQueryObject {
  matches(node: Engine.Node, range?: Engine.QueryRange): { pattern: number; captures: Engine.QueryCapture[] }[];
  captures(node: Engine.Node, range?: Engine.QueryRange): Engine.QueryCapture[];
  _getPredicates(): unknown[][][];
}

interface NativeBinding {
  getNodeTypeNamesById(language: NativeLanguage): (string | null)[];
  getNodeFieldNamesById(language: NativeLanguage): (string | null)[];
}

/** Predicates the binding evaluates itself (and throws on any other). */
const TEXT_PREDICATES = new Set(['eq?', 'not-eq?', 'any-eq?', 'any-not-eq?', 'match?', 'not-match?', 'any-match?', 'any-not-match?', 'any-of?', 'not-any-of?', 'set!', 'is?', 'is-not?']);
const STEP_CAPTURE = 1;

type NodeGypBuild = (directory: string) => unknown;

export class NativeBackend {
  /** Frees the garbage trees of this thread's parsers when the process has grown by that much (`native-memory.ts`). */
  private readonly collector = new NativeTreeCollector((Number(process.env.RULEBOOK_NATIVE_GC_MB) || 48) * 1024 * 1024);

  private constructor(
    private readonly module: NativeModule,
    private readonly binding: NativeBinding,
    private readonly nodeGypBuild: NodeGypBuild,
    private readonly QueryClass: new (language: NativeLanguage, source: string) => NativeQueryObject & { general: Engine.QueryPredicate[][] },
  ) {}

  /** The backend, or the reason the binding does not load here. */
  static load(): NativeBackend | Error {
    try {
      // Required by a name the bundler cannot follow: the extension's bundle must neither include nor load it.
      const dynamicRequire = require;
      const nodeGypBuild = dynamicRequire('node-gyp-build') as NodeGypBuild;
      const treeSitter = 'tree-sitter';
      const module = dynamicRequire(treeSitter) as NativeModule;
      const binding = nodeGypBuild(path.dirname(require.resolve(`${treeSitter}/package.json`))) as NativeBinding;
      // The binding registers every node it hands out in a per-tree cache, each with a weak reference and a
      // finalizer, so that it can hand the same object out again. The engine compares nodes by `id` (web-tree-sitter
      // makes a new object every time too), and on a whole-tree scan those registrations kept peak memory at 3× the
      // wasm backend's (543 vs 119 MB reading every node of haproxy's C files): nodes are plain objects instead.
      Object.defineProperties(module.Tree.prototype, {
        _cacheNode: { value: function doNotCacheNode(): void {}, configurable: true, writable: true },
        _cacheNodes: { value: function doNotCacheNodes(): void {}, configurable: true, writable: true },
      });
      for (const prototype of [module.Tree.prototype, module.TreeCursor.prototype]) {
        if (!('delete' in prototype)) Object.defineProperty(prototype, 'delete', { value: function deleteByGc(): void {}, configurable: true });
      }
      // The binding's `reset` reads its node from the binding's transfer buffer without putting the node there first
      // (0.25.x): reading one of the node's own members puts it there.
      const cursorPrototype = module.TreeCursor.prototype as { reset: (this: unknown, node: Engine.Node) => void; [RESET_FIXED]?: true };
      if (!cursorPrototype[RESET_FIXED]) {
        const reset = cursorPrototype.reset;
        cursorPrototype.reset = function resetToNode(this: unknown, node: Engine.Node): void {
          void node.startIndex;
          reset.call(this, node);
        };
        cursorPrototype[RESET_FIXED] = true;
      }
      if (!('nodeId' in module.TreeCursor.prototype)) {
        Object.defineProperty(module.TreeCursor.prototype, 'nodeId', {
          get(this: Engine.TreeCursor): number {
            return this.currentNode.id;
          },
          configurable: true,
        });
      }
      return new NativeBackend(module, binding, nodeGypBuild, tolerantQueryClass(module.Query));
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  /**
   * A grammar's native language from the package's prebuilt binding: `exportName` picks one from a package of
   * several (`tree-sitter-typescript`: `typescript`, `tsx`). Throws when the package has no binding for this machine.
   */
  loadLanguage(pkg: string, exportName: string | undefined): Engine.Language {
    const root = path.dirname(require.resolve(`${pkg}/package.json`));
    const exported = this.nodeGypBuild(root) as Record<string, NativeLanguage> & NativeLanguage;
    const language = exportName ? exported[exportName] : exported;
    if (!language?.language) throw new Error(`${pkg} has no native grammar${exportName ? ` "${exportName}"` : ''}`);
    // Setting it on a parser once checks the ABI version and prepares the binding's node classes.
    const probe = new this.module();
    probe.setLanguage(language);
    this.addSymbolTable(language);
    return language as unknown as Engine.Language;
  }

  newParser(language: Engine.Language): Engine.Parser {
    const parser = new this.module();
    parser.setLanguage(language as unknown as NativeLanguage);
    // Old trees are freed by the garbage collector only (`native-memory.ts`): before a parse, garbage trees go
    // when the process has grown.
    const parse = parser.parse.bind(parser);
    const collector = this.collector;
    parser.parse = (input, oldTree, options) => {
      collector.check();
      return parse(input, oldTree, options);
    };
    return parser;
  }

  newQuery(language: Engine.Language, source: string): Engine.Query {
    return new NativeQuery(new this.QueryClass(language as unknown as NativeLanguage, source), source);
  }

  owns(language: Engine.Language): boolean {
    return NATIVE in language;
  }

  /** Adds the engine's `Language` members to a grammar binding's export (the binding itself adds `nodeSubclasses`). */
  private addSymbolTable(language: NativeLanguage): void {
    if (NATIVE in language) return;
    const types = this.binding.getNodeTypeNamesById(language);
    const fields = this.binding.getNodeFieldNamesById(language);
    // The binding names regular (named, visible) symbols only: null for tokens, hidden rules and supertypes.
    const ids = new Map<string, number>();
    types.forEach((type, id) => {
      if (typeof type === 'string' && !ids.has(type)) ids.set(type, id);
    });
    const table: Engine.Language & { [NATIVE]: true } = {
      [NATIVE]: true,
      nodeTypeCount: types.length,
      fieldCount: fields.length - 1,
      idForNodeType: (type: string) => ids.get(type) ?? null,
      // The binding leaves out symbol 0, which tree-sitter names `end`.
      nodeTypeForId: (id: number) => types[id] ?? (id === 0 ? 'end' : null),
      fieldNameForId: (id: number) => fields[id] ?? null,
    };
    Object.defineProperties(language, Object.fromEntries([NATIVE, 'nodeTypeCount', 'fieldCount', 'idForNodeType', 'nodeTypeForId', 'fieldNameForId'].map((key): [PropertyKey, PropertyDescriptor] => [key, { value: Reflect.get(table, key) as unknown, enumerable: false }])));
  }
}

const NATIVE = Symbol('native tree-sitter language');
const RESET_FIXED = Symbol('reset marshals its node');

/**
 * The binding's Query, except that a predicate it does not know is kept for the caller instead of thrown on: the
 * binding reads predicates through `_getPredicates` while constructing, so the subclass hides the general ones.
 */
function tolerantQueryClass(Base: NativeModule['Query']): new (language: NativeLanguage, source: string) => NativeQueryObject & { general: Engine.QueryPredicate[][] } {
  return class TolerantQuery extends Base {
    declare general: Engine.QueryPredicate[][];
    override _getPredicates(): unknown[][][] {
      const all = super._getPredicates();
      this.general = all.map((pattern) => pattern.filter((steps) => !TEXT_PREDICATES.has(String(steps[1]))).map(toPredicate));
      return all.map((pattern) => pattern.filter((steps) => TEXT_PREDICATES.has(String(steps[1]))));
    }
  };
}

/** `[type, value, type, value, …]` with the operator first. */
function toPredicate(steps: unknown[]): Engine.QueryPredicate {
  const operands: Engine.PredicateOperand[] = [];
  for (let i = 2; i < steps.length; i += 2) {
    const value = String(steps[i + 1]);
    operands.push(steps[i] === STEP_CAPTURE ? { type: 'capture', name: value } : { type: 'string', value });
  }
  return { operator: String(steps[1]), operands };
}

class NativeQuery implements Engine.Query {
  readonly captureNames: readonly string[];

  constructor(
    private readonly query: NativeQueryObject & { general: Engine.QueryPredicate[][] },
    source: string,
  ) {
    this.captureNames = captureNamesOf(source);
  }

  patternCount(): number {
    return this.query.general.length;
  }

  predicatesForPattern(patternIndex: number): readonly Engine.QueryPredicate[] {
    return this.query.general[patternIndex] ?? [];
  }

  matches(node: Engine.Node, range?: Engine.QueryRange): Engine.QueryMatch[] {
    return this.query.matches(node, range).map((m) => ({ patternIndex: m.pattern, captures: m.captures }));
  }

  captures(node: Engine.Node, range?: Engine.QueryRange): Engine.QueryCapture[] {
    return this.query.captures(node, range);
  }
}

/** The query's capture names in order of first appearance (as web-tree-sitter lists them), outside strings and comments. */
function captureNamesOf(source: string): string[] {
  const names: string[] = [];
  const token = /;[^\n]*|"(?:[^"\\]|\\.)*"|@([\w.-]+)/g;
  for (let m = token.exec(source); m; m = token.exec(source)) {
    if (m[1] && !names.includes(m[1])) names.push(m[1]);
  }
  return names;
}

