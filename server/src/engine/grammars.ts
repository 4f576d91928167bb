/**
 * Loads web-tree-sitter and the grammars' own wasm files, lazily and once per process (or worker thread).
 *
 * Where the wasm files live differs between a development checkout (inside each grammar's npm package) and the
 * bundled extension (copied beside the bundle); `configureGrammarDirectory` switches to the latter.
 */
import * as path from 'path';
import { setFlagsFromString } from 'v8';
import { Language, Parser, Query } from 'web-tree-sitter';
import { GrammarLanguageId, LANGUAGES } from './languages';

let grammarDirectory: string | undefined;
let runtimeReady: Promise<void> | undefined;
const languages = new Map<GrammarLanguageId, Promise<Language>>();
const parsers = new Map<GrammarLanguageId, Parser>();
const queries = new Map<string, Query>();

/** Makes every wasm file (runtime and grammars) load from one directory, as in the bundled extension. */
export function configureGrammarDirectory(directory: string): void {
  grammarDirectory = directory;
}

/** The directory set by `configureGrammarDirectory`, if any (worker threads are told the same). */
export function grammarDirectoryInUse(): string | undefined {
  return grammarDirectory;
}

function runtimeWasmPath(): string {
  if (grammarDirectory) return path.join(grammarDirectory, 'tree-sitter.wasm');
  return path.join(path.dirname(require.resolve('web-tree-sitter')), 'tree-sitter.wasm');
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
  if (runtimeReady) return;
  setFlagsFromString('--no-wasm-dynamic-tiering');
  setFlagsFromString('--no-wasm-tier-up');
}

function initRuntime(): Promise<void> {
  runtimeReady ??= Parser.init({ locateFile: () => runtimeWasmPath() });
  return runtimeReady;
}

export async function loadLanguage(id: GrammarLanguageId): Promise<Language> {
  let pending = languages.get(id);
  if (!pending) {
    pending = initRuntime().then(() => Language.load(grammarWasmPath(id)));
    languages.set(id, pending);
  }
  return pending;
}

/** One parser per language, reused: parsing is synchronous, so a parser is never shared by two parses at once. */
export async function parserFor(id: GrammarLanguageId): Promise<Parser> {
  const existing = parsers.get(id);
  if (existing) return existing;
  const language = await loadLanguage(id);
  const parser = new Parser();
  parser.setLanguage(language);
  parsers.set(id, parser);
  return parser;
}

/** Compiles a query once per language and source text. Throws tree-sitter's own error for an invalid query. */
export async function queryFor(id: GrammarLanguageId, source: string): Promise<Query> {
  return queryIn(id, await loadLanguage(id), source);
}

/** `queryFor` for a language already loaded (a tree's own): no wait. */
export function queryIn(id: GrammarLanguageId, language: Language, source: string): Query {
  const key = `${id}\0${source}`;
  const cached = queries.get(key);
  if (cached) return cached;
  const query = new Query(language, source);
  queries.set(key, query);
  return query;
}
