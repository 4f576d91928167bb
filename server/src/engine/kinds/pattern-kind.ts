/**
 * `pattern`: a lead's own rule, either a regex (RE2, linear time) over code, strings, comments or everything, or a
 * tree-sitter query whose `capture` names the flagged node. Query rules need `languages`: a query is grammar-specific.
 */
import { GrammarLanguageId, LANGUAGE_IDS, hasGrammar, resolveLanguageName } from '../languages';
import { RegexSyntaxError, RuleRegex, compileRuleRegex } from '../regex';
import { didYouMean } from '../rulebook/suggest';
import { PatternRule, PatternScope } from '../rulebook/types';
import { Matcher, PrefilterInput, RawMatch, ReportProblem, RuleKind, ScanDocument } from './kind';
import { QueryProblem, RuleQuery, compileRuleQuery, compileRuleQueryIn } from './pattern-query';
import { keywordLines } from './line-prefilter';
import { anyKeyword } from './keyword-prefilters';
import { checkBudget } from '../budget';

const GRAMMAR_LANGUAGE_NAMES = LANGUAGE_IDS.filter((id) => hasGrammar(id)).join(', ');

interface Span {
  readonly start: number;
  readonly end: number;
}

function spansFor(doc: ScanDocument, scope: PatternScope): Span[] | undefined {
  if (scope === 'any') return undefined;
  if (scope === 'string') return [...doc.strings()].sort((a, b) => a.start - b.start);
  if (scope === 'comment') return [...doc.comments()].sort((a, b) => a.start - b.start);
  // Code: everything but strings and comments.
  const excluded = [...doc.strings(), ...doc.comments()].sort((a, b) => a.start - b.start);
  const code: Span[] = [];
  let at = 0;
  for (const span of excluded) {
    if (span.start > at) code.push({ start: at, end: span.start });
    at = Math.max(at, span.end);
  }
  if (at < doc.text.length) code.push({ start: at, end: doc.text.length });
  return code;
}

function within(spans: readonly Span[], start: number, end: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid];
    if (span.end < start) low = mid + 1;
    else if (span.start > start) high = mid - 1;
    else return end <= span.end;
  }
  return false;
}

/** `keywords` (optional): a text without any of them is not searched; the shared keyword pass answers that. */
function regexMatcher(regex: RuleRegex, scope: PatternScope, keywords: readonly string[]): Matcher {
  const hasKeyword = anyKeyword(keywords);
  return {
    needsTree: scope !== 'any',
    prefilter: ({ text, lower }) => hasKeyword(lower) && regex.test(text),
    // A text the prefilter accepts holds a keyword, and a keyword (no line break in it) lies on one line: an edit
    // re-checks its own lines, and a text with no such line is rejected without a search of the whole text.
    ...(keywords.length > 0 && !keywords.some((k) => k.includes('\n')) ? { linePrefilter: { check: ({ lower }: PrefilterInput) => hasKeyword(lower), exact: false } } : {}),
    match(doc: ScanDocument): RawMatch[] {
      const spans = spansFor(doc, scope);
      const matches: RawMatch[] = [];
      for (const m of regex.matches(doc.text)) {
        checkBudget();
        const span = regex.groupCount > 0 && m.groups[0] ? m.groups[0] : m;
        if (span.end === span.start) continue;
        if (spans && !within(spans, span.start, span.end)) continue;
        matches.push({ start: span.start, end: span.end, vars: { value: doc.text.slice(span.start, span.end).slice(0, 80) } });
      }
      return matches;
    },
  };
}

export const patternKind: RuleKind = {
  kind: 'pattern',
  async compile(rule, { trusted, report }): Promise<Matcher | undefined> {
    const pattern = rule as PatternRule;
    const scope = pattern.scope ?? 'code';
    if (pattern.regex !== undefined && pattern.query !== undefined) {
      report(['query'], 'a pattern rule has either `regex` or `query`, not both');
      return undefined;
    }
    if (pattern.regex !== undefined) {
      if (pattern.prefilter !== undefined) {
        report(['prefilter'], '`prefilter` is for `query` rules: a `regex` rule is its own prefilter');
        return undefined;
      }
      try {
        return regexMatcher(compileRuleRegex(pattern.regex, { trusted }), scope, (pattern.keywords ?? []).map((k) => k.toLowerCase()));
      } catch (err) {
        if (!(err instanceof RegexSyntaxError)) throw err;
        report(['regex'], err.message, err.offset === undefined ? undefined : { offset: err.offset, length: err.length });
        return undefined;
      }
    }
    if (pattern.scope !== undefined) {
      report(['scope'], '`scope` applies to `regex` rules; a query already says which nodes it matches');
      return undefined;
    }
    return queryMatcher(pattern, trusted, report);
  },
};

