/**
 * Every kind of rulebook error is reported at its exact line and column, all at once, and the good rules in the
 * same file still load. Each case is an inline rulebook starting from no rules (`extends: []`) with a good rule
 * (`ok.good`) beside the broken part.
 */
import * as assert from 'assert';
import { Loaded, RULEBOOK, dedent, loadRulebookText, loadWorkspace, removeWorkspaces, runCli, workspace } from './workspace';

const GOOD = `
  - id: ok.good
    kind: pattern
    regex: GOOD_MARKER
    severity: warning
    message: m
    rationale: r`;

const indent = (text: string): string => text.split('\n').map((l) => (l.trim() === '' ? l : `  ${l}`)).join('\n');
const GOOD_ITEM = indent(dedent(GOOD));

/** `extends: []`, `rules:`, the good rule (lines 3–8), then the case's own rule items from line 9. */
const withGood = (rest: string): string => `extends: []\nrules:\n${GOOD_ITEM}\n${indent(dedent(rest))}`;

interface Case {
  readonly name: string;
  readonly yaml: string;
  /** `line:col: severity: ` followed by a fragment of the message. */
  readonly expected: readonly string[];
  /** Rules that must still load (default: ok.good). */
  readonly loads?: readonly string[];
  readonly files?: Readonly<Record<string, string>>;
}

