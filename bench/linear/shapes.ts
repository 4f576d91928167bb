/**
 * Generated files of the shapes that make a scan's cost grow faster than the file: each generator writes realistic
 * code (the kind of generated table, chain or nesting real projects carry) of about `bytes` characters. Every value
 * is made up here; none is a real secret.
 *
 * Shapes come from what the engine reads: string literals and the name each is bound to (long lists, long chains,
 * deep nesting), comments, calls and their arguments, config key/values, findings per line and per file.
 */

export interface Shape {
  readonly name: string;
  /** The file name the text is scanned as (its extension picks the language). */
  readonly file: string;
  readonly describe: string;
  readonly generate: (bytes: number) => string;
}

/** Repeats `unit(i)` until the text reaches `bytes`, between a head and a tail. */
function fill(bytes: number, head: string, unit: (i: number) => string, tail: string, separator = ''): string {
  const parts: string[] = [head];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i++) {
    const piece = (i > 0 ? separator : '') + unit(i);
    parts.push(piece);
    size += piece.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** A short lower-case word that changes with `i` (table entries, keys). */
function word(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    s += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  }
  return s;
}

/** Depth-limited nesting: `levels` opens, a body, `levels` closes, repeated to fill the size. */
function nested(bytes: number, open: (depth: number) => string, body: (i: number) => string, close: (depth: number) => string, levels: number, head = '', tail = ''): string {
  return fill(bytes, head, (i) => {
    let s = '';
    for (let d = 0; d < levels; d++) s += open(d);
    s += body(i);
    for (let d = levels - 1; d >= 0; d--) s += close(d);
    return s;
  }, tail);
}

