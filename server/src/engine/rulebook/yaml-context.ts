/**
 * Where the cursor is in a rulebook being typed: the key path of the mapping or list around it, whether a key or
 * a value goes there, and what has been typed so far. Text being edited is rarely valid YAML (`    sev` under a
 * rule, `languages: [c, ` …), so this reads indentation line by line — as YAML itself does — instead of parsing.
 */

export interface KeyToken {
  /** The key without quotes. */
  readonly name: string;
  /** Zero-based columns of the key as written (quotes included) and of its value. */
  readonly col: number;
  readonly end: number;
  readonly valueCol: number;
  /** The value as written on this line, without a trailing comment. */
  readonly value: string;
}

export interface LineShape {
  /** Columns of `- ` list markers, left to right. */
  readonly dashes: readonly number[];
  /** Column after indentation and list markers. */
  readonly contentCol: number;
  readonly key?: KeyToken;
  /** Nothing but spaces or a comment. */
  readonly blank: boolean;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[\]},][^#]*?)\s*:(?=\s|$)/;

function unquote(key: string): string {
  if (key.startsWith('"')) return key.slice(1, -1).replace(/\\(.)/g, '$1');
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key.trim();
}

function stripComment(value: string): string {
  let quote: string | undefined;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#' && (i === 0 || /\s/.test(value[i - 1]))) return value.slice(0, i).trimEnd();
  }
  return value.trimEnd();
}

export function shapeOf(line: string): LineShape {
  let i = 0;
  while (line[i] === ' ') i++;
  const dashes: number[] = [];
  while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
    dashes.push(i);
    i++;
    while (line[i] === ' ') i++;
  }
  const rest = line.slice(i);
  const blank = dashes.length === 0 && (rest.trim() === '' || rest.startsWith('#'));
  const m = KEY.exec(rest);
  if (!m) return { dashes, contentCol: i, blank };
  const valueStart = i + m[0].length;
  const raw = line.slice(valueStart);
  const valueCol = valueStart + (raw.length - raw.trimStart().length);
  return { dashes, contentCol: i, blank, key: { name: unquote(m[1]), col: i, end: i + m[1].length, valueCol, value: stripComment(raw.trimStart()) } };
}

/** `|`, `>-`, `|2+`… : the value continues on the lines below as a block of text. */
const isBlockIndicator = (value: string): boolean => /^[|>][0-9+-]*$/.test(value);

type Looking = 'key' | 'item';

/**
 * The key path of the container holding something at `column` on line `from` (a key, or a `- ` item), found by
 * walking up to lines with smaller indentation. Only the part of line `from` left of `column` is looked at.
 * Undefined when the position is inside a block scalar (`query: |`).
 */
export function ancestorsOf(shapes: readonly LineShape[], from: number, column: number, looking: Looking): string[] | undefined {
  const path: string[] = [];
  let t = column;
  let mode = looking;
  for (let i = from; i >= 0; i--) {
    const s = shapes[i];
    if (s.blank) continue;
    const tokens: { col: number; key?: KeyToken }[] = [...s.dashes.map((col) => ({ col })), ...(s.key ? [{ col: s.key.col, key: s.key }] : [])];
    tokens.sort((a, b) => b.col - a.col);
    for (const token of tokens) {
      if (i === from && token.col >= column) continue;
      if (mode === 'key') {
        if (token.col >= t) continue;
        if (token.key) {
          if (isBlockIndicator(token.key.value)) return undefined;
          path.unshift(token.key.name);
        } else {
          path.unshift('*');
          mode = 'item';
        }
        t = token.col;
      } else if (token.key ? token.col <= t : token.col < t) {
        // A list's parent key may sit at the same column as its `- ` markers.
        if (token.key) {
          path.unshift(token.key.name);
          mode = 'key';
        } else {
          path.unshift('*');
        }
        t = token.col;
      }
    }
    if (mode === 'key' && t === 0) break;
  }
  return path;
}

/**
 * Keys of the mapping whose keys sit at `column` around line `at`, up to where that mapping ends. A line that
 * opens a new list item (`- id: …`) starts its mapping: nothing above it belongs to it (`scanUp` false).
 */
