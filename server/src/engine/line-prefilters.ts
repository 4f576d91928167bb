/**
 * Prefilter results kept across edits for rules with a `Matcher.linePrefilter`. For each rule the number of lines
 * that pass it is kept; after an edit only the lines it touched are checked again, in the old text and in the new,
 * so a keystroke in a large file does not run every prefilter over the whole file. No passing line means the
 * rule's prefilter cannot accept the text; for an exact line prefilter, some passing line means it does. Otherwise
 * the result is left to the rule's own prefilter.
 */
import { PrefilterInput, prefilterInput } from './kinds/kind';
import { ActiveRule, CompiledRule } from './rulebook/rulebook';
import { ChangedRegion } from './syntax/fact-snapshot';
import { checkBudget } from './budget';

/** The whole lines of `text` around `[start, end]`. */
function linesAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', end);
  return text.slice(from, next < 0 ? text.length : next);
}

type Check = (input: PrefilterInput) => boolean;

/**
 * For each check, how many lines of `text` pass it (undefined for a check that threw). Line by line, every check in
 * turn: a line is lower-cased and searched for keywords once, however many rules look at it.
 */
function passingLines(checks: readonly Check[], text: string, parsed: boolean): (number | undefined)[] {
  const counts: (number | undefined)[] = checks.map(() => 0);
  for (const line of text.split('\n')) {
    checkBudget();
    const input = prefilterInput(line, parsed);
    for (let i = 0; i < checks.length; i++) {
      if (counts[i] === undefined) continue;
      try {
        if (checks[i](input)) counts[i]!++;
      } catch {
        // The scanner runs the prefilter itself and reports the failure.
        counts[i] = undefined;
      }
    }
  }
  return counts;
}

export class LinePrefilters {
  private counts = new Map<CompiledRule, number>();
  private previousText?: string;

  /**
   * Prefilter results on `text` for the rules with a line prefilter. `changed` relates `text` to the text of the
   * previous call; without it every count starts over. A check that throws is left to the scanner's prefilter.
   */
  results(rules: readonly ActiveRule[], text: string, changed: ChangedRegion | undefined, parsed: boolean): Map<CompiledRule, boolean> {
    const previous = changed ? this.previousText : undefined;
    const counts = new Map<CompiledRule, number>();
    const results = new Map<CompiledRule, boolean>();
    const oldLines = previous !== undefined && changed ? linesAround(previous, changed.start, changed.oldEnd) : undefined;
    const newLines = changed ? linesAround(text, changed.start, changed.newEnd) : undefined;
    const withLines = rules.map((r) => r.compiled).filter((compiled) => compiled.matcher.linePrefilter);
    // Rules whose counts are kept are updated from the changed lines; the others count the whole text.
    const kept = oldLines !== undefined ? withLines.filter((c) => this.counts.has(c)) : [];
    const fresh = oldLines !== undefined ? withLines.filter((c) => !this.counts.has(c)) : withLines;
    const checks = (list: readonly CompiledRule[]): Check[] => list.map((c) => c.matcher.linePrefilter!.check);
    const record = (compiled: CompiledRule, count: number | undefined): void => {
      if (count === undefined) return;
      counts.set(compiled, count);
      if (count === 0 || compiled.matcher.linePrefilter!.exact) results.set(compiled, count > 0);
    };
    if (kept.length > 0) {
      const removed = passingLines(checks(kept), oldLines!, parsed);
      const added = passingLines(checks(kept), newLines!, parsed);
      kept.forEach((c, i) => record(c, removed[i] === undefined || added[i] === undefined ? undefined : this.counts.get(c)! - removed[i] + added[i]));
    }
    if (fresh.length > 0) {
      // An exact line prefilter passes on some line exactly when the rule's prefilter passes on the whole text:
      // a rule whose prefilter rejects the text (most rules, for most files) has no passing line to count.
      const whole = prefilterInput(text, parsed);
      const counted = fresh.filter((c) => {
        if (!c.matcher.linePrefilter!.exact) return true;
        try {
          if (c.matcher.prefilter(whole)) return true;
        } catch {
          return false;
        }
        record(c, 0);
        return false;
      });
      const all = passingLines(checks(counted), text, parsed);
      counted.forEach((c, i) => record(c, all[i]));
    }
    this.counts = counts;
    this.previousText = text;
    return results;
  }
}
