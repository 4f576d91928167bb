/**
 * Whether a copy's bound is evident near it: the question a reviewer asks of every `memcpy(dst, src, n)`.
 *
 * The length and the room the destination offers are read as linear forms (`c-expressions.ts`) and compared:
 * the copy fits when `room - (offset + length)` has no negative term, either outright or after subtracting a fact
 * that the code around the call establishes. The room is, in turn, what the destination is declared as
 * (`char buf[32]`, a field of a struct defined in the file, the type of `&h`), what it was just allocated with
 * (`p = malloc(n + 1)`), `sizeof` the destination, or a size named after it (`buflen`, `chk->size`,
 * `b_room(buf)`). Facts come from the statements a few lines above: a guard that leaves (`if (n > sizeof buf)
 * return;`), the condition of an enclosing `if`, a clamp (`if (n > max) n = max;`, `n = MIN(n, max)`) and plain
 * definitions (`room = end - p`). A fact counts only while nothing it reads is written between it and the copy
 * (in a loop, anywhere in the loop).
 *
 * Conservative by construction: an expression that does not parse, a name whose type is unknown, a fact too far
 * above, or a variable written in between leaves the copy without a verdict, and it is reported as before.
 *
 * Cost: the file's declarations are read once per tree, each function's facts once, on first use; a verdict
 * looks at a bounded number of statements above its call (binary search, then at most `MAX_CANDIDATES`).
 */
import type { Node, Tree } from '../tree-api';
import { TextIndex } from '../text-index';
import { inherited, walkerFor } from '../syntax/ancestry';
import {
  AtomValue, Expr, Poly, add, atom, atomsOf, conditionFacts, constant, constantValue, lvaluesOf, minOperands, multiply,
  nonNegative, parseExpression, print, subtract, toPoly, withoutCasts,
} from '../syntax/c-expressions';
import { CType, DeclarationSource, FileDeclarations, TypeCtor, chained, fileDeclarations, layered } from '../syntax/c-declarations';
import { Clamp, Definition, FunctionFacts, Span, Write, functionFacts } from '../syntax/c-function-facts';
import { definitionAt, staticFunction } from '../syntax/c-static-functions';
import { CallFact } from '../syntax/facts';

export type BoundReason = 'sizeof-destination' | 'sizeof-type' | 'constant-fits' | 'allocated' | 'checked' | 'clamped' | 'named-size' | 'room' | 'string' | 'callers';

export interface BoundVerdict {
  readonly reason: BoundReason;
  /** One-based line of the statement the verdict rests on (an allocation, a check), when there is one. */
  readonly line?: number;
  /** For `callers`: the function whose calls all pass a destination with room for the length, and how many. */
  readonly callee?: string;
  readonly callCount?: number;
}

export interface CopyContext {
  readonly tree: Tree;
  readonly text: string;
  readonly index: TextIndex;
  /** What the file's headers declare, when the scan read them: asked after the file's own declarations. */
  readonly headers?: DeclarationSource;
  /**
   * Every call in the file, given when the file's static functions are called only where it shows (a C source
   * file, not a header): a copy through a static function's parameters is then judged at each of its calls.
   */
  readonly calls?: readonly CallFact[];
}

/** How far above a call a guard, clamp or definition may be and still count as "nearby". */
export const FACT_WINDOW_LINES = 15;
/** How far above a call the destination's allocation may be. */
export const ALLOCATION_WINDOW_LINES = 25;
/** At most this many statements of each kind are looked at above one call. */
const MAX_CANDIDATES = 24;
/** More writes than this between a fact and its copy: the fact is not relied on. */
const MAX_WRITES = 256;

/** Sizes of the types whose size does not depend on the platform (for the sizes C programs copy). */
const KNOWN_SIZES: Readonly<Record<string, number>> = {
  char: 1, 'signed char': 1, 'unsigned char': 1, u_char: 1, uchar: 1, uint8_t: 1, int8_t: 1, u_int8_t: 1, u8: 1, s8: 1,
  guint8: 1, gchar: 1, guchar: 1, char_u: 1, bool: 1, _Bool: 1, BYTE: 1, byte: 1,
  uint16_t: 2, int16_t: 2, u_int16_t: 2, u16: 2, s16: 2, short: 2, 'unsigned short': 2, u_short: 2, __be16: 2, __le16: 2,
  uint32_t: 4, int32_t: 4, u_int32_t: 4, u32: 4, s32: 4, float: 4, __be32: 4, __le32: 4, in_addr_t: 4,
  uint64_t: 8, int64_t: 8, u_int64_t: 8, u64: 8, s64: 8, double: 8, __be64: 8, __le64: 8,
  in_port_t: 2, sa_family_t: 2,
  // The socket address types have the same size on every POSIX system; sockaddr_storage holds any of them.
  'struct in_addr': 4, 'struct in6_addr': 16, 'struct sockaddr': 16, 'struct sockaddr_in': 16, 'struct sockaddr_in6': 28,
  'struct sockaddr_storage': 128, 'struct ether_addr': 6,
};

const t = (base: string, n?: string): CType => ({ base, ctors: n ? [{ n }] : [] });

/**
 * The fields of the socket address records, which every POSIX system lays out alike (those that differ between
 * systems, like `sun_path`, are left out): what `memcpy(&sin->sin_addr, p, 4)` writes into is known without the
 * system's headers. A definition in the file wins.
 */
const STANDARD_RECORDS: FileDeclarations = {
  globals: new Map(),
  records: new Map<string, Map<string, CType>>([
    ['struct in_addr', new Map([['s_addr', t('in_addr_t')]])],
    ['struct in6_addr', new Map([['s6_addr', t('uint8_t', '16')]])],
    ['struct sockaddr_in', new Map([['sin_family', t('sa_family_t')], ['sin_port', t('in_port_t')], ['sin_addr', t('struct in_addr')]])],
    ['struct sockaddr_in6', new Map([['sin6_family', t('sa_family_t')], ['sin6_port', t('in_port_t')], ['sin6_flowinfo', t('uint32_t')], ['sin6_addr', t('struct in6_addr')], ['sin6_scope_id', t('uint32_t')]])],
  ]),
  lastFields: new Map(),
  typedefs: new Map(),
  constants: new Map(),
  macros: new Map(),
};

const BYTE_POINTER = /^(?:(?:unsigned |signed )?char|u_char|uchar|uint8_t|u_int8_t|int8_t|u8|guint8|BYTE|void|char_u)\*$/;

/** Name parts that say a variable or field holds a size: the destination's capacity, or the room left in it. */
const SIZE_WORD = /(?:^|_)(?:size|sz|len|length|max|maxlen|cap|capacity|alloc|allocated|bufsize|buflen)$/i;
const ROOM_WORD = /(?:^|_)(?:room|space|avail|available|remain|remaining|left|free)(?:_\w+)?$|room|space|avail|remain/i;
/** A field of the destination's own record that holds its capacity (`len` and `used` there are what is filled). */
const SIBLING_SIZE = /^(?:size|sz|cap|capacity|alloc|allocated|max|bufsize|buf_size|maxlen|max_len|alloc_size|alloced)$/i;

interface Fact {
  readonly poly: Poly;
  /** Where it starts to hold. */
  readonly at: number;
  readonly lvalues: ReadonlySet<string>;
  /**
   * `checked`, `clamped` and `defined` bound a length; `sign` only says a signed variable is not negative (it was set
   * from a length: `int n = strlen(s)`), for `signedSafe`.
   */
  readonly kind: 'checked' | 'clamped' | 'defined' | 'sign';
  readonly line: number;
  /**
   * The names subtracted from something else in the comparison the fact comes from (`ntresplen` in
   * `size < BUFSIZE - ntresplen`): in unsigned arithmetic such a difference wraps when the name is the larger, and the
   * check then passes whatever the length (CVE-2019-3822's shape). A fact does not bound a length it subtracts.
   */
  readonly subtracted?: ReadonlySet<string>;
  /**
   * The comparison it comes from is made in unsigned arithmetic (one side is a `sizeof`, not cast to a signed
   * type): a negative signed length becomes huge there and fails the check.
   */
  readonly unsigned: boolean;
}

