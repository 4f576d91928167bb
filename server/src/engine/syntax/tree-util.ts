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

export function calleeText(call: Node): string {
  const callee = calleeNode(call);
  if (!callee) return '';
  const receiver = call.childForFieldName('object') ?? call.childForFieldName('receiver') ?? call.childForFieldName('scope');
  const own = callee.text.replace(/\s+/g, '');
  return receiver && !callee.text.includes(receiver.text) ? `${receiver.text.replace(/\s+/g, '')}.${own}` : own;
}

export function stringNodeValue(node: Node): string | undefined {
  let inner: Node = node;
  while (inner.type === 'argument' && inner.namedChildCount === 1 && inner.namedChild(0)) inner = inner.namedChild(0)!;
  if (!/string|literal/.test(inner.type) || /number|integer|char/.test(inner.type)) return undefined;
  const span = literalValueSpan(inner.text);
  return inner.text.slice(span.start, span.end);
}

