/**
 * Line prefilters (`Matcher.linePrefilter`) for the common shapes of prefilter: a check that already looks at one
 * line at a time (words, regexes that cannot cross a line break) is its own exact line prefilter.
 */
import { Matcher, PrefilterInput } from './kind';

type Check = (input: PrefilterInput) => boolean;

/** The prefilter itself, used line by line: for checks that never look across a line break. */
export function exactOnEachLine(check: Check): Matcher['linePrefilter'] {
  return { check, exact: true };
}

/** For a prefilter that looks for any of some words: exact, unless a word spans lines. */
export function keywordLines(keywords: readonly string[], check: Check): Matcher['linePrefilter'] {
  return keywords.some((k) => k.includes('\n')) ? undefined : { check, exact: true };
}
