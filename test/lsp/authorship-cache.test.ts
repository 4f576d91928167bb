/**
 * The editor's authorship cache over a real repository: the text on screen is blamed, an edit elsewhere asks git
 * nothing, an edit of (or next to) the line asks again and sees the local user as its author.
 */
import * as assert from 'assert';
import { AuthorshipCache } from '@secure-coding/server/out/lsp/authorship-cache';
import { ALICE, CAROL, commitAs, gitRepo, removeTempDirs, writeFile } from '../review/fixtures';

const TEXT = ['int a;', 'void f(char *b) {', '  gets(b);', '}', 'void g(char *b) {', '  gets(b);', '}', ''].join('\n');

describe('language server: authorship cache', function () {
  this.timeout(20_000);
  after(removeTempDirs);

  it('blames the buffer, and asks git again only when the line or its neighbours change', async function () {
    const root = gitRepo(CAROL);
    writeFile(root, 'a.c', TEXT);
    commitAs(root, ALICE, 'reads');
    let buffer = TEXT;
    const cache = new AuthorshipCache(root, (rel) => (rel === 'a.c' ? buffer : undefined));

    const first = await cache.authorsOf('a.c', [3, 6]);
    assert.deepStrictEqual([first.get(3)?.email, first.get(6)?.email, first.get(3)?.committed], [ALICE.email, ALICE.email, true]);
    assert.strictEqual(cache.blameCount, 1);

    // Two lines typed at the top: both flagged lines move, their neighbours are unchanged, git is not asked.
    buffer = `// new\n// lines\n${TEXT}`;
    const moved = await cache.authorsOf('a.c', [5, 8]);
    assert.deepStrictEqual([moved.get(5)?.email, moved.get(8)?.email], [ALICE.email, ALICE.email]);
    assert.strictEqual(cache.blameCount, 1);

    // The second read changed on screen (not saved): its author is now the local user, who is changing it.
    buffer = buffer.replace('void g(char *b) {\n  gets(b);', 'void g(char *b) {\n  gets(b); /* still */');
    const edited = await cache.authorsOf('a.c', [5, 8]);
    assert.deepStrictEqual([edited.get(5)?.email, edited.get(8)?.email, edited.get(8)?.committed], [ALICE.email, CAROL.email, false]);
    assert.strictEqual(cache.blameCount, 2);
  });
});
