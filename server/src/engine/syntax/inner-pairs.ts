/**
 * Key/value text inside one string value: JSON serialised into a string (`"{\"password\": \"…\"}"`), markup that
 * escapes it (`value="{&quot;password&quot;: &quot;…&quot;}"` in draw.io, SVG, XML and HTML attributes), query
 * strings and option lists (`"user=app&password=…"`), and `key: value` text. The value is read decoded (backslash
 * escapes and markup entities, `unescaped-text.ts`), tags are left out, and each pair is returned with the span of
 * its value as written, so a finding covers the escaped text in the file.
 *
 * Linear: one decoding pass and three regexes over the value, each advancing; called only for values that hold one
 * of a rule's keywords and a `:` or `=`.
 */
import { unescapeTwice } from '../kinds/unescaped-text';

export interface InnerPair {
  readonly name: string;
  /** The value's span in the string value as written (offsets into it). */
  readonly start: number;
  readonly end: number;
  /** The value decoded. */
  readonly value: string;
  /** True when escapes or entities had to be read to find the pair. */
  readonly escaped: boolean;
}

const JSON_PAIR = /"([A-Za-z_$@][\w.$@-]{0,63})"\s*:\s*"((?:[^"\\\n]|\\.){1,512})"/g;
/** `name=value` in query strings, option lists and connection strings, ended by `&`, `;`, `,`, a quote or a space. */
const EQUALS_PAIR = /(?:^|[\s&;,?{(])([A-Za-z_][\w.-]{0,63})\s*=\s*([^\s&;,"'<>(){}]{1,256})/g;
/** `name: value` (YAML-like text, HTML that says `password: …`); a space after the colon keeps URLs out. */
const COLON_PAIR = /(?:^|[\s{,;>])["']?([A-Za-z_][\w.-]{0,63})["']?\s*:\s+["']?([^\s"',;<>(){}]{1,256})/g;
/** A tag, read as white space of the same length (offsets stay put). */
const TAG = /<\/?[A-Za-z][^<>]{0,200}>/g;

export function innerPairs(raw: string): InnerPair[] {
  const decoded = unescapeTwice(raw);
  const text = (decoded?.text ?? raw).replace(TAG, (tag) => ' '.repeat(tag.length));
  const toRaw = (i: number): number => (decoded ? decoded.origin[i] : i);
  const out: InnerPair[] = [];
  const taken = new Set<number>();
  for (const re of [JSON_PAIR, EQUALS_PAIR, COLON_PAIR]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const value = m[2];
      const at = m.index + m[0].length - value.length - (re === JSON_PAIR ? 1 : 0);
      if (taken.has(at)) continue;
      taken.add(at);
      const start = toRaw(at);
      const end = toRaw(at + value.length);
      out.push({ name: m[1], start, end, value: re === JSON_PAIR ? (unescapeTwice(value)?.text ?? value) : value, escaped: decoded !== undefined });
    }
  }
  return out;
}