export function siblingKeys(shapes: readonly LineShape[], at: number, column: number, scanUp: boolean): Map<string, { value: string; line: number }> {
  const keys = new Map<string, { value: string; line: number }>();
  /** Records a key at the column; false when the line lies outside the mapping (anything left of its keys). */
  const visit = (i: number): boolean => {
    const s = shapes[i];
    if (s.blank) return true;
    if (s.key && s.key.col === column) keys.set(s.key.name, { value: s.key.value, line: i });
    return Math.min(...s.dashes, s.contentCol) >= column;
  };
  // Upwards, the line with the `- ` that opens this item is the mapping's first line: recorded, then stop.
  for (let i = at - 1; scanUp && i >= 0 && visit(i); i--);
  for (let i = at + 1; i < shapes.length && visit(i); i++);
  return keys;
}

export interface CursorContext {
  /** `key`: a key of the mapping at `path` goes here; `value`: the value at `path`. */
  readonly position: 'key' | 'value';
  /** Key path, `*` for list items. For a value, it ends with its key (and `*` inside a flow list). */
  readonly path: readonly string[];
  /** What is typed so far at the cursor, and the column it starts at (the range a completion replaces). */
  readonly partial: string;
  readonly partialStart: number;
  /** The other keys of the mapping, with their values (`kind: pattern` decides which rule keys apply). */
  readonly siblings: ReadonlyMap<string, { value: string; line: number }>;
}

/** Inside `{ …` or `[ …` on the cursor's line: the path below the key, and whether a key or value comes next. */
function flowContext(text: string): { segments: string[]; position: 'key' | 'value'; partial: string; partialOffset: number } {
  const stack: { type: 'map' | 'list'; key?: string; tokenStart: number }[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      continue;
    }
    const top = stack[stack.length - 1];
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{' || ch === '[') stack.push({ type: ch === '{' ? 'map' : 'list', tokenStart: i + 1 });
    else if (ch === '}' || ch === ']') stack.pop();
    else if (ch === ',' && top) {
      top.key = undefined;
      top.tokenStart = i + 1;
    } else if (ch === ':' && top?.type === 'map' && top.key === undefined && /\s/.test(text[i + 1] ?? ' ')) {
      top.key = unquote(text.slice(top.tokenStart, i).trim());
      top.tokenStart = i + 1;
    }
  }
  const segments: string[] = [];
  let position: 'key' | 'value' = 'value';
  stack.forEach((level, i) => {
    const last = i === stack.length - 1;
    if (level.type === 'list') segments.push('*');
    else if (level.key !== undefined) segments.push(level.key);
    else if (last) position = 'key';
  });
  const top = stack[stack.length - 1];
  const start = top ? top.tokenStart : 0;
  const raw = text.slice(start);
  const partial = raw.trimStart().replace(/^["']/, '');
  return { segments, position, partial, partialOffset: start + (raw.length - partial.length) };
}

/** The context at a zero-based line and character of a rulebook's text. Undefined inside block scalars. */
export function cursorContext(text: string, line: number, character: number): CursorContext | undefined {
  const lines = text.split(/\r?\n/);
  const current = lines[line] ?? '';
  const prefix = current.slice(0, character);
  const shapes = lines.map((l, i) => (i === line ? shapeOf(prefix) : shapeOf(l)));
  const here = shapes[line];
  if (here.key) {
    const container = ancestorsOf(shapes, line, here.key.col, 'key');
    if (!container) return undefined;
    const siblings = siblingKeys(shapes, line, here.key.col, here.dashes.length === 0);
    const valueText = prefix.slice(here.key.valueCol);
    const flow = flowContext(valueText);
    return {
      position: flow.position,
      path: [...container, here.key.name, ...flow.segments],
      partial: flow.partial,
      partialStart: here.key.valueCol + flow.partialOffset,
      siblings: flow.segments.length === 0 ? siblings : new Map(),
    };
  }
  if (here.key === undefined && /^\s*#/.test(prefix.slice(here.contentCol))) return undefined;
  const partial = prefix.slice(here.contentCol);
  const lastDash = here.dashes[here.dashes.length - 1];
  if (lastDash !== undefined) {
    const list = ancestorsOf(shapes, line, lastDash, 'item');
    if (!list) return undefined;
    return { position: 'value', path: [...list, '*'], partial, partialStart: here.contentCol, siblings: siblingKeys(shapes, line, here.contentCol, false) };
  }
  const column = here.contentCol;
  const container = ancestorsOf(shapes, line, column, 'key');
  if (!container) return undefined;
  return { position: 'key', path: container, partial, partialStart: column, siblings: siblingKeys(shapes, line, column, true) };
}
