/**
 * Names bound to literal values on one line of a text file without a grammar here: the macro, build and code shapes
 * a key/value reading misses. A credential is set in all of these ways in real repositories:
 * - macros and defines of every macro language: `#define PASSWORD "…"` (in a patch or a header read as text), RPM and
 *   NASM `%define`/`%global NAME value`, M4 `define(`NAME', `value')` and autoconf `define([NAME], [value])`, CMake
 *   `set(NAME "value" …)`, compiler flags `-DNAME="value"` / `-DNAME=\"value\"` (Makefiles, CMake, scripts);
 * - typed declarations and parameter defaults of languages read as text (Kotlin, Swift, Scala, Dart, Groovy, C-like
 *   code in a patch): `fun connect(password: String = "…")`, `class Db(val password: String = "…")`,
 *   `String password = "…";`, `def password = '…'`.
 * Each reader is one linear regex over the line; a value is what the line spells between its quotes (or, for RPM
 * and Make-like macros, up to the end of the line).
 */

export interface TextBinding {
  readonly name: string;
  /** Offset of the value in the line. */
  readonly at: number;
  readonly value: string;
}

/** `#define NAME "value"` (C, C++, Objective-C, resource scripts), as text: in a patch, a `.h.in`, a `.ino`… */
const C_DEFINE = /^\s*#\s*define\s+([A-Za-z_]\w*)\s+(?:\(\s*)?(?:[LuU]8?)?"((?:[^"\\\n]|\\.){1,512})"/;
/** RPM spec and NASM: `%define name value`, `%global name value`, `%define NAME "value"`. */
const PERCENT_DEFINE = /^\s*%(?:define|global|xdefine|assign)\s+([A-Za-z_]\w*)\s+(["']?)([^\s"'%{}()]{1,512}?)\2\s*$/;
/** M4 and autoconf: define(`NAME', `value'), define([NAME], [value]), m4_define([NAME], [value]). */
const M4_DEFINE = /\b(?:m4_)?define\(\s*(?:`([A-Za-z_]\w*)'|\[([A-Za-z_]\w*)\]|([A-Za-z_]\w*))\s*,\s*(?:`([^'`\n]{1,512})'|\[([^\][\n]{1,512})\]|"([^"\n]{1,512})")\s*\)/;
/** CMake: set(NAME "value" …) and set(NAME value CACHE …). */
const CMAKE_SET = /^\s*set\s*\(\s*([A-Za-z_]\w*)\s+(?:"((?:[^"\\\n]|\\.){1,512})"|([^\s"()$]{1,512}))(?=[\s)])/i;
/** Compiler flags: -DNAME="value", -DNAME=\"value\", -DNAME='"value"', -DNAME=value. */
const DEFINE_FLAG = /(?:^|[\s"'(])-D([A-Za-z_]\w*)=(\\?["']|'")?([^\s"'\\$(){}]{1,512})/g;
/**
 * Typed names bound to a string: `name: Type = "…"` (Kotlin, Swift, Scala, TypeScript-like parameters and
 * properties) and `Type name = "…"` (C-like declarations, Dart and Java parameters, fields in a patch). The type is a
 * short run of name characters, dots, generics and `?`.
 */
const TYPED_COLON = /(?:^|[\s(,{])(?:(?:val|var|let|const|private|public|internal|protected|override|final|required|readonly|static)\s+)*([A-Za-z_]\w*)\s*:\s*[A-Za-z_][\w.<>?[\], ]{0,60}?\s*=\s*(["'])((?:(?!\2)[^\\\n]|\\.){0,512})\2/g;
const TYPED_BEFORE = /(?:^|[\s(,{;])(?:(?:final|static|private|public|protected|internal|const|readonly|required|late|volatile|transient)\s+)*(?:[A-Za-z_][\w.]*(?:<[\w<>,.? ]{0,60}>)?(?:\[\])?\*?)\s+\*?([A-Za-z_]\w*)(?:\[\d*\])?\s*=\s*(?:[LuU]8?|@)?(["'])((?:(?!\2)[^\\\n]|\\.){0,512})\2/g;
/** Groovy and Gradle: `def name = '…'`. */
const GROOVY_DEF = /^\s*def\s+([A-Za-z_]\w*)\s*=\s*(["'])((?:(?!\2)[^\\\n]|\\.){0,512})\2/;

/** Keywords that look like a type before a name but bind nothing (`return x = "…"` is no declaration). */
const NOT_A_TYPE = /^(?:return|else|case|throw|new|delete|typeof|await|yield|in|of|and|or|not|if|while|for|echo|print|export|set|let)$/;

/**
 * Every reader needs one of these: a `=`, a `define`, RPM's `%global`, NASM's `%assign`, CMake's `set(`. Most lines
 * of prose have none and skip the readers.
 */
const MAY_BIND = /=|define|%(?:global|assign)\b|\bset\s*\(/i;

export function textBindings(line: string): TextBinding[] {
  if (!MAY_BIND.test(line)) return [];
  const out: TextBinding[] = [];
  const c = C_DEFINE.exec(line);
  if (c) return [{ name: c[1], at: line.indexOf(`"${c[2]}"`, c.index + c[0].indexOf(c[1]) + c[1].length) + 1, value: c[2] }];
  const percent = PERCENT_DEFINE.exec(line);
  if (percent) return [{ name: percent[1], at: percent.index + percent[0].lastIndexOf(percent[3]), value: percent[3] }];
  const m4 = M4_DEFINE.exec(line);
  if (m4) {
    const value = m4[4] ?? m4[5] ?? m4[6];
    return [{ name: m4[1] ?? m4[2] ?? m4[3], at: m4.index + m4[0].lastIndexOf(value), value }];
  }
  const cmake = CMAKE_SET.exec(line);
  if (cmake) {
    const value = cmake[2] ?? cmake[3];
    const at = cmake.index + cmake[0].length - value.length - (cmake[2] !== undefined ? 1 : 0);
    return [{ name: cmake[1], at, value }];
  }
  const def = GROOVY_DEF.exec(line);
  if (def) return [{ name: def[1], at: def.index + def[0].length - def[3].length - 1, value: def[3] }];
  for (const m of line.matchAll(DEFINE_FLAG)) {
    const at = m.index + m[0].length - m[3].length;
    out.push({ name: m[1], at, value: m[3] });
  }
  for (const re of [TYPED_COLON, TYPED_BEFORE]) {
    for (const m of line.matchAll(re)) {
      const name = m[1];
      if (re === TYPED_BEFORE && NOT_A_TYPE.test(m[0].trim().split(/\s+/)[0] ?? '')) continue;
      const at = m.index + m[0].length - m[3].length - 1;
      if (!out.some((b) => b.at === at)) out.push({ name, at, value: m[3] });
    }
  }
  return out;
}
