/**
 * Writing rules: `pattern` rules with a regex (per scope) or a tree-sitter query (`@capture` names the flagged node,
 * `#match?` on RE2), and the guarantee that a lead's regex can never hang a scan.
 */
import * as assert from 'assert';
import { Rulebook, scanDocument } from '@secure-coding/server';
import { marked } from '../helpers';
import { loadRulebookText, removeWorkspaces } from './workspace';

async function flagged(rulebook: Rulebook, path: string, source: string): Promise<void> {
  const { text, ranges } = marked(source);
  const { findings } = await scanDocument(rulebook, { path, text });
  assert.deepStrictEqual(
    findings.map((f) => ({ line: f.range.start.line, start: f.range.start.character, end: f.range.end.character })),
    ranges,
  );
}

function regexRule(regex: string, scope: string, languages = '[python]'): string {
  return `extends: []\nrules:\n  - id: team.rule\n    kind: pattern\n    languages: ${languages}\n    regex: '${regex}'\n    scope: ${scope}\n    severity: error\n    message: m\n    rationale: r\n`;
}

describe('pattern rules', function () {
  after(removeWorkspaces);

  describe('regex scope', function () {
    const source = (marks: { code?: boolean; string?: boolean; comment?: boolean }): string => {
      const m = (on: boolean | undefined, word: string): string => (on ? `⟦${word}⟧` : word);
      return `${m(marks.code, 'TODO_SEC')}()\nx = "${m(marks.string, 'TODO_SEC')}"\n# ${m(marks.comment, 'TODO_SEC')}\n`;
    };

    it('code (the default) skips strings and comments', async function () {
      const { rulebook, problems } = await loadRulebookText(regexRule('TODO_SEC', 'code'));
      assert.deepStrictEqual(problems, []);
      await flagged(rulebook, 'a.py', source({ code: true }));
    });

    it('string, comment and any', async function () {
      for (const [scope, marks] of [
        ['string', { string: true }],
        ['comment', { comment: true }],
        ['any', { code: true, string: true, comment: true }],
      ] as const) {
        const { rulebook } = await loadRulebookText(regexRule('TODO_SEC', scope));
        await flagged(rulebook, 'a.py', source(marks));
      }
    });

    it('flags capture group 1 when the regex has groups', async function () {
      const { rulebook } = await loadRulebookText(regexRule('verify\\s*=\\s*(False)', 'code'));
      await flagged(rulebook, 'a.py', 'requests.get(url, verify=⟦False⟧)\n');
    });
  });

  describe('tree-sitter queries', function () {
    const queryRule = (query: string, extra = ''): string =>
      `extends: []\nrules:\n  - id: team.query\n    kind: pattern\n    languages: [c, cpp]\n    query: |\n${query
        .split('\n')
        .map((l) => `      ${l}`)
        .join('\n')}\n    severity: error\n    message: "{name}"\n    rationale: r${extra}\n`;

    it('flags the captured node, in every language of the rule', async function () {
      const { rulebook, problems } = await loadRulebookText(queryRule('(call_expression function: (identifier) @fn (#eq? @fn "system"))'));
      assert.deepStrictEqual(problems, []);
      await flagged(rulebook, 'a.c', 'void f(const char *c) { ⟦system⟧(c); /* system(c) */ my_system(c); }\n');
      await flagged(rulebook, 'a.cpp', 'void f(const char *c) { ⟦system⟧(c); }\n');
    });

    it('`capture` picks which capture is flagged', async function () {
      const { rulebook } = await loadRulebookText(
        queryRule('(call_expression function: (identifier) @fn arguments: (argument_list) @args (#eq? @fn "system"))', '\n    capture: args'),
      );
      await flagged(rulebook, 'a.c', 'void f(const char *c) { system⟦(c)⟧; }\n');
    });

    it('#match? and #not-match? predicates run (on RE2)', async function () {
      const { rulebook, problems } = await loadRulebookText(
        queryRule('((identifier) @id\n (#match? @id "^tmp_[a-z]+$")\n (#not-match? @id "_ok$"))'),
      );
      assert.deepStrictEqual(problems, []);
      await flagged(rulebook, 'a.c', 'int ⟦tmp_buf⟧; int tmp_ok; int mytmp_x; int ⟦tmp_name⟧;\n');
    });

    it('`prefilter` spares the parse of files where the keywords are only common words', async function () {
      const { rulebook, problems } = await loadRulebookText(
        queryRule('(call_expression function: (identifier) @fn (#eq? @fn "system"))', "\n    keywords: [system]\n    prefilter: 'system\\s*\\('"),
      );
      assert.deepStrictEqual(problems, []);
      await flagged(rulebook, 'a.c', 'void f(void) { ⟦system⟧("ls"); }\n');
      const prose = await scanDocument(rulebook, { path: 'b.c', text: '/* the system is down */\nint x;\n' });
      assert.strictEqual(prose.tree, undefined, 'the keyword alone no longer makes the file worth parsing');
    });

    it('`prefilter` is for query rules, and a broken one is reported at its key', async function () {
      const onRegex = await loadRulebookText(`${regexRule('TODO_SEC', 'code')}    prefilter: 'TODO'\n`);
      assert.strictEqual(onRegex.problems.length, 1);
      assert.match(onRegex.problems[0], /error: team\.rule: `prefilter` is for `query` rules/);
      const broken = await loadRulebookText(queryRule('(identifier) @x', "\n    prefilter: 'a(b'"));
      assert.strictEqual(broken.problems.length, 1);
      assert.match(broken.problems[0], /:11:\d+: error: team\.query: invalid regex/);
    });

    it('a query needs a language with a grammar', async function () {
      const { problems } = await loadRulebookText(
        'extends: []\nrules:\n  - id: team.q\n    kind: pattern\n    languages: [yaml]\n    query: "(identifier) @x"\n    severity: error\n    message: m\n    rationale: r\n',
      );
      assert.strictEqual(problems.length, 1);
      assert.match(problems[0], /:5:16: error: team\.q: a query rule needs `languages` with at least one language that has a grammar/);
    });
  });

  describe('a lead\'s regex never hangs a scan', function () {
    it('(a+)+$ over a 100,000-character line finishes (RE2 runs in linear time)', async function () {
      const { rulebook, problems } = await loadRulebookText(regexRule('(a+)+$', 'any', '[text]'));
      assert.deepStrictEqual(problems, []);
      const line = `${'a'.repeat(100_000)}!`;
      // A backtracking engine would take longer than the age of the universe here; RE2 answers in milliseconds.
      const noMatch = await scanDocument(rulebook, { path: 'long.txt', text: line });
      assert.deepStrictEqual(noMatch.findings, []);
      const match = await scanDocument(rulebook, { path: 'long.txt', text: 'a'.repeat(100_000) });
      assert.strictEqual(match.findings.length, 1);
      assert.strictEqual(match.findings[0].range.end.character, 100_000);
    });

    it('also inside #match? of a query, over a 100,000-character identifier', async function () {
      const { rulebook, problems } = await loadRulebookText(
        `extends: []\nrules:\n  - id: team.q\n    kind: pattern\n    languages: [c]\n    query: '((identifier) @id (#match? @id "^(a+)+$"))'\n    severity: error\n    message: m\n    rationale: r\n`,
      );
      assert.deepStrictEqual(problems, []);
      const { findings } = await scanDocument(rulebook, { path: 'long.c', text: `int ${'a'.repeat(100_000)}b;\n` });
      assert.deepStrictEqual(findings, []);
    });

    it('look-behind and back-references are refused at load, with what to write instead', async function () {
      const { problems, ids } = await loadRulebookText(regexRule('(?<=key=)\\w+', 'code'));
      assert.deepStrictEqual(ids, []);
      assert.strictEqual(problems.length, 1);
      assert.match(problems[0], /:6:13: error: team\.rule: look-behind is not supported: rulebook regexes run on RE2, which finishes in time linear in the input for any pattern .* Instead, match the text before it too/);
      const backref = await loadRulebookText(regexRule('(\\w)secret\\1', 'code'));
      assert.match(backref.problems[0], /error: team\.rule: a back-reference is not supported.*Instead, spell out the repeated text/);
    });
  });
});
