/** Loading keeps the good rules when others are broken, and reports each problem at its key. */
import * as assert from 'assert';
import { scanDocument } from '@secure-coding/server';
import { inlineRulebook } from './rulebook-fixture';

describe('rulebook loading', function () {
  it('drops only the broken rule and keeps the others in force', async function () {
    const { rulebook, cleanup } = await inlineRulebook(`rules:
  - id: acme.broken
    kind: call
    severity: error
    message: "m"
    rationale: "r"
    functions: []
  - id: acme.fine
    kind: call
    severity: warning
    message: "{name} is discouraged"
    rationale: "r"
    functions: [system]
`);
    try {
      assert.strictEqual(rulebook.rule('acme.broken'), undefined);
      assert.ok(rulebook.rule('acme.fine'));
      assert.deepStrictEqual(rulebook.problems.map((p) => [p.line, p.severity]), [[7, 'error']]);
      const result = await scanDocument(rulebook, { path: 'x.c', text: 'void f(void) { system("ls"); }' });
      assert.deepStrictEqual(result.findings.map((f) => f.ruleId), ['acme.fine']);
    } finally {
      await cleanup();
    }
  });

  it('reports a duplicate rule id at the second definition, naming the first', async function () {
    const rule = (id: string) => `  - id: ${id}\n    kind: call\n    severity: error\n    message: m\n    rationale: r\n    functions: [f]\n`;
    const { rulebook, cleanup } = await inlineRulebook(`rules:\n${rule('acme.same')}${rule('acme.same')}`);
    try {
      assert.strictEqual(rulebook.problems.length, 1);
      assert.strictEqual(rulebook.problems[0].line, 8);
      assert.match(rulebook.problems[0].message, /duplicate rule id \(first defined at .*rulebook\.yaml:2\)/);
    } finally {
      await cleanup();
    }
  });
});
