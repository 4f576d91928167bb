/**
 * What a secret value is not: placeholders, references to the environment, templates, paths, key names and UI text.
 * Shared by the secret kind (and the test-account rules) so every rule agrees on what counts as a real value.
 */

const PLACEHOLDER = new RegExp(
  [
    String.raw`^\$\{[^}]*\}$`, // ${VAR}
    String.raw`^\$\([^)]*\)$`, // $(command)
    String.raw`^\$[A-Za-z_]\w*$`, // $VAR
    String.raw`^%[A-Za-z_][\w.:-]*%$`, // %VAR%, %env:VAR%
    String.raw`^@[A-Za-z_]\w*@$`, // @VAR@ (autoconf, Maven filtering)
    String.raw`^\{\{.*\}\}$`, // {{ template }}
    String.raw`^\{[A-Za-z_]\w*\}$|^\{\d*\}$`, // {name}, {0}, {}
    String.raw`^<[^<>]+>$`, // <password>
    String.raw`^\[[^\]]+\]$`, // [password]
    String.raw`^%[sdr]$|^%\(\w+\)s$`, // printf placeholders
    String.raw`^(.)\1*$`, // ******, xxxxxx, 00000000
    String.raw`^(?:change[-_ ]?(?:me|it|this)|changeit|replace[-_ ]?me|fill[-_ ]?me(?:[-_ ]?in)?|todo|tbd|fixme|n/?a|none|null|nil|undefined|true|false|empty|blank|redacted|removed|hidden|masked|omitted|secret|secrets|password|passwd|passphrase|pass|pwd|pw|token|api[-_ ]?key|key|value|placeholder|example|sample|default|test|testing|dummy|fake|mock|unused|unset|notset|not[-_ ]set|mypassword|my[-_]password|yourpassword|your[-_]password|some[-_]?password|foo|bar|baz|qux|foobar|user|username|admin:admin)$`,
    String.raw`^(?:your|my|enter|insert|put|add|replace|paste)[-_ ](?:[\w-]+)$`, // your-api-key, enter_password
    String.raw`^(?:your|my|the)[A-Z_]\w*$`, // yourApiKey, YOUR_TOKEN
    String.raw`(?:^|[^A-Za-z0-9])(?:example|placeholder|dummy|redacted|changeme|xxx+|fake)(?:[^A-Za-z0-9]|$)`, // sk-example-xxx, ***REDACTED***
    // The passwords of tutorials and READMEs: too famous to protect anything.
    String.raw`^(?:p@ss|p@ssw(?:o|0)rd|p@\$\$w(?:o|0)rd|passw0rd|pa55w(?:o|0)rd|pa\$\$w(?:o|0)rd|s3cret|s3cr3t|secr3t|supersecret|s00pers3cret|mysecret|mysecretpassword|topsecret|secretpassword|notasecret|not-a-secret|notsecret|keyboard cat)$`,
    String.raw`x{5,}|X{5,}|\*{4,}|\.{3}|…`, // sk_live_xxxxxxxx, ghp_****, "abc..."
    String.raw`\$\{[^}]+\}|\{\{[^}]*\}\}|#\{[^}]+\}|%\([\w]+\)s`, // a template anywhere: "pre-${VAR}"
  ].join('|'),
  'i',
);

