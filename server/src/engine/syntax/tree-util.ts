/** Small helpers over tree-sitter nodes shared by the string and call fact extraction. */
import type { Node } from '../tree-api';
import { literalValueSpan } from './string-literal';

/** The last identifier in a name as written: `this.cfg["db.password"]` → `password`, `*pw` → `pw`. */
export function lastIdentifier(text: string): string {
  const matches = text.slice(-200).match(/[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF-]*/g);
  return matches ? matches[matches.length - 1] : '';
}

/** Call nodes whose callee has no field: it is the first named child (Kotlin, Swift, HCL). */
const CALLEE_FIRST: ReadonlySet<string> = new Set(['call_expression', 'function_call']);

export function calleeNode(call: Node): Node | null {
  return (
    call.childForFieldName('function') ??
    call.childForFieldName('method') ??
    call.childForFieldName('name') ??
    call.childForFieldName('type') ??
    call.childForFieldName('macro') ??
    call.childForFieldName('command_name') ??
    (CALLEE_FIRST.has(call.type) ? call.namedChild(0) : null)
  );
}

/**
 * The node holding a call's arguments: the `arguments` field, or the argument list among its children (Kotlin's
 * `value_arguments`, Swift's inside `call_suffix`, HCL's `function_arguments`, PowerShell's `command_elements`).
 */
export function argumentsOf(call: Node): Node | null {
  const field = call.childForFieldName('arguments') ?? call.childForFieldName('command_elements');
  if (field) return field;
  for (const child of call.namedChildren) {
    if (!child) continue;
    if (child.type === 'value_arguments' || child.type === 'function_arguments' || child.type === 'argument_list') return child;
    if (child.type === 'call_suffix') return child.namedChildren.find((c) => c?.type === 'value_arguments') ?? null;
  }
  return null;
}

/** Longest callee read whole; a longer one is a chain (`builder.a(…).b(…).c`) and only its end names the call. */
const MAX_CALLEE = 240;

/** The text of a node, or for a long node its last `max` characters (whitespace kept). */
function tailText(node: Node, max: number): string {
  const length = node.endIndex - node.startIndex;
  return length <= max ? node.text : node.text.slice(length - max);
}

export function calleeText(call: Node): string {
  const callee = calleeNode(call);
  if (!callee) return '';
  const receiver = call.childForFieldName('object') ?? call.childForFieldName('receiver') ?? call.childForFieldName('scope');
  if (callee.endIndex - callee.startIndex > MAX_CALLEE) return tailText(callee, MAX_CALLEE).replace(/\s+/g, '').replace(/^[^A-Za-z_$]*/, '');
  const own = callee.text.replace(/\s+/g, '');
  // The callee is short here, so this test is too (a longer receiver is never inside it).
  if (!receiver || callee.text.includes(receiver.text)) return own;
  return `${tailText(receiver, MAX_CALLEE).replace(/\s+/g, '')}.${own}`;
}

/**
 * A node's text with white space folded, trimmed, at most `max` characters: read from the start of the node a
 * little at a time, so a name that is really a huge expression costs no more than a short one.
 */
export function foldedHead(node: Node, max: number): string {
  const length = node.endIndex - node.startIndex;
  let take = Math.min(length, max * 2);
  for (;;) {
    const folded = node.text.slice(0, take).replace(/\s+/g, ' ').trim();
    if (folded.length >= max || take >= length) return folded.slice(0, max);
    take = Math.min(length, take * 4);
  }
}

export function stringNodeValue(node: Node): string | undefined {
  let inner: Node = node;
  while (inner.type === 'argument' && inner.namedChildCount === 1 && inner.namedChild(0)) inner = inner.namedChild(0)!;
  if (!/string|literal/.test(inner.type) || /number|integer|char/.test(inner.type)) return undefined;
  const span = literalValueSpan(inner.text);
  return inner.text.slice(span.start, span.end);
}

