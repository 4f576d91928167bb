/**
 * Facts from config and data files that have no grammar here (.env, .ini, .properties, YAML, JSON, XML, TOML,
 * Dockerfile, other text): a key/value reading, line by line, that yields each value with its key as context and
 * each comment. It is deliberately forgiving: a file that is not valid in its format still yields what it can.
 */
import { ConfigLanguageId, LANGUAGES } from '../languages';
import { CommentFact, StringFact } from './facts';
import { lastIdentifier } from './tree-util';

export interface ConfigFacts {
  readonly strings: StringFact[];
  readonly comments: CommentFact[];
}

type Lang = ConfigLanguageId | 'text';

const KEY_VALUE = /^(\s*(?:-\s+)?(?:export\s+)?)(["']?)([A-Za-z_@$][\w.\-@$[\]]*)\2(\s*(?:=|:(?=\s|$)|:=)\s*)(.*)$/;
const DOCKER_ENV = /^(\s*(?:ENV|ARG)\s+)([A-Za-z_][\w.-]*)(\s*=\s*|\s+)(.*)$/i;
const JSON_PAIR = /"((?:[^"\\]|\\.){1,128})"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
const JSON_STRING = /"((?:[^"\\]|\\.)*)"/g;
const XML_ELEMENT = /<([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>([^<]{1,512})<\/\1\s*>/g;
const XML_ATTRIBUTE = /([A-Za-z_][\w.:-]*)\s*=\s*(["'])([^"'<>]{0,512})\2/g;
const XML_KEYED = /\b(?:key|name)\s*=\s*(["'])([^"']{1,128})\1[^>]*?\bvalue\s*=\s*(["'])([^"']*)\3/g;

function push(facts: StringFact[], key: string, start: number, value: string): void {
  const name = lastIdentifier(key);
  if (!name) {
    facts.push({ start, end: start + value.length, value, interpolated: false, fromConfig: true });
    return;
  }
  facts.push({
    start,
    end: start + value.length,
    value,
    interpolated: false,
    fromConfig: true,
    context: { kind: 'key', name, fullName: key.slice(0, 120) },
  });
}

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
  for (const opener of openers) if (trimmed.startsWith(opener)) return line.length - trimmed.length;
  return -1;
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
  for (const line of text.split('\n')) {
    const at = commentAt(line, info.lineComments);
    if (at >= 0) {
      comments.push({ start: lineStart + at, end: lineStart + line.length, text: line.slice(at).replace(/\r$/, '') });
    } else {
      scanLine(lang, line.replace(/\r$/, ''), lineStart, strings, comments, info.lineComments);
    }
    lineStart += line.length + 1;
  }
  return { strings, comments };
}

function scanLine(
  lang: Lang,
  line: string,
  lineStart: number,
  strings: StringFact[],
  comments: CommentFact[],
  openers: readonly string[],
): void {
  if (lang === 'dockerfile') {
    const env = DOCKER_ENV.exec(line);
    if (env) {
      const span = valueSpan(env[4], openers);
      if (span) push(strings, env[2], lineStart + env[1].length + env[2].length + env[3].length + span.offset, span.value);
    }
    return;
  }
  const pair = KEY_VALUE.exec(line);
  if (pair) {
    const valueOffset = pair[1].length + pair[2].length * 2 + pair[3].length + pair[4].length;
    const span = valueSpan(pair[5], openers);
    if (span && !/^[|>][-+]?$/.test(span.value)) push(strings, pair[3], lineStart + valueOffset + span.offset, span.value);
    const hash = pair[5].indexOf(' #');
    if (hash >= 0 && openers.includes('#') && !/^\s*["']/.test(pair[5])) {
      const start = lineStart + valueOffset + hash + 1;
      comments.push({ start, end: lineStart + line.length, text: line.slice(valueOffset + hash + 1) });
    }
    return;
  }
  if (lang === 'yaml') {
    const item = /^(\s*-\s+)(["']?)(.+?)\2\s*$/.exec(line);
    if (item) strings.push({ start: lineStart + item[1].length + item[2].length, end: lineStart + item[1].length + item[2].length + item[3].length, value: item[3], interpolated: false, fromConfig: true });
  }
}

function scanJson(text: string, strings: StringFact[]): void {
  const keyed = new Set<number>();
  for (const m of text.matchAll(JSON_PAIR)) {
    const valueStart = m.index + m[0].length - m[2].length - 1;
    keyed.add(valueStart);
    push(strings, m[1], valueStart, m[2]);
  }
  for (const m of text.matchAll(JSON_STRING)) {
    const start = m.index + 1;
    if (keyed.has(start)) continue;
    const after = text.slice(m.index + m[0].length).match(/^\s*:/);
    if (after) continue;
    strings.push({ start, end: start + m[1].length, value: m[1], interpolated: false, fromConfig: true });
  }
}

function scanXml(text: string, strings: StringFact[], comments: CommentFact[]): void {
  for (const m of text.matchAll(/<!--([\s\S]*?)-->/g)) {
    comments.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  const keyedValues = new Set<number>();
  for (const m of text.matchAll(XML_KEYED)) {
    const valueStart = m.index + m[0].length - m[4].length - 1;
    keyedValues.add(valueStart);
    push(strings, m[2], valueStart, m[4]);
  }
  for (const m of text.matchAll(XML_ELEMENT)) {
    const valueStart = m.index + m[0].indexOf('>') + 1;
    const value = m[2];
    if (value.trim() === '') continue;
    const lead = value.length - value.trimStart().length;
    push(strings, m[1], valueStart + lead, value.trim());
  }
  for (const m of text.matchAll(XML_ATTRIBUTE)) {
    const valueStart = m.index + m[0].length - m[3].length - 1;
    if (keyedValues.has(valueStart) || m[1] === 'key' || m[1] === 'name') continue;
    push(strings, m[1], valueStart, m[3]);
  }
}
