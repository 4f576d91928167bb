/**
 * `account`: test, demo and default accounts left in the product. A user id and a password bound to literals next
 * to each other (the same object, the same call, or neighbouring lines) form an account; the rule flags it when
 * - `account_words`: the user id, or the name of either binding, has a word such as test / demo / guest
 *   (`DEMO_LOGIN = "demo_01"` beside `DEMO_PASS = "…"`), or a password is bound to such a name on its own
 *   (`TEST_PASSWORD = "…"`);
 * - `default_pairs` / `same_as_user`: the pair is a well-known default (`admin`/`admin`, `user`/`password`).
 * Passwords read from the environment are not literals and never form an account. Password values reach
 * messages only masked; the user id is shown, it is what a reader must find and delete.
 */
import { maskSecret } from '../mask';
import { RuleRegex } from '../regex';
import { AccountRule } from '../rulebook/types';
import { StringFact } from '../syntax/facts';
import { hasWord, isStructuralPlaceholder, mayHoldCredentials } from './account-words';
import { Matcher, RawMatch, RuleKind, ScanDocument } from './kind';
import { optionalRegex } from './rule-regex';
import { ENVIRONMENT_READERS, looksLikeNameOrText, snakeCase } from './secret-values';
import { isCodeValue, isEncryptedAtRest, isEscapedPlaceholder } from './code-values';
import { isEphemeralServiceCredential } from './service-credentials';
import { exactOnEachLine } from './line-prefilter';

/**
 * One account, one finding: when two account rules flag the same user id (`guest`/`guest` is both a test account and
 * a well-known default pair), the more confident rule keeps it (see `overlap.ts`).
 */
const ACCOUNT_OVERLAP = { group: 'account', level: 1 } as const;

/** Lines apart that a user id and its password may be and still form one account. */
const NEARBY_LINES = 3;

/** User ids on each side of a password, per line, that may pair with it (the nearer ones pair first). */
const NEAREST_PER_SIDE = 3;

