/**
 * Call facts: exactly the real calls, through the syntax tree. Expected name tokens are marked with ⟦ ⟧; every
 * other mention of the name (comments, strings, declarations, members, references) must yield no bare call.
 */
import * as assert from 'assert';
import type { Tree } from '@secure-coding/server/out/engine/tree-api';
import { TextIndex } from '@secure-coding/server';
import { parserFor } from '@secure-coding/server/out/engine/grammars';
import { GrammarLanguageId } from '@secure-coding/server/out/engine/languages';
import { callFacts } from '@secure-coding/server/out/engine/syntax/call-facts';
import { CallFact } from '@secure-coding/server/out/engine/syntax/facts';
import { describeEachParser, marked } from '../helpers';

/** Facts read the tree lazily, as in the scanner: trees stay alive until the test is done. */
const trees: Tree[] = [];

async function calls(language: GrammarLanguageId, text: string): Promise<CallFact[]> {
  const tree = (await parserFor(language)).parse(text)!;
  trees.push(tree);
  return callFacts(language, tree);
}

function ranges(text: string, facts: readonly CallFact[]): { line: number; start: number; end: number }[] {
  const index = new TextIndex(text);
  return facts.map((f) => {
    const r = index.rangeOf(f.nameStart, f.nameEnd);
    return { line: r.start.line, start: r.start.character, end: r.end.character };
  });
}

/** Asserts that the bare calls of `names` are exactly the marked tokens. */
async function assertBareCalls(language: GrammarLanguageId, source: string, names: readonly string[]): Promise<CallFact[]> {
  const src = marked(source);
  const found = (await calls(language, src.text)).filter((c) => c.bare && names.includes(c.name));
  assert.deepStrictEqual(ranges(src.text, found), src.ranges);
  return found;
}

function argText(text: string, fact: CallFact, i: number): string {
  const arg = fact.args[i];
  return arg ? text.slice(arg.start, arg.end) : '<none>';
}