/** True when a value cannot be a real secret however it is bound. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (PLACEHOLDER.test(v)) return true;
  // In URLs and query strings values are percent-encoded: `p%40ss` is `p@ss`.
  if (v.includes('%')) {
    try {
      const decoded = decodeURIComponent(v);
      return decoded !== v && PLACEHOLDER.test(decoded);
    } catch {
      return false;
    }
  }
  return false;
}

const NAME_OR_TEXT: readonly RegExp[] = [
  /\s/, // labels and sentences: "Enter your password"
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/, // DB_PASSWORD (an env var name)
  /^[a-z]+(?:[_.-][a-z]+)+\d?$/, // user_password, db.password, auth-token, source_file_token1
  /^_*[A-Za-z][a-z]*(?:_+[A-Za-z][a-z]*)+_*$/, // _S_token_ord_char, Token_Type (identifiers)
  /^[a-z]+(?:[A-Z][a-z0-9]+)+$/, // newPassword
  /^[A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*){2,}$/, // qualified names: django.contrib.auth.hashers.Argon2PasswordHasher
  /^[A-Z][a-z]+(?:[A-Z][a-z]+)*$/, // Password, NewPassword (labels, type names)
  /^(?:\.{0,2}\/|~\/|[A-Za-z]:\\|\\\\)/, // paths
  /^[\w.-]+\.(?:pem|key|crt|cer|der|p8|p12|pfx|jks|keystore|json|ya?ml|txt|env|ini|conf|cfg|properties|xml|toml|html?|js|ts|php|py|rb|sh)$/i,
  /^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*(?:[/?#]|$)/i, // URL without credentials
  /^(?:[A-Za-z]+:)?[A-Za-z_]\w*\(\)$/, // call-looking text
  /^[a-z]+\/[a-z0-9.+-]+$/, // MIME types: application/json (in lower case: base64 with one slash is not one)
  /^[A-Za-z][A-Za-z ]*[:?]$/, // "Password:", "Forgot password?"
  /%[-+ #0]*\d*(?:\.\d+)?(?:ll|l|hh|h|z)?[sdifxXucp](?![A-Za-z0-9])|\{\d*\}/, // format strings: "%s:%s", "{0}" (not "Violet7%copper")
  /\\[dwsbDWS]|\[[a-z]-[a-z]\]|\(\?[:=!]|^\^|\$$/, // regular expressions
  /^#[0-9a-f]{3,8}$/i, // colours
  /^\d{4}-\d{2}-\d{2}/, // dates
  /^[^\p{ASCII}]+$/u, // text in another script: "パスワード", "Пароль"
  /^[~^<>=v]{0,2}\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/, // versions: "1.0.5", "^2.3.1", "v1.2.3-beta"
  /^[A-Z]{2,}$/, // enum constants: "AUDIT", "ENFORCE"
  /^(?:utf-?8|utf-?16(?:le|be)?|base64(?:url)?|hex|ascii|latin-?1|binary|ucs-?2|iso-8859-\d+|shift_jis|euc-jp)$/i, // encodings
];

/** Values that name something rather than being a secret: env var names, key names, paths, URLs, UI text. */
export function looksLikeNameOrText(value: string): boolean {
  // Google app passwords are four groups of four letters with spaces: a credential that reads like words.
  if (/^[a-z]{4}(?: [a-z]{4}){3}$/.test(value)) return false;
  return NAME_OR_TEXT.some((re) => re.test(value));
}

/**
 * What an escaped or base64-encoded literal spells, when that is readable text: `"\x6d\x61…"` is "master secret",
 * `"bm90IG15IHJlYWwgcGFzc3dvcmQ="` is "not my real password". Undefined when the value is neither.
 */
export function readableDecoding(value: string): string | undefined {
  if (value.includes('\\')) {
    const decoded = value.replace(/\\(?:x([0-9A-Fa-f]{2})|u([0-9A-Fa-f]{4})|([0-7]{1,3})|(.))/g, (whole, hex?: string, uni?: string, oct?: string, ch?: string) => {
      if (hex) return String.fromCharCode(parseInt(hex, 16));
      if (uni) return String.fromCharCode(parseInt(uni, 16));
      if (oct) return String.fromCharCode(parseInt(oct, 8));
      return ({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[ch ?? ''] ?? ch ?? whole;
    });
    return decoded === value ? undefined : decoded;
  }
  if (value.length >= 12 && value.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(value)) {
    const text = Buffer.from(value, 'base64').toString('latin1');
    // Printable ASCII words with spaces: a sentence someone encoded, not key material.
    if (/^[\x20-\x7E]+$/.test(text) && /[a-z]{2,} [a-z]{2,}/i.test(text)) return text;
  }
  return undefined;
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** `dbPassword`, `DB-PASSWORD` and `db.password` all become `db_password`, the form `names` regexes see. */
const snakeNames = new Map<string, string>();

export function snakeCase(name: string): string {
  let snake = snakeNames.get(name);
  if (snake === undefined) {
    snake = name
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .toLowerCase();
    // Names repeat within a file and across files (every matcher asks about the same bindings): remember a few.
    if (snakeNames.size >= 4096) snakeNames.clear();
    if (name.length <= 128) snakeNames.set(name, snake);
  }
  return snake;
}

/** Calls that read a value from the environment: a string passed to them is a name or a default, not a secret. */
export const ENVIRONMENT_READERS =
  /(?:^|[.:])(?:getenv|get_env|getEnv|GetEnvironmentVariable|environ(?:\.get)?|env|getProperty|LookupEnv|Getenv|fetch|ENV\[?|secure_getenv|g_getenv|_wgetenv|_tgetenv|_dupenv_s|config|Config)$/;

/**
 * Calls whose string arguments name a secret rather than give it: `getSecret("db-password")`,
 * `vault.read("token")`, `resetPassword(email)`. A literal passed to them is a lookup key or an input, not a value.
 */
export const NAME_TAKING_CALL =
  /^(?:get|fetch|read|load|find|lookup|look_up|has|is|remove|delete|del|clear|reset|forgot|request|revoke|refresh|rotate|generate|gen|describe|list|require|validate|check|parse|decode|encode|hash|encrypt|decrypt|show|hide|toggle|render|label|translate|t|i18n|log|print|warn|error|debug|info|assert|expect|mask|redact|strip|sanitize|normalize|format|to|as|on|handle|create|update|new|open|prompt|ask|input|type|fill|enter|click|select|wait|url|path|route|endpoint|field|param|query|header|cookie|claim|scope|grant|audience|issuer)(?:_|$)/;