interface Capacity {
  readonly poly: Poly;
  readonly source: 'sizeof' | 'declared' | 'type' | 'allocated' | 'named' | 'string';
  readonly line?: number;
  /** The allocation's size as written, for the differences it holds. */
  readonly size?: Expr;
}

function stripCtor(type: CType | undefined): CType | undefined {
  if (!type || type.ctors.length === 0) return undefined;
  return { base: type.base, ctors: type.ctors.slice(1) };
}

function isArray(ctor: TypeCtor | undefined): ctor is { readonly n: string } {
  return ctor !== undefined && ctor !== '*';
}

/** Parses `struct hdr *` or `size_t` into a type. */
function typeFromText(text: string): CType {
  const stars = (text.match(/\*/g) ?? []).length;
  return { base: text.replace(/\*/g, '').trim(), ctors: Array.from({ length: stars }, () => '*' as const) };
}

/** The reasoning context of one call: its function's facts (if it is in one) and the file's declarations. */
class Scope {
  private readonly values = new Map<string, Poly | null>();

  constructor(
    readonly decl: DeclarationSource,
    readonly fn: FunctionFacts | undefined,
    readonly at: number,
  ) {}

  /** Follows typedefs to the type they name (a few levels at most). */
  resolve(type: CType): CType {
    let current = type;
    for (let depth = 0; depth < 8; depth++) {
      const alias = this.decl.typedef(current.base);
      if (!alias || this.decl.record(current.base)) return current;
      current = { base: alias.base, ctors: [...current.ctors, ...alias.ctors] };
    }
    return current;
  }

  declared(name: string): CType | undefined {
    const candidates = this.fn?.declarations.get(name);
    let best: { type: CType; start: number } | undefined;
    for (const d of candidates ?? []) {
      if (d.at <= this.at && d.scopeStart <= this.at && this.at < d.scopeEnd && (!best || d.scopeStart >= best.start)) best = { type: d.type, start: d.scopeStart };
    }
    if (best) return this.resolve(best.type);
    const global = this.decl.global(name);
    return global ? this.resolve(global.type) : undefined;
  }

  /** The type of an lvalue expression, when the declarations in sight say. */
  typeOf(e: Expr, depth = 0): CType | undefined {
    if (depth > 12) return undefined;
    switch (e.k) {
      case 'name':
        return this.declared(e.t);
      case 'member': {
        let holder = this.typeOf(e.e, depth + 1);
        if (!holder) return undefined;
        if (e.op === '->') holder = stripCtor(holder);
        if (!holder || holder.ctors.length > 0) return undefined;
        const field = this.decl.record(holder.base)?.get(e.f);
        return field ? this.resolve(field) : undefined;
      }
      case 'index':
        return stripCtor(this.typeOf(e.e, depth + 1));
      case 'un':
        if (e.op === '*') return stripCtor(this.typeOf(e.e, depth + 1));
        if (e.op === '&') {
          const inner = this.typeOf(e.e, depth + 1);
          return inner ? { base: inner.base, ctors: ['*', ...inner.ctors] } : undefined;
        }
        return undefined;
      case 'cast':
        return this.resolve(typeFromText(e.type));
      default:
        return undefined;
    }
  }

  /** The size of a type in bytes as a form (`sizeof(struct hdr)` stays an atom), or undefined for `void` or `[]`. */
  sizeOfType(type: CType, depth = 0): Poly | undefined {
    if (depth > 8) return undefined;
    const [first, ...rest] = type.ctors;
    if (first === undefined) {
      if (type.base === 'void') return undefined;
      const known = KNOWN_SIZES[type.base];
      return known !== undefined ? constant(known) : atom(`sizeof(${type.base})`);
    }
    if (first === '*') return atom('sizeof(void*)');
    const count = parseExpression(first.n);
    if (!count) return undefined;
    const element = this.sizeOfType({ base: type.base, ctors: rest }, depth + 1);
    return element ? multiply(toPoly(count, this.value), element) : undefined;
  }

  /** What an atom is worth: a constant's value, `sizeof` of a declared name, of a type, of a literal. */
  readonly value: AtomValue = (e) => {
    const key = print(e);
    if (this.values.has(key)) return this.values.get(key) ?? undefined;
    this.values.set(key, null); // a macro defined in terms of itself stops here
    const found = this.computeValue(e);
    this.values.set(key, found ?? null);
    return found;
  };

  private computeValue(e: Expr): Poly | undefined {
    if (e.k === 'name') {
      if (this.declared(e.t)) return undefined;
      const text = this.decl.constant(e.t);
      const parsed = text !== undefined ? parseExpression(text) : undefined;
      return parsed ? toPoly(parsed, this.value) : undefined;
    }
    if (e.k !== 'sizeof') return undefined;
    if (e.type !== undefined) return this.sizeOfType(this.resolve(typeFromText(e.type)));
    const inner = withoutCasts(e.e!);
    if (inner.k === 'str' && inner.length !== undefined) return constant(inner.length + 1);
    const type = this.typeOf(inner);
    if (type) return this.sizeOfType(type);
    // `sizeof (name_t)` parses as an expression: a typedef or a record's name is a type.
    if (inner.k === 'name' && (this.decl.typedef(inner.t) || this.decl.record(inner.t))) return this.sizeOfType(this.resolve({ base: inner.t, ctors: [] }));
    return undefined;
  }

  poly(e: Expr): Poly {
    return toPoly(e, this.value);
  }
}

interface Destination {
  /** The object written to: `buf` in `buf + n`, `h` in `&h`, `tag` in `&tag[2]`. */
  readonly base: Expr;
  /** `&x`: the object itself is written, not what it points to. */
  readonly addressOf: boolean;
  /** Bytes from the start of the base to where the copy starts. */
  readonly offset: Poly;
}

/**
 * The size in bytes of what a pointer expression points to, for pointer arithmetic: from a cast (`(char *)p`) or
 * the pointer's declared type. A pointer whose type is not in sight is taken for a byte pointer, as the buffers
 * copied into at an offset almost always are.
 */
function elementSize(scope: Scope, pointer: Expr): Poly {
  if (pointer.k === 'cast') {
    if (BYTE_POINTER.test(pointer.type)) return constant(1);
    const element = stripCtor(scope.resolve(typeFromText(pointer.type)));
    return (element && scope.sizeOfType(element)) ?? constant(1);
  }
  const type = scope.typeOf(pointer);
  const element = stripCtor(type);
  if (!element) return constant(1);
  return scope.sizeOfType(element) ?? atom(`sizeof(*${print(pointer)})`);
}

function destinationOf(scope: Scope, e: Expr, depth = 0): Destination | undefined {
  if (depth > 8) return undefined;
  if (e.k === 'bin' && e.op === '+') {
    const [pointer, count] = e.l.k === 'num' ? [e.r, e.l] : [e.l, e.r];
    const inner = destinationOf(scope, withoutCasts(pointer), depth + 1);
    const step = multiply(scope.poly(count), elementSize(scope, pointer));
    if (!inner || !step || inner.addressOf) return undefined;
    return { ...inner, offset: add(inner.offset, step) };
  }
  // A copy to `end - n` stays in its buffer only if the buffer holds n bytes before `end`: nothing says it does.
  if (e.k === 'bin' && e.op === '-') return undefined;
  if (e.k === 'cast') return destinationOf(scope, e.e, depth + 1);
  if (e.k === 'un' && e.op === '&') {
    const target = withoutCasts(e.e);
    if (target.k === 'index') {
      const step = multiply(scope.poly(target.i), elementSize(scope, target.e));
      return step ? { base: withoutCasts(target.e), addressOf: false, offset: step } : undefined;
    }
    return { base: target, addressOf: true, offset: new Map() };
  }
  return { base: e, addressOf: false, offset: new Map() };
}

