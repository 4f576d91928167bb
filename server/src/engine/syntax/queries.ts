/**
 * The tree-sitter queries fact extraction runs, compiled once per grammar from the node type table. Only node types
 * the grammar really has go into a query, so a grammar update that renames one cannot break loading.
 */
import type { Language, Query } from '../tree-api';
import { newQuery } from '../grammars';
import { GrammarLanguageId } from '../languages';
import { NODE_TYPES } from './node-types';

interface LanguageQueries {
  readonly strings: Query;
  readonly comments: Query;
  readonly defines?: Query;
}

const compiled = new Map<Language, LanguageQueries>();

function existingTypes(language: Language, types: readonly string[]): string[] {
  return types.filter((type) => language.idForNodeType(type, true) !== null);
}

function alternatives(types: readonly string[], capture: string): string {
  return types.length === 0 ? '' : `[${types.map((type) => `(${type})`).join(' ')}] @${capture}`;
}

export function queriesFor(id: GrammarLanguageId, language: Language): LanguageQueries {
  let queries = compiled.get(language);
  if (queries) return queries;
  const types = NODE_TYPES[id];
  const commentTypes = existingTypes(language, ['comment', 'line_comment', 'block_comment', 'multiline_comment']);
  const stringTypes = existingTypes(language, types.strings);
  if (id === 'shell') stringTypes.push(...existingTypes(language, ['heredoc_body']));
  queries = {
    strings: newQuery(language, alternatives(stringTypes, 's')),
    comments: newQuery(language, alternatives(commentTypes, 'c')),
    defines:
      id === 'c' || id === 'cpp' || id === 'objc'
        ? newQuery(language, '(preproc_def name: (identifier) @name value: (preproc_arg) @value)')
        : undefined,
  };
  compiled.set(language, queries);
  return queries;
}

