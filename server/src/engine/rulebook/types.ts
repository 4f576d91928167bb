/**
 * The rulebook as the engine sees it after loading: plain data, validated against `rulebook.schema.json`.
 * Field names follow the YAML a lead writes, so an error can always be pointed at the key it came from.
 */
import { LanguageId } from '../languages';
import type { PathClass } from '../path-classes';
import type { ReviewSection } from '../review/policy';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Text a developer reads, in English and (optionally) Japanese. A plain string is English. */
export type LocalizedText = string | { readonly en: string; readonly ja?: string };

export type Locale = 'en' | 'ja';

export function localize(text: LocalizedText | undefined, locale: Locale = 'en'): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  return (locale === 'ja' ? text.ja : undefined) ?? text.en;
}

/** Where something was written: the file and the one-based line and column of its key. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export interface RuleExample {
  readonly language?: string;
  /** A file name for the example (examples run whatever the rule's `paths` say), e.g. `settings.py`. */
  readonly path?: string;
  readonly code: string;
}

/**
 * What a rule's findings mean in one class of paths (`path-classes.ts`): `report` as in product code, `off` (not
 * reported), or reported at this severity instead (`info` is never gating).
 */
export type ClassTreatment = 'report' | 'off' | Severity;
export const CLASS_TREATMENTS: readonly ClassTreatment[] = ['report', 'off', 'error', 'warning', 'info'];

/** A rule's treatment per path class; a class not written keeps the default (`vendored: info`, else `report`). */
export type ClassTreatments = Readonly<Partial<Record<PathClass, ClassTreatment>>>;

/** A lead's definition of a path class: globs that put paths in it, and whether the built-in conventions still count. */
export interface PathClassDefinition {
  readonly globs?: readonly string[];
  /** False: the built-in conventions of this class no longer put paths in it (only `globs` do). Default true. */
  readonly conventions?: boolean;
}

export interface PathFilter {
  readonly include?: readonly string[];
  readonly exclude?: readonly string[];
}

export interface RuleCommon {
  readonly id: string;
  readonly kind: string;
  readonly severity: Severity;
  readonly message: LocalizedText;
  readonly rationale: LocalizedText;
  readonly languages?: readonly string[];
  readonly paths?: PathFilter;
  /** What the rule's findings mean in test code, docs and vendored code (and product code). */
  readonly classes?: ClassTreatments;
  readonly cwe?: readonly number[];
  readonly guide?: 7 | 8;
  readonly fix?: LocalizedText;
  readonly confidence?: 'high' | 'medium' | 'low';
  readonly tags?: readonly string[];
  readonly helpUri?: string;
  /** Rule ids (or `prefix.*`) whose finding on the same text or line makes this rule's finding redundant. */
  readonly yields_to?: readonly string[];
  readonly examples?: { readonly bad?: readonly (RuleExample | string)[]; readonly good?: readonly (RuleExample | string)[] };
}

/** One function of a `call` rule, with its own risk, replacement and optional condition on an argument. */
export interface CallFunction {
  readonly name: string;
  readonly risk?: LocalizedText;
  readonly replacement?: LocalizedText;
  readonly cwe?: number;
  readonly when?: CallCondition;
}

/**
 * Narrows a function to its risky calls (argument positions are zero-based): a format argument that is not fixed
 * at build time (`non-literal`) or that scans a string without a width (`unbounded-scan`); or a copy whose size
 * argument is not `sizeof` the destination (`not-destination-size`). `bounded` says what becomes of a copy whose
 * bound is evident nearby (allocated, declared or checked a few lines above): reported at `info` with the reason,
 * or not at all (`off`); without it such a copy is reported like any other.
 */
export type CallCondition =
  | { readonly formatArg: number; readonly format: 'non-literal' | 'unbounded-scan' }
  | { readonly destinationArg: number; readonly sizeArg: number; readonly size: 'not-destination-size'; readonly bounded?: 'info' | 'off' };

export interface CallRule extends RuleCommon {
  readonly kind: 'call';
  readonly functions: readonly (CallFunction | string)[];
}

