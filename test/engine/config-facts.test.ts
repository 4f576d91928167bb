/**
 * Key/value facts from config and data files: each case marks the values it expects with ⟦ ⟧, in order, with the
 * name (and full key path) each must be bound to. Lines that are not values (comments, code in unknown text files,
 * block scalar indicators) must yield nothing.
 */
import * as assert from 'assert';
import { ConfigLanguageId } from '@secure-coding/server/out/engine/languages';
import { configFacts } from '@secure-coding/server/out/engine/syntax/config-facts';
import { TextIndex } from '@secure-coding/server/out/engine/text-index';
import { marked } from '../helpers';

interface Case {
  readonly title: string;
  readonly lang: ConfigLanguageId | 'text';
  readonly code: string;
  /** One entry per marked value, in order: the bound name and full key path (undefined: no binding). */
  readonly names: readonly ({ name: string; fullName: string } | undefined)[];
}

const CASES: readonly Case[] = [
  {
    title: '.env with export, quotes and a trailing comment',
    lang: 'dotenv',
    code: 'DB_PASSWORD=⟦hunter22⟧\nexport API_KEY="⟦abcd1234efgh⟧"\nSECRET= ⟦spaced123⟧ # rotated monthly\n# TOKEN=commented',
    names: [
      { name: 'DB_PASSWORD', fullName: 'DB_PASSWORD' },
      { name: 'API_KEY', fullName: 'API_KEY' },
      { name: 'SECRET', fullName: 'SECRET' },
    ],
  },
  {
    title: 'INI sections become part of the key path',
    lang: 'ini',
    code: '[database]\npassword = ⟦hunter22⟧\n; password = old\n[mail]\nsmtp_pass: ⟦mailpw123⟧',
    names: [
      { name: 'password', fullName: 'database.password' },
      { name: 'smtp_pass', fullName: 'mail.smtp_pass' },
    ],
  },
  {
    title: '.npmrc registry tokens keyed by //host/:_authToken',
    lang: 'ini',
    code: '//registry.npmjs.org/:_authToken=⟦npmrc12345⟧',
    names: [{ name: '_authToken', fullName: '//registry.npmjs.org/:_authToken' }],
  },
  {
    title: 'Java properties with = and :',
    lang: 'properties',
    code: 'spring.datasource.password=⟦hunter22⟧\nkeystore.password : ⟦ks123456⟧',
    names: [
      { name: 'password', fullName: 'spring.datasource.password' },
      { name: 'password', fullName: 'keystore.password' },
    ],
  },
  {
    title: 'YAML nesting, anchors and tags, quoted keys',
    lang: 'yaml',
    code: 'secrets:\n  api:\n    key: ⟦Zp3Xc8Vb⟧\n  token: &tok ⟦tok12345⟧\n  "api-key": \'⟦quoted123⟧\'\nother: ⟦plain⟧',
    names: [
      { name: 'key', fullName: 'secrets.api.key' },
      { name: 'token', fullName: 'secrets.token' },
      { name: 'api-key', fullName: 'secrets.api-key' },
      { name: 'other', fullName: 'other' },
    ],
  },
  {
    title: 'YAML block scalars yield no value; list items do',
    lang: 'yaml',
    code: 'script: |\n  echo hi\nenv:\n  - SECRET_KEY=⟦inlist123⟧\n  - ⟦bare-item⟧',
    names: [{ name: 'SECRET_KEY', fullName: 'env.SECRET_KEY' }, undefined],
  },
  {
    title: 'Kubernetes name/value records bind the value to the name',
    lang: 'yaml',
    code: 'env:\n  - name: ⟦DB_PASSWORD⟧\n    value: ⟦k8s12345⟧\n  - name: ⟦LOG_LEVEL⟧\n    value: ⟦debug⟧',
    names: [
      { name: 'name', fullName: 'env.name' },
      { name: 'DB_PASSWORD', fullName: 'DB_PASSWORD' },
      { name: 'name', fullName: 'env.name' },
      { name: 'LOG_LEVEL', fullName: 'LOG_LEVEL' },
    ],
  },
  {
    title: 'JSON pairs, name/value records and unkeyed array strings',
    lang: 'json',
    code: '{"db": {"password": "⟦hunter22⟧"}, "env": [{"name": "⟦TOKEN⟧", "value": "⟦namevalue1⟧"}], "arr": ["⟦x1⟧"]}',
    names: [{ name: 'password', fullName: 'password' }, { name: 'name', fullName: 'name' }, { name: 'TOKEN', fullName: 'TOKEN' }, undefined],
  },
  {
    title: 'XML elements, add key/value, Hadoop name/value properties and attributes',
    lang: 'xml',
    code: [
      '<password>⟦hunter22⟧</password>',
      '<add key="ApiKey" value="⟦abcd1234⟧"/>',
      '<property><name>⟦fs.s3a.secret.key⟧</name><value>⟦hadoop123⟧</value></property>',
      '<user password="⟦attr12345⟧" />',
    ].join('\n'),
    names: [
      { name: 'password', fullName: 'password' },
      { name: 'ApiKey', fullName: 'ApiKey' },
      { name: 'name', fullName: 'name' },
      { name: 'key', fullName: 'fs.s3a.secret.key' },
      { name: 'password', fullName: 'password' },
    ],
  },
  {
    title: 'TOML tables and quoted keys',
    lang: 'toml',
    code: '[[runners]]\ntoken = "⟦glrt12345⟧"\n"quoted.key" = \'⟦q1234567⟧\'',
    names: [
      { name: 'token', fullName: 'runners.token' },
      { name: 'key', fullName: 'runners.quoted.key' },
    ],
  },
  {
    title: 'Dockerfile ENV with several pairs, legacy ENV and ARG',
    lang: 'dockerfile',
    code: 'ENV DB_PASSWORD=⟦hunter22⟧ OTHER="⟦two words⟧"\nENV API_KEY ⟦abcd1234efgh⟧\nARG TOKEN=⟦argtok123⟧\nRUN echo $TOKEN',
    names: [
      { name: 'DB_PASSWORD', fullName: 'DB_PASSWORD' },
      { name: 'OTHER', fullName: 'OTHER' },
      { name: 'API_KEY', fullName: 'API_KEY' },
      { name: 'TOKEN', fullName: 'TOKEN' },
    ],
  },
  {
    title: 'unknown text: key/value lines are values, code statements are not',
    lang: 'text',
    code: 'password = ⟦hunter22⟧\n_M_token = _S_token_ord_char;\nresult = compute(a, b);',
    names: [{ name: 'password', fullName: 'password' }],
  },
];

