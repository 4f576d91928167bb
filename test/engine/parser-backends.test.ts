/**
 * The two parser backends (web-tree-sitter's wasm and the native binding) give the engine the same trees: the same
 * nodes at the same UTF-16 offsets on non-ASCII and CRLF text, the same symbol tables and queries, and so the same
 * findings; a native parse stops on the time budget like a wasm one. (Every rule fixture on both: `rules.test.ts`.)
 */
import * as assert from 'assert';
import { ScanStopped, budgetOf, loadRulebook } from '@secure-coding/server';
import { loadLanguage, newQuery, parserBackendOf, parserFor, preferParsers } from '@secure-coding/server/out/engine/grammars';
import { GrammarLanguageId, LANGUAGES, hasGrammar } from '@secure-coding/server/out/engine/languages';
import { scanWithRules } from '@secure-coding/server/out/engine/scanner';
import type { Language, Node } from '@secure-coding/server/out/engine/tree-api';
import { PARSER_BACKENDS, REPO_ROOT, marked } from '../helpers';

const GRAMMARS = (Object.keys(LANGUAGES) as GrammarLanguageId[]).filter((id) => hasGrammar(id));

/** Non-ASCII text the offsets must survive: Japanese comments and strings, emoji (two UTF-16 units), CRLF. */
const SAMPLES: { lang: GrammarLanguageId; path: string; source: string }[] = [
  {
    lang: 'c',
    path: 'src/main.c',
    source: [
      '// 設定ファイルを読む 😀 (UTF-8)',
      '/* 😀😀 パスワードは下に */',
      'static const char *db_password = "⟦Zq8#vR2!kLm9@xW4⟧";',
      'int copy(char *dst, const char *src) { ⟦strcpy⟧(dst, src); /* 危険 */ return 0; }',
      'const char *host = "⟦52.14.88.201⟧"; // 本番サーバー 🚀',
    ].join('\r\n'),
  },
  {
    lang: 'python',
    path: 'app/settings.py',
    source: ['# 日本語のコメント 🎌', 'GREETING = "こんにちは 👋"', 'API_PASSWORD = "⟦Zq8#vR2!kLm9@xW4⟧"  # 本番', 'SERVER = "⟦52.14.88.201⟧"'].join('\r\n'),
  },
  {
    lang: 'typescript',
    path: 'src/config.ts',
    source: ['// 設定 😀', 'const label = `ラベル ${1} 🚀`;', 'export const dbPassword = "⟦Zq8#vR2!kLm9@xW4⟧"; // 秘密', 'export const host = "⟦52.14.88.201⟧";'].join('\r\n'),
  },
];

function nodesOf(root: Node): string[] {
  const out: string[] = [];
  const cursor = root.walk();
  for (;;) {
    const node = cursor.currentNode;
    out.push(`${node.type} ${node.startIndex}-${node.endIndex} ${node.startPosition.row}:${node.startPosition.column}-${node.endPosition.row}:${node.endPosition.column} ${cursor.currentFieldName ?? ''}`);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) {
        cursor.delete();
        return out;
      }
    }
  }
}

async function inBackend<T>(backend: 'wasm' | 'native', work: () => Promise<T>): Promise<T> {
  preferParsers(backend);
  try {
    return await work();
  } finally {
    preferParsers('wasm');
  }
}

