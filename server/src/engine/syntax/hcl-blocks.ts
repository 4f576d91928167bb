/**
 * HCL (Terraform) blocks as data: each block's type, labels and attributes, with its nested blocks. Rules about
 * infrastructure resources (a security group rule, a firewall) read a block's attributes by name, and a nested block
 * (`ingress { … }`, `allow { … }`) sees its parent's. One walk over the blocks and their bodies, never into the
 * expressions themselves: linear in the file.
 */
import type { Node, Tree } from '../tree-api';
import { literalValueSpan } from './string-literal';

export interface HclBlock {
  /** The block's type: `resource`, `ingress`, `security_rule`… */
  readonly type: string;
  /** Its labels as written, unquoted: `["aws_security_group", "ssh"]`. */
  readonly labels: readonly string[];
  /** Attribute name → the value's expression node. */
  readonly attributes: ReadonlyMap<string, Node>;
  readonly parent?: HclBlock;
  readonly node: Node;
}

function unquoted(node: Node): string {
  const text = node.text.slice(0, 200);
  const span = literalValueSpan(text);
  return text.slice(span.start, span.end);
}

/** Every block of the file, outer blocks before the blocks nested in them. */
export function hclBlocks(tree: Tree): HclBlock[] {
  const blocks: HclBlock[] = [];
  const pending: { body: Node; parent?: HclBlock }[] = [];
  const rootBody = tree.rootNode.namedChildren.find((c) => c?.type === 'body');
  if (rootBody) pending.push({ body: rootBody });
  for (let item = pending.pop(); item; item = pending.pop()) {
    for (const child of item.body.namedChildren) {
      if (child?.type !== 'block') continue;
      const parts = child.namedChildren.filter((c): c is Node => c !== null);
      const type = parts[0]?.type === 'identifier' ? parts[0].text : '';
      const labels = parts.filter((c) => c.type === 'string_lit' || (c.type === 'identifier' && c !== parts[0])).map(unquoted);
      const body = parts.find((c) => c.type === 'body');
      const attributes = new Map<string, Node>();
      for (const entry of body?.namedChildren ?? []) {
        if (entry?.type !== 'attribute') continue;
        const name = entry.namedChild(0);
        const value = entry.namedChild(1);
        if (name && value) attributes.set(name.text, value);
      }
      const block: HclBlock = { type, labels, attributes, parent: item.parent, node: child };
      blocks.push(block);
      if (body) pending.push({ body, parent: block });
    }
  }
  return blocks.sort((a, b) => a.node.startIndex - b.node.startIndex);
}

/** A literal value of an expression: its strings and numbers (a list's elements), at most `limit` of them. */
export interface HclLiteral {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly number: boolean;
}

const LITERAL_TYPES = new Set(['string_lit', 'numeric_lit']);

export function hclLiterals(expression: Node, limit = 64): HclLiteral[] {
  const found: HclLiteral[] = [];
  const stack: Node[] = [expression];
  while (stack.length > 0 && found.length < limit) {
    const node = stack.pop()!;
    if (LITERAL_TYPES.has(node.type)) {
      const text = node.text.slice(0, 200);
      const span = literalValueSpan(text);
      const number = node.type === 'numeric_lit';
      found.push({ text: number ? text : text.slice(span.start, span.end), start: node.startIndex + (number ? 0 : span.start), end: node.startIndex + (number ? text.length : span.end), number });
      continue;
    }
    // Only the containers of literal values: a function call or a template is not a literal.
    if (!['expression', 'literal_value', 'collection_value', 'tuple'].includes(node.type)) continue;
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]) stack.push(children[i]!);
  }
  return found;
}
