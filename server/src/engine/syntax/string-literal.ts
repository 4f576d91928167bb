/**
 * Where a string literal's value sits inside its quoted text, for every quoting style the grammars produce:
 * prefixes (`L"…"`, `u8"…"`, `b'…'`, `@"…"`, `$"…"`), triple quotes, backticks and C++ raw strings `R"x(…)x"`.
 */
export interface LiteralValue {
  /** Offsets relative to the literal's text. */
  readonly start: number;
  readonly end: number;
}

export function literalValueSpan(text: string): LiteralValue {
  const raw = /^(?:u8|[LuU])?R"([^(\s]{0,16})\(/.exec(text);
  if (raw) {
    const closing = `)${raw[1]}"`;
    const end = text.endsWith(closing) ? text.length - closing.length : text.length;
    return { start: raw[0].length, end: Math.max(end, raw[0].length) };
  }
  // Rust's `r#"…"#` / `br"…"`, Swift's `#"…"#` (and `#"""…"""#`), Lua's `[[…]]` / `[==[…]==]`, PowerShell's `@"…"@`.
  const delimited = /^(?:[br]{0,2}(#+)|r|br)("(?:"")?)|^\[(=*)\[|^@(["'])\r?\n/.exec(text);
  if (delimited) {
    const closing = delimited[2] !== undefined ? `${delimited[2]}${delimited[1] ?? ''}` : delimited[4] !== undefined ? `${delimited[4]}@` : `]${delimited[3]}]`;
    const end = text.endsWith(closing) ? text.length - closing.length : text.length;
    return { start: delimited[0].length, end: Math.max(end, delimited[0].length) };
  }
  const prefix = /^[A-Za-z@$]{0,3}/.exec(text)?.[0].length ?? 0;
  const rest = text.slice(prefix);
  let quote = 0;
  if (rest.startsWith('"""') || rest.startsWith("'''")) quote = 3;
  else if (/^["'`]/.test(rest)) quote = 1;
  if (quote === 0) return { start: 0, end: text.length };
  const closing = rest.slice(0, quote);
  const end = text.length > prefix + quote && text.endsWith(closing) ? text.length - quote : text.length;
  return { start: prefix + quote, end: Math.max(end, prefix + quote) };
}

/** Unquotes a key written as a string (`"password"` → `password`); other text is returned as it is. */
export function unquote(text: string): string {
  const span = literalValueSpan(text.trim());
  return text.trim().slice(span.start, span.end);
}