const FIRST_SHAPES: readonly Shape[] = [
  {
    name: 'c-string-table',
    file: 'gen/keywords.h',
    describe: 'C table of short string literals (a generated lookup table)',
    generate: (bytes) =>
      fill(bytes, 'static const char *const keyword_names[] = {\n', (i) => `    "${word(i)}",${i % 8 === 7 ? '\n' : ''}`, '\n};\n'),
  },
  {
    name: 'c-struct-table',
    file: 'gen/commands.c',
    describe: 'C array of struct initialisers with names, passwords-like fields and numbers',
    generate: (bytes) =>
      fill(bytes, 'struct cmd { const char *name; const char *help; int flags; };\nstatic struct cmd cmd_table[] = {\n',
        (i) => `    { "cmd_${word(i)}", "runs the ${word(i)} step", ${i % 16} },\n`, '};\n'),
  },
  {
    name: 'c-if-chain',
    file: 'gen/dispatch.c',
    describe: 'long if / else if chain comparing a command with strings',
    generate: (bytes) =>
      fill(bytes, '#include <string.h>\nint dispatch(const char *cmd, char *out) {\n  ',
        (i) => `if (strcmp(cmd, "${word(i)}") == 0) {\n    strcpy(out, "${word(i)}");\n    return ${i};\n  } else `,
        '{\n    return -1;\n  }\n}\n'),
  },
  {
    name: 'c-call-many-args',
    file: 'gen/register.c',
    describe: 'one call with thousands of arguments',
    generate: (bytes) =>
      fill(bytes, 'void init(void) {\n  register_names(ctx,\n', (i) => `    "${word(i)}", ${i}`, ');\n}\n', ',\n'),
  },
  {
    name: 'c-many-findings',
    file: 'gen/copy.c',
    describe: 'a C file with a risky copy on every line (many findings)',
    generate: (bytes) =>
      fill(bytes, '#include <string.h>\nvoid copy_all(char **dst, char **src) {\n',
        (i) => `  strcpy(dst[${i}], src[${i}]); memcpy(dst[${i}], src[${i}], n${i});\n`, '}\n'),
  },
  {
    name: 'c-deep-if',
    file: 'gen/deep.c',
    describe: 'deeply nested blocks in C (nesting grows with the file)',
    generate: (bytes) => {
      const levels = Math.max(10, Math.floor(bytes / 40));
      return nested(bytes, (d) => `if (x > ${d}) {\n`, (i) => `s = "52.0.${i & 255}.1";\n`, () => '}\n', levels, 'void f(int x, const char *s) {\n', '}\n');
    },
  },
  {
    name: 'c-observed-flags',
    file: 'gen/options.c',
    describe: 'option parsing 12 deep, repeated: an auth switch set under a strcmp of the input every fourth level',
    generate: (bytes) =>
      nested(bytes, (d) => `/* --opt-${d}: documented in the manual page, section OPTIONS, with its default and its effect. */\nif (strcmp(arg, "--opt-${d}") == 0) {\n  ${d % 4 === 0 ? 'no_auth = 1' : `seen[${d}]++`};\n`, (i) => `skip_auth = ${i & 1};\n`, () => '}\n', 12, 'static int no_auth, skip_auth;\nvoid parse(const char *arg) {\n', '}\n'),
  },
  {
    name: 'go-nested',
    file: 'gen/nested.go',
    describe: 'deeply nested blocks in Go (nesting grows with the file)',
    generate: (bytes) => {
      const levels = Math.max(10, Math.floor(bytes / 60));
      return nested(bytes, (d) => `if n > ${d} {\nname := "level${d}"\n_ = name\n`, () => 'return\n', () => '}\n', levels, 'package gen\n\nfunc walk(n int) {\n', '}\n');
    },
  },
  {
    name: 'go-nested-blocks',
    file: 'gen/blocks.go',
    describe: 'Go functions nested 40 deep, repeated (generated visitors)',
    generate: (bytes) =>
      nested(bytes, (d) => `if n > ${d} {\npassword := "Xk9mP2vLq8Z${d}"\n_ = password\n`, (i) => `token := "t${i}"\n_ = token\n`, () => '}\n', 40, 'package gen\n\nfunc walk(n int) {\n', '}\n'),
  },
  {
    name: 'js-long-lines',
    file: 'gen/data.js',
    describe: 'JavaScript with long lines (not minified): arrays of strings 10,000 characters wide',
    generate: (bytes) =>
      fill(bytes, "'use strict';\n", (i) => {
        if (i % 40 !== 0) return `export function f${i}(a) { return a + ${i}; }\n`;
        const items: string[] = [];
        for (let k = 0; items.join(', ').length < 10_000; k++) items.push(`"${word(i + k)}"`);
        return `export const list${i} = [${items.join(', ')}];\n`;
      }, ''),
  },
  {
    name: 'js-object-literal',
    file: 'gen/messages.js',
    describe: 'one huge object literal of string values (a translations table)',
    generate: (bytes) => fill(bytes, 'module.exports = {\n', (i) => `  ${word(i)}_label: "Label for ${word(i)}",\n`, '};\n'),
  },
  {
    name: 'js-member-chain',
    file: 'gen/builder.js',
    describe: 'one long method chain (a generated builder): the tree nests as deep as the chain is long',
    generate: (bytes) => fill(bytes, 'const config = builder\n', (i) => `  .set("${word(i)}", "value_${i}")\n`, ';\n'),
  },
  {
    name: 'java-concat',
    file: 'gen/Query.java',
    describe: 'one long string concatenation (a generated SQL text): nested binary expressions',
    generate: (bytes) => fill(bytes, 'class Query {\n  static final String SQL =\n', (i) => `    "select ${word(i)} from t${i} " +\n`, '    "";\n}\n'),
  },
  {
    name: 'python-nested-data',
    file: 'gen/data.py',
    describe: 'nested Python data (lists of dicts of lists), as generated fixtures are',
    generate: (bytes) =>
      fill(bytes, 'DATA = [\n', (i) => `    {"name": "${word(i)}", "tags": ["a${i}", "b${i}", {"k": ["x", ["y", "z${i}"]]}], "host": "52.9.${i & 255}.3"},\n`, ']\n'),
  },
  {
    name: 'python-huge-literal',
    file: 'gen/template.py',
    describe: 'one huge triple-quoted string (an embedded template)',
    generate: (bytes) => fill(bytes, 'TEMPLATE = """\n', (i) => `<div class="row-${i}">password: {{ user.password }} token {{ t${i} }}</div>\n`, '"""\n'),
  },
  {
    name: 'ts-accounts',
    file: 'gen/seed.ts',
    describe: 'user and password pairs on every line (seed data), many on one line',
    generate: (bytes) =>
      fill(bytes, 'export const users = [\n', (i) => `  { user: "demo${i}", password: "Pw-${word(i)}-${i}x" }, { login: "test${i}", pass: "Sx-${word(i)}-${i}q" },\n`, '];\n'),
  },
  {
    name: 'yaml-config',
    file: 'gen/hosts.yaml',
    describe: 'a YAML config with an address on every line (many findings)',
    generate: (bytes) =>
      fill(bytes, 'servers:\n', (i) => `  - name: node-${i}\n    host: 52.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}\n    password: "Xk9-${word(i)}-mP2vLq8Z"\n`, ''),
  },
  {
    name: 'yaml-long-lines',
    file: 'gen/lists.yaml',
    describe: 'YAML lines listing many addresses each (many findings per line)',
    generate: (bytes) =>
      fill(bytes, 'allow:\n', (i) => {
        const hosts: string[] = [];
        for (let k = 0; k < 200; k++) hosts.push(`52.${i & 255}.${k}.${(i + k) & 255}`);
        return `  - [${hosts.join(', ')}]\n${'  - x\n'.repeat(20)}`;
      }, ''),
  },
  {
    name: 'env-many-secrets',
    file: 'gen/.env',
    describe: 'a .env file of credentials and addresses',
    generate: (bytes) =>
      fill(bytes, '', (i) => `DB_PASSWORD_${word(i).toUpperCase()}=Xk9${word(i)}mP2vLq8Z\nAPI_TOKEN_${word(i).toUpperCase()}=a8f9e0c1d2${word(i)}b3a4f5e6c7d8\nHOST_${i}=52.1.${i & 255}.7\n`, ''),
  },
  {
    name: 'markdown-prose',
    file: 'gen/NOTES.md',
    describe: 'prose with credential words and numbers (docs, tickets)',
    generate: (bytes) =>
      fill(bytes, '# Notes\n\n', (i) => `The password for step ${i} is set in section 4.${i}.2; the token is rotated (see 10.0.${i & 255}.1).\n`, ''),
  },
  {
    name: 'c-comments',
    file: 'gen/commented.c',
    describe: 'a C file that is mostly comments mentioning calls and credentials',
    generate: (bytes) => fill(bytes, '', (i) => `/* ${i}: do not call strcpy(a, b) here; the password "x${i}" is an example */\nint v${i} = ${i};\n`, ''),
  },
  {
    name: 'c-macros',
    file: 'gen/macros.h',
    describe: 'many function-like macros whose bodies call risky functions',
    generate: (bytes) => fill(bytes, '#include <string.h>\n', (i) => `#define COPY_${i}(d, s) strcpy((d), (s)); sprintf((d), "%s", (s))\n`, ''),
  },
  {
    name: 'c-checked-copies',
    file: 'gen/checked.c',
    describe: 'one long C function of checked, clamped and allocated copies inside loops (the look-back above each copy)',
    generate: (bytes) =>
      fill(bytes, '#include <stdlib.h>\n#include <string.h>\nint copy_all(const char *src, size_t n, char **out) {\n  char buf[64];\n',
        (i) => `  for (int i${i} = 0; i${i} < 4; i${i}++) {\n    if (n > sizeof buf) return -1;\n    if (n >= sizeof buf) n = sizeof buf - 1;\n` +
          `    out[${i}] = malloc(n + ${i});\n    memcpy(out[${i}], src, n);\n    memcpy(buf, src, n);\n    memmove(buf + 8, src, n);\n    n += i${i};\n  }\n`,
        '  return 0;\n}\n'),
  },
  {
    name: 'c-static-callers',
    file: 'gen/callers.c',
    describe: 'static functions that copy through their parameters, each called as often as is judged, two calls deep',
    generate: (bytes) =>
      fill(bytes, '#include <string.h>\n',
        (i) => `static void put${i}(char *out, const char *s, size_t n) {\n  memcpy(out, s, n);\n  memmove(out, s, n);\n}\n` +
          `static void mid${i}(char *out, const char *s, size_t n) {\n${'  put' + i + '(out, s, n);\n'.repeat(16)}}\n` +
          `void top${i}(const char *s) {\n  char b[32];\n${'  mid' + i + '(b, s, sizeof b);\n'.repeat(16)}}\n`,
        ''),
  },
  {
    name: 'c-wrapper-uses',
    file: 'gen/wrapped.c',
    describe: 'C wrapper macros of memcpy (one wrapping another, one with a long body) used on every line',
    generate: (bytes) =>
      fill(bytes,
        '#include <string.h>\n#define COPY(d, s, n) memcpy((d), (s), (n))\n#define COPY2(d, s, n) COPY(d, s, n)\n' +
          `#define BIG(d, s, n) do { ${Array.from({ length: 40 }, (_, k) => `step${k}(d);`).join(' ')} COPY2(d, s, n); } while (0)\n` +
          'void copy_all(char **dst, char **src, size_t *len) {\n  char tag[8];\n',
        (i) => `  COPY(dst[${i}], src[${i}], len[${i}]); COPY2(tag, src[${i}], sizeof tag); BIG(dst[${i}], src[${i}], 4);\n`, '}\n'),
  },
  {
    name: 'patch-added-lines',
    file: 'gen/change.patch',
    describe: 'a long patch whose added lines bind credentials (read line by line past the `+`)',
    generate: (bytes) =>
      fill(bytes, 'diff --git a/app.py b/app.py\n--- a/app.py\n+++ b/app.py\n@@ -1,2 +1,3 @@\n', (i) => ` kept_${i} = 1\n-OLD_PASSWORD_${i} = "Rm-${word(i)}-9x"\n+NEW_PASSWORD_${i} = "Ad-${word(i)}-7q!"\n`, ''),
  },
  {
    name: 'escaped-json-string',
    file: 'gen/payload.js',
    describe: 'strings of escaped JSON with many key/value pairs each, up to the longest line a scan reads (read pair by pair)',
    generate: (bytes) =>
      fill(bytes, '', (i) => {
        const pairs: string[] = [];
        for (let k = 0; k < 1 + ((i * 37) % 40); k++) pairs.push(`\\"user_${k}\\": \\"svc${i}\\", \\"password_${k}\\": \\"Es-${word(i + k)}-3k!\\"`);
        return `const payload${i} = "{${pairs.join(', ')}}";\n`;
      }, ''),
  },
  {
    name: 'shell-command-lines',
    file: 'gen/deploy.sh',
    describe: 'a script passing passwords as command-line options on every line, some lines very long',
    generate: (bytes) =>
      fill(bytes, '#!/bin/sh\n', (i) => `mysql --user=app --password=Cl-${word(i)}-5z -e "select ${i}" ${'--opt '.repeat(i % 50)}&& redis-cli -h h${i} -a Rd-${word(i)}-8w ping\n`, ''),
  },
  {
    name: 'build-defines',
    file: 'gen/CMakeLists.txt',
    describe: 'a build file of set() and -D definitions naming credentials',
    generate: (bytes) => fill(bytes, 'cmake_minimum_required(VERSION 3.20)\n', (i) => `set(DB_PASSWORD_${i} "Cm-${word(i)}-2v")\nadd_definitions(-DADMIN_PASSWD_${i}="Df-${word(i)}-4r")\n`, ''),
  },
  {
    name: 'prose-block-comment',
    file: 'gen/notes.c',
    describe: 'one huge block comment of sentences that give passwords (prose inside code)',
    generate: (bytes) => fill(bytes, '/*\n', (i) => ` * step ${i}: the password is Pr-${word(i)}-6m and pw: Qx${word(i)}77\n`, ' */\nint x;\n'),
  },
];