async function queryMatcher(pattern: PatternRule, trusted: boolean, report: ReportProblem): Promise<Matcher | undefined> {
  const source = pattern.query ?? '';
  const languages = (pattern.languages ?? []).map((name) => resolveLanguageName(name)).filter((id) => id !== undefined);
  const grammarLanguages = [...new Set(languages.filter((id): id is GrammarLanguageId => hasGrammar(id)))];
  if (grammarLanguages.length === 0) {
    report(['languages'], `a query rule needs \`languages\` with at least one language that has a grammar: ${GRAMMAR_LANGUAGE_NAMES}`);
    return undefined;
  }
  const queries = new Map<GrammarLanguageId, RuleQuery>();
  // A built-in rule's query is checked by the test suite; it is compiled for a language on the first file of that
  // language it meets, not at every load (most scans never parse a file for it).
  for (const id of trusted ? [] : grammarLanguages) {
    try {
      queries.set(id, await compileRuleQuery(source, id, trusted));
    } catch (err) {
      if (!(err instanceof QueryProblem)) throw err;
      report(['query'], grammarLanguages.length > 1 ? `${err.message} (compiling for ${id})` : err.message, err.at);
      return undefined;
    }
  }
  const captureName = pattern.capture;
  for (const { query } of queries.values()) {
    if (query.captureNames.length === 0) {
      report(['query'], 'the query has no capture: add `@name` after the node to flag, e.g. `(call_expression function: (identifier) @fn)`');
      return undefined;
    }
    if (captureName !== undefined && !query.captureNames.includes(captureName)) {
      report(['capture'], `the query has no capture @${captureName}${didYouMean(captureName, query.captureNames)} (it has ${query.captureNames.map((n) => '@' + n).join(', ')})`);
      return undefined;
    }
  }
  // A query has no text to test cheaply; `keywords` (case-insensitive) spare the parse of files without them, and
  // `prefilter` the parse of files where they are only common words.
  const keywords = (pattern.keywords ?? []).map((k) => k.toLowerCase());
  const hasKeyword = anyKeyword(keywords);
  let filter: RuleRegex | undefined;
  if (pattern.prefilter !== undefined) {
    try {
      filter = compileRuleRegex(pattern.prefilter, { trusted });
    } catch (err) {
      if (!(err instanceof RegexSyntaxError)) throw err;
      report(['prefilter'], err.message, err.offset === undefined ? undefined : { offset: err.offset, length: err.length });
      return undefined;
    }
  }
  const keywordLine = keywordLines(keywords, ({ lower }) => hasKeyword(lower));
  return {
    needsTree: true,
    prefilter: ({ text, lower }) => hasKeyword(lower) && (filter === undefined || filter.test(text)),
    // The regex may span lines: a line with a keyword then only says the rule may apply.
    linePrefilter: filter && keywordLine ? { check: keywordLine.check, exact: false } : keywordLine,
    match(doc: ScanDocument): RawMatch[] {
      const languageId = doc.languageId as GrammarLanguageId;
      if (!doc.tree || !grammarLanguages.includes(languageId)) return [];
      let query = queries.get(languageId);
      // Compiled in the tree's own language (a process that changes parser backends has two of a grammar).
      if (query?.language !== doc.tree.language) queries.set(languageId, (query = compileRuleQueryIn(source, languageId, doc.tree.language, trusted)));
      const matches: RawMatch[] = [];
      for (const match of query.matches(doc.tree.rootNode)) {
        checkBudget();
        const capture = captureName === undefined ? match.captures[0] : match.captures.find((c) => c.name === captureName);
        if (!capture) continue;
        const node = capture.node;
        matches.push({ start: node.startIndex, end: node.endIndex, vars: { value: node.text.slice(0, 80), name: node.text.slice(0, 80) } });
      }
      return matches;
    },
  };
}
