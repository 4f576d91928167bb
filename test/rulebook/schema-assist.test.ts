/**
 * Editor support from the rulebook's JSON Schema: completion of keys (only the current kind's), values, rule ids,
 * languages and kinds at the cursor — in text being typed, so rarely valid YAML — and hover documentation.
 * `‸` marks the cursor in the inline texts.
 */
import * as assert from 'assert';
import { LANGUAGE_IDS } from '@secure-coding/server';
import { RULEBOOK_SCHEMA } from '@secure-coding/server/out/engine/rulebook/schema';
import { AssistOptions, CompletionItem, rulebookCompletions, rulebookHover } from '@secure-coding/server/out/engine/rulebook/schema-assist';

function cursor(source: string): { text: string; position: { line: number; character: number } } {
  const at = source.indexOf('‸');
  const text = source.slice(0, at) + source.slice(at + 1);
  const before = text.slice(0, at).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

function complete(source: string, options: AssistOptions = {}): CompletionItem[] {
  const { text, position } = cursor(source);
  return rulebookCompletions(text, position, options);
}

const labels = (items: readonly CompletionItem[]): string[] => items.map((i) => i.label);

describe('rulebook completion', function () {
  it('offers the top-level keys, with their documentation', function () {
    const items = complete('‸');
    assert.deepStrictEqual(labels(items), ['version', 'name', 'extends', 'rules', 'overrides', 'disable', 'enable', 'paths', 'path_classes', 'settings', 'review']);
    const extendsItem = items.find((i) => i.label === 'extends')!;
    assert.strictEqual(extendsItem.insertText, 'extends: ');
    assert.match(extendsItem.documentation!, /builtin:default/);
  });

  it('offers only the keys of the rule\'s kind that are not written yet', function () {
    const items = labels(complete('rules:\n  - id: team.x\n    kind: pattern\n    ‸\n    severity: error\n'));
    assert.ok(items.includes('regex') && items.includes('query') && items.includes('scope') && items.includes('message'));
    for (const absent of ['id', 'kind', 'severity', 'functions', 'patterns', 'allow']) assert.ok(!items.includes(absent), `${absent} should not be offered`);
    const call = labels(complete('rules:\n  - id: team.x\n    kind: call\n    ‸\n'));
    assert.ok(call.includes('functions') && !call.includes('regex'));
    const setting = labels(complete('rules:\n  - id: team.x\n    kind: setting\n    ‸\n'));
    assert.ok(setting.includes('names') && setting.includes('keywords') && setting.includes('top_level') && !setting.includes('entropy'), setting.join());
    assert.ok(items.includes('keywords'), 'a pattern query takes keywords');
  });

  it('replaces the part of a key already typed', function () {
    const items = complete('rules:\n  - id: team.x\n    sev‸\n');
    const severity = items.find((i) => i.label === 'severity')!;
    assert.deepStrictEqual(severity.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } });
  });

  it('starts a list item under a list key without one', function () {
    const items = complete('rules:\n  ‸\n');
    assert.strictEqual(items.find((i) => i.label === 'id')?.insertText, '- id: ');
    assert.deepStrictEqual(labels(complete('rules:\n  - id: a.b\n  - ‸\n')).slice(0, 3), ['id', 'kind', 'severity']);
  });

  it('offers enum values, kinds and languages (block and flow lists)', function () {
    assert.deepStrictEqual(labels(complete('rules:\n  - id: a.b\n    severity: ‸\n')), ['error', 'warning', 'info']);
    assert.deepStrictEqual(labels(complete('rules:\n  - id: a.b\n    scope: ‸\n')), ['code', 'string', 'comment', 'any']);
    assert.ok(labels(complete('rules:\n  - id: a.b\n    kind: ‸\n')).includes('pattern'));
    assert.deepStrictEqual(labels(complete('rules:\n  - id: a.b\n    languages: [c, ‸\n')), LANGUAGE_IDS);
    assert.deepStrictEqual(labels(complete('rules:\n  - id: a.b\n    languages:\n      - ‸\n')), LANGUAGE_IDS);
    assert.deepStrictEqual(labels(complete('rules:\n  - id: a.b\n    examples:\n      bad:\n        - language: ‸\n')), LANGUAGE_IDS);
    assert.deepStrictEqual(labels(complete('extends:\n  - ‸\n')), ['builtin:default', 'builtin:none']);
  });

  it('offers rule ids in overrides, disable and enable, from the rulebook and from the text', function () {
    const options = { ruleIds: ['c.banned.gets', 'secret.aws-key'] };
    const own = 'rules:\n  - id: team.own\n    kind: pattern\n';
    assert.deepStrictEqual(labels(complete(`${own}overrides:\n  ‸\n`, options)), ['c.banned.gets', 'secret.aws-key', 'team.own']);
    assert.deepStrictEqual(labels(complete(`${own}disable: [‸]\n`, options)), ['all', 'c.banned.gets', 'secret.aws-key', 'team.own']);
    assert.deepStrictEqual(labels(complete(`${own}paths:\n  "vendor/**":\n    enable:\n      - ‸\n`, options)), ['all', 'c.banned.gets', 'secret.aws-key', 'team.own']);
    assert.deepStrictEqual(labels(complete('paths:\n  "vendor/**":\n    overrides:\n      ‸\n', options)), ['c.banned.gets', 'secret.aws-key']);
    assert.deepStrictEqual(labels(complete('review:\n  overrides:\n    ‸\n', options)), ['c.banned.gets', 'secret.aws-key']);
    assert.deepStrictEqual(labels(complete('review:\n  reviewers:\n    - ‸\n')), ['id', 'name', 'email', 'key']);
  });

  it('completes inside a flow mapping of an override', function () {
    assert.deepStrictEqual(labels(complete('overrides:\n  c.banned.gets: { ‸\n')), ['severity', 'paths', 'classes', 'allow', 'message']);
    assert.deepStrictEqual(labels(complete('overrides:\n  c.banned.gets: { severity: ‸\n')), ['error', 'warning', 'info']);
  });

  it('completes path classes and class treatments from the schema, with Japanese documentation', function () {
    assert.deepStrictEqual(labels(complete('path_classes:\n  ‸\n')), ['product', 'test', 'docs', 'vendored']);
    assert.deepStrictEqual(labels(complete('path_classes:\n  vendored:\n    ‸\n')), ['globs', 'conventions']);
    assert.deepStrictEqual(labels(complete('path_classes:\n  product:\n    ‸\n')), ['globs']);
    assert.deepStrictEqual(labels(complete('overrides:\n  account.*:\n    classes: { test: ‸ }\n')), ['report', 'off', 'error', 'warning', 'info']);
    const ja = complete('rules:\n  - id: a.b\n    kind: pattern\n    classes:\n      ‸\n', { locale: 'ja' }).find((i) => i.label === 'vendored');
    assert.match(ja?.documentation ?? '', /取り込んだ外部のコード/);
  });

  it('offers en and ja inside a localized text, and nothing inside a block scalar or a comment', function () {
    assert.deepStrictEqual(labels(complete('rules:\n  - id: a.b\n    message:\n      ‸\n')), ['en', 'ja']);
    assert.deepStrictEqual(complete('rules:\n  - id: a.b\n    query: |\n      (call_expression ‸\n'), []);
    assert.deepStrictEqual(complete('# a comment ‸\n'), []);
  });

  it('documents in Japanese, with the English beside it', function () {
    const item = complete('rules:\n  - id: a.b\n    ‸\n', { locale: 'ja' }).find((i) => i.label === 'severity')!;
    assert.match(item.documentation!, /^指摘の重大度/);
    assert.match(item.documentation!, /How serious a finding is/);
  });
});