/** The object a destination belongs to: `o` for `o->buf`, `buf` for `buf`, `x` for `b_tail(x)`. */
function ownerOf(base: Expr): { holder?: string; field?: string; name?: string } {
  if (base.k === 'member') return { holder: print(base.e), field: base.f };
  if (base.k === 'name') return { name: base.t };
  if (base.k === 'call' && base.args.length > 0) return { holder: print(withoutCasts(base.args[0])) };
  if (base.k === 'un' && base.op === '*') return { name: print(base.e) };
  return {};
}

/**
 * Whether an atom is, by its name, the destination's capacity (`buflen` for `buf`, `chk->size` for `chk->area`,
 * the parameter after the buffer) or the room left in it (`b_room(buf)`, `jvp_string_remaining_space(s)`).
 */
function namedSize(atomText: string, base: Expr, scope: Scope): 'size' | 'room' | undefined {
  const owner = ownerOf(base);
  const e = parseExpression(atomText);
  if (!e) return undefined;
  const plain = withoutCasts(e.k === 'un' && e.op === '*' ? e.e : e);
  const roomOrSize = (word: string): 'size' | 'room' | undefined => (ROOM_WORD.test(word) ? 'room' : SIZE_WORD.test(word) || SIBLING_SIZE.test(word) ? 'size' : undefined);
  if (owner.name && plain.k === 'name') {
    const rest = plain.t.startsWith(owner.name) ? plain.t.slice(owner.name.length).replace(/^_/, '') : undefined;
    if (rest && (SIZE_WORD.test(rest) || SIBLING_SIZE.test(rest) || /^(?:len|size|sz|max)$/i.test(rest))) return 'size';
    if (rest && ROOM_WORD.test(rest)) return 'room';
    const params = scope.fn?.parameters ?? [];
    const i = params.indexOf(owner.name);
    if (i >= 0 && params[i + 1] === plain.t && /^(?:n|size|len|length|sz|count|max|maxlen|cap|capacity|bufsize|buflen|\w*_?(?:size|len|sz))$/i.test(plain.t)) return 'size';
  }
  if (owner.holder) {
    if (plain.k === 'member' && print(plain.e) === owner.holder && plain.f !== owner.field) {
      if (ROOM_WORD.test(plain.f)) return 'room';
      if (SIBLING_SIZE.test(plain.f) || (owner.field && plain.f.startsWith(owner.field) && SIZE_WORD.test(plain.f.slice(owner.field.length)))) return 'size';
    }
  }
  if (plain.k === 'call' && plain.f.k === 'name') {
    const holder = owner.holder ?? owner.name;
    if (holder && plain.args.some((a) => print(withoutCasts(a)) === holder)) return roomOrSize(plain.f.t);
  }
  return undefined;
}

/** The size an allocation call asks for, by the conventions of allocator names; undefined when unsure. */
function allocationSize(value: Expr): Expr | undefined {
  const call = withoutCasts(value);
  if (call.k !== 'call' || call.f.k !== 'name') return undefined;
  const name = call.f.t;
  const args = call.args;
  // GLib's `g_new(T, n)`, `g_new0(T, n)`, `g_renew(T, p, n)`: n elements of type T.
  if (/^g_(?:re)?new0?$/.test(name) && args.length >= 2 && args[0].k === 'name') return { k: 'bin', op: '*', l: args[args.length - 1], r: { k: 'sizeof', type: args[0].t } };
  if (!/alloc/i.test(name) || /free|dealloc|unalloc/i.test(name)) return undefined;
  // Windows: `GlobalAlloc(flags, n)`, `LocalAlloc(flags, n)`, `HeapAlloc(heap, flags, n)` (the first two give a handle
  // whose lock is the memory: see `lockedHandle`).
  if (/^(?:Global|Local)Alloc$/.test(name)) return args.length === 2 ? args[1] : undefined;
  if (name === 'HeapAlloc') return args.length === 3 ? args[2] : undefined;
  const product = (a: Expr, b: Expr): Expr => ({ k: 'bin', op: '*', l: a, r: b });
  if (/calloc|array/i.test(name)) return args.length >= 2 ? product(args[args.length - 2], args[args.length - 1]) : undefined;
  // `aligned_alloc(alignment, size)`, `ha_aligned_alloc(align, size)`: the size comes last.
  if (/aligned/i.test(name)) return args.length === 2 ? args[1] : undefined;
  if (/realloc/i.test(name)) return args.length === 2 ? args[1] : undefined;
  return args.length === 1 ? args[0] : undefined;
}

/** The handle a Windows lock call opens (`GlobalLock(h)`, `LocalLock(h)`): its memory is what `h` was allocated with. */
function lockedHandle(value: Expr): Expr | undefined {
  const call = withoutCasts(value);
  if (call.k !== 'call' || call.f.k !== 'name' || !/^(?:Global|Local)Lock$/.test(call.f.t) || call.args.length !== 1) return undefined;
  const handle = withoutCasts(call.args[0]);
  return handle.k === 'name' ? handle : undefined;
}

function lineOf(index: TextIndex, offset: number): number {
  return index.positionAt(offset).line;
}

/** The first index in a list sorted by `key` whose key is at least `from`. */
function lowerBound<T>(list: readonly T[], from: number, key: (t: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(list[mid]) < from) low = mid + 1;
    else high = mid;
  }
  return low;
}

function contains(span: Span | undefined, at: number): boolean {
  return span !== undefined && span.start <= at && at < span.end;
}

/** Whether an assignment runs on every path to the call: not in a branch, or in one the call is in too. */
function onEveryPath(definition: Definition, call: Span): boolean {
  return definition.branch === undefined || contains(definition.branch, call.start);
}

const clampIndexes = new WeakMap<FunctionFacts, Map<number, { condition: Span; clamp: Clamp }>>();

/** The clamps of a function by the offset of their write (`n = max` in `if (n > max) n = max;`). */
function clampsByWrite(fn: FunctionFacts): Map<number, { condition: Span; clamp: Clamp }> {
  let index = clampIndexes.get(fn);
  if (!index) {
    index = new Map();
    for (const statement of fn.ifs) for (const clamp of statement.clamps) index.set(clamp.at, { condition: statement.condition, clamp });
    clampIndexes.set(fn, index);
  }
  return index;
}

/** Whether a write only lowers its target: `n = max` run only when `n > max` (or `n >= max`). */
function lowers(fn: FunctionFacts, text: string, write: Write): boolean {
  const found = clampsByWrite(fn).get(write.at);
  if (!found) return false;
  const condition = parseExpression(text.slice(found.condition.start, found.condition.end));
  const target = parseExpression(found.clamp.target);
  const value = parseExpression(found.clamp.value);
  if (!condition || !target || !value) return false;
  const excess = subtract(toPoly(target), toPoly(value));
  return conditionFacts(condition, true).some((p) => [0, -1].includes(constantValue(subtract(p, excess)) ?? 1));
}

/** Whether a form only grows as `name` does (or does not mention it): lowering `name` cannot make it smaller. */
function growsWith(form: Poly, name: string, sign: 1 | -1): boolean {
  for (const [key, c] of form) {
    const atoms = key.split('·');
    if (!atoms.includes(name)) continue;
    if (atoms.length !== 1 || c * sign < 0) return false;
  }
  return true;
}

/**
 * Whether nothing a fact reads is written after it starts to hold and before the copy. In a loop that begins after
 * the fact, a write anywhere in the loop counts: the next round sees it. A clamp that only lowers a variable keeps a
 * fact that stays true when the variable gets smaller (`room - n >= 0`): `lowerable` says which.
 */
