/**
 * `secret`: hardcoded credentials. Two ways to match, usable together in one rule:
 * - `patterns`: precise provider formats (AWS, GitHub, Stripe…), run over the whole text after a `keywords`
 *   prefilter, with an entropy floor;
 * - `names`: name-aware generic credentials, a string literal bound to a name that says password / token / secret…
 *   (assigned, initialised, `#define`d, passed, compared, or a config key), or passed where a known function takes
 *   a credential (`arguments`, e.g. `NetworkCredential(user, "…")`).
 * A match's value reaches messages only masked. Name-aware matches give way to a provider pattern that flags the same
 * text (`GITHUB_TOKEN = "ghp_…"` is one GitHub token, not also a generic one).
 *
 * A provider pattern may ask for its provider's name nearby (`context`, see `provider-context.ts`) when its shape
 * alone is only a random string, and may name a `checksum` its format carries (`secret-checksums.ts`). Patterns run
 * over the text as written and, when it holds backslash escapes, over the text they spell (`unescaped-text.ts`).
 * Each match carries its evidence (`provider-format`, `provider-context`, `checksum:valid`, `checksum:failed`); a
 * failed checksum on an otherwise perfect shape is test data or a placeholder more often than a key, so it is
 * reported one severity lower.
 */
import { maskSecret } from '../mask';
import { RegexSyntaxError, RuleRegex, compileRuleRegex } from '../regex';
import { LocalizedText, SecretRule } from '../rulebook/types';
import { MEDIA_URL_TOKEN_NOTE, inMediaUrlQuery } from './media-url';
import { sampleBlockOpener } from './example-blocks';
import { StringFact } from '../syntax/facts';
import { AUTH_PAIR } from '../syntax/name-context';
import { lastIdentifier } from '../syntax/tree-util';
import { Matcher, PrefilterInput, RawMatch, RuleKind, ScanDocument } from './kind';
import { keywordLines } from './line-prefilter';
import { keywordIds, keywordsIn } from './keyword-index';
import { anyKeyword, inProse, keywordNearQuote, keywordRegex, nameAround, nameParts } from './keyword-prefilters';
import { ENVIRONMENT_READERS, NAME_TAKING_CALL, isPlaceholder, looksLikeNameOrText, readableDecoding, shannonEntropy, snakeCase } from './secret-values';
import { hasWord, providerNear } from './provider-context';
import { CHECKSUMS } from './secret-checksums';
import { isEphemeralServiceCredential } from './service-credentials';
import { isCodeValue, isEncryptedAtRest, isEscapedPlaceholder, inPatternValue, isFieldNameList, isKeywordComparedWithToken, isMemberNumber, isRouteKey, isStoredPasswordHash } from './code-values';
import { UnescapedText, escapedLines, originalSpan } from './unescaped-text';
import { checkBudget } from '../budget';
import { NameModel, compileNameModel } from './secret-names';
import { InnerPair, innerPairs } from '../syntax/inner-pairs';
import { inCommentOrProse } from './prose-context';
import { valueFeatures } from '../confidence';

/** Overlap group shared by every secret rule: a provider match outranks a name-aware one on the same text. */
const SECRET_GROUP = 'secret';
const PROVIDER_LEVEL = 2;
const NAME_LEVEL = 1;

/** Last segments too generic to say anything alone: `fs.s3a.secret.key` is judged by `secret_key`. */
const GENERIC_LAST = /^(?:key|value|val|data|string|str|text|field|setting|item|entry)$/;

function compileOrReport(
  source: string | undefined,
  keyPath: (string | number)[],
  trusted: boolean,
  report: (path: (string | number)[], message: string) => void,
  caseInsensitive = false,
): RuleRegex | undefined {
  if (source === undefined) return undefined;
  try {
    return compileRuleRegex(source, { trusted, caseInsensitive });
  } catch (err) {
    report(keyPath, err instanceof RegexSyntaxError ? err.message : String(err));
    return undefined;
  }
}

/** The snake_case names a fact is judged by: its own name, and with a generic last segment the two last segments. */
function candidateNames(name: string, fullName: string): string[] {
  const snake = snakeCase(name);
  if (!GENERIC_LAST.test(snake)) return [snake];
  const tail = qualifiedTail(fullName);
  return tail !== undefined ? [snake, tail] : [snake];
}

/** The last two segments of a dotted or nested name, as one snake-case name (`fs.s3a.secret.key` → `secret_key`). */
function qualifiedTail(fullName: string): string | undefined {
  const parts = fullName.match(/[A-Za-z_][\w-]*/g) ?? [];
  return parts.length >= 2 ? snakeCase(parts.slice(-2).join('_')) : undefined;
}

/**
 * A key whose qualifier says what `ignore_names` says of a name: `algolia.docsearch.api_key` is a search-only key as
 * `docsearch_api_key` would be, `auth.reset.token` a reset token. Read on the last two segments of a dotted or nested
 * name, the same tail `candidateNames` reads for a generic last segment.
 */
