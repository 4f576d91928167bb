/**
 * The wasm backend: web-tree-sitter and each grammar's own `.wasm`. Loads everywhere (the language server, the
 * extension's bundle, the CLI when native is not wanted or does not load). Its objects are the engine's tree types
 * as they are: the assignments at the end of this file make the compiler check it.
 */
import * as path from 'path';
import * as WebTreeSitter from 'web-tree-sitter';
import type * as Engine from '../tree-api';

export class WasmBackend {
  private runtime: Promise<void> | undefined;

  /** `runtimeWasm` is the path of web-tree-sitter's own `tree-sitter.wasm`. */
  constructor(private readonly runtimeWasm: () => string) {}

  async loadLanguage(grammarWasm: string): Promise<Engine.Language> {
    this.runtime ??= WebTreeSitter.Parser.init({ locateFile: () => this.runtimeWasm() });
    await this.runtime;
    return WebTreeSitter.Language.load(grammarWasm);
  }

  newParser(language: Engine.Language): Engine.Parser {
    const parser = new WebTreeSitter.Parser();
    parser.setLanguage(language as WebTreeSitter.Language);
    return parser;
  }

  newQuery(language: Engine.Language, source: string): Engine.Query {
    return new WebTreeSitter.Query(language as WebTreeSitter.Language, source);
  }

  owns(language: Engine.Language): boolean {
    return language instanceof WebTreeSitter.Language;
  }
}

/** web-tree-sitter's runtime wasm, inside its npm package. */
export function packagedRuntimeWasm(): string {
  return path.join(path.dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm');
}

// The compiler checks that web-tree-sitter's objects are the engine's types as they are (no wrapper, no copy).
export const wasmTypesFit: readonly [
  (x: WebTreeSitter.Node) => Engine.Node,
  (x: WebTreeSitter.Tree) => Engine.Tree,
  (x: WebTreeSitter.TreeCursor) => Engine.TreeCursor,
  (x: WebTreeSitter.Language) => Engine.Language,
  (x: WebTreeSitter.Query) => Engine.Query,
  (x: WebTreeSitter.QueryMatch) => Engine.QueryMatch,
] = [(x) => x, (x) => x, (x) => x, (x) => x, (x) => x, (x) => x];
