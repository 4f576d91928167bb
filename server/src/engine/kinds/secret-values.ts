/**
 * What a secret value is not: placeholders, references to the environment, paths, key names and UI text.
 * Shared by the secret kind (and the test-account rules) so every rule agrees on what counts as a real value.
 */

const PLACEHOLDER = new RegExp(
  [
    String.raw`^\$\{[^}]*\}$`, // ${VAR}
    String.raw`^\$\([^)]*\)$`, // $(command)
    String.raw`^\$[A-Za-z_]\w*$`, // $VAR
    String.raw`^%[A-Za-z_]\w*%$`, // %VAR%
    String.raw`^\{\{.*\}\}$`, // {{ template }}
    String.raw`^\{[A-Za-z_]\w*\}$`, // {name}
    String.raw`^<[^<>]+>$`, // <password>
    String.raw`^\[[^\]]+\]$`, // [password]
    String.raw`^%[sdr]$|^%\(\w+\)s$`, // printf placeholders
    String.raw`^([*xX.#?_-])\1*$`, // ******, xxxxxx
    String.raw`^(?:change[-_ ]?(?:me|it|this)|changeit|replace[-_ ]?me|fill[-_ ]?me(?:[-_ ]?in)?|todo|tbd|fixme|n/?a|none|null|nil|undefined|true|false|empty|redacted|removed|hidden|masked|secret|password|passwd|passphrase|token|api[-_ ]?key|placeholder|example|sample|default|mypassword|my[-_]password|yourpassword|your[-_]password|some[-_]?password|foo|bar|baz|foobar)$`,
    String.raw`^(?:your|my|enter|insert|put|add|replace)[-_ ](?:[\w-]+)$`, // your-api-key, enter_password
    String.raw`^(?:your|my)[A-Z_]\w*$`, // yourApiKey, YOUR_TOKEN
    String.raw`(?:^|[-_])(?:example|placeholder|dummy|redacted)(?:[-_]|$)`, // sk-example-xxx, api_key_placeholder
  ].join('|'),
  'i',
);

/** True when a value cannot be a real secret however it is bound. */
export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  return PLACEHOLDER.test(v);
}

/** Values that name something rather than being a secret: env var names, key names, paths, URLs, UI text. */
export function looksLikeNameOrText(value: string): boolean {
  if (/\s/.test(value.trim())) return true; // labels and sentences: "Enter your password"
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(value)) return true; // DB_PASSWORD (an env var name)
  if (/^[a-z][a-z0-9]*(?:[_.-][a-z][a-z0-9]*)+$/.test(value) && !/\d/.test(value)) return true; // user_password, db.password
  if (/^[a-z]+(?:[A-Z][a-z0-9]+)+$/.test(value)) return true; // newPassword
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value)) return true; // paths
  if (/^[\w.-]+\.(?:pem|key|crt|cer|p12|pfx|jks|json|ya?ml|txt|env|ini|conf|cfg|properties|xml|toml)$/i.test(value)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\/[^:@/\s]*(?:[/?#]|$)/i.test(value)) return true; // URL without credentials
  if (/^(?:[A-Za-z]+:)?[A-Za-z_]\w*\(\)?$/.test(value) && value.endsWith(')')) return true; // call-looking text
  return false;
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
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
}

/** Calls that read a value from the environment: a string passed to them is a name or a default, not a secret. */
export const ENVIRONMENT_READERS = /(?:^|[.:])(?:getenv|get_env|getEnv|GetEnvironmentVariable|environ(?:\.get)?|env|getProperty|LookupEnv|Getenv|fetch|ENV\[?)$/;
