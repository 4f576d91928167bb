/**
 * Incremental scanning must be invisible: after any sequence of edits, a document scanned through
 * `IncrementalDocument` (kept tree, facts read again only near the edit) gives exactly the findings of reading every
 * fact again from the same tree — and of a fresh scan whenever the text parses cleanly (with syntax errors,
 * tree-sitter's incremental reparse may recover differently from a fresh parse). Random edits (seeded, so a failure
 * replays) over small sources in every grammar, with broad rules of every kind so that every string, comment, call
 * and binding shows up in the findings.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CompiledRule, Finding, IncrementalDocument, LanguageId, languageForPath, Rulebook, ScanResult, describeEdit, diffEdit, loadRulebook, scanWithRules } from '@secure-coding/server';
import { FIXTURE_INFIX } from '@secure-coding/server/out/engine/fixtures';
import { parserFor } from '@secure-coding/server/out/engine/grammars';
import { GrammarLanguageId } from '@secure-coding/server/out/engine/languages';
import { prefilterParsed } from '@secure-coding/server/out/engine/scanner';
import { RULES_DIR } from './helpers';

const RULEBOOK = `
extends: [builtin:none]
rules:
  - id: t.calls
    kind: call
    severity: warning
    message: "call {name}"
    rationale: test
    functions: [foo, bar, strcpy, gets, system, exec, eval, printf, open, get, put, set, puts, println, Println, echo, login]
  - id: t.bound
    kind: secret
    severity: warning
    message: "bound {name}"
    rationale: test
    names: "pass|secret|token|key|pwd|user|value|name|url|x|y"
    min_length: 1
  - id: t.strings
    kind: pattern
    severity: info
    message: "string {value}"
    rationale: test
    scope: string
    regex: "[a-z]+"
  - id: t.comments
    kind: pattern
    severity: info
    message: "comment {value}"
    rationale: test
    scope: comment
    regex: "[A-Za-z]+"
  - id: t.code
    kind: pattern
    severity: info
    message: "code {value}"
    rationale: test
    scope: code
    regex: "[A-Z_]{3,}"
  - id: t.ip
    kind: ip
    severity: info
    message: "ip {value}"
    rationale: test
  - id: t.suppression
    kind: suppression
    severity: warning
    message: "suppression {problem}"
    rationale: test
`;

const SOURCES: Record<string, string> = {
  'a.c': `#include <stdio.h>\n#define PASSWORD "hunter22"\n#define COPY(d, s) strcpy(d, s) /* a macro body */\n#define LOG(x) \\\n  printf("%s", x)\n/* copy: strcpy(a, b) */\nstatic const char *names[] = { "alpha", "beta" };\nint main(void) {\n  char buf[64];\n  const char *token = "abc123";\n  strcpy(buf, "10.1.2.3");\n  if (strcmp(pw, "opensesame") == 0) { gets(buf); }\n  printf("%s\\n", buf); // done\n  return 0;\n}\n`,
  // The preprocessor splits a statement: the parser recovers from an error, and misreads calls around it.
  'split.c': `#if WIN\nvoid g(void) { if (a) {\n#else\nvoid g(void) { if (b) {\n#endif\n  snprintf (buf, sizeof buf, "%s", x); gets(p); } }\nint h(void) { return system("ls"); }\n`,
  'a.cpp': `#include <string>\n#define SAFE(d, s) std::strcpy(d, s)\nnamespace app {\nstd::string key = "k3y";\nvoid f() { std::strcpy(d, s); obj.strcpy(d, s); auto url = R"(http://10.0.0.1/)"; }\n}\n`,
  'a.js': `// config\nconst pw = process.env.PW || "fallback-pw";\nconst token = debug ? "dev-token" : read();\nif ("letmein" === pass) {}\nconst config = {\n  password: "s3cret",\n  host: '192.168.1.20',\n  nested: { token: \`tok\${x}\` },\n};\nfunction go(user = "admin") {\n  eval("1+1"); foo(bar("x"), 'y');\n  if (pass === "letmein") { login(user, "pw"); }\n}\n`,
  'a.ts': `const API_KEY: string = "abc";\nclass A { private secret = "xyz"; run(): void { exec("ls"); } }\n/* block */ export default { value: "v" };\n`,
  'a.tsx': `export const App = () => <div title="hello">{foo("bar")}</div>;\nconst token = "t0k";\n`,
  'a.py': `# settings\nrequests.get(url, auth=("svc", "s3cret-pw"))\ncreds = ["admin", "hunter22"]\nPASSWORD = "hunter2"\ndef f(token="abc", x=1):\n    os.system("ls " + x)\n    d = {"secret": "s", 'url': "http://10.2.3.4"}\n    return eval("2")\n`,
  'a.java': `class A {\n  boolean ok(String pw) { return "opensesame".equals(pw) || pw.equals("x"); }\n  // note\n  String password = "p4ss";\n  void f() { Runtime.getRuntime().exec("ls"); map.put("token", "abc"); if (pw.equals("x")) {} }\n}\n`,
  'a.go': `package main\n// main\nconst token = "abc"\nfunc main() {\n  var password string = "pw"\n  conf := Config{User: "root", Host: "10.9.8.7"}\n  exec.Command("ls")\n  fmt.Println("hi")\n}\n`,
  'a.cs': `class A {\n  void L() { Login(user: "admin", password: "pw123"); var c = new NetworkCredential("u", "p4ss"); }\n  // c\n  string password = "pw";\n  void F() { Process.Start("cmd"); var s = $"x{y}z"; login(user, "pw2"); }\n}\n`,
  'a.php': `<?php\n// c\n$password = "pw";\n$conf = array('token' => 'abc', "host" => "10.1.1.1");\nsystem("ls");\necho "hi $x";\n`,
  'a.rb': `# c\npassword = "pw"\nconf = { token: "abc", "url" => "10.3.3.3" }\nsystem("ls")\nputs "x"\n`,
  'a.sh': `#!/bin/sh\n# c\nPASSWORD=hunter2\nTOKEN="abc"\neval "$x"\necho 10.4.4.4\n`,
};

