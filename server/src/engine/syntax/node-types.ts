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
  /**
   * Booleans the grammar does not give a node type of their own (Kotlin's `true` is an identifier, PowerShell's
   * `$true` a variable): a query pattern capturing them as `@v`.
   */
  readonly booleans?: string;
}

const C_LIKE: GrammarNodeTypes = {
  strings: ['string_literal', 'raw_string_literal'],
  calls: [{ type: 'call_expression', callee: 'function' }],
};

const HCL: GrammarNodeTypes = {
  // `"…"` without interpolation is a `string_lit`; with one, a `quoted_template` (inside a `template_expr`).
  strings: ['string_lit', 'quoted_template'],
  calls: [{ type: 'function_call' }],
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
  kotlin: {
    strings: ['string_literal', 'multiline_string_literal'],
    calls: [{ type: 'call_expression' }],
    booleans: '((identifier) @v (#any-of? @v "true" "false"))',
  },
  swift: {
    strings: ['line_string_literal', 'multi_line_string_literal', 'raw_string_literal'],
    calls: [{ type: 'call_expression' }],
  },
  rust: {
    strings: ['string_literal', 'raw_string_literal'],
    calls: [
      { type: 'call_expression', callee: 'function' },
      { type: 'macro_invocation', callee: 'macro' },
    ],
  },
  hcl: HCL,
  terraform: HCL,
  powershell: {
    // The quoted forms inside `string_literal`: only they tell a constant ('…') from an expandable string ("$x").
    strings: ['expandable_string_literal', 'verbatim_string_characters', 'expandable_here_string_literal', 'verbatim_here_string_characters'],
    calls: [{ type: 'command', callee: 'command_name' }, { type: 'invokation_expression' }],
    booleans: '((variable) @v (#match? @v "^\\$(?i:true|false)$"))',
  },
  scala: {
    strings: ['string', 'interpolated_string'],
    calls: [{ type: 'call_expression', callee: 'function' }],
  },
  objc: {
    strings: ['string_literal'],
    calls: [{ type: 'call_expression', callee: 'function' }, { type: 'message_expression', callee: 'method' }],
    booleans: '((identifier) @v (#any-of? @v "YES" "NO" "true" "false"))',
  },
  lua: {
    strings: ['string'],
    calls: [{ type: 'function_call', callee: 'name' }],
  },
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
  'type_conversion_expression',
  'array',
  'list',
  'tuple',
  'array_creation_expression',
  'implicit_array_creation_expression',
  'collection_expression',
  'array_initializer',
  'composite_literal',
  'jsx_expression',
  'await_expression',
  // Kotlin, Swift, Rust, HCL, PowerShell, Scala, Lua.
  'value_argument',
  'array_expression',
  'tuple_expression',
  'array_literal',
  'collection_literal',
  'expression',
  'collection_value',
  'tuple',
  'template_expr',
  'string_literal',
  'interpolated_string_expression',
  'script_parameter_default',
  'try_expression',
  'reference_expression',
]);

/**
 * Expression nodes that wrap a single operand in some grammars (PowerShell nests a string ten levels deep:
 * `unary_expression` in `array_literal_expression` in `range_expression` …, up to `pipeline`): with one named
 * child they are passed through without counting as a step of the climb.
 */
export const SINGLE_OPERAND_WRAPPERS: ReadonlySet<string> = new Set([
  'unary_expression',
  'array_literal_expression',
  'range_expression',
  'format_expression',
  'multiplicative_expression',
  'additive_expression',
  'comparison_expression',
  'bitwise_expression',
  'logical_expression',
  'pipeline_chain',
  'pipeline',
  'range_argument_expression',
  'format_argument_expression',
  'multiplicative_argument_expression',
  'additive_argument_expression',
  'comparison_argument_expression',
  'bitwise_argument_expression',
  'logical_argument_expression',
  'argument_expression',
  'sub_expression',
]);

/**
 * Bindings whose name has no field of its own: the node type and the types of the child that names it (the first
 * such child before the value). Kotlin's `val password = "…"` (`property_declaration` → `variable_declaration`),
 * Kotlin's and PowerShell's parameters, PowerShell's `$password = "…"`, HCL's `password = "…"`, Lua's `local pw = "…"`.
 */
export const NAME_CHILDREN: Readonly<Record<string, { readonly kind: 'assign' | 'declare' | 'parameter' | 'key'; readonly children: readonly string[] }>> = {
  property_declaration: { kind: 'declare', children: ['variable_declaration', 'multi_variable_declaration'] },
  parameter: { kind: 'parameter', children: ['identifier'] },
  class_parameter: { kind: 'parameter', children: ['identifier'] },
  assignment_expression: { kind: 'assign', children: ['left_assignment_expression'] },
  script_parameter: { kind: 'parameter', children: ['variable'] },
  hash_entry: { kind: 'key', children: ['key_expression'] },
  attribute: { kind: 'key', children: ['identifier'] },
  assignment_statement: { kind: 'assign', children: ['variable_list'] },
  dictionary_pair: { kind: 'key', children: ['string_literal', 'identifier', 'number_literal'] },
};

