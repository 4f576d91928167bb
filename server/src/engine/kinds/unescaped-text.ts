/**
 * The text with its backslash escapes read: what a JSON string, a log line or a C literal spells. A token pasted into
 * an escaped string (`"{\"token\": \"ghp_…\"}"`, `"line1\nghp_…"`, `https:\/\/hooks.slack.com\/services\/…`,
 * `\u0022xoxb-…`) is written with escapes around or inside it: a pattern's `\b` sees `\n` + `ghp_` as one word and
 * a webhook's `\/` breaks its path. Provider patterns run over the raw text and over the lines where an escape can
 * hide a token, decoded (`escapedLines`); offsets map back, so a finding covers the token as written.
 */

/**
 * Escapes that stand for one character; anything else after a backslash is left as written. Markup entities count
 * too (`&quot;`, `&#34;`, `&#x22;`, `&amp;`…): XML, HTML, SVG and draw.io files escape the quotes of JSON or
 * key/value text they hold in attributes.
 */
const ESCAPE = /\\(?:u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|([nrtbf])|([/"'\\]))|&(?:(quot|apos|amp|lt|gt)|#(\d{1,6})|#[xX]([0-9A-Fa-f]{1,6}));/g;

const ENTITIES: Readonly<Record<string, string>> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>' };

const CONTROL: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: ' ', f: ' ' };

export interface UnescapedText {
  /** The decoded text. */
  readonly text: string;
  /** Offset in the original text of each decoded character, plus one entry for the end. */
  readonly origin: Uint32Array;
}

/** Whether the text holds an escape this view reads (cheap; most files have none next to a token). */
export function hasEscapes(text: string): boolean {
  ESCAPE.lastIndex = 0;
  return ESCAPE.test(text);
}

/**
 * Decodes every escape once, left to right (so `\\n` is a backslash then `n`); linear in the text. Undefined when
 * nothing changes.
 */
export function unescapeText(text: string): UnescapedText | undefined {
  const parts: string[] = [];
  const origin = new Uint32Array(text.length + 1);
  let out = 0;
  let from = 0;
  let changed = false;
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(text); m; m = ESCAPE.exec(text)) {
    const [whole, unicode, hex, control, literal, entity, decimal, hexEntity] = m;
    const code = decimal ? parseInt(decimal, 10) : hexEntity ? parseInt(hexEntity, 16) : undefined;
    // A numeric entity beyond one UTF-16 unit is left as written: a token never needs one.
    if (code !== undefined && code > 0xffff) continue;
    for (let i = from; i < m.index; i++) origin[out++] = i;
    parts.push(text.slice(from, m.index));
    const ch = unicode
      ? String.fromCharCode(parseInt(unicode, 16))
      : hex
        ? String.fromCharCode(parseInt(hex, 16))
        : control
          ? CONTROL[control]
          : literal !== undefined
            ? literal
            : entity
              ? ENTITIES[entity]
              : String.fromCharCode(code!);
    parts.push(ch);
    // One decoded character (a surrogate half stays one UTF-16 unit) maps to the escape's first character.
    origin[out++] = m.index;
    from = m.index + whole.length;
    changed = true;
  }
  if (!changed) return undefined;
  for (let i = from; i < text.length; i++) origin[out++] = i;
  parts.push(text.slice(from));
  origin[out] = text.length;
  return { text: parts.join(''), origin: origin.subarray(0, out + 1) };
}

/**
 * The text with its escapes read twice when one reading leaves escapes (JSON inside a JSON string: `\\\"`, `\\\/`):
 * offsets of the second reading map through the first.
 */
export function unescapeTwice(text: string): UnescapedText | undefined {
  const once = unescapeText(text);
  if (!once || !once.text.includes('\\')) return once;
  const twice = unescapeText(once.text);
  if (!twice) return once;
  const origin = new Uint32Array(twice.origin.length);
  for (let i = 0; i < origin.length; i++) origin[i] = once.origin[twice.origin[i]];
  return { text: twice.text, origin };
}

/**
 * Where escapes can hide a token: an escape right before a letter or digit (`\\nghp_…`, `\\u0022xoxb-…`, where a
 * pattern's `\\b` sees one word), an escaped slash (`https:\\/\\/hooks…`), or a quote written escaped before a
 * name (`\\"kty\\"`) or as a markup entity (`&quot;kty&quot;`) — a pattern that reads quotes sees none. `"…\\n"` at the end of a string does not.
 */
const HIDING_ESCAPE = /\\(?:[nrtbf"]|u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2})[A-Za-z0-9]|\\\/|&(?:quot|apos|#3[49]|#[xX]2[27]);/g;

/**
 * The lines where escapes can hide a token, with their escapes read (twice for JSON inside a JSON string), joined
 * by line breaks; offsets map back to the text. Only those lines are decoded: most files have escapes, few next to
 * a token, and a pattern searching the raw text already finds the others. Undefined when no line has one.
 */
export function escapedLines(text: string): UnescapedText | undefined {
  const parts: string[] = [];
  const origins: Uint32Array[] = [];
  let length = 0;
  let lineEnd = -1;
  HIDING_ESCAPE.lastIndex = 0;
  for (let m = HIDING_ESCAPE.exec(text); m; m = HIDING_ESCAPE.exec(text)) {
    if (m.index < lineEnd) continue;
    const start = text.lastIndexOf('\n', m.index) + 1;
    const newline = text.indexOf('\n', m.index);
    lineEnd = newline < 0 ? text.length : newline;
    HIDING_ESCAPE.lastIndex = lineEnd;
    const line = text.slice(start, lineEnd);
    const view = unescapeTwice(line);
    if (!view) continue;
    // Each line's decoded text, then a line break standing for the one that ends it.
    const origin = new Uint32Array(view.text.length + 1);
    for (let i = 0; i < view.text.length; i++) origin[i] = start + view.origin[i];
    origin[view.text.length] = lineEnd;
    parts.push(view.text, '\n');
    origins.push(origin);
    length += view.text.length + 1;
  }
  if (parts.length === 0) return undefined;
  const origin = new Uint32Array(length + 1);
  let at = 0;
  for (const o of origins) {
    origin.set(o, at);
    at += o.length;
  }
  origin[length] = text.length;
  return { text: parts.join(''), origin };
}

/** The original span of a decoded span: from its first character's escape to the end of its last one. */
export function originalSpan(view: UnescapedText, start: number, end: number): { start: number; end: number } {
  return { start: view.origin[start], end: end > start ? view.origin[end] : view.origin[start] };
}