const SNIPPETS = ['// secure-coding-ignore t.calls: checked\n', 'secure-coding-ignore', '# secure-coding-ignore t.bound\n', '"', "'", '(', ')', '{', '}', ';', '\n', ' ', 'x', 'password = "hunter22";', 'foo(', 'strcpy(a, "b")', '/* ', ' */', '// ', '#', ',', '10.20.30.40', '\n  token = "abc"\n', 'PASS_WORD', '`'];

/** A small seeded generator (mulberry32), so a failing sequence is reproduced by its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomEdit(text: string, next: () => number): { start: number; end: number; inserted: string } {
  const start = Math.floor(next() * (text.length + 1));
  const kind = next();
  if (kind < 0.3) return { start, end: Math.min(text.length, start + 1 + Math.floor(next() * 12)), inserted: '' };
  const inserted = SNIPPETS[Math.floor(next() * SNIPPETS.length)];
  if (kind < 0.45) return { start, end: Math.min(text.length, start + Math.floor(next() * 6)), inserted };
  return { start, end: start, inserted };
}

function comparable(result: { findings: readonly unknown[] }): string[] {
  return result.findings.map((f) => JSON.stringify(f)).sort();
}

/**
 * What the scan says it carried over from the last scan (`ScanResult.carried`) is true: each such finding is the
 * earlier one in all but its range, and a finding with the same range is the very same object.
 */
function assertCarriedTruly(result: ScanResult, previous: readonly Finding[], where: string): void {
  const carried = result.carried;
  if (!carried) return;
  assert.strictEqual(carried.from, previous, `${where}: carried from the last scan's findings`);
  assert.strictEqual(carried.index.length, result.findings.length);
  result.findings.forEach((finding, i) => {
    const from = carried.index[i];
    if (from < 0) return;
    assert.deepStrictEqual({ ...previous[from], range: finding.range }, finding, `${where}: finding ${i} is carried from ${from}`);
    if (JSON.stringify(previous[from].range) === JSON.stringify(finding.range)) assert.strictEqual(finding, previous[from]);
  });
}

