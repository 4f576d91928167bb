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

/** The whole lines of `text` around `[start, end]`. */
function linesAround(text: string, start: number, end: number): string {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  const next = text.indexOf('\n', end);
  return text.slice(from, next < 0 ? text.length : next);
}

function passingLines(check: (input: PrefilterInput) => boolean, text: string, parsed: boolean): number {
  let count = 0;
  for (const line of text.split('\n')) if (check(prefilterInput(line, parsed))) count++;
  return count;
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
    for (const { compiled } of rules) {
      const line = compiled.matcher.linePrefilter;
      if (!line) continue;
      const check = line.check;
      try {
        const before = oldLines !== undefined ? this.counts.get(compiled) : undefined;
        const count = before !== undefined ? before - passingLines(check, oldLines!, parsed) + passingLines(check, newLines!, parsed) : passingLines(check, text, parsed);
        counts.set(compiled, count);
        if (count === 0 || line.exact) results.set(compiled, count > 0);
      } catch {
        // The scanner runs the prefilter itself and reports the failure.
      }
    }
    this.counts = counts;
    this.previousText = text;
    return results;
  }
}
