/**
 * String facts from syntax trees: each case marks one literal's value with ⟦ ⟧ and names the binding the climb must
 * find for it (or none). The cases walk through every construct the name-aware secret rules rely on, per language.
 */
import * as assert from 'assert';
import { GrammarLanguageId } from '@secure-coding/server/out/engine/languages';
import { parserFor } from '@secure-coding/server/out/engine/grammars';
import { ContextKind, StringFact } from '@secure-coding/server/out/engine/syntax/facts';
import { stringFacts } from '@secure-coding/server/out/engine/syntax/string-facts';
import { TextIndex } from '@secure-coding/server/out/engine/text-index';
import { describeEachParser, marked } from '../helpers';

interface Case {
  readonly lang: GrammarLanguageId;
  readonly code: string;
  /** Expected binding, or `null` when the literal must have none. */
  readonly bound: { kind: ContextKind; name: string; callee?: string; index?: number } | null;
  readonly interpolated?: boolean;
  readonly standalone?: boolean;
}

const CASES: readonly Case[] = [
  // C and C++
  { lang: 'c', code: '#define DB_PASSWORD "⟦hunter22⟧"', bound: { kind: 'define', name: 'DB_PASSWORD' } },
  { lang: 'c', code: '#define WIDE_PASS L"⟦hunter22⟧" /* wide */', bound: { kind: 'define', name: 'WIDE_PASS' } },
  { lang: 'c', code: 'static const char *api_key = "⟦abcd1234⟧";', bound: { kind: 'declare', name: 'api_key' } },
  { lang: 'c', code: 'struct cfg c = { .password = "⟦pw123456⟧" };', bound: { kind: 'key', name: 'password' } },
  { lang: 'c', code: 'void f(void) { conf->secret = "⟦abc123def⟧"; }', bound: { kind: 'assign', name: 'secret' } },
  { lang: 'c', code: 'int ok(const char *pw) { return strcmp(pw, "⟦letmein1⟧") == 0; }', bound: { kind: 'compare', name: 'pw', callee: 'strcmp' } },
  { lang: 'c', code: 'void f(struct c *c) { strcpy(c->password, "⟦copied123⟧"); }', bound: { kind: 'assign', name: 'password', callee: 'strcpy' } },
  { lang: 'c', code: 'void f(void) { mysql_real_connect(db, "h", "app", "⟦pw123456⟧", "d", 0, 0, 0); }', bound: { kind: 'argument', name: 'mysql_real_connect', callee: 'mysql_real_connect', index: 3 } },
  { lang: 'javascript', code: 'const o = pick(opts, "key", "passphrase", "⟦cert⟧");', bound: { kind: 'argument', name: 'pick', callee: 'pick', index: 3 } },
  { lang: 'c', code: 'void f(void) { curl_easy_setopt(h, CURLOPT_PASSWORD, "⟦curlpw12⟧"); }', bound: { kind: 'key', name: 'CURLOPT_PASSWORD', callee: 'curl_easy_setopt', index: 2 } },
  { lang: 'c', code: 'const char *p = _T("⟦wide1234⟧");', bound: { kind: 'declare', name: 'p' } },
  { lang: 'cpp', code: 'std::string pw2("⟦ctor12345⟧");', bound: { kind: 'declare', name: 'pw2' } },
  { lang: 'cpp', code: 'std::string pw3{"⟦brace12345⟧"};', bound: { kind: 'declare', name: 'pw3' } },
  { lang: 'cpp', code: 'bool f(const std::string& password) { return password == "⟦cmp12345⟧"; }', bound: { kind: 'compare', name: 'password' } },
  // JavaScript, TypeScript, TSX
  { lang: 'javascript', code: 'const opts = { password: "⟦pw1234⟧" };', bound: { kind: 'key', name: 'password' } },
  { lang: 'javascript', code: 'const opts = { "api-key": "⟦k1234567⟧" };', bound: { kind: 'key', name: 'api-key' } },
  { lang: 'javascript', code: 'function f(password = "⟦defpw123⟧") {}', bound: { kind: 'parameter', name: 'password' } },
  { lang: 'javascript', code: 'const dbPass = process.env.DB_PASS || "⟦fallback1⟧";', bound: { kind: 'declare', name: 'dbPass' } },
  { lang: 'javascript', code: 'const t = cond ? "⟦tern12345⟧" : other;', bound: { kind: 'declare', name: 't' } },
  { lang: 'javascript', code: 'const t = "⟦cond12345⟧" ? a : b;', bound: null },
  { lang: 'javascript', code: 'config.auth.secret = "⟦s3cret99⟧";', bound: { kind: 'assign', name: 'secret' } },
  { lang: 'javascript', code: 'if (user.password === "⟦letmein2⟧") {}', bound: { kind: 'compare', name: 'password' } },
  { lang: 'javascript', code: 'if (typeof password === "⟦string⟧") {}', bound: null },
  { lang: 'javascript', code: 'client.setPassword("⟦s3cr3tpw⟧");', bound: { kind: 'argument', name: 'setPassword', callee: 'client.setPassword', index: 0 } },
  { lang: 'javascript', code: 'map.put("password", "⟦pw99999⟧");', bound: { kind: 'key', name: 'password', callee: 'map.put', index: 1 } },
  { lang: 'javascript', code: 'const key = Buffer.from("⟦buf12345⟧", "base64");', bound: { kind: 'declare', name: 'key' } },
  { lang: 'javascript', code: 'const key = Buffer.from(pw, "⟦base64⟧");', bound: { kind: 'argument', name: 'from', callee: 'Buffer.from', index: 1 } },
  { lang: 'javascript', code: 'const t = `Bearer ${⟦⟧token}`;', bound: { kind: 'declare', name: 't' }, interpolated: true },
  { lang: 'javascript', code: '"⟦use strict⟧";', bound: null, standalone: true },
  { lang: 'typescript', code: 'function f(password: string = "⟦tsdef123⟧") {}', bound: { kind: 'parameter', name: 'password' } },
  { lang: 'typescript', code: 'class A { private token = "⟦tok12345⟧"; }', bound: { kind: 'declare', name: 'token' } },
  { lang: 'typescript', code: 'const k = ("⟦cast12345⟧" as string);', bound: { kind: 'declare', name: 'k' } },
  { lang: 'tsx', code: 'const e = <Db password="⟦jsx12345⟧" />;', bound: { kind: 'key', name: 'password' } },
  // Python
  { lang: 'python', code: 'api_key: str = "⟦abcd1234⟧"', bound: { kind: 'assign', name: 'api_key' } },
  { lang: 'python', code: 'conn = connect(host="db", password="⟦kwpass123⟧")', bound: { kind: 'key', name: 'password' } },
  { lang: 'python', code: 'cfg = {"password": "⟦pw1234⟧"}', bound: { kind: 'key', name: 'password' } },
  { lang: 'python', code: 'settings["db"]["password"] = "⟦subscr123⟧"', bound: { kind: 'assign', name: 'password' } },
  { lang: 'python', code: 'y = os.getenv("API_KEY") or "⟦fallback2⟧"', bound: { kind: 'assign', name: 'y' } },
  { lang: 'python', code: 'key = "⟦enc12345⟧".encode()', bound: { kind: 'assign', name: 'key' } },
  { lang: 'python', code: 'def f():\n    """⟦Docstring with 10.0.0.1⟧"""', bound: null, standalone: true },
  { lang: 'python', code: 'x = f"Bearer {⟦⟧token}"', bound: { kind: 'assign', name: 'x' }, interpolated: true },
  { lang: 'python', code: 'pair = ("password", "⟦tuple123⟧")', bound: { kind: 'key', name: 'password' } },
  { lang: 'python', code: 'r = requests.get(url, auth=("svc", "⟦authpair1⟧"))', bound: { kind: 'key', name: 'password' } },
  { lang: 'python', code: 'pair = ("svc", "⟦notauth12⟧")', bound: { kind: 'key', name: 'svc' } },
  // Java
  { lang: 'java', code: 'class A { private static final String PASSWORD = "⟦hunter22⟧"; }', bound: { kind: 'declare', name: 'PASSWORD' } },
  { lang: 'java', code: 'class A { boolean f(String pw) { return "⟦letmein2⟧".equals(pw); } }', bound: { kind: 'compare', name: 'pw', callee: 'equals' } },
  { lang: 'java', code: 'class A { void f() { char[] pass = "⟦chars1234⟧".toCharArray(); } }', bound: { kind: 'declare', name: 'pass' } },
  { lang: 'java', code: 'class A { void f() { props.setProperty("db.password", "⟦pw1234⟧"); } }', bound: { kind: 'key', name: 'password', callee: 'props.setProperty', index: 1 } },
  { lang: 'java', code: 'class A { void f() { env.put(Context.SECURITY_CREDENTIALS, "⟦ldap1234⟧"); } }', bound: { kind: 'key', name: 'SECURITY_CREDENTIALS', callee: 'env.put', index: 1 } },
  // Go
  { lang: 'go', code: 'package m\nfunc f() { token := "⟦tok12345⟧" }', bound: { kind: 'assign', name: 'token' } },
  { lang: 'go', code: 'package m\nvar c = Config{Password: "⟦pw1234⟧"}', bound: { kind: 'key', name: 'Password' } },
  { lang: 'go', code: 'package m\nvar m = map[string]string{"api_key": "⟦k1234567⟧"}', bound: { kind: 'key', name: 'api_key' } },
  { lang: 'go', code: 'package m\nvar k = []byte("⟦bytes1234⟧")', bound: { kind: 'declare', name: 'k' } },
  // C#
  { lang: 'csharp', code: 'class A { void F() { Login(password: "⟦named12345⟧"); } }', bound: { kind: 'key', name: 'password' } },
  { lang: 'csharp', code: 'class A { public string ApiKey { get; set; } = "⟦abcd1234efgh⟧"; }', bound: { kind: 'declare', name: 'ApiKey' } },
  { lang: 'csharp', code: 'class A { void F() { var c = new NetworkCredential("user", "⟦net12345⟧"); } }', bound: { kind: 'key', name: 'user', callee: 'NetworkCredential', index: 1 } },
  { lang: 'csharp', code: 'class A { void F() { var d = new Dictionary<string, string> { { "secret", "⟦s1234567⟧" } }; } }', bound: { kind: 'key', name: 'secret' } },
  { lang: 'csharp', code: 'class A { string i = $"interp{⟦⟧x}"; }', bound: { kind: 'declare', name: 'i' }, interpolated: true },
  // PHP
  { lang: 'php', code: "<?php define('DB_PASSWORD', '⟦hunter22⟧');", bound: { kind: 'key', name: 'DB_PASSWORD', callee: 'define', index: 1 } },
  { lang: 'php', code: '<?php const API_SECRET = "⟦constsec1⟧";', bound: { kind: 'declare', name: 'API_SECRET' } },
  { lang: 'php', code: "<?php $arr = ['secret' => '⟦s1234567⟧'];", bound: { kind: 'key', name: 'secret' } },
  { lang: 'php', code: "<?php $pdo = new PDO($dsn, 'root', '⟦pdopass12⟧');", bound: { kind: 'argument', name: 'PDO', callee: 'PDO', index: 2 } },
  { lang: 'php', code: '<?php $s = "interp ⟦⟧$x";', bound: { kind: 'assign', name: 's' }, interpolated: true },
  // Ruby
  { lang: 'ruby', code: 'opts = { password: "⟦pw1234⟧" }', bound: { kind: 'key', name: 'password' } },
  { lang: 'ruby', code: 'opts = { :secret => "⟦sym12345⟧" }', bound: { kind: 'key', name: 'secret' } },
  { lang: 'ruby', code: 'def f(token: "⟦kwtok123⟧"); end', bound: { kind: 'parameter', name: 'token' } },
  { lang: 'ruby', code: 'y = ENV["API_KEY"] || "⟦fallback2⟧"', bound: { kind: 'assign', name: 'y' } },
  // Shell
  { lang: 'shell', code: 'PASSWORD=⟦hunter22⟧', bound: { kind: 'assign', name: 'PASSWORD' } },
  { lang: 'shell', code: 'export API_KEY="⟦abcd1234efgh⟧"', bound: { kind: 'assign', name: 'API_KEY' } },
  { lang: 'shell', code: 'X="interp ⟦⟧$Y"', bound: { kind: 'assign', name: 'X' }, interpolated: true },
];

