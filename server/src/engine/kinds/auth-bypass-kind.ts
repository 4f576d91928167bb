/**
 * `auth-bypass`: conditions that let a request past the login.
 * - `function_names` + `condition_names`: inside a function that authenticates or authorizes (`requireAuth`,
 *   `check_login`, `isAuthenticated`), an `if` on a debug or test flag — or on "not production" — whose branch grants
 *   access at once (`if (DEBUG) return true;`, `if settings.DEBUG: return True`, `if (…) return next();`).
 * - `request_keys`: a header, query or form key read from the request in a condition, whose name says it skips the
 *   login (`x-skip-auth`, `backdoor`, `login_as`); with `condition_names`, also a debug or test key
 *   (`?debug=1`, `X-Debug`) whose branch grants access.
 * Findings point at the condition, or at the key.
 */
import type { Node } from '../tree-api';
import { RuleRegex } from '../regex';
import { AuthBypassRule } from '../rulebook/types';
import { Frame, walkerFor } from '../syntax/ancestry';
import { enclosingNamedFunction, ifParts, ifStatements } from '../syntax/scope';
import { Matcher, RawMatch, RuleKind, ScanDocument } from './kind';
import { conditionAfterIf } from './auth-bypass-prefilter';
import { positionalKeywords } from './keyword-index';
import { keywordRegex, wordInName } from './keyword-prefilters';
import { optionalRegex } from './rule-regex';
import { snakeCase } from './secret-values';

