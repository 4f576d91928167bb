/**
 * `secret`: hardcoded credentials. Two ways to match, usable together in one rule:
 * - `patterns`: precise provider formats (AWS, GitHub, Stripe…), run over the whole text after a `keywords`
 *   prefilter, with an entropy floor;
 * - `names`: name-aware generic credentials, a string literal bound to a name that says password / token / secret…
 *   (assigned, initialised, `#define`d, passed, compared, or a config key).
 * A match's value reaches messages only masked.
 */
import { maskSecret } from '../mask';
import { RegexSyntaxError, RuleRegex, compileRuleRegex } from '../regex';
import { SecretRule } from '../rulebook/types';
import { StringFact } from '../syntax/facts';
import { Matcher, RawMatch, RuleKind, ScanDocument } from './kind';
import { ENVIRONMENT_READERS, isPlaceholder, looksLikeNameOrText, shannonEntropy, snakeCase } from './secret-values';

function compileOrReport(
  source: string | undefined,
  keyPath: (string | number)[],
  trusted: boolean,
  report: (path: (string | number)[], message: string) => void,
  caseInsensitive = false,
): RuleRegex | undefined {
  if (source === undefined) return undefined;
  try {
    return compileRuleRegex(source, { trusted, caseInsensitive });
  } catch (err) {
    report(keyPath, err instanceof RegexSyntaxError ? err.message : String(err));
    return undefined;
  }
}

function nameMatches(fact: StringFact, names: RuleRegex, ignoreNames: RuleRegex | undefined): string | undefined {
  const context = fact.context;
  if (!context) return undefined;
  if (context.callee && ENVIRONMENT_READERS.test(context.callee)) return undefined;
  const name = snakeCase(context.name);
  if (!names.test(name)) return undefined;
  if (ignoreNames?.test(name)) return undefined;
  return context.name;
}

export const secretKind: RuleKind = {
  kind: 'secret',
  compile(rule, { trusted, report }): Matcher | undefined {
    const secret = rule as SecretRule;
    const patterns = (secret.patterns ?? [])
      .map((p, i) => ({ regex: compileOrReport(p.regex, ['patterns', i, 'regex'], trusted, report), group: p.group }))
      .filter((p): p is { regex: RuleRegex; group: number | undefined } => p.regex !== undefined);
    const names = compileOrReport(secret.names, ['names'], trusted, report, true);
    const ignoreNames = compileOrReport(secret.ignore_names, ['ignore_names'], trusted, report, true);
    const ignoreValues = compileOrReport(secret.ignore_values, ['ignore_values'], trusted, report, true);
    if (patterns.length === 0 && !names) return undefined;
    const keywords = (secret.keywords ?? []).map((k) => k.toLowerCase());
    const escaped = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const keywordNearQuote = keywords.length > 0 ? new RegExp(`(?:${escaped})[^\\n]{0,120}?["'\`]|["'\`][^\\n]{0,120}?(?:${escaped})`) : undefined;
    const minEntropy = secret.entropy ?? 0;
    const minLength = secret.min_length ?? (names ? 4 : 8);

    const acceptable = (value: string, strict: boolean): boolean => {
      if (value.length < minLength || shannonEntropy(value) < minEntropy) return false;
      if (ignoreValues?.test(value)) return false;
      if (isPlaceholder(value)) return false;
      return !strict || !looksLikeNameOrText(value);
    };

    return {
      needsTree: names !== undefined,
      prefilter({ lower, parsed }): boolean {
        if (keywords.length === 0) return true;
        if (!keywords.some((k) => lower.includes(k))) return false;
        // In parsed code a bound literal needs a quote on the keyword's line; most files with the word have none.
        return !names || !parsed || patterns.length > 0 || keywordNearQuote!.test(lower);
      },
      match(doc: ScanDocument): RawMatch[] {
        const matches: RawMatch[] = [];
        const seen = new Set<number>();
        if (patterns.length > 0 && (keywords.length === 0 || keywords.some((k) => doc.lower.includes(k)))) {
          for (const { regex, group } of patterns) {
            for (const m of regex.matches(doc.text)) {
              const g = group ?? (regex.groupCount > 0 ? 1 : 0);
              const span = g === 0 ? m : m.groups[g - 1];
              if (!span || seen.has(span.start)) continue;
              const value = doc.text.slice(span.start, span.end);
              if (!acceptable(value, false)) continue;
              seen.add(span.start);
              matches.push({ start: span.start, end: span.end, vars: { value: maskSecret(value), name: '' } });
            }
          }
        }
        if (names) {
          for (const fact of doc.strings()) {
            if (fact.interpolated || seen.has(fact.start)) continue;
            const name = nameMatches(fact, names, ignoreNames);
            if (name === undefined || !acceptable(fact.value, true)) continue;
            if (snakeCase(fact.value) === snakeCase(name)) continue; // password: "password"
            seen.add(fact.start);
            matches.push({ start: fact.start, end: fact.end, vars: { value: maskSecret(fact.value), name } });
          }
        }
        return matches;
      },
    };
  },
};
