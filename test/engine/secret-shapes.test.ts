/**
 * The pieces behind the generic credential shapes and their confidence, on small inline inputs: the name model
 * (misspelled, abbreviated, numbered and translated names; English words that are close are not names), the text
 * readers for macros, build files and typed declarations, key/value text inside escaped strings, where prose is,
 * and the confidence model (each feature moves a finding the way its weight says).
 */
import * as assert from 'assert';
import { compileNameModel } from '@secure-coding/server/out/engine/kinds/secret-names';
import { textBindings } from '@secure-coding/server/out/engine/syntax/text-bindings';
import { innerPairs } from '@secure-coding/server/out/engine/syntax/inner-pairs';
import { inCommentOrProse } from '@secure-coding/server/out/engine/kinds/prose-context';
import { confidenceOf, confidenceReasons, valueFeatures } from '@secure-coding/server/out/engine/confidence';
import { configFacts } from '@secure-coding/server/out/engine/syntax/config-facts';
import { marked } from '../helpers';

const STEMS = ['password', 'passwd', 'pass', 'pwd', 'kennwort', 'contrasena', 'motdepasse', 'secret', 'パスワード', 'пароль'];
const ANCHORS = ['pass', 'pasw', 'pssw', 'psw', 'pword', 'pwrd', 'pw', 'kennw', 'contras', 'contraseña', 'secret', 'パスワード', 'пароль'];

describe('name model', function () {
  const model = compileNameModel(STEMS, ANCHORS);

  it('reads misspelled, abbreviated, numbered and translated names as credential names', function () {
    const cases: [string, string][] = [
      ['psswd', 'variant'],
      ['passwrd', 'variant'],
      ['pasword', 'variant'],
      ['passowrd', 'variant'],
      ['pword', 'abbreviation'],
      ['pswrd', 'abbreviation'],
      ['pass1', 'stem'],
      ['dbPassword2', 'stem'],
      ['kennwort', 'stem'],
      ['mot_de_passe', 'stem'],
      ['contraseña', 'stem'],
      ['CONTRASEÑA_DB', 'stem'],
      ['パスワード', 'stem'],
      ['Пароль', 'stem'],
      ['adminkennwort', 'compound'],
      ['管理者パスワード', 'compound'],
    ];
    for (const [name, how] of cases) assert.strictEqual(model.match(name)?.how, how, name);
  });

  it('leaves English words that are close, compounds that do not end with the stem, and plurals alone', function () {
    for (const name of ['passport', 'passage', 'bypass', 'compass', 'passed', 'passes', 'secretary', 'passwordhint', 'パスワード入力', 'passwords', 'secrets', 'pwm', 'powder']) {
      assert.strictEqual(model.match(name), undefined, name);
    }
  });

  it('judges only names that hold one of the anchors (the rule keywords its prefilter looks for)', function () {
    const narrow = compileNameModel(['password'], ['pass']);
    assert.strictEqual(narrow.match('pwrod'), undefined);
    assert.strictEqual(narrow.match('passwrod')?.how, 'variant');
  });
});

describe('text readers for macros, build files and typed declarations', function () {
  const cases: { line: string; names: string[] }[] = [
    { line: '#define WIFI_PASSWORD "⟦Wif1!pass⟧"', names: ['WIFI_PASSWORD'] },
    { line: '%define agent_password ⟦Rpm-Sp3c!pw⟧', names: ['agent_password'] },
    { line: '%global api_token "⟦7c2e9f4a1b8d⟧"', names: ['api_token'] },
    { line: "define(`RELAY_PASSWORD', `⟦M4-r3lay!pw⟧')dnl", names: ['RELAY_PASSWORD'] },
    { line: 'm4_define([SMTP_PASSWD], [⟦Autoconf#9pw⟧])', names: ['SMTP_PASSWD'] },
    { line: 'set(DB_PASSWORD "⟦CMake-s3t!pw⟧")', names: ['DB_PASSWORD'] },
    { line: 'set(UPDATE_API_KEY ⟦4b8e2c9f7a1d⟧ CACHE STRING "key")', names: ['UPDATE_API_KEY'] },
    { line: 'add_definitions(-DADMIN_PASSWORD="⟦Def1ne!flag⟧")', names: ['ADMIN_PASSWORD'] },
    { line: 'CFLAGS += -DFW_PASSWORD=\\"⟦Fl4g-esc!pw⟧\\"', names: ['FW_PASSWORD'] },
    { line: 'fun connect(host: String, password: String = "⟦Kt-d3fault!⟧") {}', names: ['password'] },
    { line: 'class Client(val user: String = "⟦svc⟧", private val passwd: String = "⟦Ctor#d3fault⟧")', names: ['user', 'passwd'] },
    { line: '    private static final String ADMIN_PASSWORD = "⟦J4va-in-patch!⟧";', names: ['ADMIN_PASSWORD'] },
    { line: "def repoPassword = '⟦Gr00vy-def!pw⟧'", names: ['repoPassword'] },
  ];
  for (const { line, names } of cases) {
    it(line, function () {
      const { text, ranges } = marked(line);
      const bindings = textBindings(text).sort((a, b) => a.at - b.at);
      assert.deepStrictEqual(
        bindings.map((b) => [b.name, b.at, b.at + b.value.length]),
        ranges.map((r, i) => [names[i], r.start, r.end]),
      );
    });
  }

  it('binds nothing on a return, a comparison or a statement that is not a declaration', function () {
    assert.deepStrictEqual(textBindings('    return password = "x";'), []);
    assert.deepStrictEqual(textBindings('if (password == "abc") {'), []);
  });

  it("reads a patch's added lines only, past the `+`", function () {
    const source = [
      'diff --git a/app.py b/app.py',
      '--- a/app.py',
      '+++ b/app.py',
      '@@ -1,2 +1,3 @@',
      ' KEPT_PASSWORD = "⟦Kept-c0ntext!⟧"',
      '-OLD_PASSWORD = "Rem0ved!pw"',
      '+NEW_PASSWORD = "⟦Add3d!pw⟧"',
    ].join('\n');
    const { text, ranges } = marked(source);
    const facts = configFacts('text', text).strings.filter((s) => /PASSWORD/.test(s.context?.name ?? ''));
    const added = ranges[1];
    const lineStart = text.split('\n').slice(0, added.line).join('\n').length + 1;
    assert.deepStrictEqual(
      facts.map((f) => [f.context?.name, f.start, f.shape]),
      [['NEW_PASSWORD', lineStart + added.start, 'shape:patch']],
    );
  });
});

