/**
 * What the text around an address-shaped token says it is, for the `ip` kind: dotted numbers and colon groups are
 * addresses only where they are written as one. Each test reads a bounded slice of the literal or of the text just
 * before it (and, for a returned literal, the function around it), so the kind stays linear in the file's size.
 *
 * - A compressed IPv6 form with one or two groups (`4::`, `d::`, `256::`, `12::30`) is an address only when it is
 *   the whole value or a bracketed URL host: inside other text it is a terminal escape (`\E[4::%p1%dm`), a format
 *   (`%d::`), a scope operator (`SHA-256::notice`) or a time.
 * - A dotted number after a word that introduces something else is not an address: a version (`version 1.2.3.4`,
 *   `>=1.2.3.4`, `curl/7.1.2.3`, `User-Agent: Foo 1.2.3.4`), a section of a document (`section 3.2.1.4`, `§ 4.1.2.3`),
 *   an object identifier (`OID 2.16.840.1`).
 * - A literal whose only use is its size (`sizeof("1234:5678:…")`, `strlen("255.255.255.255")`) is a template of the
 *   widest text, never connected to.
 * - A literal a function returns is bound to the function's name (`get_api_version() { return "1.11.2.100"; }`).
 * - An address in a URL's path or query is what the request is about (`https://ipinfo.example/8.8.8.8`); the URL's
 *   host is what the program connects to.
 */
import { Frame, walkerFor } from '../syntax/ancestry';
import { StringFact } from '../syntax/facts';
import { enclosingNamedFunction } from '../syntax/scope';
import { ScanDocument } from './kind';

/** How far before an address the words that make it something else are looked for. */
export const INTRODUCER_WINDOW = 48;

/**
 * Words just before a dotted number that make it a version, a requirement, a section number (of a document or
 * a standard) or an object identifier. A product token (`Name/1.2.3.4`) must start its own word: `http://host/1.2.3.4` is a path.
 */
const NOT_ADDRESS_BEFORE = new RegExp(
  [
    String.raw`(?:\bversion|\bver|\brelease|\bbuild|\brev|\bv)\s*[:=]?\s*$`, // version 1.2.3.4, v1.2.3.4
    String.raw`[=<>~!^]=?\s*$`, // >=1.2.3.4
    String.raw`\b(?:sections?|sect|sec|clauses?|chapters?|chap|paragraphs?|para|appendix|figure|fig|tables?|steps?|items?|rules?|oid|arc)\.?\s*$`,
    String.raw`§\s*$`,
    // A clause of a standard: `C99 6.10.3.5`, `C++17 8.2.1.3`, `RFC 4291 2.5.5.2`, `ISO/IEC 9899:2011 6.7.2.1`.
    String.raw`\bc(?:\+\+)?(?:89|90|95|99|11|14|17|18|20|23|26|0x|1[xyz]|2[abc])\s*$`,
    String.raw`\b(?:iso(?:\/iec)?|ansi|posix|ieee(?:\s+std)?|ecma|rfc)[\s/-]*\d{1,6}(?:[.-]\d+)?(?::\d{4})?,?\s*$`,
    String.raw`(?:^|[\s(;,"'])[A-Za-z][\w.+-]*\/$`, // curl/7.1.2.3, Apache/2.4.41.1
    // A container image's tag: `registry.example.com/db/free:23.7.0.0-lite` (`imageTag` reads `image: oracle:19.3.0.0`).
    String.raw`[\w.-]\/[\w.\/-]*[\w-]:$`,
    // Headers that name software: its version follows the product name (`X-Mailer: Foo 1.2.3.4`).
    String.raw`\b(?:user-agent|server|x-mailer|x-powered-by|x-generator|x-mailer-version|generator|product)\s*:\s*[^\n:]*$`,
  ].join('|'),
  'i',
);

/** Whether the text before a dotted number says it is not an address. */
export function introducedAsNonAddress(before: string): boolean {
  return NOT_ADDRESS_BEFORE.test(before);
}

/** The explicit groups of an IPv6 address (`2001:db8::1` has three). */
function ipv6Groups(address: string): number {
  return address.split(':').filter((g) => g !== '').length;
}

/**
 * Whether a compressed IPv6 form with one or two groups stands where an address would: alone in its value (with an
 * optional prefix, zone or port), or as a bracketed host. `value` is the whole literal, `at`/`end` the address in it.
 */
export function shortIpv6StandsAlone(value: string, at: number, end: number, address: string): boolean {
  if (!address.includes('::') || ipv6Groups(address) > 2) return true;
  if (value[at - 1] === '[' && value[end] === ']') return value[at - 2] === '/' || at === 1;
  const before = value.slice(0, at).trim();
  const after = value.slice(end).replace(/^(?:\/\d{1,3}|%[\w.]+)/, '').trim();
  return before === '' && after === '';
}

/** Functions and operators whose argument is only measured: `sizeof("…")`, `strlen("…")`, `len("…")`. */
const MEASURED_BY = /(?:^|[^\w.])(?:sizeof|_countof|countof|lengthof|strlen|wcslen|len|ARRAY_SIZE)\s*\(?\s*$/;
const MEASURING_CALLEE = /^(?:strlen|wcslen|len|_countof|countof|lengthof|ARRAY_SIZE|sizeof)$/;

/** Whether a literal is only measured (its size makes a buffer), never used as the address it spells. */
export function onlyMeasured(doc: ScanDocument, fact: StringFact): boolean {
  if (fact.context?.kind === 'argument' && fact.context.callee !== undefined && MEASURING_CALLEE.test(fact.context.name)) return true;
  // The opening quote (and a C prefix such as `L`) sits just before the value.
  const before = doc.text.slice(Math.max(0, fact.start - 24), fact.start).replace(/(?:u8|[LuUR])?["'`]$/, '');
  return MEASURED_BY.test(before);
}

const RETURNS = new Set(['return_statement', 'return', 'return_expression']);

/**
 * The name of the function a literal is returned from (`return "1.11.2.100";` in `get_api_version`), or undefined
 * when the literal is not what a named function returns. Reads the tree only for literals with no binding of their own.
 */
export function returnedFromFunction(doc: ScanDocument, fact: StringFact): string | undefined {
  if (!doc.tree || fact.context !== undefined) return undefined;
  const frame = walkerFor(doc.tree, 'address-context').frameAt(fact.start, fact.end);
  let returned: Frame | undefined;
  for (let f = frame, depth = 0; f && depth < 4; f = f.parent, depth++) {
    if (RETURNS.has(f.type)) {
      returned = f;
      break;
    }
  }
  return returned ? enclosingNamedFunction(returned, doc.languageId)?.name : undefined;
}

/**
 * Whether an address stands in a URL's path or query (`https://api.ipstack.com/134.201.250.155?access_key=…`,
 * `…/country/8.8.8.8`): the subject of a request to the URL's host, not a host the program connects to.
 */
export function inUrlPathOrQuery(value: string, at: number): boolean {
  const scheme = value.lastIndexOf('://', at);
  if (scheme < 0) return false;
  const between = value.slice(scheme + 3, at);
  return /[/?#]/.test(between) && !/\s/.test(between);
}

/**
 * Whether an address is the tag of a container image: the value is bound to an `image` name and the address follows
 * the image's name and a colon (`image: oracle:19.3.0.0`). A registry given by address (`10.0.0.5:5000/app:1.0`)
 * starts the value and stays a host.
 */
export function imageTag(fact: StringFact, at: number): boolean {
  const name = fact.context?.name;
  return name !== undefined && /(?:^|[_.-])image$/i.test(name) && /^[\w./-]+:$/.test(fact.value.slice(0, at));
}