function qualifiedAway(name: string, fullName: string, m: NameMatchers): boolean {
  const tail = qualifiedTail(fullName);
  return tail !== undefined && tail !== snakeCase(name) && m.ignoreNames?.test(tail) === true;
}

interface CompiledPattern {
  readonly regex: RuleRegex;
  readonly group: number | undefined;
  readonly label: LocalizedText;
  readonly userGroup: number | undefined;
  /** Ids of the pattern's own keywords, or its context words, or the rule's keywords (every text passes without any). */
  readonly ids: number[];
  /** The same words in lower case, for the decoded lines (which the keyword pass did not read). */
  readonly words: readonly string[];
  /** Provider words one of which must stand near a match (lower case); empty when the shape is enough. */
  readonly context: readonly string[];
  /** Their keyword ids, in the same order. */
  readonly contextIds: number[];
  readonly checksum: ((token: string) => boolean) | undefined;
  /** What a match rests on instead of a provider's format (`[name:strong, shape:command-line]`), or undefined. */
  readonly evidence: readonly string[] | undefined;
  readonly strictValue: boolean;
  readonly proseOnly: boolean;
}

/** The decoded lines of each document where escapes can hide a token, computed once per document for every provider rule. */
const unescapedViews = new WeakMap<ScanDocument, UnescapedText | null>();

function unescapedView(doc: ScanDocument): UnescapedText | undefined {
  let view = unescapedViews.get(doc);
  if (view === undefined) {
    view = doc.text.includes('\\') ? (escapedLines(doc.text) ?? null) : null;
    unescapedViews.set(doc, view);
  }
  return view ?? undefined;
}

/** Per document, whether each provider word occurs whole anywhere (the keyword pass finds it inside other words too). */
const wholeWords = new WeakMap<ScanDocument, Map<string, boolean>>();

/**
 * Whether one of a pattern's provider words stands whole somewhere in the document: `ably` in `probably` does not.
 * Only words the keyword pass saw (`seen` at their `ids`) are looked for: an absent word would cost a search of the text.
 */
function anyWholeWord(doc: ScanDocument, words: readonly string[], ids: readonly number[], seen: Uint8Array): boolean {
  let known = wholeWords.get(doc);
  if (!known) wholeWords.set(doc, (known = new Map<string, boolean>()));
  for (let i = 0; i < words.length; i++) {
    if (seen[ids[i]] !== 1) continue;
    const word = words[i];
    let found = known.get(word);
    if (found === undefined) known.set(word, (found = hasWord(doc.text, doc.lower, word, 0, doc.text.length)));
    if (found) return true;
  }
  return false;
}

/** A commit or object id in a repository URL (`/blob/6c39…/`, `/commit/…`): hex, but a reference, not a key. */
const VCS_REFERENCE = /\/(?:blob|tree|commits?|raw|compare|archive|pull|diff|-\/blob)\/$/;
/**
 * A commit a dependency is pinned to: a CI action or reusable workflow (`uses: owner/repo@<sha>`, `owner/repo/path@<sha>`),
 * a git dependency (`git+https://host/repo.git@<sha>`, `github:owner/repo#<sha>`, `repo.git#<sha>`).
 */
const VCS_PIN = /(?:[\w.-]+\/[\w./-]*[\w.-]@|\.git[@#]|(?:github|gitlab|bitbucket):[\w.-]+\/[\w.-]+#)$/;

/** Characters of base64 and URL paths: a key found only by its provider's name stands alone in them, not inside a blob. */
function isRunChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 43 || code === 47 || code === 95 || code === 45;
}

/** How far past a value a run of base64 may go before the value reads as a piece of a longer blob (an image, a key). */
const BLOB_MARGIN = 48;

/** What follows the commit id of a finding's fingerprint: `:path/to/file.go:rule-id:12` to the end of the line. */
const FINGERPRINT_REST = /^:[^\s:]+:[\w.-]+:\d+\s*(?:\n|$)/;

/** A line of a wrapped base64 block (PGP armour, PEM, MIME): nothing but base64, as long as such lines are. */
const WRAPPED_BASE64_LINE = /^[A-Za-z0-9+/]{60,}={0,2}$/;

/**
 * Whether a value sits where a key cannot: a piece of a longer base64 run (data URLs, embedded images, encoded keys
 * and signatures hold every short shape by chance), a piece of a line of a wrapped base64 block, or a commit id in a
 * repository URL or a dependency's pin.
 */
function embedded(text: string, start: number, end: number): boolean {
  if (VCS_REFERENCE.test(text.slice(Math.max(0, start - 12), start)) && /^[0-9a-f]{7,40}$/.test(text.slice(start, end))) return true;
  if (/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(text.slice(start, end)) && VCS_PIN.test(text.slice(Math.max(0, start - 200), start))) return true;
  // A finding's fingerprint in a scanner's ignore file, `<commit>:<path>:<rule>:<line>`, starts with a commit id.
  if (/^[0-9a-f]{40}$/.test(text.slice(start, end)) && (start === 0 || text[start - 1] === '\n') && FINGERPRINT_REST.test(text.slice(end, end + 300))) return true;
  let before = 0;
  for (let i = start - 1; i >= 0 && before <= BLOB_MARGIN && isRunChar(text.charCodeAt(i)); i--) before++;
  let after = 0;
  for (let i = end; i < text.length && before + after <= BLOB_MARGIN && isRunChar(text.charCodeAt(i)); i++) after++;
  if (before + after > BLOB_MARGIN) return true;
  if (before + after === 0) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const newline = text.indexOf('\n', end);
  // Indented as it is in a property list's or a diagram's `<data>` element.
  const line = text.slice(lineStart, newline < 0 ? text.length : newline).trim();
  return line.length <= 120 && WRAPPED_BASE64_LINE.test(line);
}

/**
 * A value found only through its provider's name must look generated: letters and digits mixed, not a date, and
 * either digits in three places or more or not a name or text (dots read as separators, so `a1b2.c3d4` is judged by
 * its parts while `app.v2.config` stays a name).
 */
function generatedLooking(value: string): boolean {
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value) || /^\d{4}-\d{2}-\d{2}/.test(value)) return false;
  // Digits scattered in three places or more: generated, even when its letters fall into camel case by chance.
  if ((value.match(/[0-9]+/g) ?? []).length >= 3) return true;
  return !looksLikeNameOrText(value.replace(/\./g, '_'));
}