function unwritten(fn: FunctionFacts, since: number, call: Span, lvalues: ReadonlySet<string>, text?: string, lowerable?: (name: string) => boolean): boolean {
  let end = call.start;
  // The loops that begin between the fact and the call (in document order: a binary search, then a bounded look).
  const firstLoop = lowerBound(fn.loops, since + 1, (l) => l.start);
  const lastLoop = lowerBound(fn.loops, call.start, (l) => l.start);
  if (lastLoop - firstLoop > MAX_CANDIDATES) return false;
  for (let i = firstLoop; i < lastLoop; i++) if (contains(fn.loops[i], call.start)) end = Math.max(end, fn.loops[i].end);
  const from = lowerBound(fn.writes, since + 1, (w) => w.at);
  let seen = 0;
  for (let i = from; i < fn.writes.length && fn.writes[i].at < end; i++) {
    const w = fn.writes[i];
    if (w.at >= call.start && w.at < call.end) continue;
    if (++seen > MAX_WRITES) return false;
    if (!lvalues.has(w.target) && !(w.target.endsWith('->*') && readsThrough(lvalues, w.target.slice(0, -3)))) continue;
    if (text !== undefined && lowerable?.(w.target) && lowers(fn, text, w)) continue;
    return false;
  }
  return true;
}

/** Whether a fact reads what `pointer` points to (`pointer->len`, `*pointer`): a call handed `pointer` may change it. */
function readsThrough(lvalues: ReadonlySet<string>, pointer: string): boolean {
  for (const l of lvalues) if (l.startsWith(`${pointer}->`) || l === `*${pointer}`) return true;
  return false;
}

/** The atoms of every non-constant right operand of a subtraction in `e` (`b` and `c` in `a - (b + c) > n`). */
function subtractedNames(scope: Scope, e: Expr, into: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > 24) return into;
  switch (e.k) {
    case 'bin':
      if (e.op === '-') for (const name of atomsOf(scope.poly(e.r))) into.add(name);
      subtractedNames(scope, e.l, into, depth + 1);
      subtractedNames(scope, e.r, into, depth + 1);
      break;
    case 'un':
    case 'cast':
    case 'post':
      subtractedNames(scope, e.e, into, depth + 1);
      break;
    case 'cond':
      subtractedNames(scope, e.c, into, depth + 1);
      subtractedNames(scope, e.a, into, depth + 1);
      subtractedNames(scope, e.b, into, depth + 1);
      break;
    default:
      break;
  }
  return into;
}

/**
 * The facts a condition establishes when it `holds` (or not), each with the names its own comparison subtracts:
 * the conjuncts of `a && b` that hold (of `a || b` that fail) are judged one by one.
 */
function checkedParts(scope: Scope, e: Expr, holds: boolean, depth = 0): { polys: Poly[]; subtracted: ReadonlySet<string> }[] {
  if (depth < 16 && e.k === 'bin' && ((e.op === '&&' && holds) || (e.op === '||' && !holds))) {
    return [...checkedParts(scope, e.l, holds, depth + 1), ...checkedParts(scope, e.r, holds, depth + 1)];
  }
  if (depth < 16 && e.k === 'un' && e.op === '!') return checkedParts(scope, e.e, !holds, depth + 1);
  return [{ polys: conditionFacts(e, holds, scope.value), subtracted: subtractedNames(scope, e) }];
}

/** A value that is the length of something, never negative: `strlen(s)`, `sizeof x`. */
function isLengthOf(value: Expr): boolean {
  const plain = withoutCasts(value);
  if (plain.k === 'sizeof') return true;
  if (plain.k === 'num') return plain.v >= 0;
  if (plain.k === 'bin' && (plain.op === '+' || plain.op === '*')) return isLengthOf(plain.l) && isLengthOf(plain.r);
  return plain.k === 'call' && plain.f.k === 'name' && /^(?:strlen|strnlen|wcslen|wcsnlen|STRLEN)$/.test(plain.f.t);
}

function readFacts(scope: Scope, fn: FunctionFacts, ctx: CopyContext, call: Span): Fact[] {
  const facts: Fact[] = [];
  const callLine = lineOf(ctx.index, call.start);
  const windowStart = ctx.index.lineStart(Math.max(0, callLine - FACT_WINDOW_LINES));
  // `at` is where the fact starts to hold; `shown` where the statement that establishes it starts (its line is named).
  const push = (poly: Poly, at: number, source: Expr, kind: Fact['kind'], shown: number, unsigned = false, subtracted?: ReadonlySet<string>): void => {
    // A relation that holds whatever the values (`n - n >= 0`) says nothing, unless it says a signed length is not
    // negative (`n >= 0`: the forms take every atom for a size, which a signed variable is not).
    if (nonNegative(poly) && !signBound(poly)) return;
    const lvalues = lvaluesOf(source);
    if (unwritten(fn, at, call, lvalues, ctx.text, (name) => growsWith(poly, name, -1))) {
      facts.push({ poly, at, lvalues, kind, line: lineOf(ctx.index, shown) + 1, unsigned, ...(subtracted && subtracted.size > 0 ? { subtracted } : {}) });
    }
  };
  const from = lowerBound(fn.ifs, windowStart, (f) => f.start);
  const last = lowerBound(fn.ifs, call.start, (f) => f.start);
  for (let i = Math.max(from, last - MAX_CANDIDATES); i < last; i++) {
    const statement = fn.ifs[i];
    const conditionText = ctx.text.slice(statement.condition.start, statement.condition.end);
    const condition = parseExpression(conditionText);
    if (!condition) continue;
    const unsigned = UNSIGNED_COMPARE.test(conditionText) && !SIGNED_SIZEOF.test(conditionText);
    const checks = (holds: boolean, at: number): void => {
      for (const part of checkedParts(scope, condition, holds)) for (const poly of part.polys) push(poly, at, condition, 'checked', statement.start, unsigned, part.subtracted);
    };
    if (contains(statement.consequence, call.start)) {
      checks(true, statement.condition.end);
    } else if (contains(statement.alternative, call.start)) {
      checks(false, statement.condition.end);
    } else if (statement.end <= call.start && contains(statement.block, call.start)) {
      if (statement.exits) checks(false, statement.end);
      // `if (n > max) n = max;`: afterwards n is at most max.
      const holds = conditionFacts(condition, true, scope.value);
      for (const clamp of statement.clamps) {
        const target = parseExpression(clamp.target);
        const value = parseExpression(clamp.value);
        if (!target || !value) continue;
        const excess = subtract(scope.poly(target), scope.poly(value));
        // The branch runs when the target exceeds the value (`>`: excess - 1 >= 0; `>=`: excess >= 0).
        if (holds.some((p) => [0, -1].includes(constantValue(subtract(p, excess)) ?? 1))) {
          push(subtract(scope.poly(value), scope.poly(target)), statement.end, { k: 'bin', op: '-', l: value, r: target }, 'clamped', statement.start, unsigned);
        }
      }
    }
  }
  // A compile-time assertion holds after it however far above (it reads only what the build knows, so nothing
  // written changes it): the last few in blocks around the call count.
  const assertLast = lowerBound(fn.assertions, call.start, (a) => a.start);
  for (let i = Math.max(0, assertLast - MAX_CANDIDATES); i < assertLast; i++) {
    const assertion = fn.assertions[i];
    // In a block around the call, so the names it reads are the ones the copy reads.
    if (assertion.end > call.start || !contains(assertion.block, call.start)) continue;
    const conditionText = ctx.text.slice(assertion.condition.start, assertion.condition.end);
    const condition = parseExpression(conditionText);
    if (!condition) continue;
    const unsigned = UNSIGNED_COMPARE.test(conditionText) && !SIGNED_SIZEOF.test(conditionText);
    for (const part of checkedParts(scope, condition, true)) for (const poly of part.polys) push(poly, assertion.end, condition, 'checked', assertion.start, unsigned, part.subtracted);
  }
  const defFrom = lowerBound(fn.definitions, windowStart, (d) => d.start);
  const defLast = lowerBound(fn.definitions, call.start, (d) => d.start);
  for (let i = Math.max(defFrom, defLast - MAX_CANDIDATES); i < defLast; i++) {
    const definition = fn.definitions[i];
    if (definition.end > call.start || !onEveryPath(definition, call)) continue;
    const target = parseExpression(definition.target);
    const value = parseExpression(definition.value);
    // `n = n * 2` relates the new value to the old one, not to itself: as a fact it would say n is at most 0.
    if (!target || !value || value.k === 'assign' || lvaluesOf(value).has(definition.target)) continue;
    const both: Expr = { k: 'bin', op: '-', l: value, r: target };
    if (target.k === 'name' && isLengthOf(value)) push(atom(target.t), definition.end, both, 'sign', definition.start);
    const operands = minOperands(value);
    if (operands) {
      for (const operand of operands) push(subtract(scope.poly(operand), scope.poly(target)), definition.end, both, 'clamped', definition.start);
    } else {
      const difference = subtract(scope.poly(value), scope.poly(target));
      push(difference, definition.end, both, 'defined', definition.start);
      push(subtract(new Map(), difference), definition.end, both, 'defined', definition.start);
    }
  }
  return facts;
}

