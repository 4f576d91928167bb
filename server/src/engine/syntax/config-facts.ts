/**
 * Facts from config and data files that have no grammar here (.env, .ini, .properties, YAML, JSON, XML, TOML,
 * Dockerfile, other text): a key/value reading, line by line, that yields each value with its key as context and
 * each comment. It is deliberately forgiving: a file that is not valid in its format still yields what it can.
 *
 * Name/value records (`- name: DB_PASSWORD` + `value: …` in Kubernetes YAML, `{"name": …, "value": …}` in JSON,
 * `<name>…</name><value>…</value>` in Hadoop-style XML) bind the value to the name, not to the word `value`.
 */
import { ConfigLanguageId, LANGUAGES } from '../languages';
import { CommentFact, StringFact } from './facts';
import { lastIdentifier } from './tree-util';
import { checkBudget } from '../budget';
import { textBindings } from './text-bindings';

export interface ConfigFacts {
  readonly strings: StringFact[];
  readonly comments: CommentFact[];
}

type Lang = ConfigLanguageId | 'text';

const KEY_VALUE =
  /^(\s*(?:-\s+)?(?:(?:export|override)\s+)?)(["']?)(\/\/[^\s=]+|[A-Za-z_@$][\w.\-@$[\]]*)\2(\s*(?:=>|::?=|\?=|\+=|=|:(?=\s|$))\s*)(.*)$/;
const DOCKER_ENV = /^(\s*(?:ENV|ARG)\s+)(.*)$/i;
/**
 * A declaration in a language without a grammar here (Kotlin, Swift, Rust, Scala, Dart, Lua, Perl…), read from
 * unknown text files: `val password = "…"`, `let apiKey: String = "…"`, `private const val TOKEN = "…"`.
 */
const TEXT_DECLARATION =
  /^(\s*(?:(?:pub|public|private|internal|protected|static|final|const|let|var|val|mut|my|our|local|lazy|override|readonly)\s+)+\$?)([A-Za-z_]\w*)(\s*(?::\s*[\w.<>[\], ?]+?)?\s*:?=\s*)(["'])((?:[^"'\\]|\\.)*)\4/;
const DOCKER_PAIR = /([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|'[^']*'|\S*)/g;
const JSON_PAIR = /"((?:[^"\\]|\\.){1,128})"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
const JSON_STRING = /"((?:[^"\\]|\\.)*)"/g;
const XML_ELEMENT = /<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>([^<]{1,512})<\/\1\s*>/g;
const XML_ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(["'])([^"'<>]{0,512})\2/g;
const XML_KEYED = /\b(?:key|name)\s*=\s*(["'])([^"']{1,128})\1[^>]*?\bvalue\s*=\s*(["'])([^"']*)\3/gi;
const XML_NAME_VALUE = /<(name|key)>\s*([^<]{1,128}?)\s*<\/\1>\s*(?:<!--[\s\S]{0,200}?-->\s*)?<value>([^<]{1,512})<\/value>/gi;
/** Keys of a name/value record and the key that holds the value. */
const RECORD_NAME = /^(?:name|key)$/i;
const RECORD_VALUE = /^value$/i;
/** YAML node properties before a scalar: an anchor `&a` or a tag `!secret`. */
const YAML_PROPERTIES = /^(?:(?:&[^\s]+|![^\s]*)\s+)+/;

function push(facts: StringFact[], key: string, start: number, value: string, path = '', shape?: string): void {
  const name = lastIdentifier(key);
  const fullName = path ? `${path}.${key}` : key;
  facts.push({
    start,
    end: start + value.length,
    value,
    interpolated: false,
    fromConfig: true,
    context: name ? { kind: 'key', name, fullName: fullName.slice(-120) } : undefined,
    ...(shape ? { shape } : {}),
  });
}

/** A unified diff or a patch (`git diff`, `git format-patch`, `diff -u`): its added lines are read, without the `+`. */
const PATCH_START = /^(?:diff --git |diff -[A-Za-z]*u|Index: |--- \S|@@ -\d)/m;
/** How much of a text file is looked at to tell a patch. */
const PATCH_PROBE = 65536;

/** Splits a raw value into its unquoted span, dropping a trailing ` # comment` from unquoted values. */
function valueSpan(raw: string, commentOpeners: readonly string[]): { offset: number; value: string } | undefined {
  const leading = raw.length - raw.trimStart().length;
  const body = raw.trim();
  if (body === '') return undefined;
  const quote = body[0];
  if (quote === '"' || quote === "'" || quote === '`') {
    const close = body.indexOf(quote, 1);
    if (close > 0) return { offset: leading + 1, value: body.slice(1, close) };
    return { offset: leading + 1, value: body.slice(1) };
  }
  let value = body;
  for (const opener of commentOpeners) {
    const at = value.indexOf(` ${opener}`);
    if (at >= 0) value = value.slice(0, at);
  }
  value = value.replace(/[,;]\s*$/, '').trimEnd();
  return value ? { offset: leading, value } : undefined;
}

function commentAt(line: string, openers: readonly string[]): number {
  const trimmed = line.trimStart();
  // `#define NAME "…"` read as text (a header template, a patch) is a definition, not a comment.
  if (trimmed.startsWith('#') && /^#\s*define\s/.test(trimmed)) return -1;
  for (const opener of openers) if (trimmed.startsWith(opener)) return line.length - trimmed.length;
  return -1;
}

/** The name of the current name/value record in a YAML-like list, keyed by the column its keys start at. */
interface RecordName {
  readonly column: number;
  readonly line: number;
  readonly name: string;
}

export function configFacts(lang: Lang, text: string): ConfigFacts {
  const strings: StringFact[] = [];
  const comments: CommentFact[] = [];
  const info = LANGUAGES[lang];
  if (lang === 'json') {
    scanJson(text, strings);
    return { strings, comments };
  }
  if (lang === 'xml') {
    scanXml(text, strings, comments);
    return { strings, comments };
  }
  let lineStart = 0;
  let lineNumber = 0;
  const record: { current?: RecordName } = {};
  const path: PathState = { parents: [], section: '' };
  const patch = lang === 'text' && PATCH_START.test(text.slice(0, PATCH_PROBE));
  for (const line of text.split('\n')) {
    checkBudget();
    if (patch && /^[-+ @\\]/.test(line)) {
      // In a patch only added lines are new text: each is read as a line of its own, offsets past the `+`.
      if (line.startsWith('+') && !line.startsWith('+++ ')) {
        const added = line.slice(1).replace(/\r$/, '');
        if (commentAt(added, info.lineComments) < 0) {
          scanLine(lang, added, { lineStart: lineStart + 1, lineNumber, strings, comments, openers: info.lineComments, record, path, shape: 'shape:patch' });
        }
      }
      lineStart += line.length + 1;
      lineNumber++;
      continue;
    }
    const at = commentAt(line, info.lineComments);
    if (at >= 0) {
      comments.push({ start: lineStart + at, end: lineStart + line.length, text: line.slice(at).replace(/\r$/, '') });
    } else {
      scanLine(lang, line.replace(/\r$/, ''), { lineStart, lineNumber, strings, comments, openers: info.lineComments, record, path });
    }
    lineStart += line.length + 1;
    lineNumber++;
  }
  return { strings, comments };
}

interface LineState {
  readonly lineStart: number;
  readonly lineNumber: number;
  readonly strings: StringFact[];
  readonly comments: CommentFact[];
  readonly openers: readonly string[];
  readonly record: { current?: RecordName };
  readonly path: PathState;
  /** The shape the line's values are read through (`shape:patch` for a patch's added lines). */
  readonly shape?: string;
}

/**
 * Where a key sits: the YAML mappings above it (by indentation) or the INI/TOML section it is in, so that
 * `secrets:` / `api:` / `key: …` is judged as `secrets.api.key`, not as a bare `key`.
 */
interface PathState {
  parents: { column: number; key: string }[];
  section: string;
}

function keyPath(lang: Lang, path: PathState, column: number): string {
  if (lang !== 'yaml') return path.section;
  while (path.parents.length > 0 && path.parents[path.parents.length - 1].column >= column) path.parents.pop();
  return path.parents.map((p) => p.key).join('.');
}

function scanDockerLine(line: string, state: LineState): void {
  const env = DOCKER_ENV.exec(line);
  if (!env) return;
  const rest = env[2];
  const base = state.lineStart + env[1].length;
  if (/^[A-Za-z_][\w.-]*=/.test(rest)) {
    // `ENV A=1 B="two words"`: every pair is its own value.
    for (const m of rest.matchAll(DOCKER_PAIR)) {
      const span = valueSpan(m[2], state.openers);
      if (span) push(state.strings, m[1], base + m.index + m[1].length + 1 + span.offset, span.value);
    }
    return;
  }
  const legacy = /^([A-Za-z_][\w.-]*)(\s+)(.*)$/.exec(rest);
  const span = legacy ? valueSpan(legacy[3], state.openers) : undefined;
  if (legacy && span) push(state.strings, legacy[1], base + legacy[1].length + legacy[2].length + span.offset, span.value);
}

function scanLine(lang: Lang, line: string, state: LineState): void {
  if (lang === 'dockerfile') {
    scanDockerLine(line, state);
    return;
  }
  const { lineStart, strings } = state;
  const section = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*$/.exec(line);
  if (section && (lang === 'ini' || lang === 'toml' || lang === 'text')) {
    state.path.section = section[1].replace(/^["']|["']$/g, '');
    return;
  }
  if (lang === 'text') {
    const declaration = TEXT_DECLARATION.exec(line);
    if (declaration) {
      const at = lineStart + declaration[1].length + declaration[2].length + declaration[3].length + 1;
      push(strings, declaration[2], at, declaration[5], '', state.shape);
      return;
    }
    // Macros, defines, CMake and typed declarations (`text-bindings.ts`); a key/value reading may still add more.
    const bindings = textBindings(line);
    for (const b of bindings) push(strings, b.name, lineStart + b.at, b.value, '', state.shape);
    if (bindings.length > 0 && !KEY_VALUE.test(line)) return;
  }
  // Markup read as text (SVG, draw.io, HTML, templates): attribute values are values, named by their attribute or by
  // a `name=`/`key=` attribute beside a `value=` one.
  if (lang === 'text' && MARKUP_LINE.test(line)) {
    scanAttributes(line, lineStart, strings, state.shape);
    return;
  }
  const pair = KEY_VALUE.exec(line);
  if (pair) {
    const valueOffset = pair[1].length + pair[2].length * 2 + pair[3].length + pair[4].length;
    let raw = pair[5];
    let propertyLength = 0;
    if (lang === 'yaml') {
      propertyLength = YAML_PROPERTIES.exec(raw)?.[0].length ?? 0;
      raw = raw.slice(propertyLength);
    }
    // In an unknown text file `_M_token = __it->second;` is code: an unquoted name ending a statement is no value.
    if (lang === 'text' && /^\s*[A-Za-z_$][\w$]*(?:(?:\.|->|::)[A-Za-z_$][\w$]*)*(?:\(.*\))?\s*;\s*$/.test(raw)) return;
    const span = valueSpan(raw, state.openers);
    const column = pair[1].length;
    const parent = keyPath(lang, state.path, column);
    if (lang === 'yaml' && !span) state.path.parents.push({ column, key: pair[3] });
    if (span && RECORD_NAME.test(pair[3])) state.record.current = { column, line: state.lineNumber, name: span.value };
    if (span && !/^[|>][-+0-9]*$/.test(span.value)) {
      const current = state.record.current;
      const named = RECORD_VALUE.test(pair[3]) && current && current.column === column && state.lineNumber - current.line <= 3;
      const at = lineStart + valueOffset + propertyLength + span.offset;
      if (named) push(strings, current.name, at, span.value, '', state.shape);
      else push(strings, pair[3], at, span.value, parent, state.shape);
    }
    const hash = pair[5].indexOf(' #');
    if (hash >= 0 && state.openers.includes('#') && !/^\s*["']/.test(pair[5])) {
      const start = lineStart + valueOffset + hash + 1;
      state.comments.push({ start, end: lineStart + line.length, text: line.slice(valueOffset + hash + 1) });
    }
    return;
  }
  if (lang === 'yaml') {
    const item = /^(\s*-\s+)(["']?)(.+?)\2\s*$/.exec(line);
    if (item) {
      const start = lineStart + item[1].length + item[2].length;
      strings.push({ start, end: start + item[3].length, value: item[3], interpolated: false, fromConfig: true });
    }
  }
}

/** In `{"name": "TOKEN", "value": "…"}` the value belongs to TOKEN: the record's name within the same object. */
function jsonRecordName(text: string, at: number): string | undefined {
  const open = text.lastIndexOf('{', at);
  const close = text.indexOf('}', at);
  if (open < 0 || at - open > 600) return undefined;
  const body = text.slice(open, close < 0 ? Math.min(text.length, at + 600) : close);
  if (body.slice(1).includes('{')) return undefined;
  return /"(?:name|key|Name|Key)"\s*:\s*"([^"\\]{1,128})"/.exec(body)?.[1];
}

function scanJson(text: string, strings: StringFact[]): void {
  const keyed = new Set<number>();
  for (const m of text.matchAll(JSON_PAIR)) {
    const valueStart = m.index + m[0].length - m[2].length - 1;
    keyed.add(valueStart);
    const name = RECORD_VALUE.test(m[1]) ? jsonRecordName(text, m.index) : undefined;
    push(strings, name ?? m[1], valueStart, m[2]);
  }
  for (const m of text.matchAll(JSON_STRING)) {
    const start = m.index + 1;
    if (keyed.has(start)) continue;
    const after = text.slice(m.index + m[0].length).match(/^\s*:/);
    if (after) continue;
    strings.push({ start, end: start + m[1].length, value: m[1], interpolated: false, fromConfig: true });
  }
}

/** A line of markup: a tag with a quoted attribute. */
const MARKUP_LINE = /<[A-Za-z][\w.:-]*\s[^<>]*?[\w.:-]+\s*=\s*["']/;

function scanAttributes(line: string, lineStart: number, strings: StringFact[], shape: string | undefined): void {
  const taken = new Set<number>();
  for (const m of line.matchAll(XML_KEYED)) {
    const at = m.index + m[0].length - m[4].length - 1;
    taken.add(at);
    push(strings, m[2], lineStart + at, m[4], '', shape);
  }
  for (const m of line.matchAll(XML_ATTRIBUTE)) {
    const at = m.index + m[0].length - m[3].length - 1;
    if (taken.has(at) || /^(?:key|name)$/i.test(m[1])) continue;
    push(strings, m[1], lineStart + at, m[3], '', shape);
  }
}

function scanXml(text: string, strings: StringFact[], comments: CommentFact[]): void {
  for (const m of text.matchAll(/<!--([\s\S]*?)-->/g)) {
    comments.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  const taken = new Set<number>();
  for (const m of text.matchAll(XML_KEYED)) {
    const valueStart = m.index + m[0].length - m[4].length - 1;
    taken.add(valueStart);
    push(strings, m[2], valueStart, m[4]);
  }
  for (const m of text.matchAll(XML_NAME_VALUE)) {
    const raw = m[3];
    const lead = raw.length - raw.trimStart().length;
    const valueStart = m.index + m[0].length - '</value>'.length - raw.length + lead;
    if (raw.trim() === '') continue;
    taken.add(valueStart);
    push(strings, m[2], valueStart, raw.trim());
  }
  for (const m of text.matchAll(XML_ELEMENT)) {
    const valueStart = m.index + m[0].indexOf('>') + 1;
    const value = m[2];
    if (value.trim() === '') continue;
    const lead = value.length - value.trimStart().length;
    if (taken.has(valueStart + lead)) continue;
    push(strings, m[1], valueStart + lead, value.trim());
  }
  for (const m of text.matchAll(XML_ATTRIBUTE)) {
    const valueStart = m.index + m[0].length - m[3].length - 1;
    if (taken.has(valueStart) || /^(?:key|name)$/i.test(m[1])) continue;
    push(strings, m[1], valueStart, m[3]);
  }
}
