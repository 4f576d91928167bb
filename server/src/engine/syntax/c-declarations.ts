/**
 * What a C file declares, as the copy rules need it: the type of a name (array sizes included), the fields of the
 * structs and unions it defines, its typedefs, and the constants `#define`d or enumerated in it.
 *
 * The file-level part is read once per tree by walking the top-level items (through `#if` blocks and `extern "C"`)
 * without entering function bodies; a function's own declarations are read by `c-function-facts.ts` in its one walk
 * of the function. Both are linear in what they walk and looked up by name afterwards.
 */
import type { Node, Tree } from '../tree-api';
import { typeText } from './c-expressions';

/** A type constructor, outermost first: `*` a pointer, `{ n }` an array of n (the size as written; '' if none). */
export type TypeCtor = '*' | { readonly n: string };

/** `char *a[4]` is `{ base: 'char', ctors: [{ n: '4' }, '*'] }`: an array of 4 pointers to char. */
export interface CType {
  readonly base: string;
  readonly ctors: readonly TypeCtor[];
}

export interface Declared {
  readonly name: string;
  readonly type: CType;
  /** Offset of the declarator. */
  readonly at: number;
  /** Where the name is visible (its block, or the whole file). */
  readonly scopeStart: number;
  readonly scopeEnd: number;
}

/** A function-like macro: `#define xcpy(d, s, n) memcpy(d, s, n)`. */
export interface MacroDefinition {
  readonly name: string;
  readonly params: readonly string[];
  /** Ends in `...`: `__VA_ARGS__` stands for the remaining arguments. */
  readonly variadic: boolean;
  readonly body: string;
  /** The body's extent in its file (calls inside it are the macro's own). */
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** One-based line of the `#define`. */
  readonly line: number;
}

/** Where a name's declaration is looked up: the scanned file, then the socket records every system lays out alike. */
export interface DeclarationSource {
  record(name: string): ReadonlyMap<string, CType> | undefined;
  /** The last field of a record (a trailing flexible array `char data[];` grows with the allocation). */
  lastField(name: string): string | undefined;
  typedef(name: string): CType | undefined;
  /** An object-like macro's or an enumerator's value, unless the definitions in sight disagree. */
  constant(name: string): string | undefined;
  global(name: string): Declared | undefined;
  macros(name: string): readonly MacroDefinition[] | undefined;
}

export interface FileDeclarations {
  readonly globals: ReadonlyMap<string, Declared>;
  /** Fields by struct or union: keyed by `struct tag`, `union tag` and by the typedef names of the type. */
  readonly records: ReadonlyMap<string, ReadonlyMap<string, CType>>;
  readonly lastFields: ReadonlyMap<string, string>;
  readonly typedefs: ReadonlyMap<string, CType>;
  /** Object-like macros and enumerators, by name: the text of their value (null: defined differently twice). */
  readonly constants: ReadonlyMap<string, string | null>;
  /** Function-like macros by name (several under `#if` variants). */
  readonly macros: ReadonlyMap<string, readonly MacroDefinition[]>;
}

