/**
 * `ip`: hardcoded IPv4 and IPv6 addresses in string literals and config values, with an optional port, mask or URL
 * around them. Not addresses: versions and OIDs (more than four parts, or bound to `version`/`release`/`oid`),
 * netmasks, and whatever the rule's allow list holds (loopback, unspecified, documentation ranges by default).
 */
import { BlockList, isIPv4, isIPv6 } from 'net';
import { RegexSyntaxError, compileRuleRegex, RuleRegex } from '../regex';
import { IpRule } from '../rulebook/types';
import { StringFact } from '../syntax/facts';
import { InnerPair, innerPairs } from '../syntax/inner-pairs';
import { Matcher, PrefilterInput, RawMatch, RuleKind, ScanDocument } from './kind';
import { onNonCodeLine } from './keyword-prefilters';
import { snakeCase } from './secret-values';
import { exactOnEachLine } from './line-prefilter';
import { INTRODUCER_WINDOW, imageTag, inUrlPathOrQuery, introducedAsNonAddress, onlyMeasured, returnedFromFunction, shortIpv6StandsAlone } from './address-context';
import { checkBudget } from '../budget';

// Not part of a longer dotted name: `10.10.10.10.example.com` is a host name, `1.2.3.4.5` an OID.
const IPV4 = /(?<![\w.])(\d{1,3}(?:\.\d{1,3}){3})(?!\w|\.\w)/g;
const IPV6 = /(?<![\w:.])((?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?)(?:%[\w.]+)?(?![\w:.])/g;

/** Cheap tests before any parse. */
const IPV4_HINT = /\d\.\d{1,3}\.\d{1,3}\.\d/;
// Colons first (a fast literal scan), then a digit nearby: C++'s `std::` alone is no hint of an IPv6 address.
const IPV6_COLONS = /::|:[0-9a-f]{1,4}:[0-9a-f]{1,4}:/g;

function ipv6Hint(lower: string): boolean {
  IPV6_COLONS.lastIndex = 0;
  for (let m = IPV6_COLONS.exec(lower); m; m = IPV6_COLONS.exec(lower)) {
    // Only on the colons' own line, so that the hint of a file is the hint of one of its lines (line prefilters).
    const before = lower.slice(Math.max(0, m.index - 4), m.index).split('\n').pop()!;
    const after = lower.slice(m.index + m[0].length, m.index + m[0].length + 4).split('\n')[0];
    if (/\d/.test(before + m[0] + after)) return true;
  }
  return false;
}

/** Contiguous ones followed by zeros (255.255.255.0), or the inverse, a wildcard or host mask (0.0.0.255, 0.0.0.31). */
function isMask(address: string): boolean {
  const bits = address
    .split('.')
    .map((part) => Number(part).toString(2).padStart(8, '0'))
    .join('');
  return (/^1+0*$/.test(bits) && bits.startsWith('1111')) || /^0{8,}1+$/.test(bits);
}

interface Range {
  readonly type: 'ipv4' | 'ipv6';
  readonly prefix: number;
  readonly block: BlockList;
}

/** Special-purpose blocks written as ranges (`10.0.0.0/8` in code that classifies addresses) are names, not hosts. */
function rangeList(entries: readonly string[], report: (message: string, i: number) => void): Range[] {
  const ranges: Range[] = [];
  entries.forEach((entry, i) => {
    const [address, prefixText] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
    const prefix = Number(prefixText);
    if (!type || prefixText === undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (type === 'ipv4' ? 32 : 128)) {
      report(`not a CIDR range: ${entry}`, i);
      return;
    }
    const block = new BlockList();
    block.addSubnet(address, prefix, type);
    ranges.push({ type, prefix, block });
  });
  return ranges;
}

function allowList(entries: readonly string[], report: (message: string, i: number) => void): BlockList {
  const list = new BlockList();
  entries.forEach((entry, i) => {
    const [address, prefix] = entry.split('/');
    const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
    if (!type) {
      report(`not an IP address or CIDR range: ${entry}`, i);
      return;
    }
    if (prefix === undefined) list.addAddress(address, type);
    else {
      const bits = Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (type === 'ipv4' ? 32 : 128)) {
        report(`invalid prefix length in ${entry}`, i);
        return;
      }
      list.addSubnet(address, bits, type);
    }
  });
  return list;
}

