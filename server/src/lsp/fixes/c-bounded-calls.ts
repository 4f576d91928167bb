/**
 * Exact quick fixes for unbounded C buffer writes, offered only when they are safe: the buffer is a plain identifier
 * whose nearest declaration in scope is a `char` array of known size (so `sizeof buf` is the buffer's size, not a
 * pointer's). `gets(buf)` becomes `fgets(buf, sizeof buf, stdin)`; `sprintf(buf, …)` becomes
 * `snprintf(buf, sizeof buf, …)` (and `vsprintf` → `vsnprintf`). Array parameters decay to pointers: never fixed.
 */
import type { Node, Tree } from '../../engine/tree-api';
import { LanguageId } from '../../engine';

export interface Replacement {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface CallFix {
  /** Which fix, for the title: `fgets` or `snprintf`. */
  readonly kind: 'fgets' | 'snprintf';
  readonly buffer: string;
  readonly replacement: string;
  readonly edits: readonly Replacement[];
}

const SCOPES = new Set(['compound_statement', 'translation_unit', 'declaration_list']);

function namedArguments(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  return (args?.namedChildren ?? []).filter((n): n is Node => n !== null && n.type !== 'comment');
}

/** What a declarator declares: the name, and whether it is a one-dimensional array of known size. */
function declared(declarator: Node | null): { name: string; sizedArray: boolean } | undefined {
  if (!declarator) return undefined;
  if (declarator.type === 'identifier') return { name: declarator.text, sizedArray: false };
  const inner = declarator.childForFieldName('declarator');
  const what = declared(inner);
  if (!what) return undefined;
  if (declarator.type === 'array_declarator' && inner?.type === 'identifier') {
    return { name: what.name, sizedArray: declarator.childForFieldName('size') !== null };
  }
  if (declarator.type === 'init_declarator' && inner?.type === 'array_declarator' && inner.childForFieldName('declarator')?.type === 'identifier') {
    // `char buf[] = "…"` takes its size from the initializer.
    return { name: what.name, sizedArray: true };
  }
  return { name: what.name, sizedArray: false };
}

/** The nearest declaration of `name` before `call`: true when it is a sized `char` array. */
function isCharArrayInScope(name: string, call: Node): boolean {
  for (let scope = call.parent; scope; scope = scope.parent) {
    if (scope.type === 'function_definition' || scope.type === 'lambda_expression') {
      const params = scope.descendantsOfType('parameter_declaration');
      if (params.some((p) => p && declared(p.childForFieldName('declarator'))?.name === name)) return false;
    }
    if (!SCOPES.has(scope.type) && scope.type !== 'for_statement') continue;
    let found: boolean | undefined;
    for (const child of scope.namedChildren) {
      if (!child || child.startIndex >= call.startIndex) break;
      if (child.type !== 'declaration' || child.endIndex > call.startIndex) continue;
      const type = child.childForFieldName('type');
      for (const declarator of child.childrenForFieldName('declarator')) {
        const what = declared(declarator);
        if (what?.name === name) found = what.sizedArray && type?.type === 'primitive_type' && type.text === 'char';
      }
    }
    if (found !== undefined) return found;
  }
  return false;
}

/** A fix for the call whose name is at `[start, end)`, if it is one we can rewrite safely. */
export function boundedCallFix(tree: Tree, languageId: LanguageId, start: number, end: number): CallFix | undefined {
  if (languageId !== 'c' && languageId !== 'cpp') return undefined;
  const name = tree.rootNode.descendantForIndex(start, Math.max(start, end - 1));
  const call = name?.parent;
  if (!name || name.type !== 'identifier' || call?.type !== 'call_expression' || call.childForFieldName('function')?.id !== name.id) return undefined;
  const args = namedArguments(call);
  const buffer = args[0];
  if (buffer?.type !== 'identifier' || !isCharArrayInScope(buffer.text, call)) return undefined;
  const buf = buffer.text;
  switch (name.text) {
    case 'gets':
      if (args.length !== 1) return undefined;
      return { kind: 'fgets', buffer: buf, replacement: 'fgets', edits: [{ start: call.startIndex, end: call.endIndex, newText: `fgets(${buf}, sizeof ${buf}, stdin)` }] };
    case 'sprintf':
    case 'vsprintf': {
      if (args.length < 2 || (name.text === 'vsprintf' && args.length !== 3)) return undefined;
      const replacement = name.text === 'sprintf' ? 'snprintf' : 'vsnprintf';
      return {
        kind: 'snprintf',
        buffer: buf,
        replacement,
        edits: [
          { start: name.startIndex, end: name.endIndex, newText: replacement },
          { start: buffer.endIndex, end: buffer.endIndex, newText: `, sizeof ${buf}` },
        ],
      };
    }
    default:
      return undefined;
  }
}
