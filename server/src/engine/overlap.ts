/**
 * One problem, one finding. Two mechanisms decide which finding stands when rules flag the same text:
 * - a kind's `overlap` group and level (a provider's token pattern outranks the name-aware generic secret rules);
 * - a rule's `yields_to`: rule ids (or `prefix.*`) whose finding on the same text or line makes this rule's
 *   finding redundant (the generic password rule yields to the test-account rules, which say more).
 */
import { RawMatch } from './kinds/kind';
import { ActiveRule, idSelected } from './rulebook/rulebook';
import { TextIndex } from './text-index';

export interface RuleMatch {
  readonly rule: ActiveRule;
  readonly match: RawMatch;
}

function confidenceRank(rule: ActiveRule): number {
  const confidence = rule.compiled.rule.confidence;
  return confidence === 'high' ? 3 : confidence === 'low' ? 1 : 2;
}

function overlaps(a: RawMatch, b: RawMatch): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Drops a match that overlaps a higher-level match of the same overlap group (see `RawMatch.overlap`). */
export function dropOutranked(raw: readonly RuleMatch[]): RuleMatch[] {
  const ranked = raw.filter((r) => r.match.overlap);
  if (ranked.length < 2) return [...raw];
  return raw.filter(({ rule, match }) => {
    const own = match.overlap;
    if (!own) return true;
    return !ranked.some(({ rule: otherRule, match: other }) => {
      if (other.overlap!.group !== own.group || !overlaps(match, other)) return false;
      if (other.overlap!.level !== own.level) return other.overlap!.level > own.level;
      // Two rules of one level on the very same text: one finding is enough; the more confident rule keeps it, then
      // the first by id.
      if (other.start !== match.start || other.end !== match.end) return false;
      const byConfidence = confidenceRank(otherRule) - confidenceRank(rule);
      return byConfidence !== 0 ? byConfidence > 0 : otherRule.compiled.rule.id < rule.compiled.rule.id;
    });
  });
}

/** Drops a match of a rule that `yields_to` another rule with a match on the same text or the same line. */
export function dropYielding(raw: readonly RuleMatch[], index: TextIndex): RuleMatch[] {
  if (!raw.some((r) => r.rule.compiled.rule.yields_to?.length)) return [...raw];
  const lineOf = (offset: number): number => index.positionAt(offset).line;
  return raw.filter(({ rule, match }) => {
    const selectors = rule.compiled.rule.yields_to;
    if (!selectors?.length) return true;
    const line = lineOf(match.start);
    return !raw.some(
      (other) =>
        other.rule !== rule &&
        selectors.some((s) => idSelected(s, other.rule.compiled.rule.id)) &&
        (overlaps(match, other.match) || lineOf(other.match.start) === line),
    );
  });
}