interface FoundAddress {
  readonly start: number;
  readonly end: number;
  readonly address: string;
  readonly type: 'ipv4' | 'ipv6';
  /** The prefix length when the address is written as a range: `10.0.0.0/8` → 8. */
  readonly prefix?: number;
}

function addressesIn(fact: StringFact, ipv6: boolean): FoundAddress[] {
  const value = fact.value;
  const prefixAfter = (end: number): number | undefined => {
    const m = /^\/(\d{1,3})(?!\d)/.exec(value.slice(end - fact.start, end - fact.start + 5));
    return m ? Number(m[1]) : undefined;
  };
  // IPv6 first: `::ffff:10.1.2.3` is one IPv6 address, and the IPv4 address inside it is not reported again.
  const v6: FoundAddress[] = [];
  if (ipv6 && value.includes(':')) {
    for (const m of value.matchAll(IPV6)) {
      const address = m[1];
      if (!isIPv6(address) || !/[0-9a-f]/i.test(address)) continue;
      // "12:30:45" is a time, "00:1a:2b:3c:4d:5e" a MAC: net.isIPv6 already rejects both; `4::` inside other text
      // is an escape sequence, a format or a scope operator.
      if (!shortIpv6StandsAlone(value, m.index, m.index + address.length, address)) continue;
      const start = fact.start + m.index;
      const end = start + address.length;
      v6.push({ start, end, address, type: 'ipv6', prefix: prefixAfter(end) });
    }
  }
  const found: FoundAddress[] = [];
  let next = 0;
  for (const m of value.matchAll(IPV4)) {
    const before = value.slice(Math.max(0, m.index - INTRODUCER_WINDOW), m.index);
    // `version 1.2.3.4`, `section 3.2.1.4`, `curl/7.1.2.3`: a dotted number introduced as something else.
    if (/\d\.$/.test(before) || introducedAsNonAddress(before) || inUrlPathOrQuery(value, m.index)) continue;
    const start = fact.start + m.index;
    const end = start + m[1].length;
    // Both lists are in order: skip the IPv6 addresses that end before this one, then see if the next holds it.
    while (next < v6.length && v6[next].end < end) next++;
    if (next < v6.length && v6[next].start <= start && end <= v6[next].end) continue;
    if (isIPv4(m[1])) found.push({ start, end, address: m[1], type: 'ipv4', prefix: prefixAfter(end) });
  }
  return v6.length === 0 ? found : [...found, ...v6].sort((a, b) => a.start - b.start);
}

/**
 * The keys inside a string's JSON or query text (`{"senderIP":"…"}`, `?requester_ip=…`, read by `innerPairs`) that
 * a rule's ignored names match: the spans of their values, in order. Read once per string.
 */
function ignoredInnerSpans(fact: StringFact, ignoreNames: RuleRegex): InnerPair[] {
  return innerPairs(fact.value)
    .filter((pair) => ignoreNames.test(snakeCase(pair.name)))
    .sort((a, b) => a.start - b.start);
}

/** Whether offset `at` lies in one of `spans` (sorted by start; values do not overlap). */
function inSpans(spans: readonly InnerPair[], at: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid].start > at) high = mid - 1;
    else if (spans[mid].end <= at) low = mid + 1;
    else return true;
  }
  return false;
}

