/**
 * The built-in rules' regexes run on V8 without being compiled by RE2 at load (that would repeat this check in every
 * scan worker); they must still be valid RE2, the syntax every rulebook regex is documented to have, so that a lead
 * can copy a built-in rule into a workspace rulebook.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { compileRuleRegex } from '@secure-coding/server/out/engine/regex';
import { builtinRuleFiles } from '@secure-coding/server/out/engine/rulebook/precompiled';
import schema from '@secure-coding/server/out/engine/rulebook/rulebook.schema.json';
import { RULES_DIR } from '../helpers';

interface PropertySchema {
  readonly type?: string;
  readonly description?: string;
}

/** Keys whose value is one regex: `regex`, and the string keys the schema describes as regexes. */
const REGEX_KEYS = new Set(
  Object.entries(schema.definitions.rule.properties as Record<string, PropertySchema>)
    .filter(([key, value]) => key === 'regex' || (value.type === 'string' && /\bregex\b/i.test(value.description ?? '') && key !== 'query'))
    .map(([key]) => key),
);

describe('built-in regexes', () => {
  it('are all valid RE2', async () => {
    assert.ok(REGEX_KEYS.has('names') && REGEX_KEYS.has('routes') && REGEX_KEYS.has('regex'), [...REGEX_KEYS].join(', '));
    let checked = 0;
    for (const file of await builtinRuleFiles(RULES_DIR)) {
      const doc = parse(await fs.readFile(file, 'utf8')) as { rules?: Record<string, unknown>[] };
      for (const rule of doc.rules ?? []) {
        const sources: [string, string][] = [];
        for (const key of REGEX_KEYS) if (typeof rule[key] === 'string') sources.push([key, rule[key]]);
        for (const [i, p] of ((rule.patterns ?? []) as { regex: string }[]).entries()) sources.push([`patterns[${i}].regex`, p.regex]);
        for (const [key, source] of sources) {
          assert.doesNotThrow(() => compileRuleRegex(source, { trusted: false }), `${path.basename(file)} ${String(rule.id)} ${key}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 100, `only ${checked} regexes`);
  });

  it('an invalid regex in a trusted rule is still explained, not silently accepted', () => {
    assert.throws(() => compileRuleRegex('(a', { trusted: true }), /regex/);
  });
});
