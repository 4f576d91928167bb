/**
 * A trusted regex tried only near its anchors (`regex-anchors.ts`) must find exactly what a search of the whole text
 * finds: the same matches, groups and order, on random texts built from the regex's own literals and on texts where
 * the anchors are everywhere (the search then falls back to the whole text).
 */
import * as assert from 'assert';
import { anchoredMatches, anchorsOf } from '@secure-coding/server/out/engine/regex-anchors';
import { compileRuleRegex } from '@secure-coding/server/out/engine/regex';

function seeded(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
}

function plain(text: string, source: string, flags: string): string[] {
  return [...text.matchAll(new RegExp(source, `g${flags}`))].map((m) => `${m.index}:${m[0]}:${m.slice(1).join('|')}`);
}

function anchored(text: string, source: string, flags: string): string[] {
  const anchors = anchorsOf(source, flags.includes('i'));
  assert.ok(anchors, `no anchors for ${source}`);
  const haystack = flags.includes('i') ? text.toLowerCase() : text;
  return [...anchoredMatches(text, haystack, anchors, new RegExp(source, `y${flags}`), new RegExp(source, `g${flags}`))].map(
    (m) => `${m.index}:${m[0]}:${m.slice(1).join('|')}`,
  );
}

describe('regex anchors', () => {
  it('reads the literal every match holds, and how far into the match it may start', () => {
    assert.deepStrictEqual(anchorsOf(String.raw`\b[A-Za-z][A-Za-z0-9+.-]{1,30}://([^\s:@]{0,128})@`, false), [{ text: '://', reach: 31 }]);
    assert.deepStrictEqual(anchorsOf(String.raw`(?:^|[^\w-])(?:Password|pw|pwd)\s*=`, true), [
      { text: 'password', reach: 1 },
      { text: 'pw', reach: 1 },
    ]);
    assert.deepStrictEqual(anchorsOf(String.raw`\b([0-9a-f]{32}-us[0-9]{1,2})\b`, false), [{ text: '-us', reach: 32 }]);
    // Every branch needs one; an unbounded run before the only literal leaves none.
    assert.strictEqual(anchorsOf(String.raw`abc|[0-9]+`, false), undefined);
    assert.strictEqual(anchorsOf(String.raw`\s*machine\s+`, false), undefined);
    // Constructs the reading does not know leave the regex to the whole-text search.
    assert.strictEqual(anchorsOf(String.raw`(?=ab)abc`, false), undefined);
    assert.strictEqual(anchorsOf(String.raw`(a)\1bc`, false), undefined);
  });

  it('finds what a whole-text search finds, match for match', () => {
    const cases: [string, string, string[]][] = [
      [String.raw`\b[A-Za-z][A-Za-z0-9+.-]{1,30}://([^\s:@/]{0,12}):([^\s@/]{1,12})@[A-Za-z0-9]`, 'dm', ['://', 'u', 'p', ':', '@', 'x', 'http', ' ', '\n', 'ab.c', '/']],
      [String.raw`(?:^|[^\w-])(?:password|pass\s?word|pw)\s*[:=]\s*["']?([^\s"']{3,12})`, 'dmi', ['PassWord', 'pass', 'word', 'PW', ' ', '=', ':', '"', 'abc', '\n', '-', 'x1']],
      [String.raw`\b([0-9a-f]{4}-us[0-9]{1,2})\b|x{0,3}ab`, 'dm', ['-us', 'a', 'b', 'x', '0', 'f', '9', ' ', '\n', '1']],
      [String.raw`^\s{0,2}key(?:=|: )(.*)$`, 'dm', ['key', '=', ': ', ' ', '\n', 'v', 'KEY']],
    ];
    for (const [source, flags, pieces] of cases) {
      const random = seeded(11);
      for (let round = 0; round < 600; round++) {
        const text = Array.from({ length: 1 + random(60) }, () => pieces[random(pieces.length)]).join('');
        assert.deepStrictEqual(anchored(text, source, flags), plain(text, source, flags), `${source} on ${JSON.stringify(text)}`);
      }
      // Anchors on every character: past its budget the search continues over the whole text, with the same result.
      const dense = pieces.join('').repeat(400);
      assert.deepStrictEqual(anchored(dense, source, flags), plain(dense, source, flags), source);
    }
  });

  it('leaves every built-in-style regex with the same matches through compileRuleRegex', () => {
    const regex = compileRuleRegex(String.raw`\b[A-Za-z][A-Za-z0-9+.-]{1,30}://([^\s:@/?#'"]{0,128}):([^\s@/'"]{1,256})@[A-Za-z0-9]`, { trusted: true });
    const text = 'see https://user:hunter2@example.com and ftp://a:b@c\nmailto:x plain://nope';
    const found = [...regex.matches(text)].map((m) => text.slice(m.groups[1]!.start, m.groups[1]!.end));
    assert.deepStrictEqual(found, ['hunter2', 'b']);
  });
});
