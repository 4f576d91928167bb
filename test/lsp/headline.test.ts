/**
 * The headline a diagnostic shows: what the finding is, cut at the first colon outside quotes, in both languages.
 */
import * as assert from 'assert';
import { headline } from '@secure-coding/server/out/lsp/diagnostics';

describe('diagnostic headlines', function () {
  it('cuts the advice after the first colon', function () {
    assert.strictEqual(headline('Hardcoded IP address 10.1.2.3: move it to configuration.'), 'Hardcoded IP address 10.1.2.3');
    assert.strictEqual(headline('コメントに「テスト用アカウント」とあります: 削除してください。'), 'コメントに「テスト用アカウント」とあります');
    assert.strictEqual(headline('`gets` は使用禁止です：fgets を使ってください。'), '`gets` は使用禁止です');
  });

  it('never cuts inside quotes, code or an address, nor a short label', function () {
    assert.strictEqual(headline('Comment mentions "test account: qa" here: remove it.'), 'Comment mentions "test account: qa" here');
    assert.strictEqual(headline('Call to `std::strcpy: x` is banned'), 'Call to `std::strcpy: x` is banned');
    assert.strictEqual(headline('Hardcoded IP address fe80::1: use a host name.'), 'Hardcoded IP address fe80::1');
    assert.strictEqual(headline('Note: this stays whole'), 'Note: this stays whole');
  });

  it('keeps a message without a colon as it is', function () {
    assert.strictEqual(headline('Test account `demo` is left in the product.'), 'Test account `demo` is left in the product.');
  });
});
