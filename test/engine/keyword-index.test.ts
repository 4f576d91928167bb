/** The shared keyword pass answers every rule's "does any keyword occur?": it must agree with `includes`. */
import * as assert from 'assert';
import { anyKeywordIn, keywordIds, keywordsIn } from '@secure-coding/server/out/engine/kinds/keyword-index';

describe('keyword index', () => {
  it('finds overlapping, nested and non-ASCII keywords exactly as includes does', () => {
    const words = ['he', 'she', 'hers', 'his', 'password', 'pass', 'ass', 'sk_live_', 'テスト用', 'パスワード', 'a.b', '://'];
    const ids = keywordIds(words);
    const alphabet = ['h', 'e', 's', 'r', 'i', 'p', 'a', 'w', 'o', 'd', '_', 'k', 'l', 'v', 'テ', 'ス', 'ト', '用', 'パ', 'ワ', 'ー', 'ド', '.', 'b', ':', '/', ' '];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 1 + random(40) }, () => alphabet[random(alphabet.length)]).join('');
      const seen = keywordsIn(text);
      words.forEach((word, i) => assert.strictEqual(seen[ids[i]] === 1, text.includes(word), `${word} in ${JSON.stringify(text)}`));
    }
  });

  it('answers for keywords registered after an earlier text was read', () => {
    const first = keywordIds(['alpha']);
    const text = 'alpha beta-gamma';
    assert.strictEqual(anyKeywordIn(text, first), true);
    const later = keywordIds(['beta-gamma', 'delta']);
    assert.strictEqual(anyKeywordIn(text, later), true);
    assert.strictEqual(anyKeywordIn(text, keywordIds(['delta'])), false);
    assert.strictEqual(anyKeywordIn(text, []), true, 'no keywords: every text passes');
  });
});
