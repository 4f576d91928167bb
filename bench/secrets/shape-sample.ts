/**
 * A random string in a regex's shape: what a token of that format looks like, generated at run time from the rule's
 * own pattern (never a real key). Only the capture group holding the secret is generated; anchors and word
 * boundaries produce nothing, repetitions take a random length in their range, and character classes a random member.
 */
import * as regexpTree from 'regexp-tree';
import { Random } from './random';

/** Printable ASCII: what classes and `.` choose from. */
const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const DIGITS = '0123456789';
const WORD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_';

/** The parts of regexp-tree's AST the generator reads. */
interface Node {
  readonly type: string;
  readonly body?: Node;
  readonly expression?: Node;
  readonly left?: Node;
  readonly right?: Node;
  readonly expressions?: readonly Node[];
  readonly capturing?: boolean;
  readonly number?: number;
  readonly kind?: string;
  readonly value?: string;
  readonly symbol?: string;
  readonly codePoint?: number;
  readonly negative?: boolean;
  readonly from?: Node;
  readonly to?: Node;
  readonly quantifier?: { readonly kind: string; readonly from?: number; readonly to?: number };
}

/** Go and RE2 spellings the JavaScript parser does not take, turned into their JavaScript equivalents. */
export function toJavaScriptRegex(source: string): { body: string; caseInsensitive: boolean } {
  let caseInsensitive = false;
  let body = source.replace(/\(\?i\)/g, () => {
    caseInsensitive = true;
    return '';
  });
  body = body
    .replace(/\(\?-?i:/g, '(?:')
    .replace(/\(\?s:/g, '(?:')
    .replace(/\(\?P</g, '(?<')
    .replace(/\\z/g, '$')
    .replace(/\[\[:alnum:\]\]/g, '[A-Za-z0-9]')
    .replace(/\[:alnum:\]/g, 'A-Za-z0-9');
  return { body, caseInsensitive };
}

function members(node: Node): string[] {
  const inClass = (ch: string): boolean =>
    (node.expressions ?? []).some((e) => {
      if (e.type === 'ClassRange') return ch >= (e.from?.symbol ?? '') && ch <= (e.to?.symbol ?? '');
      return metaMembers(e).includes(ch);
    });
  const chosen = PRINTABLE.filter((ch) => inClass(ch) !== Boolean(node.negative));
  // A negated class stands for separators around a token: a space is the plainest member.
  return node.negative && chosen.includes(' ') ? [' '] : chosen;
}

function metaMembers(node: Node): string[] {
  if (node.kind !== 'meta') return [node.symbol ?? String.fromCodePoint(node.codePoint ?? 32)];
  switch (node.value) {
    case '\\d':
      return [...DIGITS];
    case '\\w':
      return [...WORD];
    case '\\s':
      return [' '];
    case '\\D':
      return PRINTABLE.filter((c) => !DIGITS.includes(c));
    case '\\W':
      return PRINTABLE.filter((c) => !WORD.includes(c));
    case '\\S':
      return PRINTABLE.filter((c) => c !== ' ');
    case '.':
      // Lists write `hooks.slack.com` with a bare dot: the dot itself is the one sample every reading accepts.
      return ['.'];
    default:
      return [node.symbol ?? node.value ?? ' '];
  }
}

/** Where the secret's group starts and ends in the output, while generating a whole match. */
interface Marks {
  readonly group: number;
  start?: number;
  end?: number;
}

function generate(node: Node | undefined, r: Random, out: string[], marks?: Marks): void {
  if (!node) return;
  switch (node.type) {
    case 'RegExp':
      return generate(node.body, r, out, marks);
    case 'Alternative':
      for (const e of node.expressions ?? []) generate(e, r, out, marks);
      return;
    case 'Disjunction': {
      // Flatten a|b|c so each branch is equally likely.
      const branches: Node[] = [];
      const collect = (n: Node | undefined): void => {
        if (n?.type === 'Disjunction') {
          collect(n.left);
          collect(n.right);
        } else if (n) branches.push(n);
      };
      collect(node);
      return generate(r.pick(branches), r, out, marks);
    }
    case 'Group': {
      const mine = marks && node.capturing && node.number === marks.group;
      if (mine) marks.start = out.join('').length;
      generate(node.expression, r, out, marks);
      if (mine) marks.end = out.join('').length;
      return;
    }
    case 'Char':
      out.push(r.pick(metaMembers(node)));
      return;
    case 'CharacterClass':
      out.push(r.pick(members(node)));
      return;
    case 'Repetition': {
      const q = node.quantifier ?? { kind: '?' };
      const low = q.from ?? 0;
      const [from, to] = q.kind === '*' ? [0, 8] : q.kind === '+' ? [1, 16] : q.kind === '?' ? [0, 1] : [low, q.to === undefined ? low + 16 : Math.min(q.to, low + 64)];
      const n = from + r.int(to - from + 1);
      for (let i = 0; i < n; i++) generate(node.expression, r, out, marks);
      return;
    }
    default:
      // Assertions (^, $, \b, look-arounds) and back-references produce nothing.
      return;
  }
}

function children(node: Node): Node[] {
  return [node.body, node.expression, node.left, node.right, ...(node.expressions ?? [])].filter((n): n is Node => n !== undefined);
}

function findGroup(node: Node, number: number): Node | undefined {
  if (node.type === 'Group' && node.capturing && node.number === number) return node;
  for (const child of children(node)) {
    const found = findGroup(child, number);
    if (found) return found;
  }
  return undefined;
}

function capturingGroups(node: Node): number {
  return (node.type === 'Group' && node.capturing ? 1 : 0) + children(node).reduce((n, c) => n + capturingGroups(c), 0);
}

/**
 * A sample of the secret a pattern captures (its `group`, else group 1 when it has groups, else the whole match), and
 * the whole match it was generated within: where the pattern needs words around the secret (`AccountKey=…`), the
 * whole match is what a file holds.
 */
export function sampleOf(source: string, group: number | undefined, r: Random): { secret: string; whole: string } {
  const { body } = toJavaScriptRegex(source);
  const ast = regexpTree.parse(`/${body.replace(/\\.|\//g, (m) => (m === '/' ? '\\/' : m))}/`) as unknown as Node;
  const g = group ?? (capturingGroups(ast) > 0 ? 1 : 0);
  if (g > 0 && !findGroup(ast, g)) throw new Error(`no group ${g}`);
  const marks: Marks = { group: g };
  const out: string[] = [];
  generate(ast, r, out, marks);
  const whole = out.join('');
  const secret = g === 0 ? whole : whole.slice(marks.start ?? 0, marks.end ?? whole.length);
  return { secret, whole: whole.trim() };
}

/** Whether a pattern's match holds words beside its secret (a name the format requires: `AccountKey=`). */
export function needsWordsAround(sample: { secret: string; whole: string }): boolean {
  const at = sample.whole.indexOf(sample.secret);
  const rest = at < 0 ? sample.whole : sample.whole.slice(0, at) + sample.whole.slice(at + sample.secret.length);
  return /[A-Za-z]{2}/.test(rest);
}