const CASES: readonly Case[] = [
  {
    name: 'a YAML syntax error: an unclosed quote, at the opening quote',
    yaml: withGood(`
      - id: bad.quote
        kind: pattern
        regex: x
        message: "never closed
      `),
    expected: ['12:14: error: YAML: this quoted text is never closed'],
  },
  {
    name: 'a YAML syntax error: an unclosed flow list, at the bracket',
    yaml: withGood(`
      - id: bad.flow
        kind: pattern
        languages: [c, cpp
      `),
    expected: ['11:16: error: YAML: this [ is never closed'],
  },
  {
    name: 'a duplicate YAML key drops only its rule',
    yaml: withGood(`
      - id: bad.twice
        kind: pattern
        kind: call
        regex: x
        severity: error
        message: m
        rationale: r
      - id: ok.after
        kind: pattern
        regex: AFTER_MARKER
        severity: info
        message: m
        rationale: r
      `),
    expected: ['11:5: error: YAML: the key `kind` appears twice'],
    loads: ['ok.good', 'ok.after'],
  },
  {
    name: 'an unknown top-level key, with a suggestion',
    yaml: `${withGood('')}overides:\n  ok.good: { severity: error }\n`,
    expected: ['9:1: error: unknown key `overides` (did you mean `overrides`?)'],
  },
  {
    name: 'an unknown key in a rule, with a suggestion',
    yaml: withGood(`
      - id: bad.key
        kind: pattern
        regexp: x
        severity: error
        message: m
        rationale: r
      `),
    expected: ['9:5: error: rule `bad.key` (kind `pattern`) needs `regex` or `query`', '11:5: error: unknown key `regexp` in rule `bad.key` (did you mean `regex`?)'],
  },
  {
    name: 'an unknown key in a localized text',
    yaml: withGood(`
      - id: bad.text
        kind: pattern
        regex: x
        severity: error
        message: { en: hello, jp: こんにちは }
        rationale: r
      `),
    expected: ['13:27: error: unknown key `jp` in `message` (did you mean `ja`?)'],
  },
  {
    name: 'wrong types: a list written as text, a number as text, an enum value',
    yaml: withGood(`
      - id: bad.types
        kind: pattern
        regex: x
        languages: c
        cwe: ["798"]
        severity: fatal
        message: m
        rationale: r
      `),
    expected: [
      '12:16: error: `languages` must be a list',
      '13:11: error: item 1 of `cwe` must be a whole number',
      '14:15: error: `severity` must be one of "error", "warning", "info"',
    ],
  },
  {
    name: 'a missing required key',
    yaml: withGood(`
      - id: bad.missing
        kind: pattern
        regex: x
        severity: error
        rationale: r
      `),
    expected: ['9:5: error: rule `bad.missing` is missing required key `message`'],
  },
  {
    name: 'a malformed rule id',
    yaml: withGood(`
      - id: NoDots
        kind: pattern
        regex: x
        severity: error
        message: m
        rationale: r
      `),
    expected: ['9:9: error: `id` has the wrong form'],
  },
  {
    name: 'duplicate rule ids in one file, at the second id',
    yaml: withGood(`
      - id: ok.good
        kind: pattern
        regex: OTHER
        severity: error
        message: m
        rationale: r
      `),
    expected: [/9:9: error: ok\.good: duplicate rule id \(first defined at .*rulebook\.yaml:3\)/.source],
  },
  {
    name: 'a rule id the default rulebook already has',
    yaml: `rules:\n${GOOD_ITEM}\n  - id: c.banned.gets\n    kind: pattern\n    regex: gets\n    severity: error\n    message: m\n    rationale: r\n`,
    expected: [/8:9: error: c\.banned\.gets: duplicate rule id \(first defined at .*rules\/c\/banned-gets\.yaml:\d+\); use `overrides`/.source],
    loads: ['c.banned.gets', 'ok.good'],
  },
  {
    name: 'an unknown kind, with a suggestion',
    yaml: withGood(`
      - id: bad.kind
        kind: patern
        regex: x
        severity: error
        message: m
        rationale: r
      `),
    expected: ['10:11: error: bad.kind: unknown kind `patern` (did you mean `pattern`?)'],
  },
  {
    name: 'an unknown language, with a suggestion',
    yaml: withGood(`
      - id: bad.language
        kind: pattern
        languages: [c, pyhton]
        regex: x
        severity: error
        message: m
        rationale: r
      `),
    expected: ['11:20: error: bad.language: unknown language `pyhton` (did you mean `python`?)'],
  },
  {
    name: 'an invalid regex, at the offending character',
    yaml: withGood(`
      - id: bad.regex
        kind: pattern
        regex: "ab[z-a]"
        severity: error
        message: m
        rationale: r
      `),
    expected: ['11:16: error: bad.regex: invalid regex: invalid character class range: `z-a`'],
  },
  {
    name: 'look-behind is refused with an explanation, at the construct',
    yaml: withGood(`
      - id: bad.lookbehind
        kind: pattern
        regex: 'password(?<!_hash)\\s*='
        severity: error
        message: m
        rationale: r
      `),
    expected: ['11:21: error: bad.lookbehind: look-behind is not supported: rulebook regexes run on RE2'],
  },
  {
    name: 'a back-reference is refused with an explanation, at the construct',
    yaml: withGood(`
      - id: bad.backref
        kind: pattern
        regex: (\\w+) \\1
        severity: error
        message: m
        rationale: r
      `),
    expected: ['11:18: error: bad.backref: a back-reference is not supported'],
  },
  {
    name: 'an invalid tree-sitter query: an unknown node type, inside a block, with a suggestion',
    yaml: withGood(`
      - id: bad.query
        kind: pattern
        languages: [c]
        query: |
          (call_expression
            function: (identifer) @fn)
        severity: error
        message: m
        rationale: r
      `),
    expected: ['14:20: error: bad.query: unknown node type `identifer` in the c grammar (did you mean `identifier`?)'],
  },
  {
    name: 'an invalid tree-sitter query: an unknown field',
    yaml: withGood(`
      - id: bad.field
        kind: pattern
        languages: [python]
        query: "(call functon: (identifier) @fn)"
        severity: error
        message: m
        rationale: r
      `),
    expected: ['12:19: error: bad.field: unknown field `functon` in the python grammar (did you mean `function`?)'],
  },
  {
    name: 'an invalid tree-sitter query: unbalanced parentheses',
    yaml: withGood(`
      - id: bad.syntax
        kind: pattern
        languages: [c]
        query: |
          (call_expression
            function: (identifier) @fn
        severity: error
        message: m
        rationale: r
      `),
    expected: [/15:1: error: bad\.syntax: invalid query syntax here/.source],
  },
  {
    name: 'a look-ahead inside a query #match? predicate, at the construct',
    yaml: withGood(`
      - id: bad.predicate
        kind: pattern
        languages: [c]
        query: |
          ((identifier) @id
           (#match? @id "^tmp(?!_ok)"))
        severity: error
        message: m
        rationale: r
      `),
    expected: ['14:26: error: bad.predicate: in #match?: look-ahead is not supported'],
  },
  {
    name: 'a capture the query does not have, with a suggestion',
    yaml: withGood(`
      - id: bad.capture
        kind: pattern
        languages: [c]
        query: "(call_expression function: (identifier) @fn)"
        capture: fun
        severity: error
        message: m
        rationale: r
      `),
    expected: ['13:14: error: bad.capture: the query has no capture @fun (did you mean `fn`?)'],
  },
  {
    name: 'a bad example that is not flagged, at the example',
    yaml: withGood(`
      - id: bad.example
        kind: pattern
        languages: [python]
        regex: eval\\(
        severity: error
        message: m
        rationale: r
        examples:
          bad:
            - "eval(x)"
            - "evaluate(x)"
      `),
    expected: ['19:11: error: bad.example: bad example 2 is not flagged by the rule'],
  },
  {
    name: 'a good example that is flagged, at the flagged line inside the block',
    yaml: withGood(`
      - id: bad.good-example
        kind: pattern
        languages: [python]
        regex: \\beval\\(
        severity: error
        message: m
        rationale: r
        examples:
          good:
            - |
              import ast
              value = ast.literal_eval(text)
              other = eval(text)
      `),
    expected: ['21:19: error: bad.good-example: good example 1 is flagged (line 3 of the example: m)'],
  },
  {
    name: 'an example in an unknown language',
    yaml: withGood(`
      - id: bad.example-language
        kind: pattern
        regex: x
        severity: error
        message: m
        rationale: r
        examples:
          bad:
            - { language: pyton, code: "x" }
      `),
    expected: ['17:23: error: bad.example-language: unknown language `pyton` (did you mean `python`?)'],
  },
  {
    name: 'an invalid CIDR range in an override allow list of an ip rule',
    yaml: `${withGood(`
      - id: ok.ip
        kind: ip
        severity: warning
        message: m
        rationale: r
      `)}overrides:\n  ok.ip:\n    allow: [10.0.0.0/8, 10.0.0.0/99]\n`,
    expected: ['16:25: error: invalid prefix length in 10.0.0.0/99 (in the allow list for ip rules)'],
    loads: ['ok.good', 'ok.ip'],
  },
  {
    name: 'overrides and disables that select no rule are warnings at their entry',
    yaml: `${withGood('')}disable: [ok.goood, nothing.*]\npaths:\n  "vendor/**":\n    overrides:\n      ok.god: { severity: info }\n`,
    expected: [
      '9:11: warning: disable: no rule has the id `ok.goood` (did you mean `ok.good`?)',
      '9:21: warning: disable: no rule id starts with `nothing.`',
      '13:7: warning: paths "vendor/**" overrides: no rule has the id `ok.god` (did you mean `ok.good`?)',
    ],
  },
  {
    name: 'an unknown built-in rulebook in extends, at the entry',
    yaml: `extends:\n  - builtin:defaults\nrules:\n${GOOD_ITEM}\n`,
    expected: ['2:5: error: unknown built-in rulebook `builtin:defaults` (did you mean `builtin:default`?)'],
  },
  {
    name: 'a missing extended rulebook, at the entry',
    yaml: `extends:\n  - builtin:none\n  - ../org/rulebook.yaml\nrules:\n${GOOD_ITEM}\n`,
    expected: ['3:5: error: extended rulebook not found: ../org/rulebook.yaml'],
  },
  {
    name: 'an extends cycle, at the entry that closes it',
    yaml: `extends: [builtin:none, ../org]\nrules:\n${GOOD_ITEM}\n`,
    files: { 'org/rulebook.yaml': 'extends:\n  - builtin:none\n  - ../.secure-coding/rulebook.yaml\n' },
    expected: ['org/rulebook.yaml:3:5: error: `extends` makes a cycle: ../.secure-coding/rulebook.yaml → rulebook.yaml → ../.secure-coding/rulebook.yaml'],
  },
  {
    name: 'an extends entry that is a folder without a rulebook',
    yaml: `extends: [builtin:none, ../empty]\nrules:\n${GOOD_ITEM}\n`,
    files: { 'empty/README.md': 'nothing here' },
    expected: ['1:25: error: extended rulebook not found: ../empty (looked for ../empty/.secure-coding/rulebook.yaml, ../empty/rulebook.yaml'],
  },
];

