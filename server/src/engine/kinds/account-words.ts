/**
 * Words of names and values, for rules about test accounts and backdoors: `DEMO_LOGIN` and `demoLogin` both say
 * "demo" and "login", `suzuki.test` says "test", `contest-2024` says neither. Rules match their word lists against
 * whole words, never substrings, which keeps `contest`, `latest` and `temperature` out.
 */
import { snakeCase } from './secret-values';
import { inProse, stemsIn, stemsNearQuote } from './keyword-prefilters';

/** The words of an identifier or a value: `testUser01` → [test, user, 01], `suzuki.test` → [suzuki, test]. */
export function wordsOf(text: string): string[] {
  return snakeCase(text)
    .replace(/([a-z])(\d)/g, '$1_$2')
    .replace(/(\d)([a-z])/g, '$1_$2')
    .split('_')
    .filter((w) => w !== '');
}

/** True when any word of the text matches the (whole-word) regex. */
export function hasWord(text: string, words: { test(text: string): boolean }): boolean {
  return wordsOf(text).some((w) => words.test(w));
}

/**
 * Values that stand for a credential rather than being one: empty, `${VAR}`, `<password>`, `{{ secret }}`, `%s`,
 * `*****`. Unlike the secret rules' placeholder list, words such as `password` or `default` are real values here:
 * `user/password` is exactly the default pair these rules look for.
 */
const STRUCTURAL_PLACEHOLDER = /^(?:\$\{[^}]*\}|\$\([^)]*\)|\$[A-Za-z_]\w*|%[A-Za-z_]\w*%|\{\{.*\}\}|\{[A-Za-z_]\w*\}|<[^<>]+>|\[[^\]]+\]|%[sdr]|%\(\w+\)s|([*xX.#?_-])\1*)$/;

/** Words that are flags or states, never a password: `pass: "true"` is a test result, not a credential. */
const STATE_WORDS = /^(?:true|false|yes|no|on|off|ok|none|null|nil|undefined|required|optional|enabled|disabled|fail(?:ed)?|pass(?:ed)?|skip(?:ped)?)$/i;

export function isStructuralPlaceholder(value: string): boolean {
  const v = value.trim();
  return v === '' || STRUCTURAL_PLACEHOLDER.test(v) || STATE_WORDS.test(v);
}

/**
 * A credential word and a quote on one code line: the least a literal account or password comparison needs in code.
 * The word must end a name part (`db_pass`, `userPassword`, `auth_token`), so "passed", "bypass…" and "author"
 * in prose do not count. Most files that mention passwords or logins never bind one to a literal, and are then
 * not parsed for these rules.
 */
const CREDENTIAL_WORD =
  /(?:pass(?:word|wd|wort|phrase|code)?s?|pwd|(?<![a-z])pw|(?<![a-z])pin|log_?in|logon|sign_?in|auth(?:_?token|_?key)?|credentials?|creds?|(?:api|access|secret|master|admin)_?(?:key|token))(?![a-z])/;
/** What every credential word starts with: the shared keyword pass finds these, and `CREDENTIAL_WORD` decides. */
const CREDENTIAL_STEMS = ['pass', 'pwd', 'pw', 'pin', 'login', 'log_in', 'logon', 'signin', 'sign_in', 'auth', 'cred', 'api', 'access', 'secret', 'master', 'admin'];
// A credential word inside prose ("fill_n must pass integral size") names no binding.
const credentialNearQuote = stemsNearQuote(CREDENTIAL_STEMS, CREDENTIAL_WORD, undefined, (text, start) => !inProse(text, start));
const credentialWordIn = stemsIn(CREDENTIAL_STEMS, CREDENTIAL_WORD);

let last: { text: string; parsed: boolean; result: boolean } | undefined;

/** Several account rules ask this of the same text in a row; the answer is worked out once. */
export function mayHoldCredentials(input: { readonly text: string; readonly lower: string; readonly parsed: boolean }): boolean {
  if (last && last.text === input.text && last.parsed === input.parsed) return last.result;
  const result = input.parsed ? credentialNearQuote(input.lower, input.text) : credentialWordIn(input.lower);
  last = { text: input.text, parsed: input.parsed, result };
  return result;
}
