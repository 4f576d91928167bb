/**
 * What a C file's own headers declare, as the copy-bound reading needs it: the fields of the structs a function
 * copies into (`char name[NAME_LEN]` in `struct entry`), the `#define` constants and enumerators that size them, the
 * typedefs that name them and the globals declared `extern` there. A translation unit sees these through its
 * `#include "…"` and `#include <…>` lines; the library follows them, transitively, to the headers found inside the
 * scanned root (system headers are not read: what they declare stays unknown, and an unknown bound is reported).
 *
 * Each header is read and parsed once per library, whatever the number of files that include it; a library lives
 * as long as one scan (the CLI makes one per scan and thread). Its facts are the same top-level declarations
 * `c-declarations.ts` reads from the scanned file itself. Headers may disagree (a struct defined one way under
 * `#ifdef _WIN32`, another way elsewhere; a constant defined in two headers): a name the headers of one file
 * define differently is unknown, so nothing is concluded from it.
 *
 * Cost: linear in the headers' size, once per library; per scanned file, its include lines (one regex pass) and a
 * walk of its closure of headers (bounded by `MAX_HEADERS`), shared between files that include the same headers.
 */
import * as path from 'path';
import { parserFor } from './grammars';
import { languageForFile } from './languages';
import { FileReader } from './reader';
import { DEFAULT_LIMITS, ScanLimits, decodeSource } from './source-text';
import { deleteTree } from './syntax/ancestry';
import { CType, DeclarationSource, Declared, FileDeclarations, MacroDefinition, MutableDeclarations, readDeclarations } from './syntax/c-declarations';

/** At most this many headers are read for one file (its includes, theirs, and so on). */
export const MAX_HEADERS = 400;
/** Headers nest no deeper than this. */
const MAX_DEPTH = 24;

const INCLUDE = /^[ \t]*#[ \t]*(?:include|import)[ \t]*([<"])([^>"\n]{1,200})[>"]/gm;

interface Include {
  readonly quoted: boolean;
  readonly name: string;
}

/** The `#include` lines of a text, in order. */
export function includesOf(text: string): Include[] {
  const found: Include[] = [];
  INCLUDE.lastIndex = 0;
  for (let m = INCLUDE.exec(text); m; m = INCLUDE.exec(text)) found.push({ quoted: m[1] === '"', name: m[2].trim() });
  return found;
}

interface Header {
  readonly declarations: FileDeclarations;
  /** The headers it includes that were found, as absolute paths. */
  readonly includes: readonly string[];
}

/** Gives each anonymous record (`struct @123`) a name unique to its header: two headers' offsets may coincide. */
function qualifyAnonymous(decl: MutableDeclarations, id: number): FileDeclarations {
  const rename = (base: string): string => (/^(?:struct|union|enum) @\d+$/.test(base) ? `${base}@${id}` : base);
  const type = (t: CType): CType => (rename(t.base) === t.base ? t : { base: rename(t.base), ctors: t.ctors });
  const records = new Map<string, Map<string, CType>>();
  for (const [name, fields] of decl.records) records.set(rename(name), new Map([...fields].map(([f, t]) => [f, type(t)])));
  const globals = new Map<string, Declared>();
  for (const [name, g] of decl.globals) globals.set(name, { ...g, type: type(g.type), scopeStart: 0, scopeEnd: Number.MAX_SAFE_INTEGER });
  return {
    globals,
    records,
    lastFields: new Map([...decl.lastFields].map(([name, last]) => [rename(name), last])),
    typedefs: new Map([...decl.typedefs].map(([name, t]) => [name, type(t)])),
    constants: decl.constants,
    macros: decl.macros,
  };
}

/** A canonical text of a value, to tell two headers' definitions of one name apart; kept per object. */
const canonicalTexts = new WeakMap<object, string>();
function canonicalOf(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  let text = canonicalTexts.get(value);
  if (text === undefined) {
    text = JSON.stringify(value instanceof Map ? [...value] : value);
    canonicalTexts.set(value, text);
  }
  return text;
}

/**
 * The headers of one file as one source: a name defined alike by every header that defines it has that
 * definition; a name they define differently has none. Answers are kept per name.
 */
class AgreedDeclarations implements DeclarationSource {
  private readonly memo = new Map<string, unknown>();

  constructor(private readonly layers: readonly FileDeclarations[]) {}

  private agreed<T>(kind: string, name: string, get: (l: FileDeclarations) => T | undefined | null): T | undefined {
    const key = `${kind}\0${name}`;
    if (this.memo.has(key)) return this.memo.get(key) as T | undefined;
    let found: T | undefined;
    let text: string | undefined;
    let conflict = false;
    for (const layer of this.layers) {
      const value = get(layer);
      if (value === undefined) continue;
      if (value === null) {
        conflict = true;
        break;
      }
      const canonical = canonicalOf(kind === 'global' ? (value as unknown as Declared).type : value);
      if (text === undefined) {
        found = value;
        text = canonical;
      } else if (text !== canonical) {
        conflict = true;
        break;
      }
    }
    const answer = conflict ? undefined : found;
    this.memo.set(key, answer);
    return answer;
  }