function matches(problem: string, expected: string): boolean {
  const withFile = /^\d+:\d+:/.test(expected) ? `${RULEBOOK}:${expected}` : expected;
  try {
    if (new RegExp(`^(?:${withFile.replace(/^\.secure-coding\/rulebook\.yaml/, '\\.secure-coding/rulebook\\.yaml')})`).test(problem)) return true;
  } catch {
    // Not a regex: compare as a prefix.
  }
  return problem.startsWith(withFile);
}

describe('rulebook errors: exact positions, all at once, good rules kept', function () {
  after(removeWorkspaces);

  for (const c of CASES) {
    it(c.name, async function () {
      const loaded: Loaded = c.files ? await loadWorkspace({ [RULEBOOK]: c.yaml, ...c.files }) : await loadRulebookText(c.yaml);
      assert.strictEqual(loaded.problems.length, c.expected.length, `problems:\n${loaded.problems.join('\n')}`);
      c.expected.forEach((expected, i) => assert.ok(matches(loaded.problems[i], expected), `expected ${expected}\n     got ${loaded.problems[i]}`));
      for (const id of c.loads ?? ['ok.good']) assert.ok(loaded.ids.includes(id), `${id} should still load; loaded: ${loaded.ids.join(', ')}`);
    });
  }

  it('reports every kind of error in one file at once, and keeps the good rule', async function () {
    // Every rule-level case concatenated into one file (YAML syntax errors aside: an unclosed quote swallows the rest).
    const rules = CASES.filter((c) => !c.files && c.yaml.startsWith('extends: []\nrules:') && !/YAML syntax|top-level|select no rule|ip rule/.test(c.name));
    const body = rules.map((c) => c.yaml.split('\n').slice(8).join('\n')).join('\n');
    const loaded = await loadRulebookText(`extends: []\nrules:\n${GOOD_ITEM}\n${body}`);
    for (const c of rules) {
      for (const expected of c.expected) {
        const message = expected.replace(/^[^:]*\d+:\d+: (?:error|warning): /, '').replace(/\\/g, '');
        const fragment = message.split(/[(.*]/)[0];
        assert.ok(loaded.problems.some((p) => p.includes(fragment)), `missing "${fragment}" (${c.name}) in:\n${loaded.problems.join('\n')}`);
      }
    }
    assert.ok(loaded.ids.includes('ok.good'));
  });
});

describe('rulebook check', function () {
  after(removeWorkspaces);

  it('prints every problem as file:line:col and exits 2', function () {
    const dir = workspace({ [RULEBOOK]: CASES[4].yaml.replace('regexp: x', 'regexp: x\n    scope: strings') });
    const run = runCli(['check'], dir);
    assert.strictEqual(run.code, 2);
    const lines = run.stderr.trim().split('\n');
    assert.deepStrictEqual(lines, [
      '.secure-coding/rulebook.yaml:9:5: error: rule `bad.key` (kind `pattern`) needs `regex` or `query`',
      '.secure-coding/rulebook.yaml:11:5: error: unknown key `regexp` in rule `bad.key` (did you mean `regex`?)',
      '.secure-coding/rulebook.yaml:12:12: error: `scope` must be one of "code", "string", "comment", "any"',
    ]);
    assert.match(run.stdout, /^1 rules? from 1 file: 3 errors, 0 warnings/);
  });

  it('exits 0 for a clean rulebook', function () {
    const dir = workspace({ [RULEBOOK]: withGood('') });
    const run = runCli(['check'], dir);
    assert.strictEqual(run.stderr, '');
    assert.strictEqual(run.code, 0);
  });
});