/** The index of the first binding (of bindings sorted by position) starting at or after `offset`. */
function firstStartingFrom(bindings: readonly Binding[], offset: number): number {
  let low = 0;
  let high = bindings.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (bindings[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Calls that take a user id and a password as their first two arguments. */
const LOGIN_CALLS = /(?:^|_)(?:login|log_in|logon|sign_in|signin|authenticate|basic_auth|credentials?)$/;

/** Names of a pair written as one value: `auth=("test", "test")`, `credentials: ["guest", "guest"]`. */
const PAIR_NAMES = /^(?:auth|basic_auth|http_auth|credentials?|login)$/;

interface Binding {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** The name the value is bound to, as written. */
  readonly name: string;
  readonly line: number;
}

interface Account {
  readonly user?: Binding;
  readonly password: Binding;
}

function lineOf(doc: ScanDocument, offset: number): number {
  return doc.index.rangeOf(offset, offset).start.line;
}

function boundName(fact: StringFact): string | undefined {
  const context = fact.context;
  if (!context || fact.interpolated || context.kind === 'compare') return undefined;
  if (context.callee && ENVIRONMENT_READERS.test(context.callee)) return undefined;
  return context.name;
}

/**
 * Accounts written as two arguments of a login call (`login("testuser", "…")`: the second string's context names
 * the first as its key), or as a two-element pair value (`auth=("test", "test")`).
 */
function groupedAccounts(doc: ScanDocument, unordered: readonly StringFact[]): Account[] {
  const facts = [...unordered].sort((a, b) => a.start - b.start);
  const accounts: Account[] = [];
  for (let i = 0; i + 1 < facts.length; i++) {
    const [a, b] = [facts[i], facts[i + 1]];
    const [ca, cb] = [a.context, b.context];
    if (!ca || !cb || ca.kind === 'compare' || a.interpolated || b.interpolated) continue;
    const loginCall = ca.kind === 'argument' && ca.callee !== undefined && LOGIN_CALLS.test(snakeCase(ca.name)) && cb.kind === 'key' && cb.callee === ca.callee && cb.fullName === a.value;
    // The pair's second element may carry the pair's own name, or `password` with the full name `auth[1]`.
    const pair = PAIR_NAMES.test(snakeCase(ca.name)) && (cb.fullName === ca.fullName || cb.fullName === `${ca.fullName}[1]`);
    if (!loginCall && !pair) continue;
    const line = lineOf(doc, a.start);
    if (pair && lineOf(doc, b.start) !== line) continue;
    accounts.push({
      user: { start: a.start, end: a.end, value: a.value, name: `${ca.name} user`, line },
      password: { start: b.start, end: b.end, value: b.value, name: `${ca.name} password`, line: lineOf(doc, b.start) },
    });
    i++;
  }
  return accounts;
}

/**
 * A constant whose value is its own name (`PASSWORD = "password"`, `PASSWORD("password")`): the name of a field or
 * property, not a password. A key given its own name as a value (`password: password`) is still a value.
 */
function isNameConstant(fact: StringFact): boolean {
  const context = fact.context!;
  return (context.kind === 'declare' || context.kind === 'assign' || context.kind === 'define') && snakeCase(fact.value) === snakeCase(context.name);
}

/**
 * Whether a literal is one of several a name is given at once, side by side: the arguments of an enum constant
 * (`USERNAME(false, "username", "user")`), the items of a list under one key (`"password": {"username", "password"}`). The name holds a list or attributes there, not a
 * user id or a password of its own.
 */
function inListUnderOneName(doc: ScanDocument, facts: readonly StringFact[], i: number): boolean {
  const own = facts[i].context!;
  if (own.kind !== 'declare' && own.kind !== 'key') return false;
  // Neighbours on the literal's own line only: a focused scan reads every literal of a line it reads.
  const same = (j: number): boolean => {
    const other = facts[j]?.context;
    return other !== undefined && other.kind === own.kind && other.name === own.name && other.fullName === own.fullName && lineOf(doc, facts[j].start) === lineOf(doc, facts[i].start);
  };
  return same(i - 1) || same(i + 1);
}

export function accountsOf(doc: ScanDocument, userNames: RuleRegex, passwordNames: RuleRegex): { paired: Account[]; lonePasswords: Binding[] } {
  const facts = doc.strings();
  const users: Binding[] = [];
  const passwords: Binding[] = [];
  for (let i = 0; i < facts.length; i++) {
    const fact = facts[i];
    const name = boundName(fact);
    if (name === undefined || isNameConstant(fact) || inListUnderOneName(doc, facts, i)) continue;
    const snake = snakeCase(name);
    const binding = { start: fact.start, end: fact.end, value: fact.value, name, line: lineOf(doc, fact.start) };
    if (passwordNames.test(snake)) {
      // The stock password of a service container is no account of the product (the secret rules keep it on record).
      if (!isEphemeralServiceCredential(doc, fact)) passwords.push(binding);
    } else if (userNames.test(snake)) users.push(binding);
  }
  const paired = groupedAccounts(doc, facts);
  // Pair each password with the nearest user id, one to one, so a list of accounts pairs row by row and a
  // password standing alone is not taken for a neighbour's. A password's candidates are the few user ids nearest
  // to it on each line within reach, found by line and position: never every user with every password.
  const usersByLine = new Map<number, Binding[]>();
  for (const user of [...users].sort((a, b) => a.start - b.start)) {
    const list = usersByLine.get(user.line);
    if (list) list.push(user);
    else usersByLine.set(user.line, [user]);
  }
  const candidates: { user: Binding; password: Binding; distance: number }[] = [];
  for (const password of passwords) {
    for (let line = password.line - NEARBY_LINES; line <= password.line + NEARBY_LINES; line++) {
      const onLine = usersByLine.get(line);
      if (!onLine) continue;
      const at = firstStartingFrom(onLine, password.start);
      for (let i = Math.max(0, at - NEAREST_PER_SIDE); i < Math.min(onLine.length, at + NEAREST_PER_SIDE); i++) {
        const user = onLine[i];
        candidates.push({ user, password, distance: Math.abs(line - password.line) * 1e6 + Math.abs(user.start - password.start) });
      }
    }
  }
  candidates.sort((a, b) => a.distance - b.distance);
  const taken = new Set<Binding>();
  for (const { user, password } of candidates) {
    if (taken.has(user) || taken.has(password)) continue;
    taken.add(user).add(password);
    paired.push({ user, password });
  }
  const lonePasswords = passwords.filter((p) => !taken.has(p));
  return { paired, lonePasswords };
}

/** A password value a person could type: not a placeholder, a flag, a label, an env var name or a path. */
function isRealPassword(value: string): boolean {
  return !isStructuralPlaceholder(value) && !looksLikeNameOrText(value) && !isCodeValue(value) && !isEscapedPlaceholder(value) && !isEncryptedAtRest(value);
}

/**
 * The user id as a message shows it: masked like the password when one holds the other (`postgres` / `postgres`,
 * `admin` / `admin123`), since showing the id would show the password.
 */
function shownAccount(user: string, password: string): string {
  const u = user.toLowerCase();
  const p = password.toLowerCase();
  return p.length >= 3 && u.length >= 3 && (u.includes(p) || p.includes(u)) ? maskSecret(user) : user.slice(0, 64);
}

export const accountKind: RuleKind = {
  kind: 'account',
  compile(rule, { trusted, report }): Matcher | undefined {
    const account = rule as AccountRule;
    const userNames = optionalRegex(account.user_names, 'user_names', { trusted, report });
    const passwordNames = optionalRegex(account.password_names, 'password_names', { trusted, report });
    const words = optionalRegex(account.account_words, 'account_words', { trusted, report });
    const pairs = new Set((account.default_pairs ?? []).map(([user, password]) => `${user.toLowerCase()}\0${password}`));
    const sameAsUser = account.same_as_user ?? false;
    if (!userNames || !passwordNames) return undefined;
    if (!words && pairs.size === 0 && !sameAsUser) {
      report([], 'an account rule needs `account_words`, `default_pairs` or `same_as_user`');
      return undefined;
    }
    const isDefault = (user: string, password: string): boolean =>
      pairs.has(`${user.toLowerCase()}\0${password}`) || (sameAsUser && user === password && user.length >= 3 && isRealPassword(password));
    const isTestAccount = (a: Account): boolean =>
      words !== undefined &&
      isRealPassword(a.password.value) &&
      (hasWord(a.password.name, words) || (a.user !== undefined && (hasWord(a.user.value, words) || hasWord(a.user.name, words))));

    return {
      needsTree: true,
      prefilter: mayHoldCredentials,
      linePrefilter: exactOnEachLine(mayHoldCredentials),
      // A password's line passes; its user id is at most NEARBY_LINES away.
      stringReach: NEARBY_LINES + 1,
      match(doc: ScanDocument): RawMatch[] {
        const { paired, lonePasswords } = accountsOf(doc, userNames, passwordNames);
        const matches: RawMatch[] = [];
        for (const a of paired) {
          const user = a.user!;
          const flagged = words ? isTestAccount(a) : isDefault(user.value, a.password.value);
          if (!flagged) continue;
          matches.push({
            start: user.start,
            end: user.end,
            vars: { account: shownAccount(user.value, a.password.value), name: user.name, password: maskSecret(a.password.value) },
            overlap: ACCOUNT_OVERLAP,
          });
        }
        if (words) {
          for (const password of lonePasswords) {
            if (!hasWord(password.name, words) || !isRealPassword(password.value)) continue;
            matches.push({
              start: password.start,
              end: password.end,
              vars: { account: password.name, name: password.name, password: maskSecret(password.value) },
              overlap: ACCOUNT_OVERLAP,
            });
          }
        }
        return matches;
      },
    };
  },
};
