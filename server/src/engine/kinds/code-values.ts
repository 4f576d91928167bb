/**
 * Values bound to a credential's name that are not credentials: code written as a string, references to other values,
 * encrypted values, escaped placeholders, keywords compared with a parser's token, and stored password hashes. Each
 * test is one feature a reviewer would name ("that's a sed expression", "that's the salted hash"), read from the
 * value itself or from the few lines around it, never from a list of places.
 *
 * Shared by the name-aware secret rules and the account rules; `secret-values.ts` holds the older, value-only tests
 * (placeholders, names, labels, paths, versions).
 */
import { StringFact } from '../syntax/facts';
import { ScanDocument } from './kind';
import { isPlaceholder, looksLikeNameOrText } from './secret-values';

/**
 * Code written as a string: a call (`os.environ.get('X')`, `getenv("X")`), a build-system or shell reference inside
 * a value (`$(BUILDDIR)/sshd-auth`, `$(shell cat key)`), a sed substitution, a regular expression with a class or a
 * capture, a format with verbs (`token=%v`), a controller action (`active_storage/disk#update`), a numbered step's
 * name (`0002_auto_20160226_1747`), a protocol keyword (`AUTH=PLAIN`).
 */
const CODE_VALUE: readonly RegExp[] = [
  // A qualified call, or any call whose arguments are quoted or empty (`Hello(2024)` may be a password).
  /^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+\((?:[^()]|\([^()]*\))*\)(?:\.[A-Za-z_]\w*(?:\([^()]*\))?)*;?$/,
  /^[A-Za-z_$][\w$]*\((?:\s*|\s*(?:"[^"]*"|'[^']*')(?:\s*,\s*(?:"[^"]*"|'[^']*'|[\w.]+))*\s*)\);?$/,
  // make and shell references: `$(VAR)`, `$(shell …)`, `$$(…)`, `` `cmd` ``.
  /\$\$?\((?:[A-Za-z_][\w.]*|shell\s[^)]*|cat\s[^)]*)\)/,
  /^`[^`]+`$/,
  // sed and Perl substitutions: s/…/…/g, s|…|…|.
  /^s([/|#,:])(?:[^\\]|\\.)*?\1(?:[^\\]|\\.)*?\1[gimsxe0-9]*$/,
  // Regular expressions: a negated class, a capture with a class, a lazy or greedy wildcard.
  /\[\^[^\]]{1,24}\]|\(\[[^\]]{1,40}\][*+?]?\)|\.[*+]\??(?:[)$&|]|$)/,
  // Format verbs of Go, Python, C and Java beside a key or separator: `token=%v`, `%s:%s`.
  /(?:^|[=:;,/ @-])%[-+ #0]*\d*(?:\.\d+)?[svqdxXp](?:$|[=:;,/ @&-])/,
  // Ruby on Rails and similar controller actions: `active_storage/disk#update`.
  /^[a-z][a-z0-9_]*(?:\/[a-z][a-z0-9_]*)+#[a-z_][a-z0-9_]*[!?]?$/,
  // A numbered step's name: migrations (`0002_auto_20160226_1747`, `20240101120000_create_tokens`).
  /^(?:0\d{2,}|\d{8,14})_[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/,
  // Protocol keywords in capitals joined by `=`, `-`, `:` or `/` (`AUTH=PLAIN`, `LOGIN-DISABLED`, `X-AUTH-TOKEN`).
  /^[A-Z][A-Z0-9]*(?:[-=:/][A-Z][A-Z0-9]*)+$/,
  // Go struct tags: `json:"login_2fa_token"`, `protobuf:"bytes,3,opt,name=access_token" json:"accessToken"`.
  /^[a-z][a-z0-9_]*:"[^"]*"(?:\s+[a-z][a-z0-9_]*:"[^"]*")*$/,
];

/** Whether a value is code or a reference to another value, written as a string. */
export function isCodeValue(value: string): boolean {
  return CODE_VALUE.some((re) => re.test(value));
}

