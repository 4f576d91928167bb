/**
 * Regular expressions from rulebooks. A lead's regex runs on RE2 (re2js), whose matching time is linear in the input
 * whatever the pattern, so no rule can hang the editor or CI. The built-in rulebook's patterns are checked against
 * RE2's syntax too (so a lead can copy them), then run on V8's faster engine because we review them.
 */
import type { RE2JS } from 're2js';
import { Anchor, anchorsOf, anchoredMatches, worthAnchoring } from './regex-anchors';

let re2: typeof RE2JS | undefined;

/**
 * RE2 is loaded on first use: built-in rules run on V8 (checked to be valid RE2 by the tests), so only a workspace
 * rule's regex needs it, and most runs have none — a quarter of a megabyte of code each CLI start need not read.
 */
function re2js(): typeof RE2JS {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a synchronous load on first use
  re2 ??= (require('re2js') as typeof import('re2js')).RE2JS;
  return re2;
}

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
  return caseInsensitive ? re2js().CASE_INSENSITIVE : 0;
}

class Re2Regex implements RuleRegex {
  readonly groupCount: number;
  private readonly pattern: RE2JS;

  constructor(readonly source: string, caseInsensitive: boolean, multiline: boolean) {
    const { body, caseInsensitive: inline } = splitInlineFlags(source);
    this.pattern = re2js().compile(body, re2Flags(caseInsensitive || inline) | (multiline ? re2js().MULTILINE : 0));
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
  private groups?: number;
  private readonly regex: RegExp;
  /** The same regex tried at one position at a time, where `anchors` allow a match to start (`regex-anchors.ts`). */
  private readonly sticky: RegExp;
  private anchors?: readonly Anchor[] | null;
  private readonly body: string;

  constructor(readonly source: string, caseInsensitive: boolean, multiline: boolean) {
    const { body, caseInsensitive: inline } = splitInlineFlags(source);
    const flags = `${multiline ? 'm' : ''}d${caseInsensitive || inline ? 'i' : ''}`;
    this.body = body;
    this.regex = new RegExp(body, `g${flags}`);
    this.sticky = new RegExp(body, `y${flags}`);
  }

  /** Counted on first use: running a regex compiles it, and most rules' regexes never run in a given scan. */
  get groupCount(): number {
    this.groups ??= new RegExp(`${this.body}|`).exec('')!.length - 1;
    return this.groups;
  }

  /** Where a match may start, worked out on the first search (null: search the whole text). */
  private anchorsForSearch(): readonly Anchor[] | null {
    if (this.anchors === undefined) {
      const found = anchorsOf(this.body, this.regex.ignoreCase);
      this.anchors = found && worthAnchoring(found, this.body, this.regex.ignoreCase) ? found : null;
    }
    return this.anchors;
  }

  test(text: string): boolean {
    this.regex.lastIndex = 0;
    return this.regex.test(text);
  }

  *matches(text: string): Iterable<RegexMatch> {
    const regex = new RegExp(this.regex);
    // Anchors are used only by regexes that do not ignore case: the text is their haystack as it is.
    const anchors = this.anchorsForSearch();
    const found = anchors ? anchoredMatches(text, text, anchors, new RegExp(this.sticky), regex) : text.matchAll(regex);
    for (const m of found) {
      const indices = m.indices!;
      const groups = indices.slice(1).map((pair) => (pair ? { start: pair[0], end: pair[1] } : undefined));
      yield { start: m.index, end: m.index + m[0].length, groups };
    }
  }
}

/** A regex a rulebook may not use, with where in its source the problem starts (for an exact line and column). */
export class RegexSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
    readonly length?: number,
  ) {
    super(message);
  }
}

/**
 * Constructs of backtracking engines that RE2 leaves out on purpose, found in the source so the message can name
 * the construct and where it is, and say what to write instead.
 */
const BACKTRACKING_ONLY: readonly { readonly test: RegExp; readonly what: string; readonly instead: string }[] = [
  { test: /^\(\?<[=!]/, what: 'look-behind', instead: 'match the text before it too (a capture group can then mark the part to flag)' },
  { test: /^\(\?[=!]/, what: 'look-ahead', instead: 'match the text after it too (a capture group can then mark the part to flag)' },
  { test: /^\(\?>/, what: 'an atomic group', instead: 'use a plain group: RE2 never backtracks, so it is not needed' },
  { test: /^\\[1-9]/, what: 'a back-reference', instead: 'spell out the repeated text, or use a tree-sitter `query` with `#eq?`' },
  { test: /^\\k[<{']/, what: 'a named back-reference', instead: 'spell out the repeated text, or use a tree-sitter `query` with `#eq?`' },
  { test: /^[*+?}][+]/, what: 'a possessive quantifier', instead: 'use a plain quantifier: RE2 never backtracks, so it is not needed' },
  { test: /^\\Z/, what: '`\\Z`', instead: 'use `\\z` (end of text) or `$` (end of line)' },
];

/** Finds the first construct RE2 refuses because only a backtracking engine can run it, outside character classes. */
function findBacktrackingOnly(source: string): { offset: number; length: number; what: string; instead: string } | undefined {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const rest = source.slice(i);
    if (!inClass) {
      for (const construct of BACKTRACKING_ONLY) {
        const m = construct.test.exec(rest);
        if (m) return { offset: i, length: m[0].length, what: construct.what, instead: construct.instead };
      }
    }
    if (source[i] === '\\') i++;
    else if (source[i] === '[') inClass = true;
    else if (source[i] === ']') inClass = false;
  }
  return undefined;
}

/** RE2's own error, placed at the fragment it quotes (`invalid escape sequence: \`\\q\``). */
function explainRe2Error(source: string, message: string): RegexSyntaxError {
  const backtracking = findBacktrackingOnly(source);
  if (backtracking) {
    return new RegexSyntaxError(
      `${backtracking.what} is not supported: rulebook regexes run on RE2, which finishes in time linear in the input ` +
        `for any pattern and so has no look-around, back-references or possessive forms. Instead, ${backtracking.instead}`,
      backtracking.offset,
      backtracking.length,
    );
  }
  const detail = message.replace(/^error parsing regexp: /, '');
  const fragment = /`([^`]+)`\s*$/.exec(detail)?.[1];
  const offset = fragment !== undefined ? source.indexOf(fragment) : -1;
  return new RegexSyntaxError(`invalid regex: ${detail}`, offset >= 0 ? offset : undefined, fragment?.length);
}

/**
 * Compiles a rulebook regex. Syntax is RE2's (no look-around, no back-references); an invalid one throws
 * `RegexSyntaxError` with an explanation and the offset of the offending part.
 */
export function compileRuleRegex(source: string, options: { trusted: boolean; caseInsensitive?: boolean; multiline?: boolean }): RuleRegex {
  const caseInsensitive = options.caseInsensitive ?? false;
  // `^` and `$` match at line ends by default (rules scan whole files); query predicates test one node's text.
  const multiline = options.multiline ?? true;
  if (options.trusted) {
    // The built-in rules' regexes are checked against RE2 by the test suite; at load (three times per scan, once
    // per worker) compiling each twice would only repeat that check. An invalid one still gets RE2's explanation.
    try {
      return new V8Regex(source, caseInsensitive, multiline);
    } catch {
      // fall through to RE2 and its error
    }
  }
  let re2: Re2Regex;
  try {
    re2 = new Re2Regex(source, caseInsensitive, multiline);
  } catch (err) {
    throw explainRe2Error(source, (err as Error).message);
  }
  return re2;
}