describe('parser backends', function () {
  this.timeout(60_000);

  it('native parses the grammars that have a native binding, and says why the others stay on wasm', async function () {
    await inBackend('native', async () => {
      for (const id of GRAMMARS) {
        const { backend, fallback } = await parserBackendOf(id);
        if (LANGUAGES[id].grammar?.native === null) {
          assert.strictEqual(backend, 'wasm', id);
          assert.match(fallback ?? '', /no native binding/, id);
        } else {
          assert.strictEqual(backend, 'native', `${id}: ${fallback}`);
        }
      }
    });
    assert.strictEqual((await parserBackendOf('c')).backend, 'wasm', 'the default is wasm');
  });

  for (const sample of SAMPLES) {
    it(`${sample.lang}: the same nodes at the same UTF-16 offsets and the same findings on Japanese, emoji and CRLF text`, async function () {
      const { text, ranges } = marked(sample.source);
      const rulebook = await loadRulebook({ root: REPO_ROOT, checkExamples: false });
      const rules = rulebook.rulesFor(sample.path, sample.lang, { ignorePaths: true });
      const trees: Record<string, string[]> = {};
      const findings: Record<string, unknown[]> = {};
      for (const backend of PARSER_BACKENDS) {
        await inBackend(backend, async () => {
          assert.strictEqual((await parserBackendOf(sample.lang)).backend, backend);
          const tree = (await parserFor(sample.lang)).parse(text)!;
          trees[backend] = nodesOf(tree.rootNode);
          tree.delete();
          findings[backend] = (await scanWithRules(rules, { path: sample.path, text, languageId: sample.lang })).findings;
        });
      }
      assert.deepStrictEqual(trees.native, trees.wasm);
      assert.deepStrictEqual(findings.native, findings.wasm);
      // And the offsets are the text's own: every marked range is a finding's range.
      const lines = text.split('\n');
      const found = (findings.native as { range: { start: { line: number; character: number }; end: { character: number } } }[]).map(
        (f) => `${f.range.start.line}:${lines[f.range.start.line].slice(f.range.start.character, f.range.end.character)}`,
      );
      for (const r of ranges) {
        const expected = `${r.line}:${lines[r.line].slice(r.start, r.end)}`;
        assert.ok(found.some((f) => f.includes(expected.split(':').slice(1).join(':')) && f.startsWith(`${r.line}:`)), `no finding at ${expected}; found ${found.join(' | ')}`);
      }
    });
  }

  it('give the same symbol table for every grammar with a native binding', async function () {
    const compared: string[] = [];
    for (const id of GRAMMARS.filter((g) => LANGUAGES[g].grammar?.native !== null)) {
      const wasm: Language = await inBackend('wasm', () => loadLanguage(id));
      const native: Language = await inBackend('native', () => loadLanguage(id));
      assert.notStrictEqual(native, wasm);
      assert.strictEqual(native.nodeTypeCount, wasm.nodeTypeCount, id);
      assert.strictEqual(native.fieldCount, wasm.fieldCount, id);
      for (let field = 1; field <= wasm.fieldCount; field++) assert.strictEqual(native.fieldNameForId(field), wasm.fieldNameForId(field), `${id} field ${field}`);
      let named = 0;
      for (let type = 1; type < wasm.nodeTypeCount; type++) {
        const name = native.nodeTypeForId(type);
        if (name === null) continue;
        named++;
        assert.strictEqual(name, wasm.nodeTypeForId(type), `${id} type ${type}`);
        assert.notStrictEqual(wasm.idForNodeType(name, true), null, `${id}: ${name} is a named type`);
        assert.notStrictEqual(native.idForNodeType(name, true), null, `${id}: ${name} is a named type`);
      }
      assert.ok(named > 20, `${id}: ${named} named types`);
      // And a name neither has.
      assert.strictEqual(native.idForNodeType('no_such_node_type', true), null);
      assert.strictEqual(wasm.idForNodeType('no_such_node_type', true), null);
      compared.push(id);
    }
    assert.ok(compared.length >= 15, compared.join(', '));
  });

  it('compile queries alike: capture names, general predicates handed back, text predicates applied, ranges', async function () {
    const source = [
      '; a comment with @not_a_capture and "a string"',
      '(call_expression function: (identifier) @fn (#eq? @fn "strcpy") arguments: (argument_list (string_literal) @arg)) @call',
      '((identifier) @name (#MATCH? @name "^pass") (#custom! "x"))',
    ].join('\n');
    const text = 'void f() { strcpy(a, "é😀"); memcpy(b, "x", 1); int password = 1; }\nvoid g() { strcpy(c, "d"); }\n';
    const results: Record<string, unknown> = {};
    for (const backend of PARSER_BACKENDS) {
      results[backend] = await inBackend(backend, async () => {
        const language = await loadLanguage('c');
        const query = newQuery(language, source);
        const tree = (await parserFor('c')).parse(text)!;
        const show = (n: Node): string => `${n.type}@${n.startIndex}-${n.endIndex}`;
        const result = {
          captureNames: query.captureNames,
          patterns: query.patternCount(),
          predicates: [0, 1].map((p) => query.predicatesForPattern(p)),
          matches: query.matches(tree.rootNode).map((m) => ({ pattern: m.patternIndex, captures: m.captures.map((c) => `${c.name}=${show(c.node)}`) })),
          firstLine: query.captures(tree.rootNode, { startPosition: { row: 0, column: 0 }, endPosition: { row: 1, column: 0 } }).map((c) => `${c.name}=${show(c.node)}`),
        };
        tree.delete();
        return result;
      });
    }
    assert.deepStrictEqual(results.native, results.wasm);
    const wasm = results.wasm as { captureNames: string[]; matches: unknown[]; predicates: unknown[][] };
    assert.deepStrictEqual(wasm.captureNames, ['fn', 'arg', 'call', 'name']);
    assert.strictEqual(wasm.predicates[1].length, 2);
  });

  it('a native parse stops on the time budget, and the next file parses afresh', async function () {
    const rulebook = await loadRulebook({ root: REPO_ROOT, checkExamples: false });
    const rules = rulebook.rulesFor('big.c', 'c', { ignorePaths: true });
    // A long C table: the parse alone takes well over a millisecond.
    const big = `const char *t[] = {\n${'  "strcpy(a, b)", "password",\n'.repeat(40_000)}};\n`;
    await inBackend('native', async () => {
      assert.strictEqual((await parserBackendOf('c')).backend, 'native');
      await assert.rejects(
        scanWithRules(rules, { path: 'big.c', text: big, languageId: 'c' }, { budget: budgetOf(1) }),
        (err: unknown) => err instanceof ScanStopped && err.reason === 'time-budget',
      );
      const next = await scanWithRules(rules, { path: 'small.c', text: 'void f(char *d, char *s) { strcpy(d, s); }\n', languageId: 'c' });
      assert.deepStrictEqual(
        next.findings.map((f) => f.ruleId),
        ['c.banned.strcpy'],
      );
      assert.strictEqual(next.partialParse, false);
    });
  });
});