/**
 * Values a CI or config system stores encrypted, safe to commit by design: Cirrus `ENCRYPTED[…]`, SOPS and
 * hiera-eyaml `ENC[…]`, Jasypt `ENC(…)`, Spring Cloud Config `{cipher}…`, Ansible Vault.
 */
const ENCRYPTED_AT_REST = /^(?:ENCRYPTED\[[^\]]+\]|ENC\[[^\]]+\]|ENC\([^)]+\)|\{cipher\}\S+|\$ANSIBLE_VAULT;[\d.]+;\w+)/;

export function isEncryptedAtRest(value: string): boolean {
  return ENCRYPTED_AT_REST.test(value.trim());
}

/** A placeholder naming a dotted property between braces (`{spring.mavenCredentials}`, `{db.password}`). */
const DOTTED_MARKER = /^\{[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+\}$/;

const HTML_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

/** HTML and XML character references decoded: `&lt;your password&gt;` → `<your password>`. */
function decodeEntities(value: string): string {
  return value.replace(/&(?:#(\d{1,6})|#x([0-9A-Fa-f]{1,6})|([a-z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return HTML_ENTITIES[name ?? ''] ?? whole;
  });
}

/**
 * A placeholder in a form other than plain text: a dotted marker between braces, or a placeholder or a name written
 * with HTML/XML character references (`&lt;db-password&gt;`, `&#60;api-key&#62;`).
 */
export function isEscapedPlaceholder(value: string): boolean {
  if (DOTTED_MARKER.test(value)) return true;
  if (!value.includes('&')) return false;
  const decoded = decodeEntities(value);
  return decoded !== value && (isPlaceholder(decoded) || looksLikeNameOrText(decoded));
}

/** A name that holds a parser's token: `token`, `tok`, `current_token`, `token.value`. */
const PARSE_TOKEN_NAME = /^(?:(?:current|cur|curr|next|prev|previous|last|peek|lookahead|la|this)_?)?(?:token|tok)(?:_(?:value|text|type|kind|str|string|name))?$/;
/** A keyword or a piece of syntax: letters (with `-`, `:` or `_` between words) framed by a little punctuation, no digits. */
const SYNTAX_KEYWORD = /^[^\w\s]{0,4}[A-Za-z_]+(?:[-:][A-Za-z_]+)*[^\w\s]{0,4}$/;

/**
 * A keyword compared with a parser's current token (`token == "@implementation"`, `"<![CDATA[".equals(tok)`): a
 * tokenizer at work, not an access token checked against a secret. Values with digits stay suspicious.
 */
export function isKeywordComparedWithToken(fact: StringFact, snakeName: (name: string) => string): boolean {
  const context = fact.context;
  if (context?.kind !== 'compare' || !SYNTAX_KEYWORD.test(fact.value)) return false;
  const full = context.fullName.replace(/^(?:self|this)\s*(?:\.|->)\s*/, '');
  return PARSE_TOKEN_NAME.test(snakeName(full.replace(/\s+/g, '')));
}

/**
 * Password hashes that carry their salt and cost: modular crypt (`$2b$12$…`, `$argon2id$v=19$…`, `$6$rounds=…$…`),
 * Django's `pbkdf2_sha256$260000$salt$hash`, LDAP `{SSHA}…`.
 */
const SALTED_HASH = /^(?:\$(?:2[abxy]?|5|6|y|gy|7|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\d+)?)\$\S{20,}|(?:pbkdf2_sha\d+|argon2|bcrypt(?:_sha256)?|scrypt)\$\S{20,}|\{(?:SSHA\d*|SMD5|PBKDF2[\w-]*|CRYPT|ARGON2)\}\S{8,})$/;

