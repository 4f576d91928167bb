/**
 * Tree-sitter queries of `pattern` rules. Two things beyond compiling the query:
 *
 * - A query's regex predicates (`#match?` and friends) would run on V8's backtracking engine inside web-tree-sitter.
 *   A lead's regex must run on RE2, so the predicate names are renamed in place (`#MATCH?`, same length, so error
 *   offsets stay right), which makes tree-sitter hand them over as general predicates, and we evaluate them here.
 * - tree-sitter's errors ("Bad node name 'identifer'") become messages with the offset inside the query and a
 *   "did you mean" from the grammar's own node and field names.
 */
import type { Language, Query, QueryCapture, QueryMatch } from '../tree-api';
import { loadLanguage, queryFor, queryIn } from '../grammars';
import { GrammarLanguageId } from '../languages';
import { RegexSyntaxError, RuleRegex, compileRuleRegex } from '../regex';
import { didYouMean } from '../rulebook/suggest';
import { ValuePosition } from './kind';

const REGEX_PREDICATES = ['match?', 'not-match?', 'any-match?', 'any-not-match?'];
const TEXT_PREDICATES = ['eq?', 'not-eq?', 'any-eq?', 'any-not-eq?', 'any-of?', 'not-any-of?', ...REGEX_PREDICATES];
const DIRECTIVES = ['is?', 'is-not?', 'set!'];

export class QueryProblem extends Error {
  constructor(
    message: string,
    readonly at?: ValuePosition,
  ) {
    super(message);
  }
}

interface RegexPredicate {
  readonly operator: string;
  readonly capture: string;
  readonly regex: RuleRegex;
}

/** A compiled query with its regex predicates, evaluated on RE2 (or V8 for the reviewed built-in rules). */
export interface RuleQuery {
  readonly query: Query;
  /** The language (of one parser backend) the query is compiled in. */
  readonly language: Language;
  matches(root: Parameters<Query['matches']>[0]): QueryMatch[];
}

/** Offsets in the query of each predicate's string argument, keyed by predicate, capture and string. */
type StringOffsets = Map<string, number>;

/**
 * Renames regex predicates to names tree-sitter does not evaluate itself, skipping strings and `;` comments, and
 * records where each one's regex string starts.
 */
function renameRegexPredicates(source: string): { renamed: string; offsets: StringOffsets } {
  const offsets: StringOffsets = new Map();
  let out = '';
  for (let i = 0; i < source.length; ) {
    const ch = source[i];
    if (ch === ';') {
      const end = source.indexOf('\n', i);
      const stop = end < 0 ? source.length : end;
      out += source.slice(i, stop);
      i = stop;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const name = ch === '#' ? REGEX_PREDICATES.find((p) => source.startsWith(p, i + 1) && !/[\w-]/.test(source[i + 1 + p.length] ?? '')) : undefined;
    if (name) {
      out += `#${name.toUpperCase()}`;
      const args = /^(\s*)@([\w.-]+)(\s*)"((?:[^"\\]|\\.)*)"/.exec(source.slice(i + 1 + name.length));
      if (args) {
        const stringStart = i + 1 + name.length + args[1].length + 1 + args[2].length + args[3].length + 1;
        const key = `${name}\0${args[2]}\0${unescapeQueryString(args[4])}`;
        if (!offsets.has(key)) offsets.set(key, stringStart);
      }
      i += 1 + name.length;
      continue;
    }
    out += ch;
    i++;
  }
  return { renamed: out, offsets };
}

function unescapeQueryString(raw: string): string {
  return raw.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', '0': '\0' })[c] ?? c);
}

function grammarNames(language: Language, kind: 'node' | 'field'): string[] {
  const names: string[] = [];
  const count = kind === 'node' ? language.nodeTypeCount : language.fieldCount;
  for (let id = kind === 'node' ? 0 : 1; id <= count; id++) {
    const name = kind === 'node' ? language.nodeTypeForId(id) : language.fieldNameForId(id);
    if (name && /^[A-Za-z_]/.test(name)) names.push(name);
  }
  return [...new Set(names)];
}

