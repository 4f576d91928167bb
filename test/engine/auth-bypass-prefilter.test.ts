/**
 * The auth-bypass rules' prefilter: a condition word shortly after an `if` (and a grant after it). It decides
 * which files are parsed for those rules, so a wrong "no" loses findings; the words come from the shared keyword
 * pass, which also records where they occur.
 */
import * as assert from 'assert';
import { conditionAfterIf } from '@secure-coding/server/out/engine/kinds/auth-bypass-prefilter';
import { keywordHits, keywordIds, positionalKeywords } from '@secure-coding/server/out/engine/kinds/keyword-index';

describe('auth-bypass prefilter', () => {
  const words = positionalKeywords(['debug', 'skip_auth']);
  const check = (text: string, granting: boolean): boolean => conditionAfterIf(text.toLowerCase(), words, granting);

  it('records where positional keywords occur, in the one shared pass', () => {
    const [id] = keywordIds(['needle'], { positions: true });
    const text = 'a needle, another needle';
    const hits = keywordHits(text);
    const found: number[] = [];
    for (let h = 0; h < hits.length; h += 2) if (hits[h] === id) found.push(hits[h + 1]);
    assert.deepStrictEqual(found, [2, 18]);
  });

  it('finds a condition word after if, elif, elsif or unless, and not after look-alikes', () => {
    assert.strictEqual(check('if (DEBUG) {', false), true);
    assert.strictEqual(check('elif settings.DEBUG:', false), true);
    assert.strictEqual(check('elsif ENV["SKIP_AUTH"]', false), true);
    assert.strictEqual(check('unless debug?', false), true);
    assert.strictEqual(check('modify(DEBUG); notify(debug);', false), false);
    assert.strictEqual(check('#ifdef DEBUG', false), false);
    assert.strictEqual(check(`if (ready) {${' '.repeat(200)}} debug();`, false), false, 'too far after the if');
    assert.strictEqual(check('if (ready) { x(); }', false), false, 'no condition word');
  });

  it('with granting, needs what grants access after the condition (or before it, Ruby modifier form)', () => {
    assert.strictEqual(check('if (DEBUG) { return true; }', true), true);
    assert.strictEqual(check('if (DEBUG) { log("x"); }', true), false);
    assert.strictEqual(check('return true if debug?', true), true);
    assert.strictEqual(check('if settings.DEBUG:\n    login_user(admin)', true), true);
  });
});
