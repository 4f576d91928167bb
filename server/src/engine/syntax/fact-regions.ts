/**
 * Which part of an edited document must have its facts read again. A fact depends on its own node and on a few
 * ancestors (the name a string is bound to, the call around an argument), never on code in another statement: so
 * the region is the edited text and every part whose syntax changed, widened to whole statements — the nodes whose
 * parent is a container of statements, declarations or elements (a block, a class body, an object literal…).
 */
import type { Node, Tree } from '../tree-api';
import { Region } from './located-facts';
import { ChangedRegion } from './fact-snapshot';

/** Node types whose children are independent items. Types a grammar lacks are simply never seen. */
const CONTAINER_TYPES = [
  // C, C++
  'translation_unit', 'compound_statement', 'declaration_list', 'field_declaration_list', 'enumerator_list',
  'initializer_list', 'preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef', 'case_statement',
  // JavaScript, TypeScript
  'program', 'statement_block', 'class_body', 'switch_body', 'switch_case', 'switch_default', 'object', 'array',
  'interface_body', 'enum_body',
  // Python
  'module', 'block', 'dictionary', 'list', 'set',
  // Java, C#
  'interface_body', 'enum_body', 'switch_block', 'switch_block_statement_group', 'array_initializer', 'constructor_body',
  'switch_section', 'initializer_expression',
  // Go
  'source_file', 'statement_list', 'literal_value', 'field_declaration_list', 'expression_case', 'default_case',
  'communication_case', 'type_case',
  // PHP
  'array_creation_expression', 'switch_block',
  // Ruby
  'body_statement', 'do_block', 'hash', 'then', 'else', 'begin',
  // Shell
  'do_group',
];

/** Compared by name: a type's id differs between grammars, and an alias may give one name two ids. */
const CONTAINERS: ReadonlySet<string> = new Set(CONTAINER_TYPES);

/** Widens a range to the statements (children of containers) it touches. */
function widen(root: Node, range: Region, isContainer: (node: Node) => boolean): Region {
  const start = Math.max(0, range.start - 1);
  const end = Math.min(root.endIndex, range.end + 1);
  let node: Node | null = root.descendantForIndex(start, end);
  while (node && node.parent && !isContainer(node) && !isContainer(node.parent)) node = node.parent;
  if (!node) return range;
  if (!node.parent || isContainer(node)) {
    // The range lies between or across items of a container: take every item it touches.
    let from = range.start;
    let to = range.end;
    for (const child of node.children) {
      if (child && child.endIndex >= start && child.startIndex <= end) {
        from = Math.min(from, child.startIndex);
        to = Math.max(to, child.endIndex);
      }
    }
    return { start: from, end: to };
  }
  return { start: Math.min(range.start, node.startIndex), end: Math.max(range.end, node.endIndex) };
}

/**
 * The region (new offsets) whose facts must be read again after `changed`: `oldTree` is the previous tree, already
 * edited, and `newTree` the tree parsed from it.
 */
export function affectedRegion(oldTree: Tree, newTree: Tree, changed: ChangedRegion): Region {
  const isContainer = (node: Node): boolean => CONTAINERS.has(node.type);
  const root = newTree.rootNode;
  const ranges: Region[] = [{ start: changed.start, end: changed.newEnd }];
  for (const range of oldTree.getChangedRanges(newTree)) ranges.push({ start: range.startIndex, end: range.endIndex });
  let start = Infinity;
  let end = -Infinity;
  for (const range of ranges) {
    const wide = widen(root, range, isContainer);
    start = Math.min(start, wide.start);
    end = Math.max(end, wide.end);
  }
  return { start, end };
}