describe('config facts', function () {
  for (const c of CASES) {
    it(`${c.lang}: ${c.title}`, function () {
      const { text, ranges } = marked(c.code);
      const index = new TextIndex(text);
      const facts = configFacts(c.lang, text);
      // Facts come in the order each format's passes find them; compare them in text order.
      const got = [...facts.strings]
        .sort((a, b) => a.start - b.start)
        .map((f) => ({ range: index.rangeOf(f.start, f.end), value: f.value, context: f.context }));
      const want = ranges.map((r) => ({ line: r.line, start: r.start, end: r.end }));
      assert.deepStrictEqual(
        got.map((g) => ({ line: g.range.start.line, start: g.range.start.character, end: g.range.end.character })),
        want,
        `values found: ${JSON.stringify(got.map((g) => g.value))}`,
      );
      assert.deepStrictEqual(
        got.map((g) => (g.context ? { name: g.context.name, fullName: g.context.fullName } : undefined)),
        c.names,
      );
      assert.ok(facts.strings.every((f) => f.fromConfig), 'config values are marked fromConfig');
    });
  }

  it('yields comments of line-comment formats with their offsets', function () {
    const { text, ranges } = marked('a = 1\n⟦# a comment⟧\nb = 2 ⟦# trailing⟧');
    const facts = configFacts('dotenv', text);
    const index = new TextIndex(text);
    assert.deepStrictEqual(
      facts.comments.map((c) => {
        const r = index.rangeOf(c.start, c.end);
        return { line: r.start.line, start: r.start.character, end: r.end.character };
      }),
      ranges,
    );
  });
});
