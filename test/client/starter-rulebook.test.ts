/** The rulebook "Open Rulebook" writes loads through the engine without a single problem, in both languages. */
import * as assert from 'assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { loadRulebook } from '@secure-coding/server';
import { starterRulebook } from 'secure-coding-rulebook-vscode/out/starter-rulebook';

describe('starter rulebook', () => {
  for (const language of ['en', 'ja']) {
    it(`loads without problems and keeps the built-in rules (${language})`, async () => {
      const root = mkdtempSync(path.join(tmpdir(), 'starter-rulebook-'));
      try {
        mkdirSync(path.join(root, '.secure-coding'));
        const file = path.join(root, '.secure-coding/rulebook.yaml');
        writeFileSync(file, starterRulebook(language));
        const rulebook = await loadRulebook({ rulebookFile: file, root });
        assert.deepStrictEqual(rulebook.problems, []);
        assert.ok(rulebook.rules.some((rule) => rule.rule.id === 'c.banned.gets'));
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }

  it('writes its comments in Japanese for a Japanese display language', () => {
    assert.match(starterRulebook('ja'), /規約/);
    assert.doesNotMatch(starterRulebook('en'), /規約/);
  });
});
