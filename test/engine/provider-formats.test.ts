/**
 * The parts that let a provider token be found by its shape alone: the text its escapes spell, the provider's name
 * near a value, and the checks a format carries. Each is checked against independent facts: zlib's CRC-32, the
 * BIP-173 test vectors, a macaroon built byte by byte from the version 2 format.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { Rulebook, loadRulebook, scanDocument } from '@secure-coding/server';
import { CHECKSUMS, base62Digits, base62Value, crc32 } from '@secure-coding/server/out/engine/kinds/secret-checksums';
import { hasWord, providerNear } from '@secure-coding/server/out/engine/kinds/provider-context';
import { originalSpan, unescapeText } from '@secure-coding/server/out/engine/kinds/unescaped-text';
import { TextIndex } from '@secure-coding/server/out/engine/text-index';

/** A seeded base62 string, so the tests need no real token. */
function base62(length: number, seed: number): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let out = '';
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out += alphabet[s % 62];
  }
  return out;
}

describe('unescaped text', () => {
  it('reads JSON, C and log escapes and maps every decoded span back to the text as written', () => {
    const text = String.raw`{"msg": "line\nxoxb-1\/2 \u0041B \"q\" \\n"}`;
    const view = unescapeText(text)!;
    assert.strictEqual(view.text, '{"msg": "line\nxoxb-1/2 AB "q" \\n"}');
    const at = view.text.indexOf('xoxb-1/2');
    const span = originalSpan(view, at, at + 'xoxb-1/2'.length);
    assert.strictEqual(text.slice(span.start, span.end), String.raw`xoxb-1\/2`);
    const a = view.text.indexOf('AB');
    const spanA = originalSpan(view, a, a + 2);
    assert.strictEqual(text.slice(spanA.start, spanA.end), String.raw`\u0041B`);
  });

  it('leaves a text without escapes alone', () => {
    assert.strictEqual(unescapeText('plain text, C:/path and a \\ alone at the end \\'), undefined);
  });
});

describe('provider context', () => {
  const near = (source: string, word: string): boolean => {
    const at = source.indexOf('VALUE');
    return providerNear(source, source.toLowerCase(), new TextIndex(source), at, [word]);
  };

  it('matches a word as a whole part of a name, never inside another word', () => {
    const yes = ['DATADOG_API_KEY', 'myDatadogKey', 'api.datadog.com', '# Datadog', 'datadog2'];
    const no = ['datadoghq', 'undatadog', 'DATADOGKEY'];
    for (const t of yes) assert.ok(hasWord(t, t.toLowerCase(), 'datadog', 0, t.length), t);
    for (const t of no) assert.ok(!hasWord(t, t.toLowerCase(), 'datadog', 0, t.length), t);
    assert.ok(!hasWord('global', 'global', 'lob', 0, 6));
  });

  it('finds the name on the line, a few lines above, or on an enclosing key line', () => {
    assert.ok(near('MAILGUN_VALUE=VALUE', 'mailgun'));
    assert.ok(near('{"datadog": {"k": "VALUE"}}', 'datadog'));
    assert.ok(near('# Heroku\nx = 1\ny = 2\nv = "VALUE"', 'heroku'));
    assert.ok(near('datadog:\n  site: eu\n  a: 1\n  b: 2\n  c: 3\n  nested:\n    k: VALUE', 'datadog'));
    assert.ok(near('[datadog]\nsite = eu\na = 1\nb = 2\nc = 3\nk = VALUE', 'datadog'));
    assert.ok(near('const datadog = {\n  a: 1,\n  b: 2,\n  c: 3,\n  k: "VALUE",\n};', 'datadog'));
  });

  it('does not reach past a sibling block, a section, or a statement that is not a key', () => {
    assert.ok(!near('datadog:\n  site: eu\nother:\n  a: 1\n  b: 2\n  c: 3\n  k: VALUE', 'datadog'));
    assert.ok(!near('[datadog]\nsite = eu\n[other]\na = 1\nb = 2\nc = 3\nk = VALUE', 'datadog'));
    assert.ok(!near('class DatadogTest:\n    a = 1\n    b = 2\n    c = 3\n    trace = "VALUE"', 'datadog'));
    assert.ok(!near('# Heroku\na\nb\nc\nd\nv = "VALUE"', 'heroku'));
  });
});