interface NameMatchers {
  readonly names?: RuleRegex;
  readonly ignoreNames?: RuleRegex;
  /** Names `names` accepts that say less (`pass`, `pw`). */
  readonly weakNames?: RuleRegex;
  /** Misspelled, abbreviated and translated credential names (`name_stems`). */
  readonly model?: NameModel;
  /** Function (last segment of the callee) → argument positions that hold a credential. */
  readonly credentialArguments: ReadonlyMap<string, readonly number[]>;
  /** The same functions in lower case, for the prefilter: plain names, and dotted ones (`jwt.sign`). */
  readonly credentialCallees: { readonly simple: ReadonlySet<string>; readonly dotted: readonly string[] };
}

/**
 * Positions of credential arguments for a callee: `NetworkCredential` matches by its last segment; a dotted entry
 * (`jwt.sign`) matches the callee's last segments, case-insensitively (`jwt.sign`, `JWT.encode` in Ruby).
 */
function credentialPositions(callee: string, table: ReadonlyMap<string, readonly number[]>): readonly number[] | undefined {
  const own = table.get(lastIdentifier(callee));
  if (own) return own;
  const lower = callee.toLowerCase().replace(/::|->/g, '.');
  for (const [fn, positions] of table) {
    if (!fn.includes('.')) continue;
    const key = fn.toLowerCase();
    if (lower === key || lower.endsWith(`.${key}`)) return positions;
  }
  return undefined;
}

/** The name a fact is flagged under and how strongly that name says "credential" (`confidence.ts`). */
interface BoundName {
  readonly name: string;
  readonly evidence: 'name:strong' | 'name:weak' | 'name:model' | 'name:argument';
}

/**
 * How the name model reads a name the `names` regex does not accept: a stem (in any language) is as strong as the
 * regex would make it, a misspelling or an abbreviation is `name:model`. Undefined when it says nothing either.
 */
function modelEvidence(name: string, m: NameMatchers): BoundName['evidence'] | undefined {
  const found = m.model?.match(name);
  if (!found) return undefined;
  const snake = snakeCase(name);
  if (snake !== '' && m.ignoreNames?.test(snake)) return undefined;
  if (found.how === 'variant' || found.how === 'abbreviation') return 'name:model';
  return m.weakNames?.test(found.stem) ? 'name:weak' : 'name:strong';
}

/** The name a fact is flagged under, or undefined when its binding says nothing about a credential. */
function boundName(fact: StringFact, m: NameMatchers): BoundName | undefined {
  const context = fact.context;
  if (!context) return undefined;
  if (context.callee !== undefined && context.index !== undefined) {
    const positions = credentialPositions(context.callee, m.credentialArguments);
    if (positions?.includes(context.index)) return { name: `${context.callee}(…) argument ${context.index + 1}`, evidence: 'name:argument' };
  }
  if (!m.names && !m.model) return undefined;
  if (context.callee && ENVIRONMENT_READERS.test(context.callee)) return undefined;
  // `getSecret("db-password")`, `t("password")`: the literal names a secret or is an input, it is not one.
  if ((context.kind === 'argument' || context.kind === 'key') && context.callee && NAME_TAKING_CALL.test(snakeCase(lastIdentifier(context.callee)))) {
    return undefined;
  }
  // A call named like a credential takes its value as the only argument (`setPassword("…")`, `.password("…")`); in
  // `NetworkCredential("user", "…")` the other arguments are user names and hosts (positions come from `arguments`).
  if (context.kind === 'argument' && context.index !== undefined && (context.index > 0 || context.arity !== 1)) return undefined;
  const candidates = candidateNames(context.name, context.fullName);
  const hit = m.names ? candidates.find((name) => m.names!.test(name) && !m.ignoreNames?.test(name)) : undefined;
  if (hit !== undefined && qualifiedAway(context.name, context.fullName, m)) return undefined;
  if (hit !== undefined) return { name: context.name, evidence: m.weakNames?.test(hit) ? 'name:weak' : 'name:strong' };
  const modelled = modelEvidence(context.name, m);
  return modelled ? { name: context.name, evidence: modelled } : undefined;
}

