/**
 * Conditions that narrow a `call` rule to the risky uses of a function: a format that is not fixed at build time,
 * a scanf format that reads a string with no width, a copy whose size is not the destination's own size.
 */
import { CallCondition } from '../rulebook/types';
import { ArgumentFact, CallFact } from '../syntax/facts';
import { MACRO_PIECE, constantCText } from '../syntax/constant-text';
import { BoundVerdict, CopyContext, evidentBound } from './copy-bounds';

/**
 * One scanf conversion: `%`, an optional position (`2$`), assignment suppression `*`, a width (digits, or a macro
 * pasted in: `"%" STR(LEN) "s"`), POSIX's allocating `m`, a length modifier, and the conversion.
 */
const SCAN_CONVERSION = new RegExp(
  `%(?:\\d+\\$)?(\\*)?([\\d${MACRO_PIECE}]*)(m)?(?:hh|h|ll|l|L|j|z|t|q|I64|I32|I|w)?([A-Za-z\\[%${MACRO_PIECE}]|$)`,
  'g',
);

/**
 * True when a scanf format writes a string (`%s`, `%S`, `%ls`, `%[…]`) into a buffer with no width to stop it.
 * `%*s` (read and discard), `%ms` (the library allocates) and `%20s` are bounded.
 */
export function scansUnboundedString(format: string): boolean {
  SCAN_CONVERSION.lastIndex = 0;
  for (let m = SCAN_CONVERSION.exec(format); m; m = SCAN_CONVERSION.exec(format)) {
    const [, suppressed, width, allocates, conversion] = m;
    if (m[0].length === 0) SCAN_CONVERSION.lastIndex++;
    if (conversion !== 's' && conversion !== 'S' && conversion !== '[') continue;
    if (!suppressed && width === '' && !allocates) return true;
  }
  return false;
}

function normalized(expression: string): string {
  let text = expression.replace(/\s+/g, '');
  while (/^\(.*\)$/.test(text) && balanced(text.slice(1, -1))) text = text.slice(1, -1);
  return text;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** Splits `text` at the top-level occurrences of `separator` (outside any brackets). */
function topLevelSplit(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth--;
    else if (depth === 0 && ch === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function isSizeofDestination(destination: string, size: string): boolean {
  const sized = /^sizeof(.+)$/.exec(normalized(size));
  if (!sized) return false;
  const measured = normalized(sized[1]);
  const dest = normalized(destination);
  const target = dest.startsWith('&') ? normalized(dest.slice(1)) : dest;
  if (measured === target) return true;
  return /^[A-Za-z_][\w.>-]*$/.test(dest) && (measured === `*${dest}` || measured === `${dest}[0]`);
}

/**
 * True when the size is `sizeof` the destination — `memcpy(&hdr, p, sizeof hdr)`, `memcpy(buf, s, sizeof(buf))`,
 * `memcpy(dst, src, sizeof *dst)` — or is clamped to it: `MIN(n, sizeof buf)`, `n <= sizeof buf ? n : sizeof buf`.
 * Such a copy cannot write past the destination.
 */
export function sizedToDestination(destination: string, size: string): boolean {
  if (isSizeofDestination(destination, size)) return true;
  const text = normalized(size);
  const min = /^(?:std::)?(?:MIN|min|Min|MIN2|min2)\((.*)\)$/.exec(text);
  if (min && balanced(min[1])) {
    return topLevelSplit(min[1], ',').some((arg) => isSizeofDestination(destination, arg));
  }
  const [condition, rest] = topLevelSplit(text, '?');
  if (rest === undefined) return false;
  const branches = topLevelSplit(text.slice(condition.length + 1), ':');
  if (branches.length !== 2) return false;
  const sizedBranch = branches.findIndex((b) => isSizeofDestination(destination, b));
  if (sizedBranch < 0) return false;
  // The other branch must be taken only when the condition says it is no larger than the destination.
  const other = normalized(branches[1 - sizedBranch]);
  const limit = normalized(branches[sizedBranch]);
  const comparison = /^(.+?)(<=|>=|<|(?<!-)>)(.+)$/.exec(normalized(condition));
  if (!comparison) return false;
  const [, left, op, right] = comparison;
  const otherIsSmaller =
    (normalized(left) === other && normalized(right) === limit && op.startsWith('<')) ||
    (normalized(left) === limit && normalized(right) === other && op.startsWith('>'));
  const otherIsLarger =
    (normalized(left) === other && normalized(right) === limit && op.startsWith('>')) ||
    (normalized(left) === limit && normalized(right) === other && op.startsWith('<'));
  return sizedBranch === 1 ? otherIsSmaller : otherIsLarger;
}

function argumentText(text: string, arg: ArgumentFact | undefined): string | undefined {
  return arg ? text.slice(arg.start, arg.end) : undefined;
}

/**
 * What a call's condition says of it: not a risky use (`risky: false`), a risky use, or a copy whose bound is
 * evident nearby (`bound`, for conditions with `bounded`; read from the tree around the call when there is one).
 */
export type ConditionVerdict = { readonly risky: false } | { readonly risky: true; readonly bound?: BoundVerdict };

const NOT_RISKY: ConditionVerdict = { risky: false };
const RISKY: ConditionVerdict = { risky: true };

/** The text and tree a verdict reads: the scanned document (no tree: the call's own arguments only). */
export interface ConditionContext {
  readonly text: string;
  readonly copy?: CopyContext;
}

/** The extent of a call from its name to its last argument. */
function callSpan(call: CallFact): { start: number; end: number } {
  const last = call.args[call.args.length - 1];
  return { start: call.nameStart, end: (last?.end ?? call.nameEnd) + 1 };
}

/**
 * Whether a call meets its function's condition (a function without one always does). `args` replaces the call's
 * own arguments' texts (a call through a wrapper macro, with the macro's parameters replaced).
 */
export function conditionVerdict(condition: CallCondition | undefined, call: CallFact, context: ConditionContext, args?: readonly string[]): ConditionVerdict {
  if (!condition) return RISKY;
  if ('format' in condition) {
    const value = args ? constantCText(args[condition.formatArg] ?? '') : call.args[condition.formatArg]?.stringValue;
    if (args ? args[condition.formatArg] === undefined : !call.args[condition.formatArg]) return NOT_RISKY;
    if (condition.format === 'non-literal') return value === undefined ? RISKY : NOT_RISKY;
    return value === undefined || scansUnboundedString(value) ? RISKY : NOT_RISKY;
  }
  const destination = args ? args[condition.destinationArg] : argumentText(context.text, call.args[condition.destinationArg]);
  const size = args ? args[condition.sizeArg] : argumentText(context.text, call.args[condition.sizeArg]);
  if (destination === undefined || size === undefined) return RISKY;
  if (sizedToDestination(destination, size)) return NOT_RISKY;
  if (!condition.bounded || !context.copy) return RISKY;
  const bound = evidentBound(context.copy, callSpan(call), destination, size);
  if (!bound) return RISKY;
  return condition.bounded === 'off' ? NOT_RISKY : { risky: true, bound };
}
