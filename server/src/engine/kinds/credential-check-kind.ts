/**
 * `credential-check`: login backdoors. A password compared with a literal (`password === "letmein"`,
 * `strcmp(pw, "…") == 0`, `pw.equals("…")`, `sha256(pw) == "5e88…"`) lets anyone who reads the code in. The
 * finding covers the comparison; when a user id is compared with a literal in the same `&&` / `and` chain
 * (`strcmp(login, "maint") == 0 && strcmp(pw, "…") == 0`), it covers both and names the account.
 * Not flagged: an empty, short or placeholder password (`pw == ""`, `pw == "changeme"` checks that a default was
 * changed), protocol keywords (`password == "x-oauth-basic"`), type checks (`typeof pw === "string"`), and values
 * read from the environment.
 */
import type { Node } from '../tree-api';
import { maskSecret } from '../mask';
import { CredentialCheckRule } from '../rulebook/types';
import { StringFact } from '../syntax/facts';
import { COMPARE_FUNCTIONS, EQUALITY_OPERATORS, SINGLE_OPERAND_WRAPPERS } from '../syntax/node-types';
import { Frame, inherited, walkerFor } from '../syntax/ancestry';
import { calleeText, lastIdentifier } from '../syntax/tree-util';
import { isStructuralPlaceholder, mayHoldCredentials } from './account-words';
import { Matcher, RawMatch, RuleKind, ScanDocument } from './kind';
import { optionalRegex } from './rule-regex';
import { isPlaceholder, snakeCase } from './secret-values';
import { exactOnEachLine } from './line-prefilter';