async function factAt(lang: GrammarLanguageId, code: string): Promise<{ fact: StringFact | undefined; facts: StringFact[] }> {
  const { text, ranges } = marked(code);
  const index = new TextIndex(text);
  const start = index.offsetAt({ line: ranges[0].line, character: ranges[0].start });
  const end = index.offsetAt({ line: ranges[0].line, character: ranges[0].end });
  const parser = await parserFor(lang);
  const tree = parser.parse(text)!;
  try {
    const facts = stringFacts(lang, tree);
    // An empty mark (⟦⟧) points into an interpolated literal: take the literal that contains it.
    const fact = start === end ? facts.find((f) => f.start <= start && start <= f.end) : facts.find((f) => f.start === start && f.end === end);
    return { fact, facts };
  } finally {
    tree.delete();
  }
}

describeEachParser('string facts', function () {
  for (const c of CASES) {
    it(`${c.lang}: ${c.code.replace(/\n/g, ' ')}`, async function () {
      const { fact, facts } = await factAt(c.lang, c.code);
      assert.ok(fact, `no literal at the marked range; facts: ${JSON.stringify(facts.map((f) => [f.start, f.end, f.value]))}`);
      if (c.bound === null) {
        assert.strictEqual(fact.context, undefined, `expected no binding, got ${JSON.stringify(fact.context)}`);
      } else {
        assert.ok(fact.context, 'expected a binding, got none');
        const got = { kind: fact.context.kind, name: fact.context.name, callee: fact.context.callee, index: fact.context.index };
        const want = { callee: undefined, index: undefined, ...c.bound };
        assert.deepStrictEqual(got, want);
      }
      assert.strictEqual(fact.interpolated, c.interpolated ?? false, 'interpolated');
      assert.strictEqual(Boolean(fact.standalone), c.standalone ?? false, 'standalone');
    });
  }
});