function capacities(scope: Scope, fn: FunctionFacts | undefined, ctx: CopyContext, call: Span, dest: Destination, mentioned: ReadonlySet<string>): Capacity[] {
  const found: Capacity[] = [];
  const sizeofBase = (): Poly => scope.value({ k: 'sizeof', e: dest.base }) ?? atom(`sizeof(${print(dest.base)})`);
  const type = scope.typeOf(dest.base);
  if (dest.addressOf) {
    found.push({ poly: sizeofBase(), source: type ? 'type' : 'sizeof' });
  } else if (type && isArray(type.ctors[0])) {
    const size = scope.sizeOfType(type);
    if (size) found.push({ poly: size, source: 'declared' });
  } else if (type && type.ctors[0] === '*') {
    const pointee = stripCtor(type)!;
    const size = scope.sizeOfType(pointee);
    // What a typed pointer points to holds at least one of its type (a `char *` promises one byte: no use).
    if (size && constantValue(size) === undefined) found.push({ poly: size, source: 'type' });
  } else if (!type) {
    found.push({ poly: atom(`sizeof(${print(dest.base)})`), source: 'sizeof' });
  }
  if (fn) {
    const allocation = allocationOf(scope, fn, ctx, call, dest.base);
    if (allocation) found.push(allocation);
  }
  for (const name of mentioned) {
    const measured = measuredString(scope, name, dest);
    if (measured) found.push(measured);
    const kind = namedSize(name, dest.base, scope);
    // The room left starts where the copy does; a capacity starts at the base.
    if (kind === 'size') found.push({ poly: atom(name), source: 'named' });
    else if (kind === 'room') found.push({ poly: add(atom(name), dest.offset), source: 'named' });
  }
  return found;
}

/**
 * The room a string shows the destination has: `strlen(p + k)` bytes and a NUL from `p + k` on lie in `p`'s
 * buffer, so `p` holds at least `k + strlen(p + k) + 1` bytes whatever its declared size (`memmove(cp, cp + 1,
 * strlen(cp + 1) + 1)` shifts a string within itself). The length is measured at the copy, or by a definition that
 * still holds there (nothing it reads, `p` included, written since).
 */
function measuredString(scope: Scope, atomText: string, dest: Destination): Capacity | undefined {
  if (dest.addressOf) return undefined;
  const e = parseExpression(atomText);
  const call = e ? withoutCasts(e) : undefined;
  if (!call || call.k !== 'call' || call.f.k !== 'name' || !/^(?:strlen|STRLEN)$/.test(call.f.t) || call.args.length !== 1) return undefined;
  const string = destinationOf(scope, withoutCasts(call.args[0]));
  if (!string || string.addressOf || print(string.base) !== print(dest.base)) return undefined;
  return { poly: add(add(atom(atomText), string.offset), constant(1)), source: 'string' };
}

/**
 * The record a trailing flexible array belongs to: for `elt->data` of `struct elt { …; char data[]; }` (or
 * `node->name.key`, the flexible `key[]` of the record that ends `node`'s), the pointer `elt` and its record's type.
 * Such an array has whatever room the allocation of the record left beyond the record's size.
 */
function flexibleOwner(scope: Scope, base: Expr): { holder: Expr; record: CType } | undefined {
  const path: string[] = [];
  let current: Expr = base;
  while (current.k === 'member' && current.op === '.') {
    path.unshift(current.f);
    current = withoutCasts(current.e);
  }
  if (current.k !== 'member' || current.op !== '->') return undefined;
  path.unshift(current.f);
  const holder = withoutCasts(current.e);
  const record = stripCtor(scope.typeOf(holder));
  if (!record || record.ctors.length > 0) return undefined;
  let type: CType | undefined = record;
  for (const field of path) {
    if (!type || type.ctors.length > 0 || scope.decl.lastField(type.base) !== field) return undefined;
    const next: CType | undefined = scope.decl.record(type.base)?.get(field);
    type = next ? scope.resolve(next) : undefined;
  }
  const array = type?.ctors[0];
  return array !== undefined && array !== '*' && (array.n === '' || array.n === '0') && type!.ctors.length === 1 ? { holder, record } : undefined;
}

/**
 * The allocation that last set the destination, within the window above the call and not moved since. For a
 * record's trailing flexible array, the allocation of the record, less the record's own size.
 */
function allocationOf(scope: Scope, fn: FunctionFacts, ctx: CopyContext, call: Span, base: Expr, depth = 0): Capacity | undefined {
  const flexible = flexibleOwner(scope, base);
  if (flexible) {
    const whole = allocationOf(scope, fn, ctx, call, flexible.holder, depth + 1);
    const size = scope.sizeOfType(flexible.record);
    return whole && size ? { ...whole, poly: subtract(whole.poly, size) } : undefined;
  }
  const target = print(base);
  const callLine = lineOf(ctx.index, call.start);
  const windowStart = ctx.index.lineStart(Math.max(0, callLine - ALLOCATION_WINDOW_LINES));
  const from = lowerBound(fn.definitions, windowStart, (d) => d.start);
  const last = lowerBound(fn.definitions, call.start, (d) => d.start);
  for (let i = last - 1; i >= Math.max(from, last - MAX_CANDIDATES * 4); i--) {
    const definition = fn.definitions[i];
    if (definition.target !== target || definition.end > call.start) continue;
    const value = parseExpression(definition.value);
    // Memory allocated under a handle and then locked: the handle's allocation, if nothing moved the pointer since.
    const handle = value && depth === 0 ? lockedHandle(value) : undefined;
    if (handle) {
      if (!onEveryPath(definition, call) || !unwritten(fn, definition.end, call, new Set([target]))) return undefined;
      const held = allocationOf(scope, fn, ctx, { start: definition.start, end: definition.end }, handle, depth + 1);
      // What the size reads must still mean the same at the copy.
      return held?.size && unwritten(fn, definition.end, call, lvaluesOf(held.size)) ? held : undefined;
    }
    const size = value ? allocationSize(value) : undefined;
    if (!size || !onEveryPath(definition, call)) return undefined;
    const lvalues = new Set([...lvaluesOf(size), target]);
    const poly = scope.poly(size);
    // A length lowered after the allocation still fits what was allocated for the larger one.
    if (!unwritten(fn, definition.end, call, lvalues, ctx.text, (name) => name !== target && growsWith(poly, name, 1))) return undefined;
    return { poly, source: 'allocated', line: lineOf(ctx.index, definition.start) + 1, size };
  }
  return undefined;
}