describe('key/value text inside escaped strings', function () {
  const cases: { value: string; name: string; decoded: string }[] = [
    { value: '{\\"user\\": \\"svc\\", \\"password\\": \\"⟦Esc4ped!json⟧\\"}', name: 'password', decoded: 'Esc4ped!json' },
    { value: '{&quot;password&quot;: &quot;⟦Dr4wio!json⟧&quot;}', name: 'password', decoded: 'Dr4wio!json' },
    { value: '{&#34;token&#34;: &#34;⟦Svg-n0te!pw⟧&#34;}', name: 'token', decoded: 'Svg-n0te!pw' },
    { value: 'user=app&amp;password=⟦Qu3ry!str⟧&amp;ssl=1', name: 'password', decoded: 'Qu3ry!str' },
    { value: '&lt;div&gt;password: ⟦Ent1ty!html⟧&lt;/div&gt;', name: 'password', decoded: 'Ent1ty!html' },
  ];
  for (const { value, name, decoded } of cases) {
    it(value, function () {
      const { text, ranges } = marked(value);
      const pair = innerPairs(text).find((p) => p.name === name);
      assert.ok(pair, `no pair named ${name}`);
      assert.deepStrictEqual([pair.start, pair.end, pair.value, pair.escaped], [ranges[0].start, ranges[0].end, decoded, text.includes('\\') || text.includes('&')]);
    });
  }
});

describe('prose: comments and files of prose', function () {
  it('counts Markdown, text and logs whole, and only comments in code and config', function () {
    const code = 'password = "x" # the password is x\n/* block\n * password is x\n */\nlabel = "# not a comment"';
    const at = (needle: string, from = 0): number => code.indexOf(needle, from);
    assert.strictEqual(inCommentOrProse(code, 'notes/ops.md', 'text', 0), 'prose');
    assert.strictEqual(inCommentOrProse(code, 'logs/app.log', 'text', 0), 'prose');
    assert.strictEqual(inCommentOrProse(code, 'app.py', 'python', at('"x"')), undefined);
    assert.strictEqual(inCommentOrProse(code, 'app.py', 'python', at('is x')), 'comment');
    assert.strictEqual(inCommentOrProse(code, 'app.c', 'c', at('password is', at('/*'))), 'comment');
    assert.strictEqual(inCommentOrProse(code, 'app.py', 'python', at('not a comment')), undefined);
  });
});

describe('confidence', function () {
  it('a provider token is high; a failed checksum and test code lower it', function () {
    assert.strictEqual(confidenceOf(['provider-format']), 'high');
    assert.strictEqual(confidenceOf(['provider-format', 'checksum:valid'], 'test'), 'high');
    assert.strictEqual(confidenceOf(['provider-format', 'checksum:failed']), 'medium');
    assert.strictEqual(confidenceOf(['provider-format', 'provider-context'], 'test'), 'low');
  });

  it('a password under a telling name is medium even when it is a word; a short or modelled name needs more', function () {
    assert.strictEqual(confidenceOf(['name:strong', ...valueFeatures('guest')]), 'medium');
    assert.strictEqual(confidenceOf(['name:weak', ...valueFeatures('guest')]), 'low');
    assert.strictEqual(confidenceOf(['name:model', ...valueFeatures('Vx81kqPz!')]), 'medium');
    assert.strictEqual(confidenceOf(['name:model', ...valueFeatures('hunter')]), 'low');
    assert.strictEqual(confidenceOf(['name:strong', ...valueFeatures('kR8#vL2$qP9!zX4@')]), 'high');
    assert.strictEqual(confidenceOf(['name:strong', ...valueFeatures('test1234')]), 'low');
  });

  it('reads values by their look only', function () {
    assert.deepStrictEqual(valueFeatures('kR8#vL2$qP9!zX4@'), ['value:random']);
    assert.deepStrictEqual(valueFeatures('Harbor20'), ['value:mixed']);
    assert.deepStrictEqual(valueFeatures('sesame'), ['value:placeholder-like', 'value:word']);
  });

  it('says why, strongest first, with the path class, in English and Japanese', function () {
    assert.deepStrictEqual(confidenceReasons(['value:mixed', 'name:strong'], 'docs'), [
      '+ bound to a name that says what it is (password, secret, API key…)',
      '+ the value mixes letters with digits or symbols',
      '− in documentation or examples',
    ]);
    assert.match(confidenceReasons(['provider-format'], 'product', 'ja')[0], /^\+ プロバイダー固有/);
  });
});
