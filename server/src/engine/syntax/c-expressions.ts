/**
 * C expressions as the copy rules reason about them: a small parser for the text of an argument or a condition
 * (`sizeof buf - 1`, `p + len > end`, `(size_t)4U * sizeof (T)`), a canonical print for comparing two
 * expressions whatever their spacing, parentheses and casts, and linear forms (`Poly`) to decide whether one size
 * is at most another: `n + 2 - n` is the constant 2, so a copy of `n` bytes fits a block of `n + 2`.
 *
 * Texts come from arguments, conditions and macro bodies with their parameters replaced. Anything longer than
 * `MAX_EXPRESSION` or that does not parse is no evidence at all: every question then answers "not known".
 */

export type Expr =
  | { readonly k: 'num'; readonly v: number }
  | { readonly k: 'name'; readonly t: string }
  | { readonly k: 'str'; readonly t: string; readonly length?: number }
  | { readonly k: 'bin'; readonly op: string; readonly l: Expr; readonly r: Expr }
  | { readonly k: 'un'; readonly op: string; readonly e: Expr }
  | { readonly k: 'post'; readonly op: string; readonly e: Expr }
  | { readonly k: 'cast'; readonly type: string; readonly e: Expr }
  | { readonly k: 'sizeof'; readonly type?: string; readonly e?: Expr }
  | { readonly k: 'call'; readonly f: Expr; readonly args: readonly Expr[] }
  | { readonly k: 'index'; readonly e: Expr; readonly i: Expr }
  | { readonly k: 'member'; readonly e: Expr; readonly op: '.' | '->'; readonly f: string }
  | { readonly k: 'cond'; readonly c: Expr; readonly a: Expr; readonly b: Expr }
  | { readonly k: 'assign'; readonly op: string; readonly l: Expr; readonly r: Expr };

/** Longer texts are not read: a copy's length and a guard are short; a longer one is no evidence. */
export const MAX_EXPRESSION = 400;

const TOKEN =
  /\s*(?:(0[xX][0-9a-fA-F]+[uUlL]*|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?[uUlLfF]*)|([A-Za-z_$][\w$]*(?:::[A-Za-z_$][\w$]*)*)|("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(->|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|::|[-+*/%<>=!~&|^?:()[\],.]))/y;

const TYPE_WORDS = new Set([
  'struct', 'union', 'enum', 'const', 'volatile', 'unsigned', 'signed', 'char', 'short', 'int', 'long', 'float',
  'double', 'void', '_Bool', 'bool', 'restrict', '__restrict',
]);

interface Token {
  readonly t: string;
  readonly kind: 'num' | 'id' | 'str' | 'op';
}

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ t: m[1], kind: 'num' });
    else if (m[2] !== undefined) tokens.push({ t: m[2], kind: 'id' });
    else if (m[3] !== undefined) tokens.push({ t: m[3], kind: 'str' });
    else tokens.push({ t: m[4], kind: 'op' });
  }
  return tokens;
}

function numberValue(text: string): number | undefined {
  const digits = text.replace(/[uUlL]+$/, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(digits)) return parseInt(digits, 16);
  if (/^0[0-7]+$/.test(digits)) return parseInt(digits, 8);
  if (/^\d+$/.test(digits)) return parseInt(digits, 10);
  return undefined;
}

/** The length of a C string literal's value, counting each escape as one character (no terminating NUL). */
function literalLength(text: string): number | undefined {
  if (!text.startsWith('"')) return undefined;
  const body = text.slice(1, -1);
  if (/\\(?:x|u|U|[0-7])/.test(body)) return undefined;
  return body.replace(/\\./g, '.').length;
}

const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];

class Parser {
  private at = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  private take(t?: string): Token {
    const token = this.tokens[this.at];
    if (!token || (t !== undefined && token.t !== t)) throw new SyntaxError(`expected ${t ?? 'a token'}`);
    this.at++;
    return token;
  }

  done(): boolean {
    return this.at >= this.tokens.length;
  }

  expression(): Expr {
    return this.assignment();
  }

  private assignment(): Expr {
    const left = this.conditional();
    const op = this.peek();
    if (op && op.kind === 'op' && /^(?:[-+*/%&|^]|<<|>>)?=$/.test(op.t)) {
      this.at++;
      return { k: 'assign', op: op.t, l: left, r: this.assignment() };
    }
    return left;
  }