describeEachParser('call facts', function () {
  afterEach(function () {
    trees.splice(0).forEach((tree) => tree.delete());
  });

  describe('C', function () {
    it('finds real calls of the bare name and nothing else', async function () {
      await assertBareCalls(
        'c',
        [
          '#include <strcpy.h>',
          '/* strcpy(a, b) in a comment */',
          '// strcpy(a, b);',
          'char *strcpy(char *dst, const char *src);',
          'char *my_strcpy(char *dst, const char *src);',
          'struct s { char *(*strcpy)(char *, const char *); };',
          '#define ALIAS strcpy',
          '#define TEXT "strcpy(a, b)"',
          'void f(struct s *p, struct s o, char *a, const char *b) {',
          '  ⟦strcpy⟧(a, b);',
          '  (⟦strcpy⟧)(a, b);',
          '  if (⟦strcpy⟧(⟦strcpy⟧(a, b), b)) return;',
          '  my_strcpy(a, b); xstrcpy(a, b); Strcpy(a, b);',
          '  p->strcpy(a, b);',
          '  o.strcpy(a, b);',
          '  char *(*fp)(char *, const char *) = &strcpy;',
          '  fp = strcpy;',
          '  puts("strcpy(a, b)");',
          '  ALIAS(a, b);',
          '  (void)sizeof(strcpy);',
          '}',
        ].join('\n'),
        ['strcpy'],
      );
    });

    it('reports member calls as not bare, with the callee as written', async function () {
      const text = 'void f(struct s *p, struct s o) { p->strcpy(1); o.strcpy(2); }';
      const members = (await calls('c', text)).filter((c) => c.name === 'strcpy');
      assert.deepStrictEqual(
        members.map((c) => [c.callee, c.bare]),
        [
          ['p->strcpy', false],
          ['o.strcpy', false],
        ],
      );
    });

    it('finds calls written in macro bodies, with offsets in the file', async function () {
      const found = await assertBareCalls(
        'c',
        [
          '',
          '  /* The tree starts at the first token, after this comment. */',
          '#define COPY(d, s) ⟦strcpy⟧(d, s)',
          '#define APPEND(d, s) do { ⟦strcat⟧((d), (s)); } while (0)',
          '#define LONG(d, s) \\',
          '  do { \\',
          '    /* a comment ends the grammar\'s view of the body */ \\',
          '    ⟦strcpy⟧(d, s); \\',
          '  } while (0)',
          '#define BEGIN {',
          '#define STRINGIZE(x) ⟦strcpy⟧(buf, #x)',
          '#define NOT_A_CALL strcpy',
          '#if defined(strcpy)',
          '#define ALSO(x) (x ? ⟦strcat⟧(a, x) : 0)',
          '#endif',
        ].join('\n'),
        ['strcpy', 'strcat'],
      );
      assert.ok(found.every((c) => c.inMacro === true));
    });

    it('gives macro-body calls their arguments in the file', async function () {
      const text = '#define LOG(buf, x) snprintf(buf, sizeof buf, "%s", x)\n';
      const [call] = (await calls('c', text)).filter((c) => c.name === 'snprintf');
      assert.deepStrictEqual([0, 1, 2, 3].map((i) => argText(text, call, i)), ['buf', 'sizeof buf', '"%s"', 'x']);
      assert.strictEqual(call.args[2].stringValue, '%s');
    });

    it('finds calls the parser misreads around preprocessor-split statements', async function () {
      const found = await assertBareCalls(
        'c',
        [
          'void f(char *temp, int cpu) {',
          '  if (strncmp (temp, "a", 1) == 0) {',
          '    x = 1;',
          '  }',
          '#if defined(__x86_64)',
          '  else if (strncmp (temp, "b", 1) == 0) {',
          '    x = 2;',
          '  }',
          '#endif',
          '  else if (strncmp (temp, "c", 1) == 0) {',
          '    char path[64];',
          '    ⟦snprintf⟧ (path, sizeof (path), "/sys/cpu%d/freq", cpu);',
          '    ⟦strcpy⟧ (temp, path);',
          '  }',
          '}',
        ].join('\n'),
        ['snprintf', 'strcpy'],
      );
      assert.deepStrictEqual(
        found.map((c) => c.args.length),
        [4, 2],
      );
      assert.strictEqual(found[0].args[2].stringValue, '/sys/cpu%d/freq');
    });

    it('finds calls in C++ code read as C, but not the prototypes around them', async function () {
      await assertBareCalls(
        'c',
        [
          'extern "C" {',
          'void *memcpy(void *dst, const void *src, size_t n);',
          'char *strcpy(char *, const char *);',
          '}',
          'class Node {',
          '  unsigned raw() const {',
          '    uint16_t data;',
          '    union { char bits[2]; Fields f; };',
          '    ⟦memcpy⟧(&bits, &this->bits, sizeof(this->bits));',
          '    f.x = 0;',
          '    ⟦memcpy⟧(&data, &bits, sizeof(bits));',
          '    return data;',
          '  }',
          '  static char *strcpy(char *d, const char *s);',
          '};',
          'class Regex {',
          '  void copy_regex(const char *source) {',
          '    regex = new char[1 + ::strlen(source)];',
          '    (::⟦strcpy⟧)(regex, source);',
          '  }',
          '};',
        ].join('\n'),
        ['memcpy', 'strcpy'],
      );
    });

    it('finds calls in K&R definitions, attributed functions and #ifdef-split functions', async function () {
      await assertBareCalls(
        'c',
        [
          'int old(d, s) char *d; char *s; { return ⟦strcpy⟧(d, s) != 0; }',
          '__attribute__((noinline)) static void attr(char *d) { ⟦strcpy⟧(d, "x"); }',
          'void split(char *d)',
          '#ifdef WIDE',
          '{ ⟦wcscpy⟧((wchar_t *)d, L"x");',
          '#else',
          '{ ⟦strcpy⟧(d, "x");',
          '#endif',
          '}',
        ].join('\n'),
        ['strcpy', 'wcscpy'],
      );
    });

    it('counts a callee named through a macro, CALL_UTIL(snprintf)(…), as a call of the name', async function () {
      const text = 'void f(char *b) { CALL_UTIL(snprintf)(b, 8, "%d", 1); }';
      const [call] = (await calls('c', text)).filter((c) => c.name === 'snprintf');
      assert.strictEqual(call.bare, true);
      assert.strictEqual(call.callee, 'CALL_UTIL(snprintf)');
      assert.strictEqual(argText(text, call, 2), '"%d"');
    });

    it('reads constant format arguments: literals, pasted macros, text and translation wrappers, choices', async function () {
      const text = [
        'void f(char *b, size_t n, const char *user, int k, uint64_t v, const char *fmts[]) {',
        '  snprintf(b, n, "plain %s", user);',
        '  snprintf(b, n, "%" PRIu64 " bytes", v);',
        '  snprintf(b, n, "two " "parts");',
        '  snprintf(b, n, _("translated %d"), k);',
        '  snprintf(b, n, _T("wide %d"), k);',
        '  snprintf(b, n, k == 1 ? "%d file" : "%d files", k);',
        '  snprintf(b, n, ("%d"), k);',
        '  snprintf(b, n, "%" STR(15) "s", user);',
        '  snprintf(b, n, user);',
        '  snprintf(b, n, fmts[k], user);',
        '  snprintf(b, n, get_format(), user);',
        '}',
      ].join('\n');
      const values = (await calls('c', text)).filter((c) => c.name === 'snprintf').map((c) => c.args[2]?.stringValue);
      assert.deepStrictEqual(values, [
        'plain %s',
        '%\u0001 bytes',
        'two parts',
        'translated %d',
        'wide %d',
        '%d file\n%d files',
        '%d',
        '%\u0001s',
        undefined,
        undefined,
        undefined,
      ]);
    });

    it('reads the same constant formats when C++ misparses literals pasted around a macro', async function () {
      const text = 'void f(char *b, size_t n, uint64_t v) { snprintf(b, n, "%" PRIu64 " of %s", v, "x"); }';
      const [call] = (await calls('cpp', text)).filter((c) => c.name === 'snprintf');
      assert.strictEqual(argText(text, call, 2), '"%" PRIu64 " of %s"');
      assert.strictEqual(call.args[2].stringValue, '%\u0001 of %s');
      assert.strictEqual(call.args.length, 5);
    });
  });

  describe('C++', function () {
    it('counts std::, :: and ::std:: as the C function, other scopes and members not', async function () {
      await assertBareCalls(
        'cpp',
        [
          'namespace text { char *strcpy(char *, const char *); }',
          'struct Buffer { void strcpy(const char *); static Buffer *strcpy(Buffer *); };',
          'void f(char *d, const char *s, Buffer &b, Buffer *p) {',
          '  ⟦strcpy⟧(d, s);',
          '  std::⟦strcpy⟧(d, s);',
          '  ::⟦strcpy⟧(d, s);',
          '  ::std::⟦strcpy⟧(d, s);',
          '  text::strcpy(d, s);',
          '  Buffer::strcpy(p);',
          '  b.strcpy(s);',
          '  p->strcpy(s);',
          '  auto g = [&] { return std::⟦strcpy⟧(d, s); };',
          '  (⟦strcpy⟧)(d, s);',
          '  (::⟦strcpy⟧)(d, s);',
          '  (std::⟦strcpy⟧)(d, s);',
          '  (text::strcpy)(d, s);',
          '  (size_t)(d);',
          '  auto fn = &std::strcpy;',
          '  std::string t = "strcpy(d, s)";',
          '}',
        ].join('\n'),
        ['strcpy'],
      );
    });
  });

  describe('other grammars', function () {
    it('Python: a qualified call keeps its callee as written and is not bare', async function () {
      const src = marked(['import os', 'os.⟦system⟧("ls")', '⟦system⟧("ls")', 'shell.os.⟦system⟧("ls")', '# os.system("ls")', 'x = "os.system(1)"'].join('\n'));
      const found = (await calls('python', src.text)).filter((c) => c.name === 'system');
      assert.deepStrictEqual(ranges(src.text, found), src.ranges);
      assert.deepStrictEqual(
        found.map((c) => [c.callee, c.bare]),
        [
          ['os.system', false],
          ['system', true],
          ['shell.os.system', false],
        ],
      );
    });

    it('JavaScript: member calls are not bare; the flagged token is the property name', async function () {
      const src = marked(
        [
          "const cp = require('child_process');",
          'cp.⟦exec⟧(cmd);',
          "require('child_process').⟦exec⟧(cmd);",
          '⟦exec⟧(cmd);',
          'obj.run.⟦exec⟧(cmd);',
          '// cp.exec(cmd)',
          "const s = 'exec(cmd)';",
        ].join('\n'),
      );
      const found = (await calls('javascript', src.text)).filter((c) => c.name === 'exec');
      assert.deepStrictEqual(ranges(src.text, found), src.ranges);
      assert.deepStrictEqual(
        found.map((c) => [c.callee, c.bare]),
        [
          ['cp.exec', false],
          ["require('child_process').exec", false],
          ['exec', true],
          ['obj.run.exec', false],
        ],
      );
    });
  });
});