const TYPE_NAMES = /^(?:string|number|boolean|object|function|undefined|symbol|bigint|str|int|bytes|array|integer|double|null)$/i;
const TYPE_CHECK = /^(?:typeof\b|type\s*\(|gettype\s*\(|get_class\s*\(|instanceof\b)/;
const FROM_ENVIRONMENT = /(?:process\.env|os\.environ|getenv|\bENV\b|Environment\.GetEnvironmentVariable|System\.getenv|\$_ENV|\$_SERVER)/;
/** `sha256(pw.encode()).hexdigest()`, `pw.strip()`: a password hashed or normalised before the comparison. */
const HASHED_OR_NORMALISED = /(?:md5|sha\d*|hash|digest|crypt|hmac|strip|trim|lower|upper|encode|decode|hex|to_?string)\w*\s*\(/i;
const AND_OPERATORS = new Set(['&&', 'and', 'AndAlso', '-and']);
/** Binary nodes of every grammar (Swift names them by operator: `equality_expression`, `conjunction_expression`). */
const COMPARISON_TYPES = new Set(['binary_expression', 'comparison_operator', 'binary', 'equality_expression', 'infix_expression', 'comparison_expression', 'conjunction_expression', 'logical_expression']);
const WRAPPERS = new Set(['parenthesized_expression', 'unary_expression', 'not_operator', 'prefix_unary_expression', 'unary']);

function operatorOf(node: Node): string | undefined {
  // A named operator (Scala's `operator_identifier`, PowerShell's `-eq` and `-and`) is read by its text.
  const named = node.childForFieldName('operator') ?? node.namedChildren.find((c) => c?.type === 'comparison_operator' || c?.type === 'logical_operator');
  if (named?.isNamed) return named.text.slice(0, 8).toLowerCase();
  return node.children.find((c) => c !== null && !c.isNamed && c.type !== '(' && c.type !== ')')?.type;
}

/** An expression node wrapping one operand (PowerShell nests them ten deep). */
function isSingleOperand(frame: Frame): boolean {
  return SINGLE_OPERAND_WRAPPERS.has(frame.type) && frame.named().length === 1;
}

function isEquality(node: Node): boolean {
  return COMPARISON_TYPES.has(node.type) && EQUALITY_OPERATORS.has(operatorOf(node) ?? '');
}

function isCompareCall(node: Node): boolean {
  return /call|invocation|^message_expression$/.test(node.type) && COMPARE_FUNCTIONS.has(lastIdentifier(calleeText(node)));
}

/** The comparison a literal takes part in, widened over `== 0`, `!` and parentheses around it. */
function comparisonAround(literal: Frame): Frame | undefined {
  let frame: Frame | undefined;
  for (let p = literal.parent, depth = 0; p && depth < 6; p = p.parent, depth++) {
    // PowerShell wraps an operand in a chain of one-child expressions: they are not steps.
    if (isSingleOperand(p)) {
      depth--;
      continue;
    }
    if (isEquality(p.node) || isCompareCall(p.node)) {
      frame = p;
      break;
    }
  }
  if (!frame) return undefined;
  const widens = (p: Frame): boolean =>
    WRAPPERS.has(p.type) || (isEquality(p.node) && /^0$|^false$/i.test(p.node.lastNamedChild?.text.slice(0, 8) ?? ''));
  while (frame.parent && widens(frame.parent)) frame = frame.parent;
  return frame;
}

/** Assertions: `assert user.password == "…"`, `assert(pw == "…")`, `expect(pw === "…")`, `ASSERT_TRUE(…)`. */
const ASSERT_STATEMENTS = new Set(['assert_statement']);
const ASSERTION_CALLEE = /^(?:assert\w*|expect\w*|should\w*|XCTAssert\w*|ASSERT_\w+|EXPECT_\w+|CHECK(?:_\w+)?|REQUIRE(?:_\w+)?|require_?true|ok)$/;

/**
 * Whether a comparison is what an assertion checks (a test stating what a field holds), not a condition that lets
 * someone in: a few levels up, an assert statement or an assertion call, before any statement that could branch.
 */
function isAsserted(comparison: Frame): boolean {
  for (let p = comparison.parent, depth = 0; p && depth < 4; p = p.parent, depth++) {
    if (ASSERT_STATEMENTS.has(p.type)) return true;
    if (/call|invocation/.test(p.type) && ASSERTION_CALLEE.test(lastIdentifier(calleeText(p.node)))) return true;
    if (/statement|declaration|block|body|if|lambda|function/.test(p.type)) return false;
  }
  return false;
}

function isAnd(frame: Frame): boolean {
  return (COMPARISON_TYPES.has(frame.type) || frame.type === 'boolean_operator') && frame.remember('and', () => AND_OPERATORS.has(operatorOf(frame.node) ?? ''));
}

/**
 * The outermost `&&` / `and` chain a comparison belongs to, if any: climbing through parentheses and `&&`s. Kept per
 * frame, so the comparisons of one long chain climb it once between them.
 */
function andChain(comparison: Frame): Node | undefined {
  return inherited<Frame | undefined>(comparison, 'andChain', (f, fromParent) => {
    const p = f.parent;
    if (!p) return undefined;
    if (p.type === 'parenthesized_expression' || isSingleOperand(p)) return fromParent;
    return isAnd(p) ? (fromParent ?? p) : undefined;
  })?.node;
}

/** The first fact (of facts sorted by position) starting at or after `offset`. */
function firstFrom(facts: readonly StringFact[], offset: number): number {
  let low = 0;
  let high = facts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (facts[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The side of the comparison that is not the literal: `typeof pw`, `sha256(pw)`, `process.env.PW`. */
function comparedText(fact: StringFact): string {
  return fact.context?.fullName ?? '';
}

const NOT_A_SECRET = /^x-[a-z][\w-]*$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^(?:\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/)/;

/** Shorter values are protocol markers or user names (`pw == "x"`, `user_pass == "git"`), not passwords. */
const MIN_LENGTH = 4;

function isBackdoorValue(fact: StringFact): boolean {
  const value = fact.value;
  if (fact.interpolated || value.length < MIN_LENGTH || isStructuralPlaceholder(value) || isPlaceholder(value) || TYPE_NAMES.test(value)) return false;
  // `password == "x-oauth-basic"`, `pw == "DB_PASSWORD"`: a protocol keyword or a variable name, not a secret
  // someone types (a passphrase with spaces is one).
  if (NOT_A_SECRET.test(value)) return false;
  const other = comparedText(fact);
  return !TYPE_CHECK.test(other) && !FROM_ENVIRONMENT.test(other);
}

export const credentialCheckKind: RuleKind = {
  kind: 'credential-check',
  compile(rule, { trusted, report }): Matcher | undefined {
    const check = rule as CredentialCheckRule;
    const passwordNames = optionalRegex(check.password_names, 'password_names', { trusted, report });
    const userNames = optionalRegex(check.user_names, 'user_names', { trusted, report });
    if (!passwordNames) return undefined;
    const comparedName = (fact: StringFact): string | undefined =>
      fact.context?.kind === 'compare' ? snakeCase(fact.context.name) : undefined;
    const comparesPassword = (fact: StringFact): boolean => {
      if (passwordNames.test(comparedName(fact)!)) return true;
      const full = fact.context!.fullName;
      if (!HASHED_OR_NORMALISED.test(full)) return false;
      return (full.match(/[A-Za-z_]\w*/g) ?? []).some((word) => passwordNames.test(snakeCase(word)));
    };

    return {
      needsTree: true,
      prefilter: mayHoldCredentials,
      linePrefilter: exactOnEachLine(mayHoldCredentials),
      // The compared name sits by its literal; a condition wrapped over lines stays within a few.
      stringReach: 3,
      match(doc: ScanDocument): RawMatch[] {
        const tree = doc.tree;
        if (!tree) return [];
        const compared = doc.strings().filter((f) => comparedName(f) !== undefined);
        const walker = walkerFor(tree, 'credential-check');
        const isUser = (u: StringFact): boolean => userNames !== undefined && userNames.test(comparedName(u)!) && !passwordNames.test(comparedName(u)!);
        // The user comparisons inside each `&&` chain, found once per chain however many passwords it compares.
        const usersByChain = new Map<number, StringFact[]>();
        const usersIn = (chain: Node): StringFact[] => {
          let users = usersByChain.get(chain.id);
          if (!users) {
            users = [];
            for (let i = firstFrom(compared, chain.startIndex); i < compared.length && compared[i].start < chain.endIndex; i++) {
              if (compared[i].end <= chain.endIndex && isUser(compared[i])) users.push(compared[i]);
            }
            usersByChain.set(chain.id, users);
          }
          return users;
        };
        const matches: RawMatch[] = [];
        for (const fact of compared) {
          if (!comparesPassword(fact) || !isBackdoorValue(fact)) continue;
          const literal = walker.frameAt(fact.start, fact.end);
          const comparison = literal && comparisonAround(literal);
          if (!comparison || isAsserted(comparison)) continue;
          let range = { start: comparison.node.startIndex, end: comparison.node.endIndex };
          let account = '';
          const chain = andChain(comparison);
          if (chain && userNames) {
            const user = usersIn(chain).find((u) => u !== fact);
            if (user && !isStructuralPlaceholder(user.value)) {
              range = { start: chain.startIndex, end: chain.endIndex };
              account = user.value.slice(0, 64);
            }
          }
          matches.push({
            ...range,
            vars: {
              name: fact.context!.fullName.slice(0, 60),
              password: maskSecret(fact.value),
              account: account ? { en: ` for user "${account}"`, ja: `（ユーザー「${account}」）` } : '',
            },
          });
        }
        return matches;
      },
    };
  },
};