/** A key that holds a salt, an iteration count or a hash algorithm, written as `salt:`, `"salt" =>`, `salt =`. */
const HASH_PARAMETER_KEY = /(?:^|[\s{,(["'])["']?(?:salt|password_salt|pw_salt|iterations|rounds|cost|work_factor|hash_algorithm)["']?\s*(?:[:=]|=>)/i;

/** How far around a password the other fields of its record are looked for. */
const RECORD_REACH = 400;
/** How many sibling lines of a config record around a password are read for its salt. */
const HASH_PARAMETER_LINES = 4;

/**
 * The offset of the bracket that opens what `from` stands in, looking back no further than `lowest`; -1 when there is
 * none within reach, or when one of the `stops` characters stands between at the same depth.
 */
function enclosingOpener(text: string, from: number, lowest: number, stops = ''): number {
  let depth = 0;
  for (let i = from; i >= Math.max(0, lowest); i--) {
    const c = text[i];
    if (c === '}' || c === ')' || c === ']') depth++;
    else if (c === '{' || c === '(' || c === '[') {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && stops.includes(c)) return -1;
  }
  return -1;
}

/**
 * The text of the record a literal sits in, bounded: between the nearest unclosed bracket before it and its match
 * after it (an object literal, a call's arguments); in a config file without brackets, the neighbouring lines
 * indented as the literal's own (its sibling keys), up to a line indented less.
 */
function recordAround(doc: ScanDocument, start: number, end: number): string {
  const text = doc.text;
  const open = enclosingOpener(text, start - 1, start - RECORD_REACH);
  if (open >= 0) {
    let depth = 0;
    for (let i = end; i < Math.min(text.length, end + RECORD_REACH); i++) {
      const c = text[i];
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') {
        if (depth === 0) return text.slice(open + 1, start) + text.slice(end, i);
        depth--;
      }
    }
    return text.slice(open + 1, start) + text.slice(end, Math.min(text.length, end + RECORD_REACH));
  }
  const { line } = doc.index.positionAt(start);
  const indent = (l: number): number => /^\s*/.exec(doc.index.lineText(l).slice(0, 200))![0].length;
  const own = indent(line);
  const siblings: string[] = [];
  for (const direction of [-1, 1]) {
    for (let l = line + direction, n = 0; l >= 0 && l < doc.index.lineCount && n < HASH_PARAMETER_LINES; l += direction, n++) {
      if (indent(l) < own) break;
      if (indent(l) === own) siblings.push(doc.index.lineText(l).slice(0, RECORD_REACH));
    }
  }
  return siblings.join('\n');
}

/**
 * A password field holding a derived hash rather than a password: a self-describing salted hash, or a hash stored
 * beside a salt or iteration field of the same record (`{ password: "9f86…", salt: "…", iterations: 10000 }`).
 */
export function isStoredPasswordHash(doc: ScanDocument, fact: StringFact): boolean {
  if (SALTED_HASH.test(fact.value)) return true;
  // Hashes are hex or base64 of 16 bytes or more; a short or word-like value is a password whatever sits near it.
  if (!/^(?:[0-9a-fA-F]{32,}|[A-Za-z0-9+/]{22,}={0,2})$/.test(fact.value)) return false;
  return HASH_PARAMETER_KEY.test(recordAround(doc, fact.start, fact.end));
}

/** A key that is a URL path or a route (`"/disk/:encoded_token" => …`): it names an address, not a variable. */
export function isRouteKey(fullName: string): boolean {
  const key = fullName.replace(/^["'`]|["'`]$/g, '');
  return key.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(key);
}

/** A word that can name a field: `username`, `api_key`, `user.email`. */
const FIELD_WORD = /^[A-Za-z_][\w.-]{0,40}$/;
/** The names of the fields a login form or a credential record has. */
const CREDENTIAL_FIELD = /^(?:user(?:[-_]?name)?|login|e?mail|email[-_]?address|password|passwd|pass|pwd|passphrase|secret|token|api[-_]?key|client[-_]?(?:id|secret)|account)$/i;
/** How far around a literal the list it belongs to is looked for. */
const LIST_REACH = 300;
const QUOTED = /(["'`])((?:(?!\1)[^\\\n]|\\.)*)\1/g;

/**
 * A literal that is one of a list of field names (`"password": {"username", "password", "nodes"}`, a form's
 * required fields): every element of its list is a quoted word, and another one names a credential field. The
 * list says which fields exist, not what is in them.
 */
export function isFieldNameList(doc: ScanDocument, fact: StringFact): boolean {
  if (!FIELD_WORD.test(fact.value)) return false;
  const text = doc.text;
  // A `:`, `=` or `;` before the opening bracket: a key/value record, not a list.
  const open = enclosingOpener(text, fact.start - 2, fact.start - LIST_REACH, ':=;');
  if (open < 0) return false;
  const closer = ({ '{': '}', '(': ')', '[': ']' } as Record<string, string>)[text[open]];
  const close = text.indexOf(closer, fact.end);
  if (close < 0 || close - open > LIST_REACH * 2) return false;
  const body = text.slice(open + 1, close);
  const elements = [...body.matchAll(QUOTED)];
  // Only quoted words separated by commas: a call's arguments or a record are something else.
  if (elements.length < 2 || body.replace(QUOTED, '').replace(/[\s,]/g, '') !== '') return false;
  const words = elements.map((m) => m[2]);
  if (!words.every((w) => FIELD_WORD.test(w))) return false;
  return words.some((w) => w !== fact.value && CREDENTIAL_FIELD.test(w));
}

/**
 * A number written where an interface definition or an enumeration numbers its members (`AppPassword = 1029;` in
 * a `.proto` enum, `string password = 2;` a field's tag, `Password = 3,` in an enum): an ordinal, not a secret.
 */
export function isMemberNumber(doc: ScanDocument, fact: StringFact): boolean {
  if (!/^\d{1,9}$/.test(fact.value)) return false;
  const after = doc.text.slice(fact.end, fact.end + 40);
  // The number ends the member: `;` or `,` (or an option list `[deprecated = true];`) follows it, not a quote.
  if (!/^\s*(?:\[[^\]\n]*\]\s*)?[;,]/.test(after)) return false;
  const lineStart = doc.text.lastIndexOf('\n', fact.start - 1) + 1;
  const before = doc.text.slice(Math.max(lineStart, fact.start - 200), fact.start);
  // `Name = 12` with nothing quoted: a quoted number (`password = "1234";`) is a value someone typed.
  return /^\s*(?:(?:optional|required|repeated|[A-Za-z_][\w.<>, ]*)\s+)?[A-Za-z_]\w*\s*=\s*$/.test(before);
}

/** A key whose value is a pattern or a list of what a scanner lets through: `regex`, `regexes`, `allowlist`, `stopwords`. */
const PATTERN_KEY = /^\s*["']?(?:[\w.-]*[._-])?(?:regex|regexes|regexp|regexps|pattern|patterns|allowlist|allow_list|allowlists|stopwords|stop_words)["']?\s*(?:[:=]|=>)/i;
/** Any key line: `name:`, `name =`, `"name":`. */
const ANY_KEY = /^\s*-?\s*["']?[\w.-]+["']?\s*(?:[:=]|=>)/;
/** How many lines above a match the key of the list it sits in is looked for. */
const PATTERN_LIST_LINES = 30;

/**
 * Whether the text at `offset` is the value of a pattern key, or an element of a list under one that is still open
 * there (`regexes = [ '''AIza…''', … ]`): a scanner's detection pattern or the samples it is told to let through, not
 * a credential in use.
 */
export function inPatternValue(doc: ScanDocument, offset: number): boolean {
  const { line } = doc.index.positionAt(offset);
  const lineStart = doc.index.lineStart(line);
  if (PATTERN_KEY.test(doc.text.slice(lineStart, Math.min(offset, lineStart + 200)))) return true;
  let open = 0;
  const own = doc.text.slice(lineStart, offset);
  for (const c of own) open += c === '[' ? 1 : c === ']' ? -1 : 0;
  for (let l = line - 1; l >= Math.max(0, line - PATTERN_LIST_LINES); l--) {
    const text = doc.index.lineText(l).slice(0, 400);
    for (const c of text) open += c === '[' ? 1 : c === ']' ? -1 : 0;
    if (ANY_KEY.test(text)) return open > 0 && PATTERN_KEY.test(text);
  }
  return false;
}
