/**
 * Completion and hover for the rulebook file, from the same JSON Schema the loader validates with: the keys valid
 * at the cursor with their documentation (only the current rule kind's keys), enum values, rule ids for
 * `overrides` / `disable` / `enable`, language names and kind names. Pure: text and position in, items out; the
 * language server only translates them to LSP.
 */
import { kindNames } from '../kinds';
import { LANGUAGE_IDS } from '../languages';
import { SchemaNode, childNode, describeNode, isList, isMapping, keysOf, kindsOfKey, nodeAt, valuesOf } from './schema-navigation';
import { Locale } from './types';
import { CursorContext, ancestorsOf, cursorContext, shapeOf } from './yaml-context';

export interface AssistPosition {
  /** Zero-based line and UTF-16 character, as in LSP. */
  readonly line: number;
  readonly character: number;
}

export interface AssistRange {
  readonly start: AssistPosition;
  readonly end: AssistPosition;
}

export interface AssistOptions {
  /** Ids of the rules the rulebook can refer to (the loaded rulebook's); ids defined in the text are added. */
  readonly ruleIds?: readonly string[];
  /** Markdown describing a rule (asked only for the ids shown), for its id in `overrides`, `disable` or `enable`. */
  readonly ruleDoc?: (id: string) => string | undefined;
  readonly locale?: Locale;
}

export type CompletionKind = 'key' | 'value' | 'rule' | 'language' | 'kind';

export interface CompletionItem {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line: the start of the documentation. */
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  readonly insertText: string;
  /** What the item replaces: the word typed so far. */
  readonly range: AssistRange;
}

export interface HoverInfo {
  /** Markdown. */
  readonly contents: string;
  readonly range: AssistRange;
}

/** A key path pattern: a segment, one of several (`[a, b]`), or any segment (`null`). Globs may hold `/`. */
type PathPattern = readonly (string | readonly string[] | null)[];

const matchesPath = (path: readonly string[], pattern: PathPattern): boolean =>
  path.length === pattern.length && pattern.every((p, i) => p === null || (typeof p === 'string' ? p === path[i] : p.includes(path[i])));
const matchesAny = (path: readonly string[], patterns: readonly PathPattern[]): boolean => patterns.some((p) => matchesPath(path, p));

const RULE_ID_LISTS: readonly PathPattern[] = [[['disable', 'enable'], '*'], ['paths', null, ['disable', 'enable'], '*']];
const OVERRIDE_MAPS: readonly PathPattern[] = [['overrides'], ['paths', null, 'overrides'], ['review', 'overrides']];
const LANGUAGE_VALUES: readonly PathPattern[] = [['rules', '*', 'languages', '*'], ['rules', '*', 'examples', ['bad', 'good'], '*', 'language']];
const KIND_VALUE: PathPattern = ['rules', '*', 'kind'];
const GLOB_EXAMPLES = ['vendor/**', 'third_party/**', 'test/**', '**/*.min.js', 'src/legacy/**'];

function firstSentence(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /^(.+?[.。])(\s|$)/.exec(text);
  return m ? m[1] : text;
}

