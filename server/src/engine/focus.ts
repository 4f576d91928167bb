/**
 * Where in a file a full scan needs string facts. Reading every string of a large file and working out the name
 * each is bound to costs about as much as parsing it, yet the rules that read strings find only near the few
 * lines that pass their line prefilter (`Matcher.stringReach`): a `password` near a quote, a flaggable address.
 * Those rules share one view of the document whose strings are read only around the lines that pass any of them;
 * the other rules see every string.
 */
import { prefilterInput } from './kinds/kind';
import { ActiveRule } from './rulebook/rulebook';
import { Region } from './syntax/located-facts';
import { TextIndex } from './text-index';

/** Rules whose findings all lie within `stringReach` lines of a line passing their (exact) line prefilter. */
export function isFocusable(rule: ActiveRule): boolean {
  const matcher = rule.compiled.matcher;
  return matcher.stringReach !== undefined && matcher.linePrefilter?.exact === true;
}

/**
 * The merged offset ranges around the lines that pass some rule's line prefilter, each widened by that rule's
 * reach; an empty list when no line passes.
 */
export function focusOf(rules: readonly ActiveRule[], index: TextIndex, parsed: boolean): Region[] {
  const windows: [number, number][] = [];
  const lineCount = index.lineCount;
  for (let line = 0; line < lineCount; line++) {
    const text = index.lineText(line);
    if (text.trim() === '') continue;
    const input = prefilterInput(text, parsed);
    let reach = -1;
    for (const rule of rules) {
      const matcher = rule.compiled.matcher;
      if (matcher.stringReach! > reach && matcher.linePrefilter!.check(input)) reach = matcher.stringReach!;
    }
    if (reach >= 0) windows.push([Math.max(0, line - reach), Math.min(lineCount - 1, line + reach)]);
  }
  const regions: Region[] = [];
  let current: [number, number] | undefined;
  for (const window of windows.sort((a, b) => a[0] - b[0])) {
    if (current && window[0] <= current[1] + 1) current[1] = Math.max(current[1], window[1]);
    else {
      if (current) regions.push(toRegion(current, index));
      current = [...window];
    }
  }
  if (current) regions.push(toRegion(current, index));
  return regions;
}

function toRegion([first, last]: [number, number], index: TextIndex): Region {
  return { start: index.lineStart(first), end: Math.max(index.lineStart(first), index.lineStart(last + 1) - 1) };
}
