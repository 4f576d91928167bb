/**
 * Loads grammars lazily, once per process (or worker thread), from one of two backends, and caches parsers and
 * queries. The wasm backend (web-tree-sitter and the grammars' own wasm files) is the default and the only one the
 * language server and the extension load; the CLI asks for the native backend (`preferParsers('native')`), which
 * parses about 1.4× faster, and every grammar whose native binding is missing or does not load here stays on
 * wasm. The rest of the engine sees only `tree-api.ts` types and never knows which backend parsed a tree.
 *
 * Where the wasm files live differs between a development checkout (inside each grammar's npm package) and the
 * bundled extension (copied beside the bundle); `configureGrammarDirectory` switches to the latter.
 */
import * as path from 'path';
import { setFlagsFromString } from 'v8';
import { NativeBackend } from './backends/native';
import { WasmBackend, packagedRuntimeWasm } from './backends/wasm';
import { GrammarLanguageId, LANGUAGES } from './languages';
import type { Language, Parser, Query } from './tree-api';

export type ParserBackendName = 'native' | 'wasm';

let grammarDirectory: string | undefined;
let wanted: ParserBackendName = 'wasm';
const wasm = new WasmBackend(() => (grammarDirectory ? path.join(grammarDirectory, 'tree-sitter.wasm') : packagedRuntimeWasm()));
let native: NativeBackend | Error | undefined;
const languages: Record<ParserBackendName, Map<GrammarLanguageId, Promise<Language>>> = { native: new Map(), wasm: new Map() };
/** Why a grammar asked for natively runs on wasm (no native binding, or it does not load here). */
const fallbacks = new Map<GrammarLanguageId, string>();
const parsers = new Map<Language, Parser>();
const queries = new Map<Language, Map<string, Query>>();

/** Makes every wasm file (runtime and grammars) load from one directory, as in the bundled extension. */
export function configureGrammarDirectory(directory: string): void {
  grammarDirectory = directory;
}

/** The directory set by `configureGrammarDirectory`, if any (worker threads are told the same). */
export function grammarDirectoryInUse(): string | undefined {
  return grammarDirectory;
}

/**
 * Which backend grammars loaded from now on come from: `native` where a grammar's native binding loads (the CLI),
 * `wasm` everywhere (the default). Grammars already loaded keep theirs.
 */
export function preferParsers(backend: ParserBackendName): void {
  wanted = backend;
}

export function preferredParsers(): ParserBackendName {
  return wanted;
}

/** Which backend parses a language (loading it if need be), and why it is wasm when native was asked for. */
export async function parserBackendOf(id: GrammarLanguageId): Promise<{ backend: ParserBackendName; fallback?: string }> {
  const language = await loadLanguage(id);
  return { backend: backendOf(language) === wasm ? 'wasm' : 'native', fallback: fallbacks.get(id) };
}

export function grammarWasmPath(id: GrammarLanguageId): string {
  const grammar = LANGUAGES[id].grammar;
  if (!grammar) throw new Error(`no tree-sitter grammar for ${id}`);
  if (grammarDirectory) return path.join(grammarDirectory, grammar.wasm);
  return path.join(path.dirname(require.resolve(`${grammar.pkg}/package.json`)), grammar.dir ?? '', grammar.wasm);
}

/**
 * Asks V8 to run grammars on its baseline wasm compiler only; call before the first grammar loads (later, it does
 * nothing). By default V8 recompiles a grammar's hot functions with its optimising compiler in background threads; a
 * grammar's lexer is one huge function, so that costs 0.5–5 s of CPU per grammar used. A command that parses a little
 * in many grammars (a check of the rulebook's examples: 16 s of CPU over twenty grammars) or a whole-tree scan (the
 * same CPU either way on vim, ~55 MB less per thread) is better off without it; the language server is not (edits of
 * one file: p95 24 ms optimised, 31 ms baseline), so only the CLI's one-off commands ask for it.
 */
export function preferBaselineWasm(): void {
  if (languages.wasm.size > 0) return;
  setFlagsFromString('--no-wasm-dynamic-tiering');
  setFlagsFromString('--no-wasm-tier-up');
}

function nativeLanguage(id: GrammarLanguageId): Language | undefined {
  const grammar = LANGUAGES[id].grammar;
  if (!grammar || grammar.native === null) {
    fallbacks.set(id, 'no native binding for this grammar');
    return undefined;
  }
  native ??= NativeBackend.load();
  if (native instanceof Error) {
    fallbacks.set(id, `the native tree-sitter binding does not load: ${native.message.split('\n')[0]}`);
    return undefined;
  }
  try {
    return native.loadLanguage(grammar.pkg, grammar.native);
  } catch (err) {
    fallbacks.set(id, `its native binding does not load: ${(err as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

export async function loadLanguage(id: GrammarLanguageId): Promise<Language> {
  const backend = wanted;
  let pending = languages[backend].get(id);
  if (!pending) {
    const loaded = backend === 'native' ? nativeLanguage(id) : undefined;
    pending = loaded ? Promise.resolve(loaded) : loadWasmLanguage(id);
    languages[backend].set(id, pending);
  }
  return pending;
}

function loadWasmLanguage(id: GrammarLanguageId): Promise<Language> {
  let pending = languages.wasm.get(id);
  if (!pending) {
    pending = wasm.loadLanguage(grammarWasmPath(id));
    languages.wasm.set(id, pending);
  }
  return pending;
}

function backendOf(language: Language): WasmBackend | NativeBackend {
  if (wasm.owns(language)) return wasm;
  if (native instanceof NativeBackend && native.owns(language)) return native;
  throw new Error('a language no backend loaded');
}

/** A new parser for a language (for a parse of its own: macro bodies); `parserFor` shares one per language. */
export function newParser(language: Language): Parser {
  return backendOf(language).newParser(language);
}

/** One parser per language, reused: parsing is synchronous, so a parser is never shared by two parses at once. */
export async function parserFor(id: GrammarLanguageId): Promise<Parser> {
  const language = await loadLanguage(id);
  let parser = parsers.get(language);
  if (!parser) {
    parser = newParser(language);
    parsers.set(language, parser);
  }
  return parser;
}

/** Compiles a query in a language's own backend (not cached: the caller keeps it). Throws tree-sitter's error. */
export function newQuery(language: Language, source: string): Query {
  return backendOf(language).newQuery(language, source);
}

/** Compiles a query once per language and source text. Throws tree-sitter's own error for an invalid query. */
export async function queryFor(id: GrammarLanguageId, source: string): Promise<Query> {
  return queryIn(id, await loadLanguage(id), source);
}

/** `queryFor` for a language already loaded (a tree's own): no wait. */
export function queryIn(_id: GrammarLanguageId, language: Language, source: string): Query {
  let cache = queries.get(language);
  if (!cache) queries.set(language, (cache = new Map<string, Query>()));
  let query = cache.get(source);
  if (!query) {
    query = newQuery(language, source);
    cache.set(source, query);
  }
  return query;
}