  record(name: string): ReadonlyMap<string, CType> | undefined {
    return this.agreed('record', name, (l) => l.records.get(name));
  }
  lastField(name: string): string | undefined {
    return this.record(name) ? this.agreed('last', name, (l) => (l.records.has(name) ? (l.lastFields.get(name) ?? null) : undefined)) : undefined;
  }
  typedef(name: string): CType | undefined {
    return this.agreed('typedef', name, (l) => l.typedefs.get(name));
  }
  constant(name: string): string | undefined {
    return this.agreed('constant', name, (l) => l.constants.get(name));
  }
  global(name: string): Declared | undefined {
    return this.agreed('global', name, (l) => l.globals.get(name));
  }
  macros(): readonly MacroDefinition[] | undefined {
    // A header's function-like macros are not expanded at call sites yet: only the file's own are.
    return undefined;
  }
}

/**
 * The headers of the C and C++ files of one scan. `forFile` answers what a file's headers declare; each header is
 * read through the scan's reader and parsed once.
 */
export class HeaderLibrary {
  private readonly headers = new Map<string, Promise<Header | undefined>>();
  private readonly found = new Map<string, Promise<string | undefined>>();
  private readonly closures = new Map<string, AgreedDeclarations>();
  private readonly root: string;
  private nextId = 0;

  constructor(
    root: string,
    private readonly reader: FileReader,
    private readonly limits: ScanLimits = DEFAULT_LIMITS,
  ) {
    this.root = path.resolve(root);
  }

  /** The declarations of the headers `text` (the file at `file`, absolute) includes, or undefined when none is found. */
  async forFile(file: string, text: string): Promise<DeclarationSource | undefined> {
    const direct = await this.resolveAll(path.resolve(file), includesOf(text));
    if (direct.length === 0) return undefined;
    const key = direct.join('\0');
    const known = this.closures.get(key);
    if (known) return known;
    const layers: FileDeclarations[] = [];
    const seen = new Set<string>();
    let level = direct;
    for (let depth = 0; depth < MAX_DEPTH && level.length > 0 && seen.size < MAX_HEADERS; depth++) {
      const next: string[] = [];
      for (const header of level) {
        if (seen.has(header) || seen.size >= MAX_HEADERS) continue;
        seen.add(header);
        const read = await this.header(header);
        if (!read) continue;
        layers.push(read.declarations);
        next.push(...read.includes);
      }
      level = next;
    }
    const source = new AgreedDeclarations(layers);
    this.closures.set(key, source);
    return source;
  }

  private async resolveAll(from: string, includes: readonly Include[]): Promise<string[]> {
    const out: string[] = [];
    for (const include of includes) {
      const found = await this.resolve(from, include);
      if (found && !out.includes(found)) out.push(found);
    }
    return out;
  }

  /**
   * Where an include names a file inside the root: beside the including file (for `"…"`), then in each folder from
   * the including file's up to the root, and in an `include/` folder there (`<haproxy/api.h>` from `src/`).
   */
  private resolve(from: string, include: Include): Promise<string | undefined> {
    const dir = path.dirname(from);
    const key = `${dir}\0${include.quoted ? '"' : '<'}${include.name}`;
    let answer = this.found.get(key);
    if (!answer) {
      answer = this.search(dir, include);
      this.found.set(key, answer);
    }
    return answer;
  }

  private async search(dir: string, include: Include): Promise<string | undefined> {
    if (path.isAbsolute(include.name) || include.name.includes('\0')) return undefined;
    const candidates: string[] = [];
    if (include.quoted) candidates.push(path.join(dir, include.name));
    for (let d = dir; this.inside(d); d = path.dirname(d)) {
      candidates.push(path.join(d, include.name), path.join(d, 'include', include.name));
      if (d === this.root) break;
    }
    for (const candidate of candidates) {
      if (!this.inside(candidate)) continue;
      const size = await this.reader.size(candidate);
      if (size !== undefined) return candidate;
    }
    return undefined;
  }

  private inside(file: string): boolean {
    const rel = path.relative(this.root, file);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  }

  private header(file: string): Promise<Header | undefined> {
    let entry = this.headers.get(file);
    if (!entry) {
      entry = this.read(file).catch(() => undefined);
      this.headers.set(file, entry);
    }
    return entry;
  }

  private async read(file: string): Promise<Header | undefined> {
    const size = await this.reader.size(file);
    if (size === undefined || size > this.limits.maxFileSize) return undefined;
    const bytes = await this.reader.read(file);
    if (!bytes) return undefined;
    const decoded = decodeSource(bytes, this.limits);
    if ('skip' in decoded) return undefined;
    const text = decoded.text;
    const language = languageForFile(file, text);
    if (language !== 'c' && language !== 'cpp') return undefined;
    const parser = await parserFor(language);
    const tree = parser.parse(text);
    if (!tree) return undefined;
    let declarations: MutableDeclarations;
    try {
      declarations = readDeclarations(tree, text);
    } finally {
      deleteTree(tree);
    }
    const includes = await this.resolveAll(file, includesOf(text));
    return { declarations: qualifyAnonymous(declarations, this.nextId++), includes };
  }
}
