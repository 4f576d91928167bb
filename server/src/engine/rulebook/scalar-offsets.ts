/**
 * Maps a character of a YAML scalar's value back to its offset in the rulebook's source, so a problem inside a
 * regex, a tree-sitter query or an example's code points at the exact line and column a lead wrote it on.
 *
 * Exact for the forms leads write these in: plain and quoted scalars on one line (escapes included) and literal
 * blocks (`|`). Folded and multi-line flow scalars join lines, so their characters have no single source position:
 * those return undefined and callers fall back to the value's start.
 */

type Range = readonly [number, number, number] | readonly number[];

function plainOffsets(text: string, range: Range, value: string): number[] | undefined {
  const source = text.slice(range[0], range[1]);
  if (source !== value) return undefined;
  return Array.from({ length: value.length }, (_, i) => range[0] + i);
}

function singleQuotedOffsets(text: string, range: Range): number[] | undefined {
  const offsets: number[] = [];
  for (let i = range[0] + 1; i < range[1] - 1; i++) {
    if (text[i] === '\n' || text[i] === '\r') return undefined;
    offsets.push(i);
    if (text[i] === "'" && text[i + 1] === "'") i++;
  }
  return offsets;
}

/** Source length of a double-quoted escape at `i` (which is a backslash) and how many UTF-16 units it produces. */
function escapeAt(text: string, i: number): { length: number; units: number } | undefined {
  const next = text[i + 1];
  if (next === '\n' || next === '\r' || next === undefined) return undefined;
  const hex = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
  if (hex === 0) return { length: 2, units: 1 };
  const codePoint = parseInt(text.slice(i + 2, i + 2 + hex), 16);
  if (Number.isNaN(codePoint)) return undefined;
  return { length: 2 + hex, units: codePoint > 0xffff ? 2 : 1 };
}

function doubleQuotedOffsets(text: string, range: Range): number[] | undefined {
  const offsets: number[] = [];
  for (let i = range[0] + 1; i < range[1] - 1; ) {
    if (text[i] === '\n' || text[i] === '\r') return undefined;
    if (text[i] !== '\\') {
      offsets.push(i++);
      continue;
    }
    const escape = escapeAt(text, i);
    if (!escape) return undefined;
    for (let u = 0; u < escape.units; u++) offsets.push(i);
    i += escape.length;
  }
  return offsets;
}

function literalBlockOffsets(text: string, range: Range): number[] | undefined {
  const headerEnd = text.indexOf('\n', range[0]);
  if (headerEnd < 0 || headerEnd > range[1]) return [];
  // An explicit indentation indicator (`|2`) is relative to the parent's indentation: rare, and not worth guessing.
  if (/\d/.test(text.slice(range[0], headerEnd).replace(/#.*$/, ''))) return undefined;
  const lines: { start: number; end: number }[] = [];
  for (let start = headerEnd + 1; start < range[1]; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 || newline > range[1] ? range[1] : newline;
    lines.push({ start, end });
    start = end + 1;
  }
  const firstContent = lines.find((l) => text.slice(l.start, l.end).trim() !== '');
  if (!firstContent) return [];
  const indent = /^ */.exec(text.slice(firstContent.start, firstContent.end))![0].length;
  const offsets: number[] = [];
  for (const line of lines) {
    const end = text[line.end - 1] === '\r' ? line.end - 1 : line.end;
    for (let i = line.start + indent; i < end; i++) offsets.push(i);
    offsets.push(end);
  }
  return offsets;
}

/** Offsets in `text` of each UTF-16 unit of the scalar's value, or undefined when they have no single position. */
export function scalarValueOffsets(text: string, range: Range, type: string | undefined, value: string): number[] | undefined {
  let offsets: number[] | undefined;
  switch (type) {
    case 'PLAIN':
      offsets = plainOffsets(text, range, value);
      break;
    case 'QUOTE_SINGLE':
      offsets = singleQuotedOffsets(text, range);
      break;
    case 'QUOTE_DOUBLE':
      offsets = doubleQuotedOffsets(text, range);
      break;
    case 'BLOCK_LITERAL':
      offsets = literalBlockOffsets(text, range);
      break;
    default:
      return undefined;
  }
  // Chomping may drop trailing newlines from a block; anything else that disagrees means the mapping is wrong.
  if (!offsets || offsets.length < value.length) return undefined;
  return offsets;
}

/** The source offset of value character `valueOffset` (one past the last character maps just after it). */
export function scalarSourceOffset(text: string, range: Range, type: string | undefined, value: string, valueOffset: number): number | undefined {
  const offsets = scalarValueOffsets(text, range, type, value);
  if (!offsets || valueOffset < 0 || valueOffset > value.length) return undefined;
  if (valueOffset < value.length) return offsets[valueOffset];
  return value.length === 0 ? undefined : offsets[value.length - 1] + 1;
}
