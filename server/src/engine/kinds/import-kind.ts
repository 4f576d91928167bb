/**
 * `import`: modules whose mere import opens a debugging surface — Go's `import _ "net/http/pprof"` registers
 * `/debug/pprof/` on the default mux, exposing heap dumps and profiles to anyone who can reach the server.
 * Matches Go and JavaScript import paths, `require("…")`, Python `import` / `from … import` and Java imports.
 * An import made only in a debug build (`//go:build debug`) or a development-only branch is not flagged.
 */
import type { Node } from '../tree-api';
import { ImportRule } from '../rulebook/types';
import { newWalker } from '../syntax/ancestry';
import { isInsideDevelopmentGuard } from '../syntax/scope';
import { calleeText } from '../syntax/tree-util';
import { Matcher, RawMatch, RuleKind, ScanDocument } from './kind';
import { keywordLines } from './line-prefilter';

const IMPORT_NODES = ['import_spec', 'import_statement', 'import_from_statement', 'import_declaration'];
const DEBUG_BUILD_TAG = /^\/\/(?:go:build|\s*\+build)\s.*\b(?:debug|dev|development)\b/m;

/** The module named by an import node, and the node holding that name. */
function importedModules(node: Node): { name: string; node: Node }[] {
  switch (node.type) {
    case 'import_spec': {
      const path = node.childForFieldName('path');
      return path ? [{ name: path.text.replace(/^["`]|["`]$/g, ''), node: path }] : [];
    }
    case 'import_statement': {
      const source = node.childForFieldName('source');
      if (source) return [{ name: source.text.replace(/^["'`]|["'`]$/g, ''), node: source }];
      // Python: `import a.b, c as d`.
      return node.childrenForFieldName('name').flatMap((n) => {
        const dotted = n?.type === 'aliased_import' ? n.childForFieldName('name') : n;
        return dotted ? [{ name: dotted.text, node: dotted }] : [];
      });
    }
    case 'import_from_statement': {
      const module = node.childForFieldName('module_name');
      return module ? [{ name: module.text, node: module }] : [];
    }
    case 'import_declaration': {
      // Java: `import a.b.C;` (Go's import_declaration holds import_spec nodes, handled above).
      const name = node.namedChildren.find((n) => n !== null && /identifier/.test(n.type));
      return name ? [{ name: name.text, node: name }] : [];
    }
    default:
      return [];
  }
}

export const importKind: RuleKind = {
  kind: 'import',
  compile(rule, { report }): Matcher | undefined {
    const modules = new Set((rule as ImportRule).modules ?? []);
    if (modules.size === 0) {
      report(['modules'], 'an import rule needs at least one module');
      return undefined;
    }
    const names = [...modules];
    return {
      needsTree: true,
      prefilter: ({ text }) => names.some((m) => text.includes(m)),
      linePrefilter: keywordLines(names, ({ text }) => names.some((m) => text.includes(m))),
      match(doc: ScanDocument): RawMatch[] {
        const tree = doc.tree;
        if (!tree || (doc.languageId === 'go' && DEBUG_BUILD_TAG.test(doc.text))) return [];
        const found: { name: string; node: Node }[] = [];
        for (const node of tree.rootNode.descendantsOfType(IMPORT_NODES)) if (node) found.push(...importedModules(node));
        for (const call of tree.rootNode.descendantsOfType('call_expression')) {
          const arg = call?.childForFieldName('arguments')?.namedChild(0);
          if (call && arg && calleeText(call) === 'require' && /string/.test(arg.type)) found.push({ name: arg.text.slice(1, -1), node: arg });
        }
        const walker = newWalker(tree);
        return found
          .filter(({ name }) => modules.has(name))
          .sort((a, b) => a.node.startIndex - b.node.startIndex)
          .filter(({ node }) => !isInsideDevelopmentGuard(walker.frameOf(node)))
          .map(({ name, node }) => ({ start: node.startIndex, end: node.endIndex, vars: { name, value: name } }));
      },
    };
  },
};