/** Some address in the text (`valid` by its kind) that `flaggable` accepts, on a code line when the text is code. */
function anyAddress(text: string, pattern: RegExp, valid: (address: string) => boolean, parsed: boolean, flaggable: (address: string) => boolean): boolean {
  for (const m of text.matchAll(pattern)) {
    const address = m[1];
    if (valid(address) && flaggable(address) && !(parsed && onNonCodeLine(text, m.index))) return true;
  }
  return false;
}

export const ipKind: RuleKind = {
  kind: 'ip',
  compileAllow(entries, report) {
    const allowed = allowList(entries, (message, i) => report(i, message));
    return (token) => (isIPv4(token) ? allowed.check(token, 'ipv4') : isIPv6(token) ? allowed.check(token, 'ipv6') : false);
  },
  compile(rule, { trusted, report }): Matcher | undefined {
    const ipRule = rule as IpRule;
    const allowed = allowList(ipRule.allow ?? [], (message, i) => report(['allow', i], message));
    const ranges = rangeList(ipRule.allow_ranges ?? [], (message, i) => report(['allow_ranges', i], message));
    const isAllowedRange = (found: FoundAddress): boolean =>
      found.prefix !== undefined && ranges.some((r) => r.type === found.type && r.prefix === found.prefix && r.block.check(found.address, found.type));
    let ignoreNames: RuleRegex | undefined;
    if (ipRule.ignore_names) {
      try {
        ignoreNames = compileRuleRegex(ipRule.ignore_names, { trusted, caseInsensitive: true });
      } catch (err) {
        report(['ignore_names'], err instanceof RegexSyntaxError ? err.message : String(err));
      }
    }
    const ipv6 = ipRule.ipv6 ?? true;
    // Only an address the matcher could flag makes a file worth parsing: not loopback, `0.0.0.0`, a netmask or
    // an allowed address (most dotted quads in headers and bundles), and in code not on a comment line.
    const flaggable = (address: string, type: 'ipv4' | 'ipv6'): boolean => !(type === 'ipv4' && isMask(address)) && !allowed.check(address, type);
    const prefilter = ({ text, lower, parsed }: PrefilterInput): boolean =>
      (IPV4_HINT.test(text) && anyAddress(text, IPV4, isIPv4, parsed, (a) => flaggable(a, 'ipv4'))) ||
      (ipv6 && ipv6Hint(lower) && anyAddress(text, IPV6, isIPv6, parsed, (a) => flaggable(a, 'ipv6')));
    return {
      needsTree: true,
      prefilter,
      linePrefilter: exactOnEachLine(prefilter),
      // An address is found on its own line.
      stringReach: 0,
      match(doc: ScanDocument): RawMatch[] {
        const matches: RawMatch[] = [];
        for (const fact of doc.strings()) {
          checkBudget();
          if (fact.standalone) continue;
          if (fact.context && ignoreNames?.test(snakeCase(fact.context.name))) continue;
          let ignoredSpans: InnerPair[] | undefined;
          // An address that is the value of an ignored key inside the string's own JSON or query text.
          const ignoredInside = (at: number): boolean =>
            ignoreNames !== undefined && at > 0 && inSpans((ignoredSpans ??= ignoredInnerSpans(fact, ignoreNames)), at);
          const flagged = addressesIn(fact, ipv6).filter(
            (found) =>
              !(found.type === 'ipv4' && isMask(found.address)) &&
              !allowed.check(found.address, found.type) &&
              !isAllowedRange(found) &&
              !ignoredInside(found.start - fact.start) &&
              !imageTag(fact, found.start - fact.start),
          );
          if (flagged.length === 0) continue;
          // A template measured for a buffer's size, or what a function named for a version returns, is no host.
          if (onlyMeasured(doc, fact)) continue;
          const returnedFrom = ignoreNames ? returnedFromFunction(doc, fact) : undefined;
          if (returnedFrom !== undefined && ignoreNames!.test(snakeCase(returnedFrom))) continue;
          for (const found of flagged) matches.push({ start: found.start, end: found.end, vars: { value: found.address } });
        }
        return matches;
      },
    };
  },
};
