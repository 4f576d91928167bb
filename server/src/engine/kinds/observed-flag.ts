/**
 * Where a switch set inside a function is not the switch itself.
 *
 * A flag that records what a peer said, not a switch: `login_disabled = TRUE` inside `if (strcmp(cap,
 * "LOGINDISABLED") == 0)` notes that a server advertised a capability; `no_auth = 1` after `--no-auth` was read
 * notes an option the user passed. The literal is set at run time from input, under a test that compares the input
 * with the flag's own name spelled as a keyword. A switch turned on in code (`NO_AUTH = true`, or set under a test
 * of anything else: `if (strcmp(user, "maint") == 0) skip_auth = 1;`) is not one of these.
 */
import { Frame, walkerFor } from '../syntax/ancestry';
import { enclosingNamedFunction, ifParts } from '../syntax/scope';
import { ScanDocument } from './kind';

/** How many levels above a literal its `if` may be (the assignment, the expression statement, a block). */
const MAX_CLIMB = 6;
/** How much of a condition is read. */
const MAX_CONDITION = 300;

const letters = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Whether a literal set at `start`…`end` to `name` sits in the branch of an `if` that compares input with the name as a keyword. */
export function recordsObservedKeyword(doc: ScanDocument, start: number, end: number, name: string): boolean {
  if (!doc.tree) return false;
  const flag = letters(name);
  if (flag.length < 4) return false;
  let frame: Frame | undefined = walkerFor(doc.tree, 'observed-flag').frameAt(start, end);
  for (let depth = 0; frame?.parent && depth < MAX_CLIMB; depth++, frame = frame.parent) {
    const parts = ifParts(frame.parent.node);
    if (!parts) continue;
    const branch = parts.consequence;
    if (!(branch.startIndex <= start && end <= branch.endIndex)) return false;
    const condition = doc.text.slice(parts.condition.startIndex, Math.min(parts.condition.endIndex, parts.condition.startIndex + MAX_CONDITION));
    for (const m of condition.matchAll(/["']([^"'\\\n]{2,64})["']/g)) {
      const keyword = letters(m[1]);
      if (keyword.length >= 4 && (keyword === flag || flag.endsWith(keyword))) return true;
    }
    return false;
  }
  return false;
}

/**
 * Whether a flag is set by the function named for it (`withoutAuthentication()` sets `withoutAuth`, `setNoAuth()`,
 * an option constructor): the facility that turns it on, whose callers decide whether it runs; the switch is where
 * it is called.
 */
export function setByItsOwnSetter(doc: ScanDocument, start: number, end: number, name: string): boolean {
  if (!doc.tree) return false;
  const flag = letters(name);
  if (flag.length < 5) return false;
  const frame = walkerFor(doc.tree, 'observed-flag').frameAt(start, end);
  const fn = frame && enclosingNamedFunction(frame, doc.languageId);
  if (!fn) return false;
  // A verb that only says "set" is dropped where a word starts after it (`setNoAuth`, `with_no_auth`), not inside one (`without`).
  const fnName = letters(fn.name.replace(/^(?:set|with|enable|use|make|apply|turn|force)(?=[A-Z_])/, ''));
  return fnName.length >= 5 && (fnName.includes(flag) || flag.includes(fnName));
}