export interface SecretPattern {
  readonly regex: string;
  /** The capture group holding the secret (default: 1 if the regex has groups, else the whole match). */
  readonly group?: number;
  /** What the pattern finds (`HashiCorp Vault token`), for the message's `{provider}` when one rule has several. */
  readonly label?: LocalizedText;
  /** The group holding a user name: a password equal to it (`guest:guest@`) is a default-credential example, not flagged. */
  readonly user_group?: number;
  /** Substrings (case-insensitive) one of which must occur for this pattern to run; the rule's own apply too. */
  readonly keywords?: readonly string[];
  /**
   * Provider words (case-insensitive, matched as whole name parts) one of which must stand near a match: on its
   * line, a few lines above, or on an enclosing key line. For shapes that are only random strings.
   */
  readonly context?: readonly string[];
  /** A check the format carries (`base62-crc32`, `pypi-macaroon`, `bech32`, `jwt-header`, `discord-snowflake`). */
  readonly checksum?: string;
  /**
   * What a match rests on, for its confidence (`confidence.ts`): default `[provider-format]`; a shape that is not a
   * provider's format says so (`[name:strong, shape:command-line]`), and the value's own features are added.
   */
  readonly evidence?: readonly string[];
  /** Judge the value as name-aware matches do: words, names, paths and labels are not secrets. */
  readonly strict_value?: boolean;
  /** `prose`: only matches in comments and in files of prose (Markdown, text, logs) count. Default `anywhere`. */
  readonly in?: 'anywhere' | 'prose';
}

export interface SecretRule extends RuleCommon {
  readonly kind: 'secret';
  /** Precise provider patterns, run over the whole text (a token in a comment is leaked too). */
  readonly patterns?: readonly SecretPattern[];
  /** Cheap substrings, one of which must occur in the text before any pattern runs (case-insensitive). */
  readonly keywords?: readonly string[];
  /** Minimum Shannon entropy (bits per character) of the secret. */
  readonly entropy?: number;
  /** Name-aware generic credentials: a regex (case-insensitive) over the name a string literal is bound to. */
  readonly names?: string;
  /** Names that look like credentials but are not (`password_field`, `token_type`). */
  readonly ignore_names?: string;
  readonly min_length?: number;
  /** Values that are never secrets (regex, case-insensitive), added to the built-in placeholders. */
  readonly ignore_values?: string;
  /** Lines whose secret is an example, not a secret (regex, case-insensitive), e.g. URLs on `example.com`. */
  readonly ignore_lines?: string;
  /** Words before a pattern's match (its line and the three above) that introduce it as an example: `For example:`. */
  readonly example_cues?: string;
  /** Functions whose argument at a zero-based position is a credential: `{ NetworkCredential: 1, mysql_real_connect: 3 }`. */
  readonly arguments?: Readonly<Record<string, number | readonly number[]>>;
  /** Names `names` accepts that say less (`pass`, `pw`): their findings weigh less (`name:weak`). */
  readonly weak_names?: string;
  /**
   * Credential words in any language and script (`password`, `kennwort`, `contraseña`, `パスワード`): a name that is
   * one of them, or a misspelling or abbreviation of one (`passwrd`, `psswd`, `pword`), counts too (`secret-names.ts`).
   */
  readonly name_stems?: readonly string[];
  /** Values that read as words or names count (a cryptographic key is a finding whatever it looks like). */
  readonly accept_words?: boolean;
  /** Evidence every finding of the rule carries (`[shape:crypto-constant]`), for its confidence. */
  readonly evidence?: readonly string[];
}

export interface IpRule extends RuleCommon {
  readonly kind: 'ip';
  /** Addresses and CIDR ranges that are never flagged. */
  readonly allow?: readonly string[];
  /** CIDR ranges not flagged when written as that range (`10.0.0.0/8` in code that classifies addresses). */
  readonly allow_ranges?: readonly string[];
  /** A regex over the bound name: values bound to such names (`version`, `release`) are not addresses. */
  readonly ignore_names?: string;
  readonly ipv6?: boolean;
}

export type PatternScope = 'code' | 'string' | 'comment' | 'any';

export interface PatternRule extends RuleCommon {
  readonly kind: 'pattern';
  readonly regex?: string;
  readonly scope?: PatternScope;
  /** A tree-sitter query; `capture` names the flagged node (default: the first capture). */
  readonly query?: string;
  readonly capture?: string;
  /** For query rules: cheap substrings (case-insensitive) one of which must occur before the file is parsed. */
  readonly keywords?: readonly string[];
  /** For query rules: a regex a file must also match before it is parsed, for keywords that are common words. */
  readonly prefilter?: string;
}

/** Test, demo and default accounts: a user id and a password bound to literals next to each other. */
export interface AccountRule extends RuleCommon {
  readonly kind: 'account';
  /** Regex (case-insensitive) over the snake_case name a user id is bound to (`demo_login`, `user`, `email`). */
  readonly user_names: string;
  /** Regex over the snake_case name a password is bound to. */
  readonly password_names: string;
  /** Regex over each word of a user id or of the names: the account says test, demo, guest… */
  readonly account_words?: string;
  /** Well-known default pairs `[user, password]` (user compared case-insensitively). */
  readonly default_pairs?: readonly (readonly [string, string])[];
  /** Also flag a password equal to its user id (`operator`/`operator`). */
  readonly same_as_user?: boolean;
}

/** Login backdoors: a password (and optionally a user id) compared with a literal. */
export interface CredentialCheckRule extends RuleCommon {
  readonly kind: 'credential-check';
  readonly password_names: string;
  /** Names of user ids; a user comparison joined to the password comparison widens the finding to both. */
  readonly user_names?: string;
}

