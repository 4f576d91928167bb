/** The shared prefilter shapes: they decide which files are parsed, so a wrong "no" loses findings. */
import * as assert from 'assert';
import { anyKeyword, inProse, nameAround, nameParts, stemsIn, stemsNearQuote, wordInName } from '@secure-coding/server/out/engine/kinds/keyword-prefilters';

describe('keyword prefilters', () => {
  it('any keyword: one regex over the text, every text passing when there are none', () => {
    assert.strictEqual(anyKeyword(['api_key', 'token'])('const x = 1;\nlet my_token;'), true);
    assert.strictEqual(anyKeyword(['api_key', 'token'])('const x = 1;'), false);
    assert.strictEqual(anyKeyword([])('anything'), true);
  });

  it('a word near a quote counts on code lines only, not in comments or imports', () => {
    const near = stemsNearQuote(['password']);
    assert.strictEqual(near('db.password = "x";'), true);
    assert.strictEqual(near('// the password is "x"'), false);
    assert.strictEqual(near('import password from "./password";'), false);
    assert.strictEqual(near('#define PASSWORD "x"'.toLowerCase()), true);
    assert.strictEqual(near("password = can't"), false);
  });

  it('with a minimum length, only a literal that long counts, and one left open at the line end may go on', () => {
    const near = stemsNearQuote(['token'], undefined, { minLength: 10 });
    assert.strictEqual(near('if (token.value === "=>") return;'), false);
    assert.strictEqual(near('tokens.push(`[${key}]`);'), false);
    assert.strictEqual(near('const token = "ghp_1234567890abcdef";'), true);
    assert.strictEqual(near('const token = "a\\"b" + "0123456789ab";'), true, 'escaped quote, then a second literal');
    assert.strictEqual(near('const token = `'), true, 'a template literal that goes on over the next lines');
    assert.strictEqual(near('const token = "short";'), false);
  });

  it('with a value test, a literal written without escapes counts only when its value passes', () => {
    const near = stemsNearQuote(['token'], undefined, { minLength: 10, accepts: (value) => !/\s/.test(value) && /\d/.test(value) });
    const check = (line: string): boolean => near(line.toLowerCase(), line);
    assert.strictEqual(check('throw new Error("This token is not a string");'), false);
    assert.strictEqual(check('const token = "Gh7Kx92mQpL0";'), true);
    assert.strictEqual(check('const token = "no digits \\x41 here";'), true, 'an escaped literal is not judged by its written form');
    assert.strictEqual(near('const token = "no digits at all here";'), true, 'without the original text the value is not judged');
  });

  it('lines that only declare TypeScript literal types bind nothing', () => {
    const near = stemsNearQuote(['pass']);
    const check = (line: string): boolean => near(line.toLowerCase(), line);
    assert.strictEqual(check('type BiquadFilterType = "allpass" | "bandpass" | "highpass";'), false);
    assert.strictEqual(check('export declare type Field<T> = "new-password" | \'current-password\';'), false);
    assert.strictEqual(check('    | "new-password"'), false, 'a line of a union written over several lines');
    assert.strictEqual(check('type Pw = "a" | "b"; const password = "hunter2";'), true, 'a statement after the alias');
    assert.strictEqual(check('type A = { password: "x" };'), true, 'an object type: not judged here');
    assert.strictEqual(check('type password = "hunter2";'), true, 'C code with a type named `type` is code');
    assert.strictEqual(near('type KeyType = "allpass" | "x";'), true, 'without the original text every line counts');
  });

  it('with holdsWord, only a literal that holds the word (or starts with it) counts', () => {
    const near = stemsNearQuote(['/debug', '_debug', '"su/'], undefined, { minLength: 1, holdsWord: true });
    const check = (line: string): boolean => near(line.toLowerCase(), line);
    assert.strictEqual(check('app.get("/debug/vars", handler);'), true);
    assert.strictEqual(check('path("su/<int:id>/", views.su)'), true);
    assert.strictEqual(check('LLVM_DEBUG(dbgs() << "\\nblock-frequency: ");'), false);
    assert.strictEqual(check('_debugger: kw("debugger"),'), false);
  });

  it('a word inside a name the rule accepts: the whole name or a dotted part, in snake_case', () => {
    const accepts = (name: string): boolean => /^(?:no|skip)_auth$/.test(name);
    const test = (text: string): boolean => wordInName(text, text.toLowerCase(), /auth/g, accepts);
    assert.strictEqual(test('config.skipAuth = true;'), true);
    assert.strictEqual(test('NO_AUTH=1'), true);
    assert.strictEqual(test('// written by the author'), false);
    assert.strictEqual(test('requireAuth(req);'), false);
  });
});

describe('keyword prefilters from the shared keyword pass', () => {
  it('stems near a quote: a word confirmed at a stem, each occurrence checked', () => {
    const near = stemsNearQuote(['pass', 'pw'], /(?:pass(?:word)?|(?<![a-z])pw)(?![a-z])/);
    assert.strictEqual(near('db_password = "x";'), true);
    assert.strictEqual(near('const pw = "x";'), true);
    assert.strictEqual(near('bypassed("x")'), false, 'a stem inside a longer word the regex rejects');
    assert.strictEqual(near('// the password is "x"'), false);
    assert.strictEqual(near('typewriter("x")'), false, 'pw inside a word');
  });

  it('stems in a text: any confirmed word, quote or not', () => {
    const has = stemsIn(['pass'], /password(?![a-z])/);
    assert.strictEqual(has('password=x'), true);
    assert.strictEqual(has('passwords=x'), false);
    assert.strictEqual(has('nothing here'), false);
  });
});

describe('names around a word', () => {
  it('reach through dots, :: and ->, and split into parts and neighbouring pairs', () => {
    const around = (text: string, word: string): string => nameAround(text, text.indexOf(word), text.indexOf(word) + word.length);
    assert.strictEqual(around('$t = JWT::encode($p, "k");', 'JWT'), 'JWT::encode');
    assert.strictEqual(around('$this->password = "x";', 'password'), '$this->password');
    assert.strictEqual(around('headers["X-Api-Key"] = "v";', 'Api'), 'X-Api-Key');
    assert.deepStrictEqual(nameParts('conf.secret.key'), ['conf.secret.key', 'conf', 'secret', 'key', 'conf_secret', 'secret_key']);
    assert.deepStrictEqual(nameParts('API_TOKEN'), ['API_TOKEN']);
  });
});

describe('prose in string literals', () => {
  it('tells a message from a key or a name', () => {
    const at = (text: string, word: string): boolean => inProse(text, text.indexOf(word));
    assert.strictEqual(at('static_assert(x, "fill_n must pass integral size");', 'pass'), true);
    assert.strictEqual(at('log(`Linting code for ${d} (pass ${n})`);', 'pass'), true);
    assert.strictEqual(at('const password = "fill_n must pass";', 'password'), false, 'the name before the literal');
    assert.strictEqual(at('cfg = {"db password": "x"}', 'password'), false, 'a key of two words');
    assert.strictEqual(at('say("it\'s") + pass("a b c d")', 'pass'), false, 'after a closed literal');
  });
});