describe('rulebook hover', function () {
  const text = 'rules:\n  - id: team.x\n    scope: code\n    languages: [c]\noverrides:\n  c.banned.gets: { severity: info }\ndisable: [c.banned.gets]\n';
  const ruleDoc = (id: string): string | undefined => (id === 'c.banned.gets' ? '`gets` is banned' : undefined);

  it('documents the key under the cursor', function () {
    const hover = rulebookHover(text, { line: 2, character: 6 });
    assert.ok(hover);
    assert.match(hover.contents, /^\*\*scope\*\*\n\nkind pattern: where a `regex` looks/);
    assert.deepStrictEqual(hover.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
    assert.strictEqual(rulebookHover(text, { line: 2, character: 11 }), undefined, 'a value is not a key');
  });

  it('documents a rule id in overrides and disable', function () {
    assert.match(rulebookHover(text, { line: 5, character: 3 }, { ruleDoc })!.contents, /^\*\*c\.banned\.gets\*\*\n\n`gets` is banned\n\n---\n\nChanges to the rules/);
    assert.strictEqual(rulebookHover(text, { line: 6, character: 14 }, { ruleDoc })!.contents, '**c.banned.gets**\n\n`gets` is banned');
  });
});

describe('the rulebook schema', function () {
  it('documents every key in English (and the kind of every kind-specific rule key)', function () {
    const missing: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (!node || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      for (const [name, property] of Object.entries((record.properties as Record<string, Record<string, unknown>> | undefined) ?? {})) {
        if (!where.includes('/if')) {
          const description = property.description;
          if (typeof description !== 'string' || description.length < 10) missing.push(`${where}/${name}`);
        }
      }
      for (const [key, value] of Object.entries(record)) walk(value, `${where}/${key}`);
    };
    walk(RULEBOOK_SCHEMA, '#');
    assert.deepStrictEqual(missing, []);
  });
});