/** Reads of a request: `req.…`, `request.…`, `ctx.…`, Go's `r.…`, PHP's superglobals, Rails' `params[…]`. */
const REQUEST_ROOT =
  /^(?:\$_(?:GET|POST|REQUEST|COOKIE|SERVER)\b|params\[|(?:this\.|self\.|\$this->|@)?(?:req|request|ctx|context|event|r|c|Request|HttpContext\.Request|\$request)(?:\.|->|\[|\?\.))/;

/** Cheap prefilters: a file that never mentions a request, or never anything about authentication, is not parsed. */
const REQUEST_WORDS =
  /\b(?:req|request)\b\s*(?:\.|->|\[|\?\.)|\b(?:ctx|context)\.(?:query|headers?|request|get|cookies|params)\b|\br\.(?:header|url|form|postform|formvalue|cookie)\b|\bc\.(?:query|getheader|param|postform|cookie|defaultquery|request)\b|\bevent\.(?:headers|querystringparameters)\b|\$_(?:get|post|request|cookie|server)\b|\bparams\s*\[/;
/** Words of the names of functions that authenticate or authorize; `function_names` then decides on the whole name. */
const AUTH_NAME_WORD = /auth|login|logon|sign_?in|verify|check|allowed|permitted|access|permission|role|require|ensure|guard|activate|admin/g;

/** Nodes a key climbs through to the whole access expression (`req.headers["x"]`, `r.URL.Query().Get("x")`). */
const ACCESS_PARTS = /member|subscript|call|invocation|argument|selector|index|element|attribute|access|string|scoped/;

const KEY_LEAVES = new Set(['string_fragment', 'string_content', 'interpreted_string_literal_content', 'property_identifier', 'field_identifier', 'simple_symbol', 'identifier', 'name']);

/** A first statement that grants access at once: `return true`, `return next()`, `next()`, `done(null, user)`. */
const GRANT_STATEMENT =
  /^(?:return\s*\(?\s*(?:true|TRUE|True|1|YES|next\s*\(\s*\)|true\s*,\s*nil)\s*\)?|next\s*\(\s*\)|(?:return\s+)?(?:done|cb|callback)\s*\(\s*null\s*,\s*(?:true|user)\b[^)]*\))\s*;?$/;
/** Statements that log a user in, anywhere in the branch. */
const GRANT_ANYWHERE =
  /\b(?:req|request)\.user\s*=[^=]|\blogin_user\s*\(|(?:\bsession|\$_SESSION)\s*\[\s*['"](?:user|user_id|uid|logged_in|authenticated|is_admin)['"]\s*\]\s*=[^=]|\b(?:is_?)?(?:authenticated|authorized|logged_?in|admin)\s*=\s*(?:true|True|TRUE)\b/;

const BLOCKS = /block|compound|^then$|body|statement_list|^else$/;

function firstStatement(branch: Node): Node {
  let node = branch;
  for (let depth = 0; depth < 4 && BLOCKS.test(node.type); depth++) {
    const first = node.namedChildren.find((n) => n !== null && !n.type.includes('comment'));
    if (!first) break;
    node = first;
  }
  return node;
}

function grantsAccess(branch: Node, languageId: string): boolean {
  const statement = firstStatement(branch);
  // A statement that grants access is short; a long one is read no further (nested blocks would cost their size).
  const first = statement.endIndex - statement.startIndex > 300 ? '' : statement.text.replace(/\s+/g, ' ').trim();
  if (GRANT_STATEMENT.test(first)) return true;
  if (languageId === 'go' && /^return nil$/.test(first)) return true;
  return GRANT_ANYWHERE.test(branch.text.slice(0, 600));
}

/**
 * Named leaves of a condition (identifiers, properties, string contents), at most a few hundred, in document order;
 * each with its ancestors up to the condition (a walk down knows every parent).
 */
function leavesOf(condition: Node): Frame[] {
  const leaves: Frame[] = [];
  const pending: Frame[] = [new Frame(condition, undefined)];
  while (pending.length > 0 && leaves.length <= 300) {
    const frame = pending.pop()!;
    const node = frame.node;
    if (node.namedChildCount === 0) {
      if (node.isNamed) leaves.push(frame);
      continue;
    }
    const children = node.namedChildren;
    for (let i = children.length - 1; i >= 0; i--) if (children[i]) pending.push(new Frame(children[i]!, frame));
  }
  return leaves;
}

function keyText(leaf: Node): string {
  return leaf.type === 'simple_symbol' ? leaf.text.replace(/^:/, '') : leaf.text;
}

/** True when the leaf is the key of a read from the request: the access expression starts at a request object. */
function isRequestKey(leaf: Frame, text: string): boolean {
  const minimum = keyText(leaf.node).length + 2;
  for (let p = leaf.parent, depth = 0; p && depth < 6 && ACCESS_PARTS.test(p.type); p = p.parent, depth++) {
    const access = text.slice(Math.max(p.node.startIndex, leaf.node.endIndex - 400), leaf.node.endIndex).replace(/\s+/g, '');
    if (access.length > minimum && REQUEST_ROOT.test(access)) return true;
  }
  return false;
}

/** `NODE_ENV !== "production"`: everywhere but production is a debug condition too. */
const NOT_PRODUCTION = /!==?\s*["'](?:prod|production)["']|["'](?:prod|production)["']\s*!==?/;

/** A condition on a debug or test flag: one of its words (identifiers, property names, string contents) matches. */
function conditionSaysDebug(conditionText: string, conditionNames: RuleRegex): boolean {
  if (NOT_PRODUCTION.test(conditionText)) return true;
  return (conditionText.match(/[A-Za-z_$][\w$]*/g) ?? []).some((word) => conditionNames.test(snakeCase(word)));
}

export const authBypassKind: RuleKind = {
  kind: 'auth-bypass',
  compile(rule, { trusted, report }): Matcher | undefined {
    const bypass = rule as AuthBypassRule;
    const functionNames = optionalRegex(bypass.function_names, 'function_names', { trusted, report });
    const conditionNames = optionalRegex(bypass.condition_names, 'condition_names', { trusted, report });
    const requestKeys = optionalRegex(bypass.request_keys, 'request_keys', { trusted, report });
    if (functionNames && !conditionNames) {
      report(['function_names'], '`function_names` needs `condition_names`: the debug or test flags to look for');
      return undefined;
    }
    if (!functionNames && !requestKeys) {
      report([], 'an auth-bypass rule needs `function_names` (with `condition_names`) or `request_keys`');
      return undefined;
    }

    // `keywords`: words of the conditions (debug flags, request keys) to look for after an `if` before parsing.
    const conditionKeywords = (bypass.keywords ?? []).map((k) => k.toLowerCase());
    const conditionWord = keywordRegex(conditionKeywords, 'g');
    const conditionIdList = positionalKeywords(conditionKeywords);
    return {
      needsTree: true,
      prefilter: ({ text, lower }) => {
        if (!lower.includes('if')) return false;
        const conditionFound = (granting: boolean): boolean =>
          conditionWord === undefined || conditionAfterIf(lower, conditionIdList, granting);
        // A request key that skips the login whatever follows, or a debug key whose branch grants access.
        if (
          requestKeys !== undefined &&
          conditionFound(false) &&
          REQUEST_WORDS.test(lower) &&
          ((conditionWord !== undefined && wordInName(text, lower, conditionWord, (snake, written) => requestKeys.test(written) || requestKeys.test(snake))) ||
            conditionFound(true))
        ) {
          return true;
        }
        // A debug shortcut grants access in the branch right after its condition.
        return (
          functionNames !== undefined &&
          conditionFound(true) &&
          wordInName(text, lower, AUTH_NAME_WORD, (name) => functionNames.test(name))
        );
      },
      // Request words may span lines (`req\n.headers`); the `if` the prefilter also needs is on one line.
      linePrefilter: { check: ({ lower }) => lower.includes('if'), exact: false },
      match(doc: ScanDocument): RawMatch[] {
        const tree = doc.tree;
        if (!tree) return [];
        const matches: RawMatch[] = [];
        const walker = walkerFor(tree, 'auth-bypass');
        for (const statement of ifStatements(tree)) {
          const parts = ifParts(statement);
          if (!parts) continue;
          // Cheap text checks first: most conditions read no request and say nothing about debugging.
          const conditionText = parts.condition.text.slice(0, 400);
          const readsRequest = REQUEST_WORDS.test(conditionText.toLowerCase());
          const saysDebug = conditionNames !== undefined && conditionSaysDebug(conditionText, conditionNames);
          if (!(requestKeys && readsRequest) && !(functionNames && saysDebug)) continue;
          const leaves = leavesOf(parts.condition);
          const requestKeysRead = readsRequest ? leaves.filter((leaf) => KEY_LEAVES.has(leaf.type) && isRequestKey(leaf, doc.text)).map((leaf) => leaf.node) : [];
          if (requestKeys) {
            for (const leaf of requestKeysRead) {
              const key = keyText(leaf);
              const strong = requestKeys.test(key);
              const weak = !strong && conditionNames?.test(snakeCase(key)) && grantsAccess(parts.consequence, doc.languageId);
              if (!strong && !weak) continue;
              matches.push({ start: leaf.endIndex - key.length, end: leaf.endIndex, vars: { name: key, function: '' } });
            }
          }
          // A debug condition that reads the request is the request rule's finding, not this one.
          if (functionNames && saysDebug && requestKeysRead.length === 0) {
            const fn = enclosingNamedFunction(walker.frameOf(statement), doc.languageId);
            if (!fn || !functionNames.test(snakeCase(fn.name))) continue;
            if (!grantsAccess(parts.consequence, doc.languageId)) continue;
            const condition = parts.condition;
            matches.push({ start: condition.startIndex, end: condition.endIndex, vars: { name: condition.text.slice(0, 240).replace(/\s+/g, ' ').slice(0, 60), function: fn.name } });
          }
        }
        return matches;
      },
    };
  },
};
