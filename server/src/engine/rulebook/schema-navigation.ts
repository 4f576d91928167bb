/**
 * Walking the rulebook's JSON Schema by key path, for the editor: the schema of the value at `rules[*].examples`,
 * the keys a mapping allows, the values an enum allows, and each one's documentation. `$ref`s are followed (a
 * property's own description wins over its target's); `oneOf` / `anyOf` branches are searched for the object form.
 */
import { RULEBOOK_SCHEMA } from './schema';
import { Locale } from './types';

export type SchemaNode = Readonly<Record<string, unknown>>;

/** Key path segments; `*` stands for any item of a list. */
export type SchemaPath = readonly string[];

function definition(ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = RULEBOOK_SCHEMA;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as SchemaNode | undefined;
}

/** Follows `$ref`, keeping the referring node's own annotations (its description beats the definition's). */
export function resolveNode(node: SchemaNode | undefined): SchemaNode | undefined {
  let current = node;
  let own: Record<string, unknown> = {};
  for (let depth = 0; current && typeof current.$ref === 'string' && depth < 10; depth++) {
    const { $ref, ...rest } = current;
    own = { ...rest, ...own };
    current = definition(String($ref));
  }
  return current ? { ...current, ...own } : undefined;
}

const branches = (node: SchemaNode): SchemaNode[] =>
  [node, ...((node.oneOf ?? node.anyOf ?? []) as SchemaNode[]).map((b) => resolveNode(b)).filter((b): b is SchemaNode => b !== undefined)];

export function childNode(node: SchemaNode | undefined, segment: string): SchemaNode | undefined {
  const resolved = resolveNode(node);
  if (!resolved) return undefined;
  for (const branch of branches(resolved)) {
    if (segment === '*') {
      if (branch.items) return resolveNode(branch.items as SchemaNode);
      continue;
    }
    const property = (branch.properties as Record<string, SchemaNode> | undefined)?.[segment];
    if (property) return resolveNode(property);
    if (branch.additionalProperties && typeof branch.additionalProperties === 'object') return resolveNode(branch.additionalProperties as SchemaNode);
  }
  return undefined;
}

export function nodeAt(path: SchemaPath): SchemaNode | undefined {
  let node: SchemaNode | undefined = RULEBOOK_SCHEMA;
  for (const segment of path) node = childNode(node, segment);
  return node;
}

/** The keys a mapping at this node allows, with their schemas (empty for free-form maps such as `overrides`). */
export function keysOf(node: SchemaNode | undefined): { name: string; schema: SchemaNode }[] {
  const resolved = resolveNode(node);
  if (!resolved) return [];
  const keys = new Map<string, SchemaNode>();
  for (const branch of branches(resolved)) {
    for (const [name, schema] of Object.entries((branch.properties as Record<string, SchemaNode> | undefined) ?? {})) {
      if (!keys.has(name)) keys.set(name, resolveNode(schema) ?? schema);
    }
  }
  return [...keys].map(([name, schema]) => ({ name, schema }));
}

/** True when the node (or one of its branches) is a list. */
export function isList(node: SchemaNode | undefined): boolean {
  const resolved = resolveNode(node);
  return resolved ? branches(resolved).some((b) => b.type === 'array' || b.items !== undefined) : false;
}

/** True when the node (or one of its branches) is a mapping. */
export function isMapping(node: SchemaNode | undefined): boolean {
  const resolved = resolveNode(node);
  return resolved ? branches(resolved).some((b) => b.type === 'object' || b.properties !== undefined || b.additionalProperties !== undefined) : false;
}

/** Fixed values the schema names for a scalar: `enum`, `const`, `examples`, booleans. */
export function valuesOf(node: SchemaNode | undefined): (string | number | boolean)[] {
  const resolved = resolveNode(node);
  if (!resolved) return [];
  const values: (string | number | boolean)[] = [];
  for (const branch of branches(resolved)) {
    if (Array.isArray(branch.enum)) values.push(...(branch.enum as (string | number)[]));
    if (branch.const !== undefined) values.push(branch.const as string);
    if (Array.isArray(branch.examples)) values.push(...(branch.examples as string[]));
    if (branch.type === 'boolean') values.push(true, false);
  }
  return [...new Set(values)];
}

/** The node's documentation in a locale (Japanese falls back to English). */
export function describeNode(node: SchemaNode | undefined, locale: Locale = 'en'): string | undefined {
  const resolved = resolveNode(node);
  if (!resolved) return undefined;
  const ja = resolved['x-description-ja'];
  if (locale === 'ja' && typeof ja === 'string') return ja;
  return typeof resolved.description === 'string' ? resolved.description : undefined;
}

/**
 * The kinds a rule key belongs to, from its description: `kind pattern: …`, `kind secret or ip: …`,
 * `kind secret, setting, route or a pattern query: …`, or several (`kind secret: …; kind setting: …`).
 */
export function kindsOfKey(node: SchemaNode | undefined): string[] | undefined {
  const description = resolveNode(node)?.description;
  if (typeof description !== 'string') return undefined;
  const kinds = [...description.matchAll(/(?:^|; )kind ([^:;]+):/g)].flatMap((m) => m[1].split(/, | or |\s+/)).filter(Boolean);
  return kinds.length > 0 ? kinds : undefined;
}
