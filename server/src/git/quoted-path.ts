/**
 * Paths as git prints them in patches. With `core.quotePath=false`, a name is written as is unless it holds a
 * control character, a double quote or a backslash; then it is a C string (`"tab\tx.c"`, octal escapes for bytes).
 * A name with a space gets a trailing tab in `---`/`+++` lines, which is not part of the name.
 */

const ESCAPES: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92, '"': 34 };

/** Reads a C-quoted git path (`"a\tb\303\274"`) into its bytes, then as UTF-8. */
export function unquoteCString(quoted: string): string {
  const bytes: number[] = [];
  for (let i = 1; i < quoted.length - 1; i++) {
    const ch = quoted[i];
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
      continue;
    }
    const next = quoted[++i];
    if (next >= '0' && next <= '7') {
      bytes.push(parseInt(quoted.slice(i, i + 3), 8));
      i += 2;
    } else {
      bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * The path of a `--- a/x` or `+++ b/x` header after its marker, without the `a/`/`b/` prefix; undefined for
 * `/dev/null` (the file does not exist on that side).
 */
export function patchHeaderPath(rest: string): string | undefined {
  if (rest === '/dev/null') return undefined;
  let name = rest;
  if (name.startsWith('"')) name = unquoteCString(name.replace(/\t$/, ''));
  else if (name.endsWith('\t')) name = name.slice(0, -1);
  return name.replace(/^[ab]\//, '');
}

/** A path of a `rename from x` / `rename to y` line (no prefix there). */
export function renameLinePath(rest: string): string {
  return rest.startsWith('"') ? unquoteCString(rest) : rest;
}