  private conditional(): Expr {
    const c = this.binary(0);
    if (this.peek()?.t !== '?') return c;
    this.at++;
    const a = this.assignment();
    this.take(':');
    return { k: 'cond', c, a, b: this.conditional() };
  }

  private binary(level: number): Expr {
    if (level >= BINARY_LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (;;) {
      const op = this.peek();
      if (!op || op.kind !== 'op' || !BINARY_LEVELS[level].includes(op.t)) return left;
      this.at++;
      left = { k: 'bin', op: op.t, l: left, r: this.binary(level + 1) };
    }
  }

  /** The tokens of `( type )` when the parenthesis at the cursor holds a type name, else undefined. */
  private typeInParentheses(castContext: boolean): string | undefined {
    if (this.peek()?.t !== '(') return undefined;
    const words: string[] = [];
    let i = this.at + 1;
    for (; i < this.tokens.length && this.tokens[i].t !== ')'; i++) {
      const token = this.tokens[i];
      if (token.kind !== 'id' && token.t !== '*') return undefined;
      words.push(token.t);
    }
    if (i >= this.tokens.length || words.length === 0 || words[0] === '*') return undefined;
    // A type name's stars come last (`char *`): `(a * b)` and `(sizeof *p)` are expressions.
    const firstStar = words.indexOf('*');
    if (words.includes('sizeof') || (firstStar >= 0 && words.slice(firstStar).some((w) => w !== '*'))) return undefined;
    const next = this.tokens[i + 1];
    const typeLike =
      TYPE_WORDS.has(words[0]) || words.includes('*') || words.some((w) => TYPE_WORDS.has(w)) || /_t$/.test(words[words.length - 1]) || words.length > 1;
    // `(n) * 2` is a parenthesised name; `(T) x` can only be a cast.
    const operandFollows = next !== undefined && (next.kind !== 'op' || next.t === '(');
    if (!typeLike && !(castContext && operandFollows && words.length === 1)) return undefined;
    if (castContext && !next) return undefined;
    this.at = i + 1;
    return typeText(words);
  }

  private unary(): Expr {
    const token = this.peek();
    if (!token) throw new SyntaxError('unexpected end');
    if (token.kind === 'op' && ['-', '+', '!', '~', '*', '&', '++', '--'].includes(token.t)) {
      this.at++;
      return { k: 'un', op: token.t, e: this.unary() };
    }
    if (token.t === 'sizeof') {
      this.at++;
      const type = this.typeInParentheses(false);
      if (type !== undefined) return { k: 'sizeof', type };
      return { k: 'sizeof', e: this.unary() };
    }
    if (token.t === '(') {
      const type = this.typeInParentheses(true);
      if (type !== undefined) return { k: 'cast', type, e: this.unary() };
    }
    return this.postfix();
  }

  private postfix(): Expr {
    let e = this.primary();
    for (;;) {
      const token = this.peek();
      if (!token) return e;
      if (token.t === '(') {
        this.at++;
        const args: Expr[] = [];
        if (this.peek()?.t !== ')') {
          for (;;) {
            args.push(this.assignment());
            if (this.peek()?.t === ',') {
              this.at++;
              continue;
            }
            break;
          }
        }
        this.take(')');
        e = { k: 'call', f: e, args };
      } else if (token.t === '[') {
        this.at++;
        const i = this.expression();
        this.take(']');
        e = { k: 'index', e, i };
      } else if (token.t === '.' || token.t === '->') {
        this.at++;
        const field = this.take();
        if (field.kind !== 'id') throw new SyntaxError('expected a field');
        e = { k: 'member', e, op: token.t, f: field.t };
      } else if (token.t === '++' || token.t === '--') {
        this.at++;
        e = { k: 'post', op: token.t, e };
      } else return e;
    }
  }

  private primary(): Expr {
    const token = this.take();
    if (token.kind === 'num') {
      const v = numberValue(token.t);
      return v === undefined ? { k: 'name', t: token.t } : { k: 'num', v };
    }
    if (token.kind === 'id') return { k: 'name', t: token.t };
    if (token.kind === 'str') {
      if (token.t.startsWith("'")) {
        const body = token.t.slice(1, -1);
        if (body.length === 1) return { k: 'num', v: body.charCodeAt(0) };
        const escapes: Record<string, number> = { '\\0': 0, '\\n': 10, '\\r': 13, '\\t': 9, "\\'": 39, '\\\\': 92 };
        return escapes[body] !== undefined ? { k: 'num', v: escapes[body] } : { k: 'str', t: token.t };
      }
      // Adjacent literals are one string.
      let t = token.t;
      let length = literalLength(t);
      while (this.peek()?.kind === 'str' && this.peek()!.t.startsWith('"')) {
        const more = this.take().t;
        const extra = literalLength(more);
        length = length === undefined || extra === undefined ? undefined : length + extra;
        t = `${t.slice(0, -1)}${more.slice(1)}`;
      }
      return { k: 'str', t, length };
    }
    if (token.t === '(') {
      const e = this.expression();
      this.take(')');
      return e;
    }
    throw new SyntaxError(`unexpected ${token.t}`);
  }
}

/** A type name with one space between words and none around `*`: `struct hdr`, `unsigned char*`. */
export function typeText(words: readonly string[]): string {
  return words
    .filter((w) => w !== 'const' && w !== 'volatile' && w !== 'restrict' && w !== '__restrict')
    .join(' ')
    .replace(/\s*\*\s*/g, '*');
}

const parsed = new Map<string, Expr | null>();

/** Parses a C expression, or undefined when it is too long or not an expression this reader knows. */
export function parseExpression(text: string): Expr | undefined {
  if (text.length > MAX_EXPRESSION) return undefined;
  const known = parsed.get(text);
  if (known !== undefined) return known ?? undefined;
  let result: Expr | undefined;
  const tokens = tokenize(text);
  if (tokens && tokens.length > 0) {
    try {
      const parser = new Parser(tokens);
      const e = parser.expression();
      if (parser.done()) result = e;
    } catch {
      result = undefined;
    }
  }
  // A small cache: the same lengths and conditions recur in a file; bounded so it never grows with the input.
  if (parsed.size > 4096) parsed.clear();
  parsed.set(text, result ?? null);
  return result;
}

/** Without the casts around it: `(char *)p` is `p` as far as a value goes. */
export function withoutCasts(e: Expr): Expr {
  let current = e;
  while (current.k === 'cast') current = current.e;
  return current;
}

/**
 * The canonical text of an expression: no spaces, no casts, every binary operation in parentheses. Two
 * expressions with the same print compute the same value (`sizeof buf` and `sizeof(buf)`, `(size_t)n` and `n`).
 */
export function print(e: Expr): string {
  switch (e.k) {
    case 'num':
      return String(e.v);
    case 'name':
    case 'str':
      return e.t;
    case 'bin':
      return `(${print(e.l)}${e.op}${print(e.r)})`;
    case 'un':
      return `${e.op}${print(e.e)}`;
    case 'post':
      return `${print(e.e)}${e.op}`;
    case 'cast':
      return print(e.e);
    case 'sizeof':
      return `sizeof(${e.type ?? print(e.e!)})`;
    case 'call':
      return `${print(e.f)}(${e.args.map(print).join(',')})`;
    case 'index':
      return `${print(e.e)}[${print(e.i)}]`;
    case 'member':
      return `${print(e.e)}${e.op}${e.f}`;
    case 'cond':
      return `(${print(e.c)}?${print(e.a)}:${print(e.b)})`;
    case 'assign':
      return `(${print(e.l)}${e.op}${print(e.r)})`;
  }
}

/** The canonical print of a text, or undefined when it does not parse. */
export function canonical(text: string): string | undefined {
  const e = parseExpression(text);
  return e ? print(e) : undefined;
}

/**
 * A sum of terms, each a coefficient times a product of atoms (`3·n·sizeof(T)`): the key is the atoms' prints
 * sorted and joined with `·`, the empty key is the constant. Atoms stand for sizes and lengths, so they are taken
 * to be non-negative: a form whose coefficients are all at least 0 is at least 0.
 */
export type Poly = ReadonlyMap<string, number>;

const MAX_TERMS = 24;

export function constant(v: number): Poly {
  return new Map(v === 0 ? [] : [['', v]]);
}

export function atom(text: string): Poly {
  return new Map([[text, 1]]);
}

export function add(a: Poly, b: Poly, factor = 1): Poly {
  const out = new Map(a);
  for (const [key, c] of b) {
    const v = (out.get(key) ?? 0) + factor * c;
    if (v === 0) out.delete(key);
    else out.set(key, v);
  }
  return out;
}

export function subtract(a: Poly, b: Poly): Poly {
  return add(a, b, -1);
}

/** The product of two forms, or undefined when it would have too many terms to be worth reading. */
export function multiply(a: Poly, b: Poly): Poly | undefined {
  if (a.size * b.size > MAX_TERMS) return undefined;
  let out: Poly = new Map();
  for (const [ka, ca] of a) {
    for (const [kb, cb] of b) {
      const key = [...ka.split('·'), ...kb.split('·')].filter((x) => x !== '').sort().join('·');
      out = add(out, new Map([[key, ca * cb]]));
    }
  }
  return out;
}

/** True when every coefficient is at least 0: the form is at least 0 whatever its (non-negative) atoms are. */
export function nonNegative(p: Poly): boolean {
  for (const c of p.values()) if (c < 0) return false;
  return true;
}

/** The constant's value when the form has no atom, else undefined. */
export function constantValue(p: Poly): number | undefined {
  if (p.size === 0) return 0;
  if (p.size === 1 && p.has('')) return p.get('');
  return undefined;
}

/** The atoms a form mentions. */
export function atomsOf(p: Poly): Set<string> {
  const atoms = new Set<string>();
  for (const key of p.keys()) for (const a of key.split('·')) if (a !== '') atoms.add(a);
  return atoms;
}

/**
 * What an atom is worth, when the context knows: a `#define`d constant, `sizeof` of a declared array or of a type
 * of known size. Undefined leaves the atom as it is.
 */
export type AtomValue = (e: Expr) => Poly | undefined;

/** The linear form of an expression: sums, differences and products; anything else is an atom. */
export function toPoly(e: Expr, value: AtomValue = () => undefined, depth = 0): Poly {
  if (depth > 24) return atom(print(e));
  switch (e.k) {
    case 'num':
      return constant(e.v);
    case 'cast':
      return toPoly(e.e, value, depth + 1);
    case 'un':
      if (e.op === '+') return toPoly(e.e, value, depth + 1);
      if (e.op === '-') return subtract(new Map(), toPoly(e.e, value, depth + 1));
      break;
    case 'bin': {
      if (e.op === '+' || e.op === '-') {
        const l = toPoly(e.l, value, depth + 1);
        const r = toPoly(e.r, value, depth + 1);
        return e.op === '+' ? add(l, r) : subtract(l, r);
      }
      if (e.op === '*') {
        const product = multiply(toPoly(e.l, value, depth + 1), toPoly(e.r, value, depth + 1));
        if (product) return product;
      }
      if (e.op === '/' || e.op === '<<') {
        const l = constantValue(toPoly(e.l, value, depth + 1));
        const r = constantValue(toPoly(e.r, value, depth + 1));
        if (l !== undefined && r !== undefined && r >= 0 && r < 31 && (e.op === '<<' || r > 0)) {
          return constant(e.op === '/' ? Math.floor(l / r) : l * 2 ** r);
        }
      }
      break;
    }
    default:
      break;
  }
  return value(e) ?? atom(print(e));
}

/** `likely(x)`, `unlikely(x)` and `__builtin_expect(x, v)` are `x` to a reader. */
function unwrapHints(e: Expr): Expr {
  let current = e;
  while (current.k === 'call' && current.f.k === 'name' && /^(?:likely|unlikely|__builtin_expect|LIKELY|UNLIKELY|_?[Uu]nlikely|_?[Ll]ikely)$/.test(current.f.t) && current.args.length >= 1) {
    current = current.args[0];
  }
  return withoutCasts(current);
}

/** A relation `left OP right` known to hold, as the form `right - left (- 1)` that is at least 0. */
function relation(op: string, l: Expr, r: Expr, value: AtomValue): Poly[] {
  const L = toPoly(l, value);
  const R = toPoly(r, value);
  switch (op) {
    case '<':
      return [add(subtract(R, L), constant(-1))];
    case '<=':
      return [subtract(R, L)];
    case '>':
      return [add(subtract(L, R), constant(-1))];
    case '>=':
      return [subtract(L, R)];
    case '==':
      return [subtract(R, L), subtract(L, R)];
    default:
      return [];
  }
}

const NEGATED: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<', '==': '!=', '!=': '==' };

/**
 * What a condition says when it holds (`holds`) or when it does not: each relation it implies, as a form that is at
 * least 0. `a && b` holding says both; `a || b` failing says neither holds; anything else says nothing.
 */
export function conditionFacts(e: Expr, holds: boolean, value: AtomValue = () => undefined, depth = 0): Poly[] {
  if (depth > 16) return [];
  const c = unwrapHints(e);
  if (c.k === 'un' && c.op === '!') return conditionFacts(c.e, !holds, value, depth + 1);
  if (c.k === 'bin') {
    if (c.op === '&&') return holds ? [...conditionFacts(c.l, true, value, depth + 1), ...conditionFacts(c.r, true, value, depth + 1)] : [];
    if (c.op === '||') return holds ? [] : [...conditionFacts(c.l, false, value, depth + 1), ...conditionFacts(c.r, false, value, depth + 1)];
    if (NEGATED[c.op]) return relation(holds ? c.op : NEGATED[c.op], c.l, c.r, value);
  }
  return [];
}

const MIN_NAMES = /^(?:[A-Za-z0-9]+_)*(?:MIN|min|Min)\d?(?:_t)?$|^(?:std::)?min$/;

/**
 * The operands of a minimum: `MIN(a, b)`, `min_t(size_t, a, b)`, `a < b ? a : b`, `n > max ? max : n`. The value
 * is at most each of them. Undefined when the expression is not a minimum.
 */
export function minOperands(e: Expr): readonly Expr[] | undefined {
  const m = withoutCasts(e);
  if (m.k === 'call' && m.f.k === 'name' && MIN_NAMES.test(m.f.t)) {
    const args = /_t$/.test(m.f.t) ? m.args.slice(1) : m.args;
    return args.length >= 2 ? args : undefined;
  }
  if (m.k === 'cond') {
    const c = unwrapHints(m.c);
    if (c.k !== 'bin' || !['<', '<=', '>', '>='].includes(c.op)) return undefined;
    const [l, r, a, b] = [print(c.l), print(c.r), print(m.a), print(m.b)];
    const smallerFirst = c.op === '<' || c.op === '<=';
    if (smallerFirst && a === l && b === r) return [m.a, m.b];
    if (!smallerFirst && a === r && b === l) return [m.a, m.b];
  }
  return undefined;
}

/**
 * The places an expression reads that an assignment could change: names, fields, elements and what pointers
 * point to (`h->len`, `*size`, `buf`), as prints. A fact about the expression stops holding once one is assigned.
 */
export function lvaluesOf(e: Expr, into: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > 24) return into;
  switch (e.k) {
    case 'name':
      into.add(e.t);
      break;
    case 'member':
      into.add(print(e));
      lvaluesOf(e.e, into, depth + 1);
      break;
    case 'index':
      into.add(print(e));
      lvaluesOf(e.e, into, depth + 1);
      lvaluesOf(e.i, into, depth + 1);
      break;
    case 'un':
      if (e.op === '*') into.add(print(e));
      lvaluesOf(e.e, into, depth + 1);
      break;
    case 'post':
    case 'cast':
      lvaluesOf(e.e, into, depth + 1);
      break;
    case 'bin':
    case 'assign':
      lvaluesOf(e.l, into, depth + 1);
      lvaluesOf(e.r, into, depth + 1);
      break;
    case 'cond':
      lvaluesOf(e.c, into, depth + 1);
      lvaluesOf(e.a, into, depth + 1);
      lvaluesOf(e.b, into, depth + 1);
      break;
    case 'call':
      for (const arg of e.args) lvaluesOf(arg, into, depth + 1);
      break;
    case 'sizeof':
      // `sizeof x` is fixed at build time: assigning x does not change it.
      break;
    default:
      break;
  }
  return into;
}
