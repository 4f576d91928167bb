/**
 * One problem, one finding. Two mechanisms decide which finding stands when rules flag the same text:
 * - a kind's `overlap` group and level (a provider's token pattern outranks the name-aware generic secret rules);
 * - a rule's `yields_to`: rule ids (or `prefix.*`) whose finding on the same text or line makes this rule's
 *   finding redundant (the generic password rule yields to the test-account rules, which say more).
 *
 * A file can have tens of thousands of matches, so neither compares every match with every other: matches are put
 * in sorted interval sets (by start, with the greatest end so far), and "does any of these overlap this one?" is a
 * binary search — O(n log n) for a file, however many matches it has.
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

/** Intervals sorted by start, answering whether any of them overlaps a given one. */
class IntervalSet {
  private readonly starts: number[];
  /** `maxEnd[i]`: the greatest end among the first i + 1 intervals. */
  private readonly maxEnd: number[];

  constructor(intervals: readonly { start: number; end: number }[]) {
    const sorted = [...intervals].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((i) => i.start);
    this.maxEnd = [];
    let max = -Infinity;
    for (const i of sorted) {
      max = Math.max(max, i.end);
      this.maxEnd.push(max);
    }
  }

  /** True when an interval shares at least one offset with `[start, end)`. */
  overlaps(start: number, end: number): boolean {
    // The intervals starting before `end`: the last of them is found by binary search.
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.starts[mid] < end) low = mid + 1;
      else high = mid;
    }
    return low > 0 && this.maxEnd[low - 1] > start;
  }
}

/** Drops a match that overlaps a higher-level match of the same overlap group (see `RawMatch.overlap`). */
export function dropOutranked(raw: readonly RuleMatch[]): RuleMatch[] {
  const ranked = raw.filter((r) => r.match.overlap);
  if (ranked.length < 2) return [...raw];
  // Per group and level, the intervals of that level.
  const byGroup = new Map<string, Map<number, RawMatch[]>>();
  for (const { match } of ranked) {
    const { group, level } = match.overlap!;
    let levels = byGroup.get(group);
    if (!levels) {
      levels = new Map<number, RawMatch[]>();
      byGroup.set(group, levels);
    }
    const list = levels.get(level);
    if (list) list.push(match);
    else levels.set(level, [match]);
  }
  const sets = new Map<string, { level: number; set: IntervalSet }[]>();
  for (const [group, levels] of byGroup) sets.set(group, [...levels].map(([level, list]) => ({ level, set: new IntervalSet(list) })));
  // Two rules of one level on the very same text: one finding is enough; the more confident rule keeps it, then the
  // first by id.
  const bestOnSpan = new Map<string, RuleMatch>();
  const spanKey = (m: RawMatch): string => `${m.overlap!.group}\0${m.overlap!.level}\0${m.start}\0${m.end}`;
  const better = (a: RuleMatch, b: RuleMatch): boolean => {
    const byConfidence = confidenceRank(a.rule) - confidenceRank(b.rule);
    return byConfidence !== 0 ? byConfidence > 0 : a.rule.compiled.rule.id < b.rule.compiled.rule.id;
  };
  for (const r of ranked) {
    const key = spanKey(r.match);
    const best = bestOnSpan.get(key);
    if (!best || better(r, best)) bestOnSpan.set(key, r);
  }
  return raw.filter((r) => {
    const own = r.match.overlap;
    if (!own) return true;
    const higher = sets.get(own.group)!.some(({ level, set }) => level > own.level && set.overlaps(r.match.start, r.match.end));
    if (higher) return false;
    // An empty span overlaps nothing, not even another on the same offset.
    if (r.match.start === r.match.end) return true;
    const best = bestOnSpan.get(spanKey(r.match))!;
    return best === r || !(best.rule !== r.rule && better(best, r));
  });
}

/** Drops a match of a rule that `yields_to` another rule with a match on the same text or the same line. */
export function dropYielding(raw: readonly RuleMatch[], index: TextIndex): RuleMatch[] {
  if (!raw.some((r) => r.rule.compiled.rule.yields_to?.length)) return [...raw];
  // Per rule: its matches' lines and intervals, built once.
  const byRule = new Map<ActiveRule, RawMatch[]>();
  for (const { rule, match } of raw) {
    const list = byRule.get(rule);
    if (list) list.push(match);
    else byRule.set(rule, [match]);
  }
  const lineOf = (offset: number): number => index.positionAt(offset).line;
  const found = new Map<ActiveRule, { lines: Set<number>; set: IntervalSet }>();
  const foundOf = (rule: ActiveRule): { lines: Set<number>; set: IntervalSet } => {
    let f = found.get(rule);
    if (!f) {
      const matches = byRule.get(rule)!;
      f = { lines: new Set(matches.map((m) => lineOf(m.start))), set: new IntervalSet(matches) };
      found.set(rule, f);
    }
    return f;
  };
  // Per yielding rule: the rules of this file it yields to.
  const yieldsTo = new Map<ActiveRule, ActiveRule[]>();
  for (const rule of byRule.keys()) {
    const selectors = rule.compiled.rule.yields_to;
    if (!selectors?.length) continue;
    yieldsTo.set(rule, [...byRule.keys()].filter((other) => other !== rule && selectors.some((s) => idSelected(s, other.compiled.rule.id))));
  }
  return raw.filter(({ rule, match }) => {
    const others = yieldsTo.get(rule);
    if (!others?.length) return true;
    const line = lineOf(match.start);
    return !others.some((other) => {
      const f = foundOf(other);
      return f.lines.has(line) || f.set.overlaps(match.start, match.end);
    });
  });
}
