/**
 * The constant text of an argument, when the compiler sees one: a string literal, adjacent literals
 * (`"%" PRIu64 " items"`), a literal wrapped in a text or translation macro (`_T("…")`, `TEXT("…")`, `_("…")`,
 * `gettext("…")`), or a choice between literals (`n == 1 ? "%d item" : "%d items"`). Format checks need this:
 * such a format is fixed at build time, not chosen by input.
 */
import type { Node } from '../tree-api';
import { stringNodeValue } from './tree-util';

/**
 * Stands for a macro pasted between literals (`PRIu64`, `STR(LEN)`): constant, but its text is unknown.
 * `"%" STR(LEN) "s"` becomes `%\u0001s`, a string conversion with a width from a macro.
 */
export const MACRO_PIECE = '\u0001';

/** Alternatives (`a ? "x" : "y"`, `ngettext("one", "many", n)`) are joined so that no conversion spans two. */
const ALTERNATIVES = '\n';

/**
 * Wrappers that return their literal argument (or its translation): Windows text macros and gettext. Translators
 * are trusted not to add conversions, as flawfinder also assumes.
 */
const LITERAL_WRAPPERS: ReadonlySet<string> = new Set([
  '_T',
  '__T',
  '_TEXT',
  'TEXT',
  '__TEXT',
  '_',
  'N_',
  'gettext',
  'dgettext',
  'dcgettext',
  'ngettext',
  'dngettext',
  'pgettext',
  'tr',
  'i18n',
]);

function unwrap(node: Node): Node {
  let current = node;
  while (
    (current.type === 'parenthesized_expression' || current.type === 'argument') &&
    current.namedChildCount === 1 &&
    current.namedChild(0)
  ) {
    current = current.namedChild(0)!;
  }
  return current;
}

function hasInterpolation(node: Node): boolean {
  return node.namedChildren.some((child) => child !== null && /interpolation|substitution|embedded/.test(child.type));
}

function wrappedLiteral(call: Node, depth: number): string | undefined {
  const callee = call.childForFieldName('function');
  if (!callee || !LITERAL_WRAPPERS.has(callee.text)) return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const pieces = args
    .filter((n): n is Node => n !== null && !n.type.includes('comment'))
    .map((arg) => constantText(arg, depth + 1))
    .filter((v): v is string => v !== undefined);
  return pieces.length > 0 ? pieces.join(ALTERNATIVES) : undefined;
}

/** The constant text of an expression from its syntax tree, or undefined when it is computed at run time. */
export function constantText(node: Node, depth = 0): string | undefined {
  if (depth > 8) return undefined;
  const inner = unwrap(node);
  switch (inner.type) {
    case 'concatenated_string': {
      let text = '';
      for (const child of inner.namedChildren) {
        if (!child || child.type === 'comment') continue;
        // A name between literals is a macro the preprocessor pastes in, such as PRIu64.
        if (child.type === 'identifier') {
          text += MACRO_PIECE;
          continue;
        }
        const value = constantText(child, depth + 1);
        if (value === undefined) return undefined;
        text += value;
      }
      return text;
    }
    case 'conditional_expression': {
      const consequence = inner.childForFieldName('consequence');
      const alternative = inner.childForFieldName('alternative');
      if (!consequence || !alternative) return undefined;
      const a = constantText(consequence, depth + 1);
      const b = constantText(alternative, depth + 1);
      return a === undefined || b === undefined ? undefined : a + ALTERNATIVES + b;
    }
    case 'call_expression':
      return wrappedLiteral(inner, depth);
    default:
      // An interpolated string (`f"{x}"`, `${x}`) is computed at run time.
      return hasInterpolation(inner) ? undefined : stringNodeValue(inner);
  }
}

const C_TOKEN = /\s+|\/\*[\s\S]*?\*\/|\/\/[^\n]*|(?:u8|[LuU])?"((?:[^"\\\n]|\\.)*)"|([A-Za-z_]\w*)|([()])|(.)/gy;

/**
 * The constant text of C or C++ source written as literals and macros only, read from the text itself. The
 * grammars stumble on literals pasted around macros (`"%" STR(LEN) "s"`), so the tree cannot be relied on there.
 */
export function constantCText(source: string): string | undefined {
  let text = '';
  let literals = 0;
  let depth = 0;
  let macroOpen = false;
  C_TOKEN.lastIndex = 0;
  for (let m = C_TOKEN.exec(source); m; m = C_TOKEN.exec(source)) {
    const spacing = m[1] === undefined && m[2] === undefined && m[3] === undefined && m[4] === undefined;
    if (spacing) continue;
    if (m[4] !== undefined) {
      if (depth === 0) return undefined;
      continue;
    }
    if (m[3] === '(') {
      if (depth === 0 && !macroOpen) return undefined;
      depth++;
      macroOpen = false;
      continue;
    }
    if (m[3] === ')') {
      if (--depth < 0) return undefined;
      continue;
    }
    if (depth > 0) continue;
    if (m[2] !== undefined) {
      text += MACRO_PIECE;
      macroOpen = true;
      continue;
    }
    macroOpen = false;
    if (m[1] !== undefined) {
      text += m[1];
      literals++;
    }
  }
  return literals > 0 && depth === 0 ? text : undefined;
}