function mentionsSizeof(e: Expr): boolean {
  return /\bsizeof\(/.test(print(e));
}

function reasonOf(capacity: Capacity, length: Expr): BoundVerdict {
  switch (capacity.source) {
    case 'allocated':
      return { reason: 'allocated', line: capacity.line };
    case 'named':
      return { reason: 'checked' };
    case 'sizeof':
      return { reason: 'sizeof-destination' };
    case 'string':
      return { reason: 'string' };
    default:
      if (!mentionsSizeof(length)) return { reason: 'constant-fits' };
      return { reason: capacity.source === 'declared' ? 'sizeof-destination' : 'sizeof-type' };
  }
}

function fromFacts(used: readonly Fact[], capacity: Capacity, length: Expr, dest?: Destination): BoundVerdict {
  const clamp = used.find((f) => f.kind === 'clamped');
  if (clamp) return { reason: 'clamped', line: clamp.line };
  const check = used.find((f) => f.kind === 'checked');
  if (check) return { reason: 'checked', line: check.line };
  const room = dest && used.find((f) => computesRoom(f, capacity, dest));
  if (room) return { reason: 'room', line: room.line };
  return reasonOf(capacity, length);
}

/**
 * Whether a definition works out the room left in the destination from its size: `max = b->size - b->data` before
 * a copy to `b->area + b->data` subtracts exactly what the copy starts after from the size the destination's name
 * gives. (A length merely set to the size, `n = buflen`, is no such computation: it is no evidence.)
 */
function computesRoom(fact: Fact, capacity: Capacity, dest: Destination): boolean {
  if (fact.kind !== 'defined' || capacity.source !== 'named' || capacity.poly.size !== 1 || dest.offset.size === 0) return false;
  const [[size, c]] = [...capacity.poly];
  const sign = fact.poly.get(size);
  if (sign === undefined || Math.abs(sign) !== Math.abs(c) || [...dest.offset.keys()].includes('')) return false;
  return [...dest.offset].every(([key, v]) => fact.poly.get(key) === -Math.sign(sign) * v);
}

/** A comparison with a `sizeof` is made in `size_t`; one cast to a signed type is not. */
const UNSIGNED_COMPARE = /\bsizeof\b/;
const SIGNED_SIZEOF = /\(\s*(?:int|long|short|ssize_t|off_t|ptrdiff_t|int\d+_t|signed(?:\s+\w+)?)\s*\)\s*\(?\s*sizeof\b/;
/** `n >= 0` or `n - 1 >= 0`: a single name, not negative. */
function signBound(poly: Poly): boolean {
  const names = [...poly.keys()].filter((k) => k !== '');
  return names.length === 1 && !names[0].includes('·') && poly.get(names[0]) === 1 && (poly.get('') ?? 0) <= 0;
}

/** Signed integer types: a length of one of them may be negative, and a signed check lets it through. */
const SIGNED_TYPE = /^(?:(?:signed\s+)?(?:int|long|short|long long|long int|short int|char)|signed|ssize_t|off_t|off64_t|ptrdiff_t|intptr_t|intmax_t|int(?:8|16|32|64)_t|s(?:8|16|32|64)|gint|glong|gssize|gint(?:8|16|32|64)|ssize|Py_ssize_t)$/;

/** The names in a length that are declared with a signed integer type (in the function or the file). */
function signedNames(scope: Scope, length: Poly): string[] {
  const found: string[] = [];
  for (const key of atomsOf(length)) {
    const e = parseExpression(key);
    const type = e && (e.k === 'name' || e.k === 'member') ? scope.typeOf(e) : undefined;
    if (type && type.ctors.length === 0 && SIGNED_TYPE.test(type.base)) found.push(key);
  }
  return found;
}

/**
 * Whether the facts bound a length from above for every value it can take: a signed length checked in signed
 * arithmetic (`if (len > 64) return;` with `int len`) may still be negative, and a negative length is a huge copy;
 * unless a fact says it is not negative (`len < 0 ||` in the same check), or the check compares in `size_t`.
 */
function signedSafe(signed: readonly string[], used: readonly Fact[], all: readonly Fact[], capacity?: Capacity): boolean {
  if (signed.length === 0) return true;
  // An allocation of `n + 1` with `n == -1` allocates nothing, and the copy of `n` bytes is huge (CVE-2016-5636's
  // shape): a room that grows with a signed length, plus a constant, proves nothing until the length is known not
  // to be negative. (Without the constant, a negative length asks for a huge allocation, which fails.)
  const growsWithSigned = capacity?.source === 'allocated' && (capacity.poly.get('') ?? 0) > 0 && signed.some((name) => capacity.poly.has(name));
  if (!growsWithSigned && used.every((f) => f.kind === 'defined' || f.unsigned)) return true;
  return signed.every((name) => all.some((f) => f.kind !== 'defined' && signBound(f.poly) && f.poly.has(name)));
}

/** A check against the end of the destination: `p + n <= end`, `n <= end - p` (what is left of `p`'s buffer). */
function checkedAgainstEnd(fact: Fact, dest: Destination, need: Poly): boolean {
  // A definition (`p = buf`) relates two pointers; it says nothing of where either buffer ends.
  if (dest.addressOf || fact.kind === 'defined') return false;
  const pointer = atom(print(dest.base));
  const rest = add(add(fact.poly, pointer), need);
  const forbidden = new Set([...atomsOf(need), print(dest.base)]);
  const atoms = atomsOf(rest);
  if (atoms.size === 0 || [...atoms].some((a) => forbidden.has(a))) return false;
  return [...rest.values()].some((c) => c > 0);
}

/** The function the last copy of a tree was found in: the next copies are mostly in it too. */
const lastFunction = new WeakMap<Tree, { definition: Node; fn: FunctionFacts }>();

/**
 * The function definition around an offset. An offset in the body of the function the last copy was in, which
 * holds no other definition, is in that function: found without moving the tree walker (many copies in one long
 * function cost one walk down each otherwise).
 */
function enclosingFunction(ctx: CopyContext, at: number): Node | undefined {
  const last = lastFunction.get(ctx.tree);
  if (last && last.fn.nestedDefinitions === 0 && last.fn.body && last.fn.body.start <= at && at + 1 <= last.fn.body.end) return last.definition;
  const frame = walkerFor(ctx.tree, 'c-copy-bounds').frameAt(at, at + 1);
  if (!frame) return undefined;
  const fn = inherited<Node | null>(frame, 'c-function', (f, fromParent) => (f.type === 'function_definition' ? f.node : fromParent ?? null));
  return fn ?? undefined;
}

/**
 * The differences written as terms of a size (`(end - start)` in `malloc(head + (end - start) + 1)`): a size is
 * never negative, so each is at least 0 even though the linear form cannot tell.
 */
function differencesIn(e: Expr | undefined, scope: Scope, into: Poly[] = [], depth = 0): Poly[] {
  if (!e || depth > 12 || into.length >= 4) return into;
  const plain = withoutCasts(e);
  if (plain.k === 'bin' && (plain.op === '+' || plain.op === '*')) {
    for (const side of [plain.l, plain.r]) {
      const s = withoutCasts(side);
      if (s.k === 'bin' && s.op === '-') into.push(scope.poly(s));
      else differencesIn(s, scope, into, depth + 1);
    }
  }
  return into;
}

/** Whether a form is at least 0, given that each of the differences is. */
function provablyNonNegative(form: Poly, differences: readonly Poly[]): boolean {
  if (nonNegative(form)) return true;
  const count = Math.min(differences.length, 4);
  for (let mask = 1; mask < 1 << count; mask++) {
    let rest = form;
    for (let i = 0; i < count; i++) if (mask & (1 << i)) rest = subtract(rest, differences[i]);
    if (nonNegative(rest)) return true;
  }
  return false;
}

function proveOne(scope: Scope, fn: FunctionFacts | undefined, ctx: CopyContext, call: Span, dest: Destination, sizeExpr: Expr, all: readonly Fact[]): BoundVerdict | undefined {
  const need = add(dest.offset, scope.poly(sizeExpr));
  const mentioned = new Set([...atomsOf(need), ...all.flatMap((f) => [...atomsOf(f.poly)])]);
  const caps = capacities(scope, fn, ctx, call, dest, mentioned);
  const differences = differencesIn(sizeExpr, scope);
  for (const capacity of caps) if (capacity.size) differencesIn(capacity.size, scope, differences);
  const fits = (form: Poly): boolean => provablyNonNegative(form, differences);
  // A name that says "size" is evidence only beside a check or a clamp: copying `buflen` bytes into `buf` is not
  // checked, nor is a copy whose only facts are definitions.
  const signed = signedNames(scope, need);
  // The names the length grows with (`len` in `len`, not `p` in `end - p`).
  const lengthNames = new Set([...scope.poly(sizeExpr)].filter(([key, c]) => key !== '' && c > 0).map(([key]) => key));
  // The check must be about the copy (its length, the size, or what another fact used relates them to): one on an
  // unrelated status (`if (r != 0) return r;`) proves nothing of it.
  const relevant = (capacity: Capacity, f: Fact, used: readonly Fact[]): boolean =>
    f.kind !== 'defined' &&
    [...atomsOf(f.poly)].some((a) => need.has(a) || capacity.poly.has(a) || used.some((other) => other !== f && other.poly.has(a)));
  const usable = (capacity: Capacity, used: readonly Fact[]): boolean =>
    (capacity.source !== 'named' || used.some((f) => relevant(capacity, f, used) || computesRoom(f, capacity, dest))) && signedSafe(signed, used, all, capacity);
  // A check that subtracts what the length grows with (`size < BUFSIZE - len`) wraps for a large length: it bounds
  // nothing. (`end - p >= sizeof buf` before copying `end - p` is the length itself, and does not.)
  const facts = all.filter((f) => f.kind !== 'sign' && ![...(f.subtracted ?? [])].some((name) => lengthNames.has(name)));
  for (const capacity of caps) if (usable(capacity, []) && fits(subtract(capacity.poly, need))) return reasonOf(capacity, sizeExpr);
  for (const fact of facts) {
    for (const capacity of caps) if (usable(capacity, [fact]) && fits(subtract(subtract(capacity.poly, need), fact.poly))) return fromFacts([fact], capacity, sizeExpr, dest);
    if (checkedAgainstEnd(fact, dest, need) && signedSafe(signed, [fact], all)) return { reason: fact.kind === 'clamped' ? 'clamped' : 'checked', line: fact.line };
  }
  for (let i = 0; i < facts.length; i++) {
    for (let j = i + 1; j < facts.length; j++) {
      const both = add(facts[i].poly, facts[j].poly);
      // An equality's two halves add up to nothing: together they prove nothing.
      if (both.size === 0) continue;
      for (const capacity of caps) {
        if (usable(capacity, [facts[i], facts[j]]) && fits(subtract(subtract(capacity.poly, need), both))) return fromFacts([facts[i], facts[j]], capacity, sizeExpr, dest);
      }
    }
  }
  return undefined;
}

/**
 * The evident bound of a copy of `size` bytes to `destination` by the call at `call` (its extent in the text),
 * or undefined when none is evident. A length that is a minimum (`MIN(n, room)`) is bounded by any of its operands.
 */
export function evidentBound(ctx: CopyContext, call: Span, destination: string, size: string): BoundVerdict | undefined {
  const destExpr = parseExpression(destination);
  const sizeExpr = parseExpression(size);
  if (!destExpr || !sizeExpr) return undefined;
  return boundOf(ctx, call, destExpr, sizeExpr, 0);
}

/** How many calls deep a copy through parameters is followed (a caller's own parameters, its callers). */
const MAX_CALL_DEPTH = 2;

/**
 * The scope of an offset: the function around it (`definition`: null for none, undefined to find it by walking
 * the tree in document order, as the copies themselves are asked about).
 */
function scopeAt(ctx: CopyContext, at: number, found?: Node | null): { definition?: Node; fn?: FunctionFacts; scope: Scope } {
  const definition = found === undefined ? enclosingFunction(ctx, at) : found ?? undefined;
  const fn = definition ? functionFacts(ctx.tree, definition, ctx.text) : undefined;
  if (found === undefined && definition && fn) lastFunction.set(ctx.tree, { definition, fn });
  const scope = new Scope(ctx.headers ? chained(layered(fileDeclarations(ctx.tree, ctx.text)), ctx.headers, layered(STANDARD_RECORDS)) : layered(fileDeclarations(ctx.tree, ctx.text), STANDARD_RECORDS), fn, at);
  return { definition, fn, scope };
}

function boundOf(ctx: CopyContext, call: Span, destExpr: Expr, sizeExpr: Expr, depth: number, around?: Node | null): BoundVerdict | undefined {
  const { definition, fn, scope } = scopeAt(ctx, call.start, around);
  const dest = destinationOf(scope, destExpr);
  if (!dest) return undefined;
  const facts = fn ? readFacts(scope, fn, ctx, call) : [];
  const alias = fn ? aliasOf(scope, fn, ctx, call, dest) : undefined;
  for (const length of minOperands(sizeExpr) ?? [sizeExpr]) {
    for (const candidate of alias ? [dest, alias] : [dest]) {
      const verdict = proveOne(scope, fn, ctx, call, candidate, length, facts);
      if (verdict) return verdict;
    }
  }
  return definition && fn && depth < MAX_CALL_DEPTH ? boundAtCallers(ctx, call, definition, fn, destExpr, sizeExpr, depth) : undefined;
}

/**
 * A copy through the parameters of a static function (`memcpy(buf, src, len)` in `fill(char *buf, size_t len)`),
 * judged at each of the function's calls with the arguments written there (`fill(name, sizeof name)`): bounded
 * when it is bounded at every one. Only when the copy reads nothing but parameters the function never assigns
 * before it, and names that mean the same at the calls (constants, globals no caller redeclares).
 */
function boundAtCallers(ctx: CopyContext, call: Span, definition: Node, fn: FunctionFacts, destExpr: Expr, sizeExpr: Expr, depth: number): BoundVerdict | undefined {
  if (!ctx.calls) return undefined;
  const callee = staticFunction(ctx.tree, ctx.text, ctx.calls, definition);
  if (!callee || callee.arity !== fn.parameters.length) return undefined;
  const parameters = new Map(fn.parameters.map((name, i) => [name, i]));
  const read = new Set<string>();
  const used = new Set<string>();
  if (!namesIn(destExpr, parameters, read, used) || !namesIn(sizeExpr, parameters, read, used) || used.size === 0) return undefined;
  // A name the function declares for itself means nothing at the calls (nor does a parameter declared again inside).
  for (const name of read) if ((fn.declarations.get(name)?.length ?? 0) > (parameters.has(name) ? 1 : 0)) return undefined;
  if (!unwritten(fn, fn.start, call, read)) return undefined;
  // Each parameter is seen at the call as its argument converted to the parameter's type.
  const types = new Map<string, string>();
  for (const name of used) {
    const declared = fn.declarations.get(name)?.[0]?.type;
    if (!declared || declared.ctors.some((c) => c !== '*')) return undefined;
    types.set(name, `${declared.base}${'*'.repeat(declared.ctors.length)}`);
  }
  for (const site of callee.calls) {
    const args: Expr[] = [];
    for (const i of [...used].map((name) => parameters.get(name)!)) {
      const arg = site.args[i];
      const parsed = arg ? parseExpression(ctx.text.slice(arg.start, arg.end)) : undefined;
      if (!parsed) return undefined;
      args[i] = parsed;
    }
    const caller = definitionAt(ctx.tree, ctx.text, ctx.calls, site.nameStart) ?? null;
    const callerFacts = caller ? functionFacts(ctx.tree, caller, ctx.text) : undefined;
    // A name read by the copy that the caller declares for itself is another variable there.
    if ([...read].some((name) => !parameters.has(name) && callerFacts?.declarations.has(name))) return undefined;
    const replace = (name: string): Expr => ({ k: 'cast', type: types.get(name)!, e: args[parameters.get(name)!] });
    const at = { start: site.nameStart, end: (site.args[site.args.length - 1]?.end ?? site.nameEnd) + 1 };
    if (!boundAtCall(ctx, at, substitute(destExpr, replace), substitute(sizeExpr, replace), depth + 1, caller)) return undefined;
  }
  return { reason: 'callers', callee: callee.name, callCount: callee.calls.length };
}

const atCalls = new WeakMap<Tree, Map<string, BoundVerdict | null>>();

/** `boundOf` at a call of a static function, once per call and question: callers that share callers ask again. */
function boundAtCall(ctx: CopyContext, at: Span, destExpr: Expr, sizeExpr: Expr, depth: number, caller: Node | null): BoundVerdict | undefined {
  let known = atCalls.get(ctx.tree);
  if (!known) {
    known = new Map();
    atCalls.set(ctx.tree, known);
  }
  const key = `${depth}:${at.start}:${JSON.stringify(destExpr)}:${JSON.stringify(sizeExpr)}`;
  const cached = known.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const verdict = boundOf(ctx, at, destExpr, sizeExpr, depth, caller);
  known.set(key, verdict ?? null);
  return verdict;
}

/**
 * The names an expression reads (`read`) and the parameters among them (`used`). False when a parameter is read in
 * a way its argument cannot stand for: under `sizeof` (a pointer's size, not the array's), its address taken, or
 * called.
 */
function namesIn(e: Expr, parameters: ReadonlyMap<string, number>, read: Set<string>, used: Set<string>, depth = 0): boolean {
  if (depth > 24) return false;
  switch (e.k) {
    case 'name':
      read.add(e.t);
      if (parameters.has(e.t)) used.add(e.t);
      return true;
    case 'num':
    case 'str':
      return true;
    case 'sizeof': {
      if (!e.e) return true;
      const inside = new Set<string>();
      if (!namesIn(e.e, parameters, inside, new Set(), depth + 1)) return false;
      for (const name of inside) {
        if (parameters.has(name)) return false;
        read.add(name);
      }
      return true;
    }
    case 'un':
      if (e.op === '&' && withoutCasts(e.e).k === 'name' && parameters.has((withoutCasts(e.e) as { t: string }).t)) return false;
      return namesIn(e.e, parameters, read, used, depth + 1);
    case 'post':
    case 'cast':
      return e.k === 'post' ? false : namesIn(e.e, parameters, read, used, depth + 1);
    case 'bin':
      return namesIn(e.l, parameters, read, used, depth + 1) && namesIn(e.r, parameters, read, used, depth + 1);
    case 'member':
      return namesIn(e.e, parameters, read, used, depth + 1);
    case 'index':
      return namesIn(e.e, parameters, read, used, depth + 1) && namesIn(e.i, parameters, read, used, depth + 1);
    case 'cond':
      return namesIn(e.c, parameters, read, used, depth + 1) && namesIn(e.a, parameters, read, used, depth + 1) && namesIn(e.b, parameters, read, used, depth + 1);
    case 'call':
      if (e.f.k !== 'name' || parameters.has(e.f.t)) return false;
      return e.args.every((a) => namesIn(a, parameters, read, used, depth + 1));
    default:
      return false;
  }
}

/** The expression with each parameter name replaced. */
function substitute(e: Expr, replace: (name: string) => Expr | undefined, depth = 0): Expr {
  if (depth > 24) return e;
  const next = (x: Expr): Expr => substitute(x, replace, depth + 1);
  switch (e.k) {
    case 'name':
      return replace(e.t) ?? e;
    case 'un':
    case 'post':
    case 'cast':
      return { ...e, e: next(e.e) };
    case 'bin':
    case 'assign':
      return { ...e, l: next(e.l), r: next(e.r) };
    case 'member':
      return { ...e, e: next(e.e) };
    case 'index':
      return { ...e, e: next(e.e), i: next(e.i) };
    case 'cond':
      return { ...e, c: next(e.c), a: next(e.a), b: next(e.b) };
    case 'call':
      return { ...e, args: e.args.map(next) };
    default:
      return e;
  }
}

/**
 * The destination seen through the pointer's definition a few lines above: `p` after `char *p = buf + used;` is
 * `buf + used`, whose size the code may check (`bufsize`). Not for an allocation (that is the pointer's own size).
 */
function aliasOf(scope: Scope, fn: FunctionFacts, ctx: CopyContext, call: Span, dest: Destination): Destination | undefined {
  if (dest.addressOf || (dest.base.k !== 'name' && dest.base.k !== 'member')) return undefined;
  const target = print(dest.base);
  const callLine = lineOf(ctx.index, call.start);
  const windowStart = ctx.index.lineStart(Math.max(0, callLine - FACT_WINDOW_LINES));
  const from = lowerBound(fn.definitions, windowStart, (d) => d.start);
  const last = lowerBound(fn.definitions, call.start, (d) => d.start);
  for (let i = last - 1; i >= Math.max(from, last - MAX_CANDIDATES); i--) {
    const definition = fn.definitions[i];
    if (definition.target !== target || definition.end > call.start) continue;
    const value = parseExpression(definition.value);
    if (!value || allocationSize(value) || minOperands(value) || !onEveryPath(definition, call)) return undefined;
    if (!unwritten(fn, definition.end, call, new Set([...lvaluesOf(value), target]))) return undefined;
    const seen = destinationOf(scope, withoutCasts(value));
    return seen && !seen.addressOf ? { ...seen, offset: add(seen.offset, dest.offset) } : undefined;
  }
  return undefined;
}

const REASONS: Readonly<Record<BoundReason, { readonly en: string; readonly ja: string }>> = {
  'sizeof-destination': { en: 'the length is at most sizeof the destination', ja: '長さはコピー先の sizeof 以下です' },
  'sizeof-type': { en: "the length is the size of the destination's type", ja: '長さはコピー先の型のサイズです' },
  'constant-fits': { en: 'the constant length fits the destination array', ja: '定数の長さがコピー先の配列に収まります' },
  allocated: { en: 'the destination was allocated with room for the length on line {line}', ja: 'コピー先は {line} 行目でこの長さが収まる大きさに確保されています' },
  checked: { en: "the length is checked against the destination's size on line {line}", ja: '長さは {line} 行目でコピー先のサイズと照合されています' },
  clamped: { en: "the length is clamped to the destination's size on line {line}", ja: '長さは {line} 行目でコピー先のサイズに制限されています' },
  'named-size': { en: "the length is checked against the destination's size", ja: '長さはコピー先のサイズと照合されています' },
  string: { en: 'the copy stays within the string the destination holds (its length measured with strlen)', ja: 'コピーはコピー先が保持する文字列（strlen で測った長さ）の範囲内です' },
  room: { en: "the length is the room left in the destination, worked out from its size on line {line}", ja: '長さは {line} 行目でコピー先のサイズから求めた残りの領域です' },
  callers: {
    en: 'each of the {count} calls of the static function {callee} in this file passes a destination with room for the length',
    ja: 'このファイル内の static 関数 {callee} の {count} か所の呼び出しはすべて、この長さが収まるコピー先を渡しています',
  },
};

/** The sentence a finding with an evident bound ends with, in English and Japanese. */
export function boundNote(verdict: BoundVerdict): { en: string; ja: string } {
  const text = REASONS[verdict.reason];
  const fill = (s: string): string =>
    (verdict.line !== undefined ? s.replace('{line}', String(verdict.line)) : s.replace(/ on line \{line\}| ?\{line\} 行目で/, ''))
      .replace('{callee}', `\`${verdict.callee ?? ''}\``)
      .replace('{count}', String(verdict.callCount ?? ''));
  return {
    en: `Not gating, the bound is evident (${fill(text.en)}).`,
    ja: `上限が明らかなためゲート対象外です（${fill(text.ja)}）。`,
  };
}