/** The value spells the name it is bound to (or its tail): `PASSWORD = "password"`, `SN_idPass "idPass"`. */
function namesItself(value: string, name: string): boolean {
  const v = snakeCase(value);
  const n = snakeCase(name);
  return v !== '' && (v === n || n.endsWith(`_${v}`) || v.endsWith(`_${n}`));
}

/**
 * Whether a name as written around a keyword could be what a literal is bound under for this rule (`boundName`):
 * one of its parts accepted by `names` and not ignored, an auth pair's name (`auth = ("svc", "…")` binds the
 * second element to `password`), or a function that takes a credential argument. A superset:
 * parts are tried whole, one by one and two by two (`candidateNames` joins a generic last segment with the one
 * before), and function names case-insensitively.
 */
function couldNameCredential(name: string, m: NameMatchers): boolean {
  const parts = nameParts(name);
  const callees = m.credentialCallees;
  if (callees.simple.size > 0 && parts.some((part) => callees.simple.has(part.toLowerCase()))) return true;
  if (callees.dotted.length > 0) {
    const lower = name.toLowerCase().replace(/::|->/g, '.');
    if (callees.dotted.some((key) => lower === key || lower.endsWith(`.${key}`))) return true;
  }
  if (m.model && parts.some((part) => modelEvidence(part, m) !== undefined)) return true;
  if (!m.names) return false;
  return parts.some((part) => {
    const snake = snakeCase(part);
    if (m.names!.test(snake) && !m.ignoreNames?.test(snake)) return true;
    // A (user, password) pair bound to an auth name reads its second element as bound to `password`.
    return AUTH_PAIR.test(snake) && m.names!.test('password');
  });
}

const CJK_PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/;

/**
 * The spans of the matches a rule's earlier patterns made in a document, for "is this match inside one of them?":
 * sorted by start with the running maximum of ends, rebuilt only when matches were added.
 */
class EarlierSpans {
  private starts: number[] = [];
  private maxEnds: number[] = [];
  private size = 0;

  update(matches: readonly RawMatch[]): void {
    if (matches.length === this.size) return;
    this.size = matches.length;
    const spans = matches.map((m) => [m.start, m.end] as const).sort((a, b) => a[0] - b[0]);
    this.starts = spans.map((s) => s[0]);
    let max = -1;
    this.maxEnds = spans.map((s) => (max = Math.max(max, s[1])));
  }

  contains(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && this.maxEnds[at] >= end;
  }
}

/**
 * A value a shape pattern read that is code, not a credential: a qualified name (`serializers.CharField`,
 * `settings.DB_PASSWORD`) or a name that is called (`get_password(`).
 */
function namesCode(text: string, end: number, value: string): boolean {
  return /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value) || namesCalledFunction(text, end, value);
}

/**
 * Whether a value is the name of a function called (`get_password(`; unquoted, `shared_secret = derive_key(` in a
 * here-doc's C or an expression in a config): the value is computed, not written down.
 */
function namesCalledFunction(text: string, end: number, value: string): boolean {
  return text[end] === '(' && /^[A-Za-z_$][\w$.]*$/.test(value);
}

/**
 * Whether a pattern's value is an operand joined to the string that ends just before it (`"--token="+inputs["token"]`,
 * `'--password='.$pass`, `"pass:"..pw`): the value is built at run time, and what was read is code.
 */