describe('incremental scanning', function () {
  let rulebook: Rulebook;
  let builtin: Rulebook;
  let dir: string;

  before(async function () {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'incremental-'));
    await fs.mkdir(path.join(dir, '.secure-coding'));
    const file = path.join(dir, '.secure-coding/rulebook.yaml');
    await fs.writeFile(file, RULEBOOK);
    rulebook = await loadRulebook({ rulebookFile: file, checkExamples: false });
    builtin = await loadRulebook({ checkExamples: false });
    assert.deepStrictEqual(rulebook.problems, []);
  });

  after(async function () {
    await fs.rm(dir, { recursive: true, force: true });
  });

  for (const [file, source] of Object.entries(SOURCES)) {
    it(`reads again only what an edit changed, with the findings of a full reading: ${file}`, async function () {
      this.timeout(60000);
      const next = random(file.length * 7919 + source.length);
      const languageId = languageOf(file);
      // The broad test rules, and the default rulebook's own (they read more of each literal's context).
      const rules = [...rulebook.rulesFor(file, languageId), ...builtin.rulesFor(file, languageId)];
      const parser = await parserFor(languageId as GrammarLanguageId);
      const doc = new IncrementalDocument(file, languageId);
      let text = source;
      let previousFindings = (await doc.scan(rules, text)).findings;
      assert.ok(previousFindings.length > 0, 'the sample should have findings');
      // The same history of incremental parses, kept beside the document: with syntax errors an incremental reparse
      // may recover differently from a fresh parse, so the reference reads all facts from this same tree.
      let shadow = parser.parse(text)!;
      let clean = 0;
      for (let step = 0; step < 120; step++) {
        if (step % 10 === 9) {
          // Every tenth step goes back to the clean source in one edit, so that later small edits start from code
          // that parses.
          const back = diffEdit(text, source);
          if (back) {
            doc.edit(back);
            shadow.edit(back);
          }
          text = source;
        } else {
          const edits = 1 + Math.floor(next() * 3);
          for (let e = 0; e < edits; e++) {
            const { start, end, inserted } = randomEdit(text, next);
            const edit = describeEdit(text, start, end, inserted);
            doc.edit(edit);
            shadow.edit(edit);
            text = text.slice(0, start) + inserted + text.slice(end);
          }
        }
        const incremental = await doc.scan(rules, text);
        const reference = await scanWithRules(rules, { path: file, text, languageId, previousTree: shadow }, { keepTree: true });
        shadow.delete();
        shadow = reference.tree!;
        assert.deepStrictEqual(comparable(incremental), comparable(reference), `step ${step}: ${JSON.stringify(text)}`);
        assertCarriedTruly(incremental, previousFindings, `step ${step}`);
        previousFindings = incremental.findings;
        if (!reference.partialParse) {
          clean++;
          const fresh = await scanWithRules(rules, { path: file, text, languageId });
          assert.deepStrictEqual(comparable(incremental), comparable(fresh), `step ${step} (parses cleanly): ${JSON.stringify(text)}`);
        }
      }
      shadow.delete();
      const sourceParses = !(await scanWithRules(rules, { path: file, text: source, languageId })).partialParse;
      if (sourceParses) assert.ok(clean >= 12, `clean texts were compared with fresh scans (${clean} times)`);
      doc.dispose();
    });
  }

  it('finds, edit after edit, what a fresh scan finds where an edit changes what findings far from it say', async function () {
    this.timeout(60000);
    // Copies judged against a `#define`d size and a declaration far above them; identical lines (fingerprints count
    // earlier identical lines); a suppression comment; tokens an edit joins or splits.
    const source = [
      '#include <string.h>',
      '#define LEN 16',
      'struct rec { char name[16]; };',
      'static char g[LEN];',
      'void f(struct rec *r, const char *s, size_t n) {',
      '  memcpy(g, s, 8);',
      '  gets(g);',
      '  gets(g);',
      '  // secure-coding-ignore c.banned.gets: input checked upstream',
      '  gets(g);',
      '  gets(g);',
      '  memcpy(r->name, s, 12);',
      '  if (n < sizeof g) memcpy(g, s, n);',
      '  char *p = malloc(n);',
      '  memcpy(p, s, n);',
      '}',
      '',
    ].join('\n');
    const steps: [string, string][] = [
      ['#define LEN 16', '#define LEN 4'], // the copy of 8 into g no longer fits
      ['#define LEN 4', '#define LEN 16'],
      ['static char g[LEN];', 'static char *g;'], // g is no longer an array of known size
      ['static char *g;', 'static char g[LEN];'],
      ['struct rec { char name[16]; };', 'struct rec { char name[8]; };'], // the record's field shrinks
      ['  gets(g);\n  gets(g);\n  //', '  gets(g);\n  gets(g);\n  gets(g);\n  //'], // one more identical line above others
      ['  gets(g);\n  gets(g);\n  gets(g);\n  //', '  gets(g);\n  //'], // two fewer
      ['// secure-coding-ignore c.banned.gets: input checked upstream', '// secure-coding-ignore c.banned.strcpy: input checked upstream'],
      ['// secure-coding-ignore c.banned.strcpy: input checked upstream', '// secure-coding-ignore c.banned.*: input checked upstream'],
      ['#include <string.h>\n', '#include <string.h>\n\n\n'], // everything moves down, suppression and all
      ['memcpy(r->name', 'mem cpy(r->name'], // a token split
      ['mem cpy(r->name', 'memcpy(r->name'], // and joined again
      ['  char *p = malloc(n);\n', ''], // the allocation that bounds the copy below goes
      ['  memcpy(p, s, n);', '  char *p = malloc(n);\n  memcpy(p, s, n);'],
      ['size_t n) {', 'size_t n) { gets(g);'],
      ['#define LEN 16', '#define LEN 16\n#define gets(x) fgets(x, sizeof x, stdin)'], // a macro now hides every gets
      ['#define LEN 16\n#define gets(x) fgets(x, sizeof x, stdin)', '#define LEN 16'],
    ];
    const rules = builtin.rulesFor('b.c', 'c');
    const doc = new IncrementalDocument('b.c', 'c');
    let text = source;
    let previous = (await doc.scan(rules, text)).findings;
    assert.ok(previous.some((f) => f.ruleId === 'c.risky.memcpy') && previous.some((f) => f.suppression), 'the sample has copies and a suppression');
    const seen = new Set<string>([comparable({ findings: previous }).join('\n')]);
    for (const [step, [before, after]] of steps.entries()) {
      const at = text.indexOf(before);
      assert.ok(at >= 0, `step ${step}: ${before}`);
      doc.edit(describeEdit(text, at, at + before.length, after));
      text = text.slice(0, at) + after + text.slice(at + before.length);
      const incremental = await doc.scan(rules, text);
      const fresh = await scanWithRules(rules, { path: 'b.c', text, languageId: 'c' });
      assert.deepStrictEqual(incremental.findings, fresh.findings, `step ${step} (${after}): ${text}`);
      assertCarriedTruly(incremental, previous, `step ${step}`);
      previous = incremental.findings;
      seen.add(comparable(incremental).join('\n'));
    }
    // The edits change the findings far from them (severities, fingerprints, suppressions, ranges).
    assert.ok(seen.size >= 10, `the edits change the findings (${seen.size} distinct lists)`);
    doc.dispose();
  });

  it('starts over when the recorded edits do not add up to the text', async function () {
    const rules = rulebook.rulesFor('b.c', 'c');
    const doc = new IncrementalDocument('b.c', 'c');
    await doc.scan(rules, 'int x = foo(1);\n');
    doc.edit(describeEdit('int x = foo(1);\n', 0, 0, 'zz'));
    const result = await doc.scan(rules, 'bar(2);\n');
    assert.deepStrictEqual(comparable(result), comparable(await scanWithRules(rules, { path: 'b.c', text: 'bar(2);\n' })));
    doc.dispose();
  });

  it('line prefilters pass on some line of every text their rule\'s prefilter accepts', async function () {
    const builtin = await loadRulebook({ checkExamples: false });
    const withLines = [...builtin.rules, ...rulebook.rules].filter((r) => r.matcher.linePrefilter);
    assert.ok(withLines.length > 0, 'some rule has a line prefilter');
    const fixtures = (await fs.readdir(RULES_DIR, { recursive: true })).filter((f) => f.includes(FIXTURE_INFIX)).map((f) => path.join(RULES_DIR, f));
    const texts = [...Object.entries(SOURCES), ...(await Promise.all(fixtures.map(async (f) => [f, await fs.readFile(f, 'utf8')] as const)))];
    let accepted = 0;
    for (const [file, text] of texts) {
      const parsed = prefilterParsed(languageOf(file));
      const input = (t: string): { text: string; lower: string; parsed: boolean } => ({ text: t, lower: t.toLowerCase(), parsed });
      for (const rule of withLines) {
        const { check, exact } = rule.matcher.linePrefilter!;
        const whole = rule.matcher.prefilter(input(text));
        const onSomeLine = text.split('\n').some((line) => check(input(line)));
        if (whole) accepted++;
        if (whole) assert.ok(onSomeLine, `${rule.rule.id} accepts ${file} but no line passes its line prefilter`);
        if (exact) assert.strictEqual(onSomeLine, whole, `${rule.rule.id}'s exact line prefilter on ${file}`);
      }
    }
    assert.ok(accepted > 0);
  });

  it('describes an edit in rows and columns of UTF-16 code units', function () {
    const before = 'ab\ncd😀e\nf';
    const edit = describeEdit(before, before.indexOf('e'), before.indexOf('f'), 'X\nYZ');
    assert.deepStrictEqual(edit.startPosition, { row: 1, column: 4 });
    assert.deepStrictEqual(edit.oldEndPosition, { row: 2, column: 0 });
    assert.deepStrictEqual(edit.newEndPosition, { row: 2, column: 2 });
    assert.deepStrictEqual(diffEdit('abcXdef', 'abcYYdef'), describeEdit('abcXdef', 3, 4, 'YY'));
  });
});

function languageOf(file: string): LanguageId {
  return languageForPath(file);
}

describe('a rule that throws', function () {
  it('is reported while the other rules still find what they find, incrementally too', async function () {
    const builtin = await loadRulebook({ checkExamples: false });
    const gets = builtin.rulesFor('a.c', 'c');
    const broken: CompiledRule = {
      rule: { id: 't.broken', kind: 'call', severity: 'error', message: 'never', rationale: 'test' },
      source: { file: 'test', line: 1, column: 1 },
      origin: 'test',
      matcher: {
        needsTree: true,
        prefilter: () => true,
        match: () => {
          throw new Error('broken matcher');
        },
      },
    };
    const rules = [...gets, { compiled: broken, severity: 'error' as const }];
    const doc = new IncrementalDocument('a.c', 'c');
    const text = 'void f(void) { char b[8]; gets(b); }\n';
    for (const result of [await doc.scan(rules, text), await scanWithRules(rules, { path: 'a.c', text })]) {
      assert.deepStrictEqual(result.failures, [{ ruleId: 't.broken', message: 'broken matcher' }]);
      assert.deepStrictEqual(result.findings.map((f) => f.ruleId), ['c.banned.gets']);
    }
    doc.dispose();
  });
});
