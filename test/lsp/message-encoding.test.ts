/**
 * What an edit keeps on the main thread — each finding's diagnostic, each diagnostic's bytes — says exactly what
 * building and encoding everything again says, edit after edit, whether the findings stayed or moved.
 */
import * as assert from 'assert';
import { IncrementalDocument, Rulebook, loadRulebook } from '@secure-coding/server';
import { describeEdit } from '@secure-coding/server/out/engine/incremental';
import { decodeFindings, encodeFindings } from '@secure-coding/server/out/lsp/findings-delta';
import { jsonEncoder, withRange } from '@secure-coding/server/out/lsp/message-encoding';
import { normalizeSettings } from '@secure-coding/server/out/lsp/protocol';
import { DiagnosticCache, findingDiagnostics } from '@secure-coding/server/out/lsp/review-presentation';

const SOURCE = Array.from({ length: 30 }, (_, i) => `void f${i}(char *d, const char *s) { strcpy(d, s); gets(d); }\n`).join('');

async function encoded(message: object): Promise<unknown> {
  const bytes = await jsonEncoder.encode(message as never, { charset: 'utf-8' });
  return JSON.parse(Buffer.from(bytes).toString('utf-8'));
}

describe('diagnostics kept across edits', function () {
  let rulebook: Rulebook;

  before(async function () {
    rulebook = await loadRulebook({ checkExamples: false, validated: true });
  });

  it('builds and encodes what building everything again gives, when findings stay, move, come and go', async function () {
    const doc = new IncrementalDocument('src/a.c', 'c');
    const rules = rulebook.rulesFor('src/a.c', 'c');
    const { settings } = normalizeSettings(undefined);
    const cache = new DiagnosticCache();
    let text = SOURCE;
    let sent = (await doc.scan(rules, text)).findings;
    let received = decodeFindings(undefined, encodeFindings(undefined, sent));
    let published = findingDiagnostics(received, undefined, rulebook, settings, 'en', cache);
    let previous = received;
    const edits: [string, string][] = [
      ['void f3(', '/* above */\nvoid f3('], // every finding below moves
      ['void f5(', '\n\nvoid f5('], // and again: copies of copies
      ['gets(d); }\nvoid f10', 'fgets(d, 8, stdin); }\nvoid f10'], // one goes
      ['/* above */\n', ''], // lines go: findings move up
      ['void f20(char *d, const char *s) {', 'void f20(char *d, const char *s) { strcat(d, s);'], // one comes
    ];
    for (const [before, after] of edits) {
      const at = text.indexOf(before);
      doc.edit(describeEdit(text, at, at + before.length, after));
      text = text.slice(0, at) + after + text.slice(at + before.length);
      const result = await doc.scan(rules, text);
      received = decodeFindings(received, encodeFindings(sent, result.findings, result.carried));
      sent = result.findings;
      const kept = findingDiagnostics(received, undefined, rulebook, settings, 'en', cache);
      const fresh = findingDiagnostics(result.findings, undefined, rulebook, settings, 'en');
      assert.deepStrictEqual(kept, fresh);
      // A finding the edit left as it was (the same object on this thread) keeps its very diagnostic.
      let same = 0;
      received.forEach((finding, i) => {
        const earlier = previous.indexOf(finding);
        if (earlier < 0) return;
        assert.strictEqual(kept[i], published[earlier]);
        same++;
      });
      assert.ok(same > 0, 'findings above the edit stay as they were');
      previous = received;
      published = kept;
      const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.c', version: 3, diagnostics: kept } };
      assert.deepStrictEqual(await encoded(message), JSON.parse(JSON.stringify(message)));
      // Encoded twice (the bytes now kept), the same.
      assert.deepStrictEqual(await encoded(message), JSON.parse(JSON.stringify(message)));
    }
    doc.dispose();
  });

  it('encodes moved diagnostics, empty lists and other messages as JSON.stringify does', async function () {
    const base = { range: { start: { line: 1, character: 2 }, end: { line: 1, character: 6 } }, severity: 1, source: 's', code: 'c.x', message: 'm — 日本語', tags: undefined, data: { fingerprint: 'f' } };
    const moved = withRange(base, { start: { line: 9, character: 2 }, end: { line: 9, character: 6 } });
    const movedAgain = withRange(moved, { start: { line: 4, character: 2 }, end: { line: 4, character: 6 } });
    const bare = withRange({ range: base.range }, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    for (const diagnostics of [[base, moved, movedAgain, bare], [], [movedAgain]]) {
      const message = { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///b.c', diagnostics } };
      assert.deepStrictEqual(await encoded(message), JSON.parse(JSON.stringify(message)));
    }
    const other = { jsonrpc: '2.0', id: 4, result: { contents: 'hover' } };
    assert.strictEqual(Buffer.from(await jsonEncoder.encode(other as never, { charset: 'utf-8' })).toString(), JSON.stringify(other));
  });
});