/** Authentication skipped by a debug condition inside an auth function, or by a magic request header or parameter. */
export interface AuthBypassRule extends RuleCommon {
  readonly kind: 'auth-bypass';
  /** Regex over the snake_case names of functions that authenticate or authorize. */
  readonly function_names?: string;
  /** Regex over each snake_case identifier of a condition that means debug or test mode. */
  readonly condition_names?: string;
  /** Words of the conditions (debug flags, request keys; case-insensitive): a file with none shortly after an `if` is not parsed. */
  readonly keywords?: readonly string[];
  /** Regex over header, query and form keys read from a request that switch the login off whatever follows. */
  readonly request_keys?: string;
}

/** A named setting given a literal value: `NO_AUTH = true`, `app.run(debug=True)`, `debug: true`. */
export interface SettingRule extends RuleCommon {
  readonly kind: 'setting';
  /** Regex over the setting's snake_case name. */
  readonly names: string;
  /** Regex over the literal value (case-insensitive); default: a truthy value. */
  readonly values?: string;
  /** Only keyword arguments or options of these calls (regex over the called name, e.g. `^run$`). */
  readonly callees?: string;
  /** Regex over the whole name as written (`app.debug`, `app.config["DEBUG"]`): whose setting it is. */
  readonly full_names?: string;
  /** Only top-level assignments (module or class level, as in a settings module), not options passed to calls. */
  readonly top_level?: boolean;
  /** A setter called with the value alone (`setDebuggable(true)`) sets the name it is named after. */
  readonly setters?: boolean;
  /** Cheap substrings one of which must occur in the file (case-insensitive). */
  readonly keywords?: readonly string[];
}

export interface OpenPortRule extends RuleCommon {
  readonly kind: 'open-port';
  /** Ports that must not be open to the world. */
  readonly ports: readonly number[];
  /** Source ranges that mean anyone (default `0.0.0.0/0`, `::/0`, `*`, `Internet`, `Any`). */
  readonly sources?: readonly string[];
}

/** Route registrations whose literal path says debug, test login, backdoor or impersonation. */
export interface RouteRule extends RuleCommon {
  readonly kind: 'route';
  /** Regex over the route path as written (`/debug/pprof`, `test-login/`). */
  readonly routes: string;
  readonly keywords?: readonly string[];
}

/** Imports of modules that open a debugging surface (`net/http/pprof`, `werkzeug.debug`). */
export interface ImportRule extends RuleCommon {
  readonly kind: 'import';
  readonly modules: readonly string[];
}

export type Rule =
  | CallRule
  | SecretRule
  | IpRule
  | PatternRule
  | AccountRule
  | CredentialCheckRule
  | AuthBypassRule
  | SettingRule
  | OpenPortRule
  | RouteRule
  | ImportRule
  | (RuleCommon & Record<string, unknown>);

/** A rule as loaded, with where it was defined. */
export interface LoadedRule {
  readonly rule: Rule;
  readonly source: SourceLocation;
  /** The resolved engine languages the rule applies to; undefined means every language. */
  readonly languages?: ReadonlySet<LanguageId>;
}

export interface PathSection {
  readonly disable?: readonly string[];
  readonly enable?: readonly string[];
  readonly severity?: Severity;
  readonly overrides?: Readonly<Record<string, RuleOverride>>;
}

export interface RuleOverride {
  readonly severity?: Severity;
  readonly paths?: PathFilter;
  /** Per-class treatments, each replacing the rule's for that class. */
  readonly classes?: ClassTreatments;
  readonly allow?: readonly string[];
  readonly message?: LocalizedText;
}

export interface RulebookSettings {
  /** Files larger than this many bytes are skipped with a note (default 2 MB). */
  readonly max_file_size?: number;
  /** Lines longer than this mark a file as minified, skipped with a note (default 1,000 characters on average over long lines). */
  readonly max_line_length?: number;
  /** A file whose scan takes longer is skipped with a note (default 5 s; 0: no limit). */
  readonly max_scan_seconds?: number;
}

/** One rulebook file as written. */
export interface RulebookDocument {
  readonly version?: number;
  readonly name?: string;
  readonly extends?: readonly string[];
  readonly rules?: readonly Rule[];
  readonly overrides?: Readonly<Record<string, RuleOverride>>;
  readonly disable?: readonly string[];
  readonly enable?: readonly string[];
  readonly paths?: Readonly<Record<string, PathSection>>;
  /** Globs that put paths in a class, before the built-in conventions. */
  readonly path_classes?: Readonly<Partial<Record<PathClass, PathClassDefinition>>>;
  readonly settings?: RulebookSettings;
  readonly review?: ReviewSection;
}
