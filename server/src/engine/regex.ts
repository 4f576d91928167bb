/**
 * Regular expressions from rulebooks. A lead's regex runs on RE2 (re2js), whose matching time is linear in the input
 * whatever the pattern, so no rule can hang the editor or CI. The built-in rulebook's patterns are checked against
 * RE2's syntax too (so a lead can copy them), then run on V8's faster engine because we review them.
 */
import { RE2JS } from 're2js';

export interface RegexMatch {
  readonly start: number;
  readonly end: number;
  /** Start and end of each capture group, or undefined where a group did not take part. */
  readonly groups: readonly ({ start: number; end: number } | undefined)[];
}

export interface RuleRegex {
  readonly source: string;
  readonly groupCount: number;
  test(text: string): boolean;
  matches(text: string): Iterable<RegexMatch>;
}

/** Parses `(?i)` at the start, which RE2 accepts and V8 (on Node 20) does not. */
function splitInlineFlags(source: string): { body: string; caseInsensitive: boolean } {
  const m = /^\(\?([ims]+)\)/.exec(source);
  if (!m) return { body: source, caseInsensitive: false };
  return { body: source.slice(m[0].length), caseInsensitive: m[1].includes('i') };
}

function re2Flags(caseInsensitive: boolean): number {
  return caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0;
}

class Re2Regex implements RuleRegex {
  readonly groupCount: number;
  private readonly pattern: RE2JS;

  constructor(readonly source: string, caseInsensitive: boolean) {
    const { body, caseInsensitive: inline } = splitInlineFlags(source);
    this.pattern = RE2JS.compile(body, re2Flags(caseInsensitive || inline) | RE2JS.MULTILINE);
    this.groupCount = this.pattern.groupCount();
  }

  test(text: string): boolean {
    return this.pattern.test(text);
  }

  *matches(text: string): Iterable<RegexMatch> {
    const matcher = this.pattern.matcher(text);
    let from = 0;
    while (from <= text.length && matcher.find(from)) {
      const start = matcher.start();
      const end = matcher.end();
      const groups: ({ start: number; end: number } | undefined)[] = [];
      for (let g = 1; g <= this.groupCount; g++) {
        const gs = matcher.start(g);
        groups.push(gs < 0 ? undefined : { start: gs, end: matcher.end(g) });
      }
      yield { start, end, groups };
      from = end > start ? end : end + 1;
    }
  }
}

class V8Regex implements RuleRegex {
  readonly groupCount: number;
  private readonly regex: RegExp;

  constructor(readonly source: string, caseInsensitive: boolean) {
    const { body, caseInsensitive: inline } = splitInlineFlags(source);
    this.regex = new RegExp(body, `gmd${caseInsensitive || inline ? 'i' : ''}`);
    this.groupCount = new RegExp(`${body}|`).exec('')!.length - 1;
  }

  test(text: string): boolean {
    this.regex.lastIndex = 0;
    return this.regex.test(text);
  }

  *matches(text: string): Iterable<RegexMatch> {
    const regex = new RegExp(this.regex);
    for (const m of text.matchAll(regex)) {
      const indices = m.indices!;
      const groups = indices.slice(1).map((pair) => (pair ? { start: pair[0], end: pair[1] } : undefined));
      yield { start: m.index, end: m.index + m[0].length, groups };
    }
  }
}

export class RegexSyntaxError extends Error {}

/**
 * Compiles a rulebook regex. Syntax is RE2's (no look-around, no back-references); an invalid one throws
 * `RegexSyntaxError` with RE2's explanation.
 */
export function compileRuleRegex(source: string, options: { trusted: boolean; caseInsensitive?: boolean }): RuleRegex {
  const caseInsensitive = options.caseInsensitive ?? false;
  let re2: Re2Regex;
  try {
    re2 = new Re2Regex(source, caseInsensitive);
  } catch (err) {
    throw new RegexSyntaxError(`invalid regex ${JSON.stringify(source)}: ${(err as Error).message}`);
  }
  if (!options.trusted) return re2;
  try {
    return new V8Regex(source, caseInsensitive);
  } catch {
    return re2;
  }
}