/** Shapes in the languages added with their grammars: the tables, maps and long argument lists each is written with. */
const MORE_LANGUAGES: readonly Shape[] = [
  {
    name: 'kotlin-map-of',
    file: 'gen/Strings.kt',
    describe: 'one huge Kotlin mapOf("key" to "value", …): infix pairs in one argument list',
    generate: (bytes) => fill(bytes, 'val messages = mapOf(\n', (i) => `    "${word(i)}_password" to "Pw-${word(i)}-${i}x",\n`, ')\n'),
  },
  {
    name: 'kotlin-named-args',
    file: 'gen/Config.kt',
    describe: 'Kotlin calls with named arguments, nested 20 deep in a builder DSL',
    generate: (bytes) =>
      nested(bytes, (d) => `section${d} {\n`, (i) => `    connect(host = "10.1.${(i >> 8) & 255}.${i & 255}", user = "svc${i}", password = "Xk9-${word(i)}-mP2v")\n`, () => '}\n', 20, 'fun config() = build {\n', '}\n'),
  },
  {
    name: 'swift-dictionary',
    file: 'gen/Table.swift',
    describe: 'one huge Swift dictionary literal (a generated lookup table)',
    generate: (bytes) => fill(bytes, 'let table: [String: String] = [\n', (i) => `    "${word(i)}_token": "tk_${word(i)}_${i}Zq8",\n`, ']\n'),
  },
  {
    name: 'rust-struct-table',
    file: 'gen/table.rs',
    describe: 'a Rust static array of struct literals with names and secret-like fields',
    generate: (bytes) =>
      fill(bytes, 'pub static USERS: &[User] = &[\n', (i) => `    User { name: "${word(i)}", password: "Pw-${word(i)}-${i}x", port: ${i % 65536} },\n`, '];\n'),
  },
  {
    name: 'terraform-security-groups',
    file: 'gen/main.tf',
    describe: 'many Terraform security groups with ingress blocks (the open-port rule reads every block)',
    generate: (bytes) =>
      fill(bytes, '', (i) => {
        const port = i % 4 === 0 ? 22 : 443;
        const cidr = i % 8 === 0 ? '0.0.0.0/0' : `10.${i & 255}.0.0/16`;
        return `resource "aws_security_group" "sg_${word(i)}" {\n  name = "sg-${word(i)}"\n  ingress {\n    from_port   = ${port}\n    to_port     = ${port}\n    protocol    = "tcp"\n    cidr_blocks = ["${cidr}"]\n  }\n}\n`;
      }, ''),
  },
  {
    name: 'terraform-locals-map',
    file: 'gen/locals.tf',
    describe: 'one huge Terraform locals map of objects (a generated inventory)',
    generate: (bytes) =>
      fill(bytes, 'locals {\n  hosts = {\n', (i) => `    ${word(i)} = { ip = "172.20.${(i >> 8) & 255}.${i & 255}", password = "Pw-${word(i)}-${i}x" }\n`, '  }\n}\n'),
  },
  {
    name: 'powershell-hashtable',
    file: 'gen/Settings.ps1',
    describe: 'huge PowerShell hashtables, and commands with named parameters between them',
    generate: (bytes) =>
      fill(bytes, '$Settings = @{\n', (i) =>
        i % 50 === 49
          ? `}\nInvoke-Setup -Name "${word(i)}" -Password "Pw-${word(i)}" -Server "10.2.0.${i & 255}"\n$More${i} = @{\n`
          : `    ${word(i)}Password = "Pw-${word(i)}-${i}x"\n`, '}\n'),
  },
  {
    name: 'scala-map',
    file: 'gen/Table.scala',
    describe: 'one huge Scala Map("key" -> "value", …)',
    generate: (bytes) => fill(bytes, 'object Table {\n  val secrets = Map(\n', (i) => `    "${word(i)}_secret" -> "Sx-${word(i)}-${i}q",\n`, '    "" -> "")\n}\n'),
  },
  {
    name: 'objc-message-args',
    file: 'gen/Setup.m',
    describe: 'Objective-C messages with many keyword arguments, each with a dictionary literal',
    generate: (bytes) =>
      fill(bytes, '@implementation Setup\n- (void)run {\n', (i) =>
        `    [client connect:@"${word(i)}" user:@"svc${i}" password:@"Pw-${word(i)}-${i}x" host:@"10.3.0.${i & 255}" opts:@{@"token": @"tk_${word(i)}_${i}"}];\n`, '}\n@end\n'),
  },
  {
    name: 'objc-long-message',
    file: 'gen/Register.m',
    describe: 'one Objective-C message with thousands of keyword parts (a generated registration call)',
    generate: (bytes) => fill(bytes, 'void f(void) {\n  [registry register', (i) => ` k${i}:@"${word(i)}_${i}"`, '];\n}\n'),
  },
  {
    name: 'lua-table',
    file: 'gen/config.lua',
    describe: 'one huge Lua table constructor (a generated configuration)',
    generate: (bytes) =>
      fill(bytes, 'local config = {\n', (i) => `  { name = "${word(i)}", password = "Pw-${word(i)}-${i}x", host = "10.4.${(i >> 8) & 255}.${i & 255}" },\n`, '}\nreturn config\n'),
  },
];

export const SHAPES: readonly Shape[] = [...FIRST_SHAPES, ...MORE_LANGUAGES];

export function shapeNamed(name: string): Shape | undefined {
  return SHAPES.find((s) => s.name === name);
}
