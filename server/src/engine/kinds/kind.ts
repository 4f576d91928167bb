/**
 * The contract between the scanner and a rule kind. A kind compiles a rule once (reporting problems at the rule's
 * own keys) into a matcher; the scanner runs matchers over a document whose facts are computed lazily and shared.
 */
import type { Tree } from '../tree-api';
import { LanguageId } from '../languages';
import { LocalizedText, Rule } from '../rulebook/types';
import type { DeclarationSource } from '../syntax/c-declarations';
import { CallFact, CommentFact, StringFact } from '../syntax/facts';
import type { Region } from '../syntax/located-facts';
import { TextIndex } from '../text-index';

export interface ScanDocument {
  /** Workspace-relative path with forward slashes. */
  readonly path: string;
  readonly languageId: LanguageId;
  readonly text: string;
  readonly index: TextIndex;
  /** The syntax tree, for languages with a grammar (a tree with ERROR nodes still yields the parts that parse). */
  readonly tree: Tree | undefined;
  /** The text in lower case, computed once. */
  readonly lower: string;
  /**
   * When set, `strings()` (and the literals read from them) hold only those overlapping these offset ranges: the
   * neighbourhood of the lines where this rule, and the others that share the view, can find (`stringReach`).
   */
  readonly focus?: readonly Region[];
  /** What the C file's own headers declare (`c-headers.ts`), when the scan read them; unknown otherwise. */
  readonly headers?: DeclarationSource;
  strings(): readonly StringFact[];
  comments(): readonly CommentFact[];
  calls(): readonly CallFact[];
}

export interface RawMatch {
  /** Offsets of the flagged token. */
  readonly start: number;
  readonly end: number;
  /** Values for the message's `{placeholders}`; a secret's value is passed here masked, never raw. */
  readonly vars?: Readonly<Record<string, LocalizedText>>;
  /** Rule severity for this match when a kind refines it (e.g. a per-function CWE). */
  readonly cwe?: number;
  /**
   * Matches of one group that overlap keep only the highest level: a provider's token pattern outranks the
   * name-aware generic rule that flags the same literal, so one secret is reported once.
   */
  readonly overlap?: { readonly group: string; readonly level: number };
  /**
   * What the match rests on, as explainable features (`provider-format`, `provider-context`, `checksum:valid`,
   * `checksum:failed`): carried into the finding for reports and, later, a confidence.
   */
  readonly evidence?: readonly string[];
  /** Reported one severity below the rule's (e.g. a token whose checksum fails: likely test data). */
  readonly lowered?: boolean;
  /**
   * Reported at `info`, whatever the rule's severity, with this sentence after the message: why the match needs no
   * sign-off (a copy whose bound is evident nearby; the stock password of a throwaway service container). Its
   * `evidence` says the same for machines.
   */
  readonly informational?: LocalizedText;
  /** A sentence added after the message (e.g. the macro a call was made through). */
  readonly note?: LocalizedText;
}

/** The raw text, and its lower-case form computed once per file for case-insensitive keyword checks. */
export interface PrefilterInput {
  readonly text: string;
  readonly lower: string;
  /** Whether the file is parsed by a grammar (config files are read as key/value text instead). */
  readonly parsed: boolean;
}

/** The prefilter input of a text (a file or one of its lines), lower-cased only if a check asks. */
export function prefilterInput(text: string, parsed: boolean): PrefilterInput {
  let lower: string | undefined;
  return {
    text,
    get lower() {
      return (lower ??= text.toLowerCase());
    },
    parsed,
  };
}

export interface Matcher {
  /** Whether the matcher reads the syntax tree (calls, string contexts); config files never have one. */
  readonly needsTree: boolean;
  /** A cheap check on the raw text: false means the rule cannot match, so the file needs no parse for it. */
  prefilter(input: PrefilterInput): boolean;
  /**
   * A check of one line that holds on some line of every text `prefilter` accepts. An edited document keeps how many
   * lines pass it and checks only the changed lines again: no passing line rejects the rule without running
   * `prefilter` over the whole text. `exact` says the check is `prefilter` itself, looking at one line at a time (a
   * keyword, a regex that cannot cross a line break): then passing lines also accept the rule. A test checks these
   * promises over every fixture; leave this unset when unsure.
   */
  readonly linePrefilter?: { readonly check: (input: PrefilterInput) => boolean; readonly exact: boolean };
  /**
   * With an exact `linePrefilter`: every finding comes from strings (and other literals) within this many lines of a
   * line that passes it. A full scan then reads literals only around such lines (`ScanDocument.focus`).
   */
  readonly stringReach?: number;
  match(doc: ScanDocument): RawMatch[];
}

/** Where inside a key's text value (a regex, a query) a problem lies, for an exact line and column. */
export interface ValuePosition {
  readonly offset: number;
  readonly length?: number;
}

export type ReportProblem = (keyPath: readonly (string | number)[], message: string, at?: ValuePosition) => void;

export interface CompileOptions {
  /** Built-in rules are reviewed and run on V8's regex engine; a lead's run on RE2. */
  readonly trusted: boolean;
  readonly report: ReportProblem;
}

export interface RuleKind {
  readonly kind: string;
  compile(rule: Rule, options: CompileOptions): Matcher | undefined | Promise<Matcher | undefined>;
  /**
   * Compiles the `allow` list of an override into a test of a flagged text (true: allowed, the finding is dropped).
   * Without it an entry allows exactly the text it names; a kind with richer entries (CIDR ranges) brings its own.
   */
  compileAllow?(entries: readonly string[], report: (index: number, message: string) => void): (token: string) => boolean;
}