/** tree-sitter's QueryError carries `kind`, `info.word`, `index` and `length`. */
async function explainQueryError(err: unknown, languageId: GrammarLanguageId): Promise<QueryProblem> {
  const e = err as { kind?: number; index?: number; length?: number; info?: { word?: string }; message?: string };
  const at = typeof e.index === 'number' ? { offset: e.index, length: Math.max(1, e.length ?? 1) } : undefined;
  const word = e.info?.word;
  const language = await loadLanguage(languageId);
  switch (e.kind) {
    case 2:
      return new QueryProblem(`unknown node type \`${word}\` in the ${languageId} grammar${didYouMean(word ?? '', grammarNames(language, 'node'))}`, at);
    case 3:
      return new QueryProblem(`unknown field \`${word}\` in the ${languageId} grammar${didYouMean(word ?? '', grammarNames(language, 'field'))}`, at);
    case 4:
      return new QueryProblem(`unknown capture @${word} in a predicate (capture it in the pattern first)`, at);
    case 5:
      return new QueryProblem(`impossible pattern for the ${languageId} grammar: a node there cannot have these children`, at);
    case 1:
      return new QueryProblem('invalid query syntax here (unbalanced parentheses, or a missing quote?)', at);
    default:
      return new QueryProblem(`invalid tree-sitter query for ${languageId}: ${e.message ?? String(err)}`, at);
  }
}

function evaluate(predicate: RegexPredicate, captures: readonly QueryCapture[]): boolean {
  const op = predicate.operator.toLowerCase();
  const positive = op === 'match?' || op === 'any-match?';
  const texts = captures.filter((c) => c.name === predicate.capture).map((c) => c.node.text);
  if (texts.length === 0) return !positive;
  const test = (text: string): boolean => predicate.regex.test(text) === positive;
  return op.startsWith('any-') ? texts.some(test) : texts.every(test);
}

/** Compiles a query for one grammar; throws `QueryProblem` with the offset of the problem inside the query. */
export async function compileRuleQuery(source: string, languageId: GrammarLanguageId, trusted: boolean): Promise<RuleQuery> {
  const { renamed, offsets } = renameRegexPredicates(source);
  let query: Query;
  try {
    query = await queryFor(languageId, renamed);
  } catch (err) {
    throw await explainQueryError(err, languageId);
  }
  return withPredicates(query, await loadLanguage(languageId), source, offsets, trusted);
}

/**
 * Compiles a query for a grammar already loaded, at once (a built-in rule's query, on the first file of the
 * language it meets); throws tree-sitter's own error, unexplained, for an invalid query.
 */
export function compileRuleQueryIn(source: string, languageId: GrammarLanguageId, language: Language, trusted: boolean): RuleQuery {
  const { renamed, offsets } = renameRegexPredicates(source);
  return withPredicates(queryIn(languageId, language, renamed), language, source, offsets, trusted);
}

function withPredicates(query: Query, language: Language, source: string, offsets: StringOffsets, trusted: boolean): RuleQuery {
  const predicates: RegexPredicate[][] = [];
  for (let pattern = 0; pattern < query.patternCount(); pattern++) {
    const list: RegexPredicate[] = [];
    for (const { operator, operands } of query.predicatesForPattern(pattern)) {
      const name = operator.toLowerCase();
      const isRegex = REGEX_PREDICATES.includes(name) && operator !== name;
      if (!isRegex) {
        if (!DIRECTIVES.includes(operator)) {
          const offset = source.indexOf(`#${operator}`);
          throw new QueryProblem(`unknown predicate #${operator}${didYouMean(operator, [...TEXT_PREDICATES, ...DIRECTIVES])}`, offset >= 0 ? { offset, length: operator.length + 1 } : undefined);
        }
        continue;
      }
      const [capture, regexSource] = operands;
      if (operands.length !== 2 || capture.type !== 'capture' || regexSource.type !== 'string') {
        const offset = source.indexOf(`#${name}`);
        throw new QueryProblem(`#${name} takes a capture and a regex string: (#${name} @name "regex")`, offset >= 0 ? { offset, length: name.length + 1 } : undefined);
      }
      const offset = offsets.get(`${name}\0${capture.name}\0${regexSource.value}`);
      try {
        list.push({ operator, capture: capture.name, regex: compileRuleRegex(regexSource.value, { trusted, multiline: false }) });
      } catch (err) {
        const inner = err instanceof RegexSyntaxError ? err : new RegexSyntaxError(String(err));
        const at = offset === undefined ? undefined : { offset: offset + (inner.offset ?? 0), length: inner.length ?? regexSource.value.length };
        throw new QueryProblem(`in #${name}: ${inner.message}`, at);
      }
    }
    predicates.push(list);
  }
  return {
    query,
    language,
    matches(root) {
      return query.matches(root).filter((m) => (predicates[m.patternIndex] ?? []).every((p) => evaluate(p, m.captures)));
    },
  };
}