/** Rule ids the options give, plus every `id:` of a rule written in the text itself. */
function knownRuleIds(text: string, options: AssistOptions): string[] {
  const ids = new Set(options.ruleIds ?? []);
  for (const m of text.matchAll(/^\s*(?:-\s+)?id:\s*["']?([a-z0-9][\w.-]*)/gm)) ids.add(m[1]);
  return [...ids].sort();
}

function documentation(node: SchemaNode | undefined, options: AssistOptions): string | undefined {
  const locale = options.locale ?? 'en';
  const text = describeNode(node, locale);
  const english = describeNode(node, 'en');
  // In Japanese, show the English text too: rule authors often share the file with teams abroad.
  return locale === 'ja' && text && english && text !== english ? `${text}\n\n${english}` : text;
}

/** After a `- ` in a list of mappings, or under a list's key without a `- ` yet, adjust what goes here. */
function normalize(ctx: CursorContext): { position: 'key' | 'value'; path: readonly string[]; node: SchemaNode | undefined; dash: boolean } {
  let node = nodeAt(ctx.path);
  let { position, path } = ctx;
  let dash = false;
  if (position === 'value' && path[path.length - 1] === '*' && isMapping(node) && !ctx.partial.includes(':')) position = 'key';
  if (position === 'key' && isList(node) && !isMapping(node) && !matchesAny(path, OVERRIDE_MAPS)) {
    path = [...path, '*'];
    node = childNode(node, '*');
    dash = true;
    if (!isMapping(node)) position = 'value';
  }
  return { position, path, node, dash };
}

function keyItems(path: readonly string[], node: SchemaNode | undefined, ctx: CursorContext, dash: boolean, text: string, options: AssistOptions): Omit<CompletionItem, 'range'>[] {
  const prefix = dash ? '- ' : '';
  if (matchesAny(path, OVERRIDE_MAPS)) {
    const doc = documentation(childNode(node, 'any'), options);
    return knownRuleIds(text, options).map((id) => ({ label: id, kind: 'rule', detail: 'rule id', documentation: options.ruleDoc?.(id) ?? doc, insertText: `${prefix}${id}: ` }));
  }
  if (matchesPath(path, ['paths'])) {
    return GLOB_EXAMPLES.map((glob) => ({ label: `"${glob}"`, kind: 'value', detail: 'minimatch glob', documentation: documentation(childNode(node, glob), options), insertText: `${prefix}"${glob}": ` }));
  }
  const kind = ctx.siblings.get('kind')?.value.replace(/^["']|["']$/g, '');
  return keysOf(node)
    .filter(({ name }) => !ctx.siblings.has(name))
    .filter(({ schema }) => {
      const kinds = kindsOfKey(schema);
      return !kind || !kinds || kinds.includes(kind);
    })
    .map(({ name, schema }) => {
      const doc = documentation(schema, options);
      return { label: name, kind: 'key' as const, detail: firstSentence(doc), documentation: doc, insertText: `${prefix}${name}: ` };
    });
}

function valueItems(path: readonly string[], node: SchemaNode | undefined, dash: boolean, text: string, options: AssistOptions): Omit<CompletionItem, 'range'>[] {
  const prefix = dash ? '- ' : '';
  if (matchesAny(path, RULE_ID_LISTS)) {
    return ['all', ...knownRuleIds(text, options)].map((id) => ({
      label: id,
      kind: 'rule',
      detail: id === 'all' ? 'every rule' : 'rule id',
      documentation: options.ruleDoc?.(id),
      insertText: `${prefix}${id}`,
    }));
  }
  if (matchesAny(path, LANGUAGE_VALUES)) {
    return LANGUAGE_IDS.map((id) => ({ label: id, kind: 'language', detail: 'language', insertText: `${prefix}${id}` }));
  }
  if (matchesPath(path, KIND_VALUE)) {
    return kindNames().map((name) => ({ label: name, kind: 'kind', detail: 'rule kind', documentation: documentation(node, options), insertText: `${prefix}${name}` }));
  }
  const doc = documentation(node, options);
  return valuesOf(node).map((value) => ({ label: String(value), kind: 'value', detail: firstSentence(doc), documentation: doc, insertText: `${prefix}${String(value)}` }));
}

/** Completion items at a position of a rulebook's text. */
export function rulebookCompletions(text: string, position: AssistPosition, options: AssistOptions = {}): CompletionItem[] {
  const ctx = cursorContext(text, position.line, position.character);
  if (!ctx) return [];
  const { position: where, path, node, dash } = normalize(ctx);
  const range: AssistRange = { start: { line: position.line, character: ctx.partialStart }, end: position };
  const items = where === 'key' ? keyItems(path, node, ctx, dash, text, options) : valueItems(path, node, dash, text, options);
  return items.map((item) => ({ ...item, range }));
}

/** Documentation for the key (or rule id) under the cursor. */
export function rulebookHover(text: string, position: AssistPosition, options: AssistOptions = {}): HoverInfo | undefined {
  const lines = text.split(/\r?\n/);
  const shapes = lines.map(shapeOf);
  const shape = shapes[position.line];
  const key = shape?.key;
  const line = lines[position.line] ?? '';
  const rangeOf = (start: number, end: number): AssistRange => ({ start: { line: position.line, character: start }, end: { line: position.line, character: end } });
  if (key && position.character >= key.col && position.character < key.end) {
    const container = ancestorsOf(shapes, position.line, key.col, 'key');
    if (!container) return undefined;
    const path = [...container, key.name];
    const doc = documentation(nodeAt(path), options);
    const ruleDoc = matchesAny(container, OVERRIDE_MAPS) ? options.ruleDoc?.(key.name) : undefined;
    const body = [ruleDoc, doc].filter(Boolean).join('\n\n---\n\n');
    return body ? { contents: `**${key.name}**\n\n${body}`, range: rangeOf(key.col, key.end) } : undefined;
  }
  // A rule id in a `disable` / `enable` list.
  const word = /[\w.*-]+/g;
  for (const m of line.matchAll(word)) {
    if (position.character < m.index || position.character >= m.index + m[0].length) continue;
    const ctx = cursorContext(text, position.line, m.index + m[0].length);
    if (!ctx || !matchesAny(ctx.path, RULE_ID_LISTS)) return undefined;
    const doc = options.ruleDoc?.(m[0]);
    return doc ? { contents: `**${m[0]}**\n\n${doc}`, range: rangeOf(m.index, m.index + m[0].length) } : undefined;
  }
  return undefined;
}