function joinedOperand(text: string, start: number, value: string): boolean {
  return /["'`]/.test(text[start - 1] ?? '') && /^(?:\+|\.\.?)\s*[A-Za-z_$([]/.test(value);
}

/** Whether the value starting at `start` is quoted right after a `:` or `=` (`password = "…"`, `password: '…'`). */
function quotedAfterSeparator(text: string, start: number): boolean {
  return /[:=]\s*["'`]$/.test(text.slice(Math.max(0, start - 8), start));
}

/** Characters of a name in any script (`contraseña`, `パスワード`), for the name model: `nameAround` reads ASCII names. */
const UNICODE_NAME_CHAR = /[\p{L}\p{M}\p{N}_$.-]/u;

function unicodeNameAround(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && start - from < 64 && UNICODE_NAME_CHAR.test(text[from - 1])) from--;
  while (to < text.length && to - end < 64 && UNICODE_NAME_CHAR.test(text[to])) to++;
  return text.slice(from, to);
}

/**
 * For rules that take words as values (`accept_words`: a cryptographic key is a finding whatever it looks like),
 * what still cannot be a key: an environment variable or key name, a path or file name, a URL, a format string, a
 * sentence (four words or more), an algorithm or encoding name (those are left to `ignore_values`).
 */
const NOT_A_KEY: readonly RegExp[] = [
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, // ENCRYPTION_KEY (an env var name)
  /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\|\\\\)/, // paths
  /^[\w.-]+\.(?:pem|key|crt|cer|der|p8|p12|pfx|jks|keystore|bin|json|ya?ml|txt|env|ini|conf|cfg|properties|xml|toml)$/i, // key files
  /^[a-z][a-z0-9+.-]*:\/\//i, // URLs
  /%[-+ #0]*\d*(?:\.\d+)?[sdifxXucp](?![A-Za-z0-9])|\{\d*\}/, // format strings
  /\S+\s+\S+\s+\S+\s+\S+/, // sentences and labels: four words or more
  /^[A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*){2,}$/, // qualified names
];

function cannotBeKey(value: string): boolean {
  return NOT_A_KEY.some((re) => re.test(value));
}

/**
 * Whether the name ending at `end` keys a value inside a string: `\"password\": …`, `password=…` in serialised JSON,
 * a query string or an option list. A literal of such text has many words but is data, not prose (`inner-pairs.ts`).
 */
function keyedInText(text: string, end: number): boolean {
  return /^[\w.-]*(?:\\?["']|&quot;|&#34;)?\s*[:=]/.test(text.slice(end, end + 40));
}

/** Whether a string value may hold key/value pairs worth reading (`inner-pairs.ts`): a separator and a keyword. */
function holdsPairs(value: string, keyword: RegExp | undefined): boolean {
  return keyword !== undefined && value.length >= 8 && value.length <= 20000 && (value.includes('=') || value.includes(':')) && keyword.test(value.toLowerCase());
}

/** Words that, in a config file, may name a credential through the key path rather than the key itself. */
const CONFIG_CREDENTIAL_WORD = /pass|pwd|secret|token|key|auth|cred/;

/**
 * Whether an inner `name: value` pair is the start of a message, not a setting: the value is a plain word and more
 * words follow it (`"ssl_passwd_cb: allocation failure\n"`, `"password: missing in the config file"`). A value that
 * is not a plain word (`"password: Hx7q… is the default"`) or a next word that is a key (`"password: secret user:
 * admin"`) keeps the pair.
 */
function startsSentence(text: string, pair: InnerPair): boolean {
  if (!/^[A-Za-z]+$/.test(pair.value)) return false;
  return /^[ \t]+[A-Za-z]+(?![\w.-]*\s*[:=])/.test(text.slice(pair.end, pair.end + 80));
}

/** Why the stock password of a throwaway service container needs no sign-off. */
const EPHEMERAL_SERVICE_NOTE: LocalizedText = {
  en: 'Kept at info: the stock password of a throwaway service container (CI job, compose file or dev container).',
  ja: '情報として記録: 使い捨てのサービスコンテナ（CI ジョブ、compose ファイル、開発コンテナ）の既定のパスワードです。',
};

export const secretKind: RuleKind = {
  kind: 'secret',
  compile(rule, { trusted, report }): Matcher | undefined {
    const secret = rule as SecretRule;
    const patterns = (secret.patterns ?? [])
      .map((p, i) => {
        const context: readonly string[] = (p.context ?? []).map((w) => w.toLowerCase());
        const checksum = p.checksum === undefined ? undefined : CHECKSUMS[p.checksum];
        if (p.checksum !== undefined && !checksum) report(['patterns', i, 'checksum'], `unknown checksum "${p.checksum}": one of ${Object.keys(CHECKSUMS).join(', ')}`);
        // Without keywords or provider words of its own, a pattern runs where the rule's own keywords occur.
        const words: readonly string[] = (p.keywords ?? (context.length > 0 ? context : (secret.keywords ?? []))).map((k) => k.toLowerCase());
        return {
          regex: compileOrReport(p.regex, ['patterns', i, 'regex'], trusted, report),
          group: p.group,
          label: p.label ?? '',
          userGroup: p.user_group,
          ids: keywordIds(words),
          words,
          context,
          contextIds: keywordIds(context),
          checksum,
          evidence: p.evidence,
          strictValue: p.strict_value === true,
          proseOnly: p.in === 'prose',
        };
      })
      .filter((p): p is CompiledPattern => p.regex !== undefined);
    const credentialArguments = new Map<string, number[]>();
    for (const [fn, positions] of Object.entries(secret.arguments ?? {})) {
      credentialArguments.set(fn, typeof positions === 'number' ? [positions] : [...positions]);
    }
    const nameMatchers: NameMatchers = {
      names: compileOrReport(secret.names, ['names'], trusted, report, true),
      ignoreNames: compileOrReport(secret.ignore_names, ['ignore_names'], trusted, report, true),
      weakNames: compileOrReport(secret.weak_names, ['weak_names'], trusted, report, true),
      // A name the model accepts holds one of the rule's keywords, so the keyword prefilter still lets it through.
      model: secret.name_stems?.length ? compileNameModel(secret.name_stems, secret.keywords ?? []) : undefined,
      credentialArguments,
      credentialCallees: {
        simple: new Set([...credentialArguments.keys()].filter((fn) => !fn.includes('.')).map((fn) => fn.toLowerCase())),
        dotted: [...credentialArguments.keys()].filter((fn) => fn.includes('.')).map((fn) => fn.toLowerCase()),
      },
    };
    const ignoreValues = compileOrReport(secret.ignore_values, ['ignore_values'], trusted, report, true);
    const ignoreLines = compileOrReport(secret.ignore_lines, ['ignore_lines'], trusted, report, true);
    const onIgnoredLine = (doc: ScanDocument, offset: number): boolean =>
      ignoreLines !== undefined && ignoreLines.test(doc.index.lineText(doc.index.positionAt(offset).line));
    const exampleCues = compileOrReport(secret.example_cues, ['example_cues'], trusted, report, true);
    const introducedAsExample = (doc: ScanDocument, offset: number): boolean =>
      exampleCues !== undefined && exampleCues.test(textIntroducing(doc, offset));
    const nameAware = nameMatchers.names !== undefined || nameMatchers.model !== undefined || credentialArguments.size > 0;
    const ruleEvidence: readonly string[] = secret.evidence ?? [];
    const acceptWords = secret.accept_words === true;
    if (patterns.length === 0 && !nameAware) return undefined;
    // A pattern's own keywords and provider words let the rule run too: a rule's list cannot forget one of them.
    const keywords = [
      ...new Set(
        [...(secret.keywords ?? []), ...(secret.patterns ?? []).flatMap((p) => (secret.keywords ? [...(p.keywords ?? []), ...(p.context ?? [])] : []))].map((k) =>
          k.toLowerCase(),
        ),
      ),
    ];
    const hasKeyword = anyKeyword(keywords);
    // For single string values (the keyword pass keeps one text's answer: a value must not evict the document's).
    const keywordInValue = keywordRegex(keywords);
    const minEntropy = secret.entropy ?? 0;
    const minLength = secret.min_length ?? (nameAware ? 4 : 8);

    const acceptable = (value: string, strict: boolean): boolean => {
      if (value.length < minLength || shannonEntropy(value) < minEntropy) return false;
      if (ignoreValues?.test(value)) return false;
      // Full-width and CJK punctuation (`、`, `。`, `：`) ends a sentence's word, never a token: `-a X、ldapsearch`.
      if (CJK_PUNCTUATION.test(value)) return false;
      if (isPlaceholder(value) || isEscapedPlaceholder(value)) return false;
      if (!strict) return true;
      // Code or a reference written as a string (`os.environ.get('X')`, `$(BUILDDIR)/x`, `s/…/…/`), or a value the
      // CI system keeps encrypted (`ENCRYPTED[…]`): bound to a credential's name, but not a credential.
      if (isCodeValue(value) || isEncryptedAtRest(value)) return false;
      if (acceptWords) return !cannotBeKey(value);
      // "\x6d\x61\x73…" is judged by what it spells ("master secret"), which may be text or a placeholder.
      const decoded = readableDecoding(value);
      if (decoded !== undefined && (isPlaceholder(decoded) || looksLikeNameOrText(decoded))) return false;
      return !looksLikeNameOrText(value);
    };

    // The keyword must stand in a name the rule accepts (or in a function that takes a credential), not in prose,
    // and the quote near it open a literal that could be one of this rule's secrets: long enough and, when written
    // without escapes, a value the name-aware match accepts.
    const nearQuote = keywordNearQuote(
      keywords,
      { minLength, accepts: (value) => acceptable(value, true) },
      (text, start, end) =>
        (couldNameCredential(nameAround(text, start, end), nameMatchers) ||
          (nameMatchers.model !== undefined && modelEvidence(unicodeNameAround(text, start, end), nameMatchers) !== undefined)) &&
        (!inProse(text, start) || keyedInText(text, end)),
    );

    // Every test here reads within one line, so a file passes exactly when one of its lines does.
    const prefilter = ({ text, lower, parsed }: PrefilterInput): boolean => {
      if (keywords.length === 0) return true;
      // In config files a key's words may be split over a path (`[api]` … `key = …`): any credential word will do.
      if (!hasKeyword(lower)) return nameAware && !parsed && CONFIG_CREDENTIAL_WORD.test(lower);
      // In parsed code a bound literal needs a quote near the keyword on its line; most files with the word have none.
      return !nameAware || !parsed || patterns.length > 0 || nearQuote!(lower, text);
    };
    return {
      needsTree: nameAware,
      prefilter,
      // Keywords and "a keyword near a quote on a code line" are both read one line at a time.
      linePrefilter: keywordLines(keywords, prefilter),
      // Name-aware only: a keyword names the literal near it (provider patterns match anywhere in the text).
      stringReach: nameAware && patterns.length === 0 && keywords.length > 0 ? 2 : undefined,
      match(doc: ScanDocument): RawMatch[] {
        const matches: RawMatch[] = [];
        const seen = new Set<number>();
        if (patterns.length > 0 && hasKeyword(doc.lower)) {
          // The raw text, then the lines where escapes can hide a token, decoded (offsets mapped back).
          const view = unescapedView(doc);
          const viewLower = view?.text.toLowerCase();
          // One look at the keyword pass's answer for every pattern (each `lower` comparison would read the whole text).
          const seenKeywords = keywordsIn(doc.lower);
          const earlier = new EarlierSpans();
          for (const { regex, group, label, userGroup, ids, words, context, contextIds, checksum, evidence: shape, strictValue, proseOnly } of patterns) {
            if (ids.length > 0 && !ids.some((id) => seenKeywords[id] === 1)) continue;
            if (context.length > 0 && !anyWholeWord(doc, context, contextIds, seenKeywords)) continue;
            earlier.update(matches);
            const views: { text: string; view: UnescapedText | undefined }[] = [{ text: doc.text, view: undefined }];
            if (view && (words.length === 0 || words.some((w) => viewLower!.includes(w)))) views.push({ text: view.text, view });
            for (const { text: searched, view: decoded } of views) {
              for (const m of regex.matches(searched)) {
                checkBudget();
                const g = group ?? (regex.groupCount > 0 ? 1 : 0);
                const found = g === 0 ? m : m.groups[g - 1];
                if (!found) continue;
                const span = decoded ? originalSpan(decoded, found.start, found.end) : found;
                if (seen.has(span.start)) continue;
                // Inside what an earlier pattern of the rule matched (a PEM block's body) it is the same secret.
                if (earlier.contains(span.start, span.end)) continue;
                const value = searched.slice(found.start, found.end);
                if (!acceptable(value, strictValue)) continue;
                if (strictValue && namesCode(doc.text, span.end, value)) continue;
                if (joinedOperand(doc.text, span.start, value)) continue;
                if (proseOnly) {
                  const where = inCommentOrProse(doc.text, doc.path, doc.languageId, span.start);
                  if (!where) continue;
                  // In a comment of code, `password = "…"` / `password: "…"` is an example or commented-out code, not a sentence.
                  if (where === 'comment' && quotedAfterSeparator(doc.text, span.start)) continue;
                }
                if (context.length > 0 && !(generatedLooking(value) && !embedded(doc.text, span.start, span.end) && providerNear(doc.text, doc.lower, doc.index, span.start, context))) continue;
                if (context.length > 0 && namedPublic(doc, span.start)) continue;
                const user = userGroup !== undefined ? m.groups[userGroup - 1] : undefined;
                if (user && searched.slice(user.start, user.end) === value) continue;
                if (onIgnoredLine(doc, span.start) || introducedAsExample(doc, span.start)) continue;
                // A detection pattern, or a sample a scanner's allowlist lets through (`regexes = ['''AIza…''']`).
                if (!decoded && inPatternValue(doc, span.start)) continue;
                seen.add(span.start);
                // A provider's format speaks for itself; a shape (a command line, a sentence) says what it rests on,
                // and the value's own look adds to it.
                const evidence = shape ? [...shape, ...ruleEvidence, ...valueFeatures(value)] : ['provider-format', ...ruleEvidence];
                if (context.length > 0) evidence.push('provider-context');
                if (decoded) evidence.push('shape:escaped');
                const valid = checksum?.(value);
                if (valid !== undefined) evidence.push(valid ? 'checksum:valid' : 'checksum:failed');
                matches.push({
                  start: span.start,
                  end: span.end,
                  vars: { value: maskSecret(value), name: '', provider: label },
                  overlap: { group: SECRET_GROUP, level: PROVIDER_LEVEL },
                  evidence,
                  lowered: valid === false,
                });
              }
            }
          }
        }
        if (nameAware) {
          // `inner`: a key/value pair read inside a string's value, which has no syntax of its own to judge by;
          // `kept`: why such a pair is kept at info (a media file's download token).
          const judge = (fact: StringFact, inner = false, kept?: LocalizedText): void => {
            const bound = boundName(fact, nameMatchers);
            if (bound === undefined || !acceptable(fact.value, true)) return;
            const name = bound.name;
            if (namesItself(fact.value, name)) return; // password: "password", SN_id_PasswordBasedMAC "id-PasswordBasedMAC"
            if (!inner && notACredentialInPlace(doc, fact)) return;
            if (namesCalledFunction(doc.text, fact.end, fact.value)) return;
            // Inside a detection pattern (`regex: '…?authtoken=[A-Za-z0-9]+'`), a pair is the pattern's text.
            if (inner && inPatternValue(doc, fact.start)) return;
            if (onIgnoredLine(doc, fact.start)) return;
            seen.add(fact.start);
            // `POSTGRES_PASSWORD: postgres` of a CI or development container: on record, not for a sign-off.
            const ephemeral = isEphemeralServiceCredential(doc, fact);
            const informational = kept ?? (ephemeral ? EPHEMERAL_SERVICE_NOTE : undefined);
            matches.push({
              start: fact.start,
              end: fact.end,
              vars: { value: maskSecret(fact.value), name, provider: '' },
              overlap: { group: SECRET_GROUP, level: NAME_LEVEL },
              evidence: [bound.evidence, ...ruleEvidence, ...(fact.shape ? [fact.shape] : []), ...valueFeatures(fact.value), ...(ephemeral ? ['ephemeral-service'] : [])],
              ...(informational ? { informational } : {}),
            });
          };
          for (const fact of doc.strings()) {
            checkBudget();
            if (fact.interpolated || fact.standalone || seen.has(fact.start)) continue;
            const before = matches.length;
            judge(fact);
            // A value that is not itself a credential may hold key/value text that names one: JSON in a string,
            // entity-escaped markup, a query string (`inner-pairs.ts`).
            if (matches.length === before && holdsPairs(fact.value, keywordInValue)) {
              for (const pair of innerPairs(fact.value)) {
                const start = fact.start + pair.start;
                if (seen.has(start) || startsSentence(fact.value, pair)) continue;
                judge(
                  {
                    start,
                    end: fact.start + pair.end,
                    value: pair.value,
                    interpolated: false,
                    context: { kind: 'key', name: pair.name, fullName: pair.name },
                    ...(pair.escaped ? { shape: 'shape:escaped' } : fact.shape ? { shape: fact.shape } : {}),
                  },
                  true,
                  inMediaUrlQuery(fact.value, pair.start) ? MEDIA_URL_TOKEN_NOTE : undefined,
                );
              }
            }
          }
        }
        return withoutSecretNames(matches, doc);
      },
    };
  },
};

/**
 * Words that, in the name a key is bound to, say the provider made it to be public: a search-only key (Algolia
 * DocSearch), a publishable key. A random string that needs its provider's name nearby is then not a secret.
 */
const PUBLIC_KEY_WORDS = ['search', 'docsearch', 'public', 'publishable'];
/** How much of the line before a match is read for such a name. */
const PUBLIC_NAME_REACH = 200;

/** Whether the name on the match's line, before it, says the key is public (`algolia.docsearch.api_key -> "…"`). */
function namedPublic(doc: ScanDocument, start: number): boolean {
  const lineStart = Math.max(doc.text.lastIndexOf('\n', start - 1) + 1, start - PUBLIC_NAME_REACH);
  return PUBLIC_KEY_WORDS.some((word) => hasWord(doc.text, doc.lower, word, lineStart, start));
}

/** Lines above a match read for the words that introduce it as an example, and how much of them at most. */
const EXAMPLE_LINES = 3;
const EXAMPLE_REACH = 600;

/**
 * The text just before a match: its own line up to it and the lines above, bounded. Inside a documentation
 * comment's sample block (`<pre>`, `@code`, `@example`), the text before the block instead.
 */
function textIntroducing(doc: ScanDocument, offset: number): string {
  const { line } = doc.index.positionAt(offset);
  const opener = sampleBlockOpener(doc.index, line);
  const end = opener === undefined ? offset : doc.index.lineStart(opener) + doc.index.lineText(opener).length;
  const from = doc.index.lineStart(Math.max(0, (opener ?? line) - EXAMPLE_LINES));
  return doc.text.slice(Math.max(from, end - EXAMPLE_REACH), end);
}

/**
 * What the place of a literal says it is, beyond its value: a route's path used as a key (`"/disk/:encoded_token" =>
 * "…#update"`), a keyword compared with a parser's token, a password hash stored beside its salt, one of a list
 * of field names, the number of an enumeration's or an interface definition's member.
 */
function notACredentialInPlace(doc: ScanDocument, fact: StringFact): boolean {
  const context = fact.context!;
  if (context.kind === 'key' && isRouteKey(context.fullName)) return true;
  return isKeywordComparedWithToken(fact, snakeCase) || isStoredPasswordHash(doc, fact) || isFieldNameList(doc, fact) || isMemberNumber(doc, fact) || inPatternValue(doc, fact.start);
}

/**
 * A name is shown in messages, so it must never be a flagged value itself (`f("hunter2pass", "x")` could bind "x" to
 * the name "hunter2pass"): such a name is masked too.
 */
function withoutSecretNames(matches: RawMatch[], doc: ScanDocument): RawMatch[] {
  if (matches.length < 2) return matches;
  const values = new Set(matches.map((m) => doc.text.slice(m.start, m.end)));
  return matches.map((m) => {
    const name = m.vars?.name;
    return typeof name === 'string' && values.has(name) ? { ...m, vars: { ...m.vars, name: maskSecret(name) } } : m;
  });
}
