/**
 * `route`: a route registered with a literal path that says debug, test login, backdoor or impersonation —
 * `app.get("/debug/users", …)`, `@app.route("/test-login")`, `http.HandleFunc("/debug/vars", …)`,
 * `path("login-as/<id>/", …)`, `@GetMapping("/backdoor")`, `[HttpPost("impersonate")]`, `get '/debug'`.
 * A path is flagged only where a route is registered (a routing call, decorator, annotation or attribute), not where
 * a client calls it or a string merely contains it; and not when the registration sits in a development-only branch
 * (`if settings.DEBUG:`) or a Go file built only with a debug tag.
 */
import type { Node } from '../tree-api';
import { RouteRule } from '../rulebook/types';
import { Frame, walkerFor } from '../syntax/ancestry';
import { isInsideDevelopmentGuard } from '../syntax/scope';
import { calleeText, lastIdentifier } from '../syntax/tree-util';
import { Matcher, PrefilterInput, RawMatch, RuleKind, ScanDocument } from './kind';
import { optionalRegex } from './rule-regex';
import { snakeCase } from './secret-values';
import { keywordLines } from './line-prefilter';
import { anyKeyword, keywordNearQuote } from './keyword-prefilters';

/** Calls, decorators, annotations and attributes that register a route, by their snake_case name. */
const ROUTE_REGISTRARS = new Set([
  'get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'any', 'options', 'head', 'match', 'use', 'route',
  'handle', 'handle_func', 'add_url_rule', 'add_route', 'add_api_route', 'api_route', 'websocket',
  'path', 're_path', 'url', 'map_get', 'map_post', 'map_put', 'map_delete', 'map_patch', 'map_methods', 'map',
  'get_mapping', 'post_mapping', 'put_mapping', 'delete_mapping', 'patch_mapping', 'request_mapping',
  'http_get', 'http_post', 'http_put', 'http_delete', 'http_patch', 'route_prefix', 'group', 'mount',
]);

/** HTTP verbs are also client calls (`axios.get("/debug")`): these receivers are clients, not routers. */
const CLIENT_RECEIVERS = /^(?:axios|https?|client|http_client|request|requests|session|superagent|got|fetch|ky|needle|agent|supertest|jquery|api_client|test_client|rest_template|web_client)$/;
const HTTP_VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options', 'all', 'any']);

const ARGUMENT_LISTS = new Set(['arguments', 'argument_list', 'annotation_argument_list', 'attribute_argument_list']);
const PASS_THROUGH = new Set(['argument', 'attribute_argument', 'element_value_pair', 'keyword_argument', 'parenthesized_expression']);

/** The call, annotation or attribute a string is an argument of, and the registering name. */
function registrarOf(literal: Frame): { frame: Frame; node: Node; name: string; receiver: string } | undefined {
  let frame: Frame | undefined = literal;
  while (frame && !ARGUMENT_LISTS.has(frame.type)) {
    if (frame !== literal && !PASS_THROUGH.has(frame.type) && !/string|literal/.test(frame.type)) return undefined;
    frame = frame.parent;
  }
  const ownerFrame = frame?.parent;
  if (!ownerFrame) return undefined;
  const owner = ownerFrame.node;
  if (owner.type === 'annotation' || owner.type === 'attribute') {
    const name = owner.childForFieldName('name');
    return name ? { frame: ownerFrame, node: owner, name: lastIdentifier(name.text.slice(-200)), receiver: '' } : undefined;
  }
  const callee = calleeText(owner);
  if (!callee) return undefined;
  const name = lastIdentifier(callee);
  const receiver = callee.slice(0, Math.max(0, callee.length - name.length - 1)).replace(/(?:->|::)$/, '');
  return { frame: ownerFrame, node: owner, name, receiver };
}

function isRouteRegistration(registrar: { name: string; receiver: string }): boolean {
  const name = snakeCase(registrar.name);
  if (!ROUTE_REGISTRARS.has(name)) return false;
  if (!HTTP_VERBS.has(name)) return true;
  const receiver = registrar.receiver.split(/\.|->|::/).pop() ?? '';
  return receiver !== '$' && !CLIENT_RECEIVERS.test(snakeCase(receiver));
}

/** `//go:build debug` (or `// +build dev`): the whole file exists only in debug builds. */
const DEBUG_BUILD_TAG = /^\/\/(?:go:build|\s*\+build)\s.*\b(?:debug|dev|development)\b/m;

/** A literal's value that the rule flags where a route is registered: a path, not a URL, matching `routes`. */
function couldBeFlagged(value: string, routes: { test(text: string): boolean }): boolean {
  return !value.includes('://') && value.length <= 200 && routes.test(value);
}

export const routeKind: RuleKind = {
  kind: 'route',
  compile(rule, { trusted, report }): Matcher | undefined {
    const route = rule as RouteRule;
    const routes = optionalRegex(route.routes, 'routes', { trusted, report });
    if (!routes) return undefined;
    const keywords = (route.keywords ?? []).map((k) => k.toLowerCase());
    // A route's path is a string literal holding the keyword, on a code line, that could be a flagged path
    // (`"WEBGL_debug_renderer_info"` is none).
    const inText = anyKeyword(keywords);
    const inCode = keywordNearQuote(keywords, { minLength: 1, holdsWord: true, accepts: (value) => couldBeFlagged(value, routes) });
    const prefilter = ({ text, lower, parsed }: PrefilterInput): boolean => (parsed && inCode ? inCode(lower, text) : inText(lower));
    return {
      needsTree: true,
      prefilter,
      linePrefilter: keywordLines(keywords, prefilter),
      // The keyword is part of the route's own path literal.
      stringReach: keywords.length > 0 ? 0 : undefined,
      match(doc: ScanDocument): RawMatch[] {
        const tree = doc.tree;
        if (!tree || (doc.languageId === 'go' && DEBUG_BUILD_TAG.test(doc.text))) return [];
        const matches: RawMatch[] = [];
        const walker = walkerFor(tree, 'route');
        for (const fact of doc.strings()) {
          if (fact.interpolated || !couldBeFlagged(fact.value, routes)) continue;
          const literal = walker.frameAt(fact.start, fact.end);
          const registrar = literal && registrarOf(literal);
          if (!registrar || !isRouteRegistration(registrar) || isInsideDevelopmentGuard(registrar.frame)) continue;
          // A path has a slash (`/debug`, `debug/`); only annotations and attributes name a route without one.
          if (!fact.value.includes('/') && registrar.node.type !== 'annotation' && registrar.node.type !== 'attribute') continue;
          matches.push({ start: fact.start, end: fact.end, vars: { value: fact.value.slice(0, 80), name: registrar.name } });
        }
        return matches;
      },
    };
  },
};
