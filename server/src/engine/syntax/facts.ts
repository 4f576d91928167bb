/**
 * Facts are the language-neutral view of a file that matchers work on: its string literals (with the name each is
 * bound to), its comments and its calls. Tree-sitter files get them from the syntax tree, config files from a
 * key/value reading, so one matcher serves every language.
 */

/** How a string literal relates to the name beside it. */
export type ContextKind =
  | 'assign' // password = "…", PASSWORD := "…"
  | 'declare' // char password[] = "…", const password = "…"
  | 'define' // #define PASSWORD "…"
  | 'key' // { password: "…" }, password: … in YAML, put("password", "…")
  | 'argument' // setPassword("…"), login(user, "…")
  | 'parameter' // def f(password="…")
  | 'compare'; // pw == "…", strcmp(pw, "…"), pw.equals("…")

export interface NameContext {
  readonly kind: ContextKind;
  /** The last identifier of the name: `password` for `this.config.password`. */
  readonly name: string;
  /** The whole name as written (trimmed, at most 120 chars): `this.config.password`. */
  readonly fullName: string;
  /** For arguments and function comparisons: the function called (`setPassword`, `strcmp`, `os.getenv`). */
  readonly callee?: string;
  /** For literals passed to a call: the zero-based argument position (`NetworkCredential(user, "…")` → 1). */
  readonly index?: number;
  /** For literals passed to a call: how many arguments the call has. */
  readonly arity?: number;
}

export interface StringFact {
  /** Offsets of the value inside the quotes. */
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** True for template or interpolated strings with substitutions: their value is not a constant. */
  readonly interpolated: boolean;
  readonly context?: NameContext;
  /** True when the value came from a config file (an unquoted value counts as a string there). */
  readonly fromConfig?: boolean;
  /** True for a literal that is a statement by itself (a docstring, `"use strict"`): it is never stored, passed or compared. */
  readonly standalone?: boolean;
  /** A shape the value was read through (`shape:patch`, `shape:escaped`), an evidence feature of its findings. */
  readonly shape?: string;
}

export interface CommentFact {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ArgumentFact {
  readonly start: number;
  readonly end: number;
  /**
   * The constant text when the argument is fixed at build time: a string literal, adjacent literals (`"%" PRIu64`),
   * a literal in `_T("…")` / `_("…")`, or a choice between literals.
   */
  readonly stringValue?: string;
}

export interface CallFact {
  /** The called name as written, whitespace removed: `strcpy`, `std::strcpy`, `os.system`, `obj->strcpy`. */
  readonly callee: string;
  /** The last segment of the callee: `strcpy`. */
  readonly name: string;
  /** True when the callee is a bare name (or `::name` / `std::name` in C++), not a member of something else. */
  readonly bare: boolean;
  /** Offsets of the last segment, the token a finding points at. */
  readonly nameStart: number;
  readonly nameEnd: number;
  readonly args: readonly ArgumentFact[];
  /** True for a call written inside a C or C++ macro body (`#define COPY(d, s) strcpy(d, s)`). */
  readonly inMacro?: boolean;
  /** True for a call the parser misread (as a declaration or a macro type) in a region with syntax errors. */
  readonly recovered?: boolean;
}