describe('format checksums', () => {
  it('computes the CRC-32 zlib computes', () => {
    assert.strictEqual(crc32('123456789'), 0xcbf43926);
    for (let seed = 1; seed < 50; seed++) {
      const s = base62(30, seed);
      assert.strictEqual(crc32(s), zlib.crc32(s));
    }
  });

  it('accepts a GitHub or npm token whose last six base62 digits are the CRC-32 of the thirty before, and refuses a changed one', () => {
    for (let seed = 1; seed < 20; seed++) {
      const body = base62(30, seed);
      const digits = base62Digits(crc32(body));
      assert.strictEqual(base62Value(digits), crc32(body));
      for (const prefix of ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'npm_']) {
        assert.ok(CHECKSUMS['base62-crc32'](`${prefix}${body}${digits}`));
        const flipped = body.slice(0, 29) + (body[29] === 'a' ? 'b' : 'a');
        assert.ok(!CHECKSUMS['base62-crc32'](`${prefix}${flipped}${digits}`));
      }
    }
  });

  it('checks Bech32 with the BIP-173 test vectors', () => {
    for (const valid of ['A12UEL5L', 'a12uel5l', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw', 'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w']) {
      assert.ok(CHECKSUMS.bech32(valid), valid);
    }
    for (const invalid of ['A12UEL5M', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx', 'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3x']) {
      assert.ok(!CHECKSUMS.bech32(invalid), invalid);
    }
  });

  it('reads a PyPI macaroon in the version 2 binary format', () => {
    const field = (type: number, data: Buffer): Buffer => Buffer.concat([Buffer.from([type, data.length]), data]);
    const caveat = Buffer.from('{"version": 1, "permissions": "user"}');
    const macaroon = Buffer.concat([
      Buffer.from([2]),
      field(1, Buffer.from('pypi.org')),
      field(2, Buffer.from(base62(40, 3))),
      Buffer.from([0]),
      field(2, caveat),
      Buffer.from([0]),
      Buffer.from([0]),
      field(6, Buffer.alloc(32, 7)),
    ]);
    const token = `pypi-${macaroon.toString('base64url')}`;
    assert.ok(token.startsWith('pypi-AgEIcHlwaS5vcmc'));
    assert.ok(CHECKSUMS['pypi-macaroon'](token));
    assert.ok(!CHECKSUMS['pypi-macaroon'](`pypi-AgEIcHlwaS5vcmc${base62(80, 5)}`));
    assert.ok(!CHECKSUMS['pypi-macaroon'](token.slice(0, -4)));
  });

  it('reads a JWT header and a Discord bot id', () => {
    const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
    assert.ok(CHECKSUMS['jwt-header'](`${header}.eyJzdWIiOiIxIn0.${base62(43, 2)}`));
    assert.ok(!CHECKSUMS['jwt-header'](`eyJ${base62(30, 9)}.eyJzdWIiOiIxIn0.${base62(43, 2)}`));
    const id = Buffer.from('812345678901234567').toString('base64url');
    assert.ok(CHECKSUMS['discord-snowflake'](`${id}.GhT2kQ.${base62(38, 4)}`));
    assert.ok(!CHECKSUMS['discord-snowflake'](`M${base62(25, 4)}.GhT2kQ.${base62(38, 4)}`));
  });
});

describe('provider formats in any context (default rulebook)', function () {
  let rulebook: Rulebook;
  before(async function () {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'provider-formats-'));
    rulebook = await loadRulebook({ root: dir });
  });

  const hex32 = 'c4a9e2f07b3d58a16e9f2b04d7c83a5e';
  const uuid = '6f1d2c8a-93b4-4e7f-a2c5-0b8e9d4f7a31';
  const scan = async (file: string, text: string): Promise<{ ruleId: string; severity: string; text: string; evidence?: readonly string[] }[]> =>
    (await scanDocument(rulebook, { path: file, text })).findings.map((f) => {
      const lines = text.split('\n');
      const first = lines[f.range.start.line];
      return { ruleId: f.ruleId, severity: f.severity, text: first.slice(f.range.start.character, f.range.end.line === f.range.start.line ? f.range.end.character : undefined), evidence: f.evidence };
    });

  it('flags a random-string key when its provider is named nearby, whatever the variable is called', async function () {
    assert.deepStrictEqual((await scan('.env', `MAILGUN_VALUE=key-${hex32}\n`)).map((f) => [f.ruleId, f.text]), [['secret.messaging-credential', `key-${hex32}`]]);
    assert.deepStrictEqual((await scan('deploy.yaml', `heroku: ${uuid}\n`)).map((f) => f.ruleId), ['secret.cloud-credential']);
    const json = await scan('settings.json', `{"datadog": {"k": "${hex32}"}}\n`);
    assert.deepStrictEqual(json.map((f) => [f.ruleId, f.evidence]), [['secret.observability-key', ['provider-format', 'provider-context']]]);
  });

  it('leaves the same random strings alone with no provider near them', async function () {
    assert.deepStrictEqual(await scan('settings.json', `{"cache": {"k": "${hex32}"}}\n`), []);
    assert.deepStrictEqual(await scan('deploy.yaml', `build_id: ${uuid}\n`), []);
    assert.deepStrictEqual(await scan('notes.md', `Datadog is our monitoring.\n\n\n\n\nchecksum ${hex32}\n`), []);
  });

  it('takes neither a commit id in a repository URL nor a piece of a base64 blob for a key, even beside the provider name', async function () {
    const sha = '6c3960a8f4b90e8938228688bc49bdcdd6b2d99e';
    assert.deepStrictEqual(await scan('path.go', `// A working CircleCI setup:\n// https://github.com/acme/site/blob/${sha}/.circleci/config.yml\n`), []);
    const piece = (i: number): string => `Qm${i}x7Kp2Lw9Rt4Vb8Nc3Zh6Jd1Fg5Sy0`.slice(0, 24);
    const blob = Array.from({ length: 12 }, (_, i) => piece(i)).join('+');
    assert.deepStrictEqual(await scan('image.go', `// razorpay logo\nconst logo = \`${blob}\`\n`), []);
    const armour = [`-----BEGIN PGP SIGNATURE-----`, ``, `iQIzBAABCAAdFiEEkwealRHvwLfWzb+1sNpg+0VLrxgFAmiLcnIACgkQsNpg+0VL`, `rzp/XyhUr74692elTMufOFQw03httc2MjNnLCetK6x4d1jAvomLJrUIU/zGqn4kr`, `wvSe2Zp3hyNLepVm03oVP0gly1Je7YMyHXeuqDG+${piece(5)}`, `-----END PGP SIGNATURE-----`];
    assert.deepStrictEqual(await scan('release.asc', `${armour.join('\n')}\n`), []);
    // The same piece alone beside the name is a key.
    assert.deepStrictEqual((await scan('pay.go', `// razorpay\nconst k = \`${piece(3)}\`\n`)).map((f) => f.ruleId), ['secret.payment-credential']);
  });

  it('finds self-contained tokens in escaped JSON, logs, patches, Markdown and files without an extension', async function () {
    const webhook = 'https://hooks.slack.com/services/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';
    const escaped = webhook.replace(/\//g, '\\/');
    const found = await scan('event.json', `{"body": "{\\"url\\": \\"${escaped}\\"}"}\n`);
    assert.deepStrictEqual(found.map((f) => [f.ruleId, f.text]), [['secret.slack-webhook', escaped]]);
    const bot = 'xoxb-920943299516-183355941495-uRDdGaqjpFDcgxBIPdvBqRQW';
    assert.deepStrictEqual((await scan('NOTES', `v=\\u0022${bot}\\u0022\n`)).map((f) => f.ruleId), ['secret.slack-token']);
    assert.deepStrictEqual((await scan('trace.log', `{"msg": "retry\\n${bot}\\n"}\n`)).map((f) => f.ruleId), ['secret.slack-token']);
    assert.deepStrictEqual((await scan('fix.diff', `+++ b/conf.ini\n+v = ${bot}\n`)).map((f) => f.ruleId), ['secret.slack-token']);
    assert.deepStrictEqual((await scan('README.md', `Use \`${bot}\` for staging.\n`)).map((f) => f.ruleId), ['secret.slack-token']);
  });

  it('reports a GitHub token with a valid checksum as an error and one whose checksum fails a severity lower', async function () {
    const body = 'Xq3JkL9mPz2RtV8wYb4NcF7hD1sGa6';
    const valid = `ghp_${body}${base62Digits(crc32(body))}`;
    const broken = `ghp_${body}${base62Digits((crc32(body) + 1) % 0xffffffff)}`;
    const [good] = await scan('a.js', `const t = "${valid}";\n`);
    assert.deepStrictEqual([good.ruleId, good.severity, good.evidence], ['secret.github-token', 'error', ['provider-format', 'checksum:valid']]);
    const [bad] = await scan('a.js', `const t = "${broken}";\n`);
    assert.deepStrictEqual([bad.ruleId, bad.severity, bad.evidence], ['secret.github-token', 'warning', ['provider-format', 'checksum:failed']]);
  });
});
