/**
 * Conditions that narrow a `call` rule to the risky uses of a function: a format that is not fixed at build time,
 * a scanf format that reads a string with no width, a copy whose size is not the destination's own size.
 */
import { CallCondition } from '../rulebook/types';
import { ArgumentFact, CallFact } from '../syntax/facts';
import { MACRO_PIECE } from '../syntax/constant-text';

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

/**
 * True when the size is `sizeof` the destination: `memcpy(&hdr, p, sizeof hdr)`, `memcpy(buf, s, sizeof(buf))`,
 * `memcpy(dst, src, sizeof *dst)`. Such a copy cannot write past the destination.
 */
export function sizedToDestination(destination: string, size: string): boolean {
  const sized = /^sizeof(.+)$/.exec(normalized(size));
  if (!sized) return false;
  const measured = normalized(sized[1]);
  const dest = normalized(destination);
  const target = dest.startsWith('&') ? normalized(dest.slice(1)) : dest;
  if (measured === target) return true;
  return /^[A-Za-z_][\w.>-]*$/.test(dest) && (measured === `*${dest}` || measured === `${dest}[0]`);
}

function argumentText(text: string, arg: ArgumentFact | undefined): string | undefined {
  return arg ? text.slice(arg.start, arg.end) : undefined;
}

/** Whether a call meets its function's condition (a function without one always does). */
export function conditionHolds(condition: CallCondition | undefined, call: CallFact, text: string): boolean {
  if (!condition) return true;
  if ('format' in condition) {
    const arg = call.args[condition.formatArg];
    if (!arg) return false;
    if (condition.format === 'non-literal') return arg.stringValue === undefined;
    return arg.stringValue === undefined || scansUnboundedString(arg.stringValue);
  }
  const destination = argumentText(text, call.args[condition.destinationArg]);
  const size = argumentText(text, call.args[condition.sizeArg]);
  if (destination === undefined || size === undefined) return true;
  return !sizedToDestination(destination, size);
}