/** A lookup over layers: the first that knows a name answers (the file's own declarations first). */
export function layered(...layers: readonly (FileDeclarations | undefined)[]): DeclarationSource {
  const present = layers.filter((l): l is FileDeclarations => l !== undefined);
  const first = <T>(get: (l: FileDeclarations) => T | undefined): T | undefined => {
    for (const layer of present) {
      const found = get(layer);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return {
    record: (name) => first((l) => l.records.get(name)),
    lastField: (name) => first((l) => (l.records.has(name) ? (l.lastFields.get(name) ?? null) : undefined)) ?? undefined,
    typedef: (name) => first((l) => l.typedefs.get(name)),
    constant: (name) => first((l) => l.constants.get(name)) ?? undefined,
    global: (name) => first((l) => l.globals.get(name)),
    macros: (name) => first((l) => l.macros.get(name)),
  };
}

/** A lookup over sources: the first that knows a name answers (a record's last field comes with the record). */
export function chained(...sources: readonly DeclarationSource[]): DeclarationSource {
  const first = <T>(get: (s: DeclarationSource) => T | undefined): T | undefined => {
    for (const source of sources) {
      const found = get(source);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return {
    record: (name) => first((s) => s.record(name)),
    lastField: (name) => {
      for (const source of sources) if (source.record(name)) return source.lastField(name);
      return undefined;
    },
    typedef: (name) => first((s) => s.typedef(name)),
    constant: (name) => first((s) => s.constant(name)),
    global: (name) => first((s) => s.global(name)),
    macros: (name) => first((s) => s.macros(name)),
  };
}

function setConstant(into: MutableDeclarations, name: string, value: string | null): void {
  if (!into.constants.has(name)) into.constants.set(name, value);
  else if (into.constants.get(name) !== value) into.constants.set(name, null);
}

const SPACES = /\s+/g;

function cleanText(text: string, max = 200): string {
  return text.slice(0, max).replace(SPACES, ' ').trim();
}

const RECORD_KEYWORD_BEFORE = /\b(struct|union|enum)\s+$/;

/** The name of a type node: `struct hdr`, `unsigned int`, `size_t`; an anonymous record gets a name of its own. */
export function typeNameOf(node: Node, text: string): string {
  if (node.type === 'struct_specifier' || node.type === 'union_specifier' || node.type === 'enum_specifier') {
    const keyword = node.type.replace('_specifier', '');
    const name = node.childForFieldName('name');
    return name ? `${keyword} ${text.slice(name.startIndex, name.endIndex)}` : `${keyword} @${node.startIndex}`;
  }
  // `THREAD_LOCAL struct buffer trash;`: the grammar reads an unknown macro as a type and the rest as a second
  // declaration of type `buffer`; the keyword just before the name says what it is.
  if (node.type === 'type_identifier') {
    const keyword = RECORD_KEYWORD_BEFORE.exec(text.slice(Math.max(0, node.startIndex - 12), node.startIndex));
    if (keyword) return `${keyword[1]} ${text.slice(node.startIndex, node.endIndex)}`;
  }
  return typeText(cleanText(text.slice(node.startIndex, node.endIndex)).split(' '));
}


/**
 * The declared name and the type constructors of a declarator, outermost first. `*a[4]` is the pointer declarator
 * around the array declarator: the array is the name's outermost constructor.
 */
export function readDeclarator(node: Node | null, text: string): { name: string; at: number; ctors: TypeCtor[] } | undefined {
  const outerToInner: TypeCtor[] = [];
  let current: Node | null = node;
  for (let depth = 0; current && depth < 16; depth++) {
    switch (current.type) {
      case 'identifier':
      case 'field_identifier':
      case 'type_identifier':
        return { name: text.slice(current.startIndex, current.endIndex), at: current.startIndex, ctors: outerToInner.reverse() };
      case 'pointer_declarator':
      case 'abstract_pointer_declarator':
        outerToInner.push('*');
        current = current.childForFieldName('declarator');
        break;
      case 'array_declarator': {
        const size = current.childForFieldName('size');
        outerToInner.push({ n: size ? cleanText(text.slice(size.startIndex, size.endIndex)) : '' });
        current = current.childForFieldName('declarator');
        break;
      }
      case 'init_declarator':
      case 'attributed_declarator':
        current = current.childForFieldName('declarator') ?? current.namedChild(0);
        break;
      case 'parenthesized_declarator':
        current = current.namedChild(0);
        break;
      default:
        return undefined;
    }
  }
  return undefined;
}

const DECLARATOR_TYPES = new Set([
  'identifier', 'field_identifier', 'type_identifier', 'pointer_declarator', 'array_declarator', 'init_declarator',
  'attributed_declarator', 'parenthesized_declarator',
]);

/** The declarators of a declaration, field declaration, parameter or typedef (every `declarator` field). */
export function declaratorsOf(node: Node): Node[] {
  const found: Node[] = [];
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i);
    if (child && node.fieldNameForChild(i) === 'declarator' && DECLARATOR_TYPES.has(child.type)) found.push(child);
  }
  return found;
}

function recordFields(body: Node, text: string, file: MutableDeclarations, owner: string): Map<string, CType> {
  const fields = new Map<string, CType>();
  let last: { name: string } | undefined;
  for (const field of body.namedChildren) {
    if (!field || field.type !== 'field_declaration') continue;
    const typeNode = field.childForFieldName('type');
    if (!typeNode) continue;
    const base = typeNameOf(typeNode, text);
    const inner = typeNode.childForFieldName('body');
    const declarators = declaratorsOf(field);
    if (inner && (typeNode.type === 'struct_specifier' || typeNode.type === 'union_specifier')) {
      const innerFields = recordFields(inner, text, file, base);
      file.records.set(base, innerFields);
      // An anonymous member's fields are the outer record's own.
      if (declarators.length === 0) for (const [k, v] of innerFields) fields.set(k, v);
    }
    for (const declarator of declarators) {
      const read = readDeclarator(declarator, text);
      if (!read) continue;
      const type = { base, ctors: read.ctors };
      fields.set(read.name, type);
      last = { name: read.name };
    }
  }
  if (last) file.lastFields.set(owner, last.name);
  return fields;
}

export interface MutableDeclarations {
  readonly globals: Map<string, Declared>;
  readonly records: Map<string, Map<string, CType>>;
  readonly lastFields: Map<string, string>;
  readonly typedefs: Map<string, CType>;
  readonly constants: Map<string, string | null>;
  readonly macros: Map<string, MacroDefinition[]>;
}

export function emptyDeclarations(): MutableDeclarations {
  return { globals: new Map(), records: new Map(), lastFields: new Map(), typedefs: new Map(), constants: new Map(), macros: new Map() };
}

/** Records a struct, union or enum definition found at a type position. */
function readTypeNode(typeNode: Node, text: string, file: MutableDeclarations): string {
  const base = typeNameOf(typeNode, text);
  const body = typeNode.childForFieldName('body');
  if (body && (typeNode.type === 'struct_specifier' || typeNode.type === 'union_specifier')) {
    file.records.set(base, recordFields(body, text, file, base));
  } else if (body && typeNode.type === 'enum_specifier') {
    let next: number | undefined = 0;
    for (const enumerator of body.namedChildren) {
      if (!enumerator || enumerator.type !== 'enumerator') continue;
      const name = enumerator.childForFieldName('name');
      const value = enumerator.childForFieldName('value');
      if (!name) continue;
      const key = text.slice(name.startIndex, name.endIndex);
      if (value) {
        const valueText = cleanText(text.slice(value.startIndex, value.endIndex));
        setConstant(file, key, valueText);
        next = /^\d+$/.test(valueText) ? Number(valueText) + 1 : undefined;
      } else if (next !== undefined) {
        setConstant(file, key, String(next));
        next++;
      }
    }
  }
  return base;
}

const CONTAINERS = new Set(['preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef', 'linkage_specification', 'declaration_list']);

/**
 * Reads the declarations among `node`'s children. Inside an ERROR node (a header whose macros the grammar cannot
 * read often parses as one, include guard and all) only items that parsed without an error of their own count.
 */
function readTopLevel(node: Node, text: string, file: MutableDeclarations, depth: number, recovered = false): void {
  if (depth > 32) return;
  for (const item of node.namedChildren) {
    if (!item) continue;
    if (CONTAINERS.has(item.type) || item.type === 'ERROR') {
      readTopLevel(item, text, file, depth + 1, recovered || item.type === 'ERROR');
      continue;
    }
    if (recovered && item.hasError) continue;
    switch (item.type) {
      case 'preproc_def': {
        const name = item.childForFieldName('name');
        const value = item.childForFieldName('value');
        if (name && value) setConstant(file, text.slice(name.startIndex, name.endIndex), cleanText(text.slice(value.startIndex, value.endIndex)));
        break;
      }
      case 'preproc_function_def': {
        const macro = readMacro(item, text);
        if (macro) file.macros.set(macro.name, [...(file.macros.get(macro.name) ?? []), macro]);
        break;
      }
      case 'struct_specifier':
      case 'union_specifier':
      case 'enum_specifier':
        readTypeNode(item, text, file);
        break;
      case 'declaration':
      case 'type_definition': {
        const typeNode = item.childForFieldName('type');
        if (!typeNode) break;
        const base = readTypeNode(typeNode, text, file);
        for (const declarator of declaratorsOf(item)) {
          const read = readDeclarator(declarator, text);
          if (!read) continue;
          const type = { base, ctors: read.ctors };
          if (item.type === 'type_definition') {
            file.typedefs.set(read.name, type);
            const fields = file.records.get(base);
            if (fields && read.ctors.length === 0) {
              file.records.set(read.name, fields);
              const last = file.lastFields.get(base);
              if (last) file.lastFields.set(read.name, last);
            }
          } else if (!file.globals.has(read.name)) {
            file.globals.set(read.name, { name: read.name, type, at: read.at, scopeStart: 0, scopeEnd: text.length });
          }
        }
        break;
      }
      default:
        break;
    }
  }
}

function readMacro(node: Node, text: string): MacroDefinition | undefined {
  const name = node.childForFieldName('name');
  const params = node.childForFieldName('parameters');
  const value = node.childForFieldName('value');
  if (!name || !params) return undefined;
  const names: string[] = [];
  let variadic = false;
  for (const child of params.children) {
    if (!child) continue;
    if (child.type === 'identifier') names.push(text.slice(child.startIndex, child.endIndex));
    else if (child.type === '...') variadic = true;
  }
  return {
    name: text.slice(name.startIndex, name.endIndex),
    params: names,
    variadic,
    body: value ? text.slice(value.startIndex, value.endIndex) : '',
    bodyStart: value?.startIndex ?? node.endIndex,
    bodyEnd: value?.endIndex ?? node.endIndex,
    line: node.startPosition.row + 1,
  };
}

/** Everything a tree declares at its top level, read in one walk of the top-level items. */
export function readDeclarations(tree: Tree, text: string): MutableDeclarations {
  const file = emptyDeclarations();
  readTopLevel(tree.rootNode, text, file, 0);
  return file;
}

const fileIndexes = new WeakMap<Tree, FileDeclarations>();

/** The file's top-level declarations, read once per tree. */
export function fileDeclarations(tree: Tree, text: string): FileDeclarations {
  let index = fileIndexes.get(tree);
  if (!index) {
    index = readDeclarations(tree, text);
    fileIndexes.set(tree, index);
  }
  return index;
}
