/** Small helpers over tree-sitter nodes shared by the string and call fact extraction. */
import type { Node } from 'web-tree-sitter';
import { literalValueSpan } from './string-literal';

/** The last identifier in a name as written: `this.cfg["db.password"]` → `password`, `*pw` → `pw`. */
export function lastIdentifier(text: string): string {
  const matches = text.slice(-200).match(/[A-Za-z_\u00C0-\uFFFF][\w\u00C0-\uFFFF-]*/g);
  return matches ? matches[matches.length - 1] : '';
}

export function calleeNode(call: Node): Node | null {
  return (
    call.childForFieldName('function') ??
    call.childForFieldName('method') ??
    call.childForFieldName('name') ??
    call.childForFieldName('type')
  );
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