/** Argument lists of every grammar (the node whose children are a call's arguments). */
export const ARGUMENT_LISTS: ReadonlySet<string> = new Set(['arguments', 'argument_list', 'value_arguments', 'function_arguments', 'argument_expression_list']);

/** Bindings whose `left` field is the name: assignments, Go's `:=`, default values in destructuring patterns. */
export const ASSIGNMENT_ALIKE = /assignment|_pattern$|^short_var_declaration$/;

/** Key/value nodes whose first named child is the key (when the grammar gives it no `key` field). */
export const NAMED_ELEMENTS: ReadonlySet<string> = new Set([
  'keyed_element',
  'field_initializer',
  'array_element_initializer',
  'pair',
  'hash_pair',
  'jsx_attribute',
  'const_element',
]);

/** Call nodes of every grammar (the string climbing needs to know a call when it meets one). */
export const CALL_TYPES: ReadonlySet<string> = new Set([
  ...Object.values(NODE_TYPES).flatMap((types) => types.calls.map((call) => call.type)),
  'new_expression',
  'nullsafe_member_call_expression',
]);

/** Member access nodes whose first named child is the object: `"x".equals`, `"x".encode`. */
export const MEMBER_ACCESS: ReadonlySet<string> = new Set([
  'member_expression',
  'attribute',
  'field_access',
  'member_access_expression',
  'field_expression',
  'selector_expression',
  'navigation_expression',
  'dot_index_expression',
  'method_index_expression',
  'member_access',
]);

/** Functions that only convert their argument: the value still flows to whatever the call is bound to. */
export const CONVERSION_FUNCTIONS: ReadonlySet<string> = new Set([
  'from', // Buffer.from
  'String',
  'string',
  'str',
  'bytes',
  'bytearray',
  '[]byte',
  '[]rune',
  'std::string',
  'std::wstring',
  'wstring',
  'QString',
  'QStringLiteral',
  'CString',
  'CStringA',
  'CStringW',
  '_T',
  '_TEXT',
  'TEXT',
  '__T',
  'L',
  'GetBytes',
  'getBytes',
  'SecretStr',
  'SecretString',
  'SecureString',
  'b64decode',
  'atob',
  'unhexlify',
  'strdup',
  '_strdup',
  'wcsdup',
  'ConvertTo-SecureString',
]);

/** Methods called on a literal that only convert it: `"x".toCharArray()`, `"x".encode()`, `"x".freeze`. */
export const CONVERSION_METHODS: ReadonlySet<string> = new Set([
  'toCharArray',
  'ToCharArray',
  'getBytes',
  'encode',
  'decode',
  'to_s',
  'to_str',
  'freeze',
  'dup',
  'b',
  'strip',
  'trim',
  'Trim',
  'toString',
  'ToString',
  'as_bytes',
  'to_string',
  'to_owned',
  'into',
  'c_str',
  'data',
]);

/** Functions that copy their later arguments into the first: `strcpy(password, "…")` binds the literal to `password`. */
export const COPY_FUNCTIONS: ReadonlySet<string> = new Set([
  'strcpy',
  'strncpy',
  'strlcpy',
  'strcpy_s',
  'strncpy_s',
  'wcscpy',
  'wcsncpy',
  'wcscpy_s',
  '_tcscpy',
  '_tcsncpy',
  '_tcscpy_s',
  '_mbscpy',
  'lstrcpy',
  'lstrcpyA',
  'lstrcpyW',
  'lstrcpyn',
  'StrCpy',
  'StringCchCopy',
  'StringCbCopy',
  'StringCchCopyA',
  'StringCchCopyW',
  'g_strlcpy',
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
  'g_strcmp0',
  'g_str_equal',
  'memcmp',
  'CRYPTO_memcmp',
  'equals',
  'equalsIgnoreCase',
  'contentEquals',
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
  'isEqualToString',
  'isEqual',
  'eq',
  'eq_ignore_ascii_case',
  'constant_time_eq',
  'ct_eq',
]);

export const EQUALITY_OPERATORS: ReadonlySet<string> = new Set(['==', '===', '!=', '!==', '<>', '~=', 'eq', 'ne', 'is', '-eq', '-ne', '-ceq', '-cne', '-ieq', '-ine']);

/** Operators whose operands flow on to the enclosing binding: `password = env.PW || "fallback"`. */
export const LOGICAL_OPERATORS: ReadonlySet<string> = new Set(['||', '&&', '??', 'or', 'and', '?:']);
