/**
 * Per-grammar node type names. Grammars disagree on names (`string_literal`, `string`, `interpreted_string_literal`…),
 * so every per-language difference the fact extraction needs is kept here, in one table.
 */
import { GrammarLanguageId } from '../languages';

export interface GrammarNodeTypes {
  /** Node types of string literals whose text is quoted. */
  readonly strings: readonly string[];
  /** Call nodes and the field holding the called expression (or `undefined` when the callee is built from fields). */
  readonly calls: readonly { readonly type: string; readonly callee?: string }[];
}

const C_LIKE: GrammarNodeTypes = {
  strings: ['string_literal', 'raw_string_literal'],
  calls: [{ type: 'call_expression', callee: 'function' }],
};

const JS_LIKE: GrammarNodeTypes = {
  strings: ['string', 'template_string'],
  calls: [{ type: 'call_expression', callee: 'function' }],
};

export const NODE_TYPES: Readonly<Record<GrammarLanguageId, GrammarNodeTypes>> = {
  c: C_LIKE,
  cpp: C_LIKE,
  javascript: JS_LIKE,
  typescript: JS_LIKE,
  tsx: JS_LIKE,
  python: { strings: ['string'], calls: [{ type: 'call', callee: 'function' }] },
  java: {
    strings: ['string_literal'],
    calls: [{ type: 'method_invocation' }, { type: 'object_creation_expression', callee: 'type' }],
  },
  go: {
    strings: ['interpreted_string_literal', 'raw_string_literal'],
    calls: [{ type: 'call_expression', callee: 'function' }],
  },
  csharp: {
    strings: ['string_literal', 'verbatim_string_literal', 'raw_string_literal', 'interpolated_string_expression'],
    calls: [{ type: 'invocation_expression', callee: 'function' }],
  },
  php: {
    strings: ['string', 'encapsed_string'],
    calls: [
      { type: 'function_call_expression', callee: 'function' },
      { type: 'member_call_expression' },
      { type: 'scoped_call_expression' },
    ],
  },
  ruby: { strings: ['string'], calls: [{ type: 'call' }] },
  shell: { strings: ['string', 'raw_string'], calls: [{ type: 'command', callee: 'name' }] },
};

/** Nodes a string climbs through on its way to the name it is bound to. */
export const TRANSPARENT_PARENTS: ReadonlySet<string> = new Set([
  'parenthesized_expression',
  'concatenated_string',
  'expression_list',
  'argument',
  'equals_value_clause',
  'initializer_list',
  'initializer_expression',
  'literal_value',
  'literal_element',
  'element_value',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
  'cast_expression',
  'array',
  'list',
  'tuple',
  'array_creation_expression',
  'array_initializer',
  'composite_literal',
]);

/** Functions and methods whose arguments are compared with each other. */
export const COMPARE_FUNCTIONS: ReadonlySet<string> = new Set([
  'strcmp',
  'strcasecmp',
  'strncmp',
  'strncasecmp',
  'stricmp',
  '_stricmp',
  'strcmpi',
  'wcscmp',
  '_wcsicmp',
  '_tcscmp',
  '_tcsicmp',
  'lstrcmp',
  'lstrcmpi',
  'lstrcmpA',
  'lstrcmpW',
  'memcmp',
  'equals',
  'equalsIgnoreCase',
  'Equals',
  'compare',
  'Compare',
  'CompareTo',
  'compareTo',
  'timingSafeEqual',
  'compare_digest',
  'hash_equals',
  'secure_compare',
  'ConstantTimeCompare',
  'EqualFold',
  'strings.EqualFold',
]);

export const EQUALITY_OPERATORS: ReadonlySet<string> = new Set(['==', '===', '!=', '!==', '<>', 'eq', 'ne', 'is']);
