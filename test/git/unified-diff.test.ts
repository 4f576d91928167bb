/** Git's patch output read the way git writes it: hunk counts, not line shapes, decide what is a header. */
import * as assert from 'assert';
import { parseUnifiedDiff, addedLines } from '@secure-coding/server/out/git/unified-diff';
import { unquoteCString, patchHeaderPath } from '@secure-coding/server/out/git/quoted-path';

describe('unified diff reading', function () {
  it('reads added lines by the hunk counts, even lines that look like headers', function () {
    const patch = [
      'diff --git a/p.c b/p.c',
      'index e4238df..a67fe3d 100644',
      '--- a/p.c',
      '+++ b/p.c',
      '@@ -1,0 +2,3 @@',
      '++++ not a header',
      '+diff --git a/x b/x',
      '+--- also not',
      '@@ -9 +11,0 @@',
      '-removed',
      '\\ No newline at end of file',
      '',
    ].join('\n');
    const [file] = parseUnifiedDiff(patch, { withText: true });
    assert.strictEqual(file.newPath, 'p.c');
    assert.deepStrictEqual(file.added, [
      { line: 2, text: '+++ not a header' },
      { line: 3, text: 'diff --git a/x b/x' },
      { line: 4, text: '--- also not' },
    ]);
    assert.deepStrictEqual([...addedLines(file)], [2, 3, 4]);
    assert.deepStrictEqual(file.hunks[1], { oldStart: 9, oldCount: 1, newStart: 11, newCount: 0 });
  });

  it('knows added, deleted, renamed and binary files, and quoted names', function () {
    const patch = [
      'diff --git a/old name.c b/new name.c',
      'similarity index 90%',
      'rename from old name.c',
      'rename to new name.c',
      'diff --git "a/tab\\tx.c" "b/tab\\tx.c"',
      'new file mode 100644',
      '--- /dev/null',
      '+++ "b/tab\\tx.c"',
      '@@ -0,0 +1 @@',
      '+y',
      'diff --git a/gone.c b/gone.c',
      'deleted file mode 100644',
      '--- a/gone.c',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-x',
      'diff --git a/img.png b/img.png',
      'Binary files a/img.png and b/img.png differ',
      'diff --git a/with space.c b/with space.c',
      '--- a/with space.c\t',
      '+++ b/with space.c\t',
      '@@ -1 +1 @@',
      '-a',
      '+b',
    ].join('\n');
    const files = parseUnifiedDiff(patch);
    assert.deepStrictEqual(
      files.map((f) => [f.oldPath, f.newPath, f.binary, f.hunks.length]),
      [
        ['old name.c', 'new name.c', false, 0],
        [undefined, 'tab\tx.c', false, 1],
        ['gone.c', undefined, false, 1],
        ['img.png', 'img.png', true, 0],
        ['with space.c', 'with space.c', false, 1],
      ],
    );
  });

  it('unquotes C-style names, octal bytes as UTF-8', function () {
    assert.strictEqual(unquoteCString('"\\303\\274ber \\"q\\"\\\\.c"'), 'über "q"\\.c');
    assert.strictEqual(patchHeaderPath('"b/\\303\\274.c"'), 'ü.c');
    assert.strictEqual(patchHeaderPath('/dev/null'), undefined);
  });
});
