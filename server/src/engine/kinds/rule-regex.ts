/**
 * Compiling a rule's optional regex fields with problems reported at the field's key, shared by the kinds that
 * take several regexes (`user_names`, `password_names`, `routes` …). Name regexes are case-insensitive.
 */
import { RegexSyntaxError, RuleRegex, compileRuleRegex } from '../regex';
import { ReportProblem } from './kind';

export function optionalRegex(
  source: string | undefined,
  key: string,
  options: { trusted: boolean; report: ReportProblem },
): RuleRegex | undefined {
  if (source === undefined) return undefined;
  try {
    return compileRuleRegex(source, { trusted: options.trusted, caseInsensitive: true });
  } catch (err) {
    options.report([key], err instanceof RegexSyntaxError ? err.message : String(err));
    return undefined;
  }
}
