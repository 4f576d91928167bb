/**
 * Runtime texts of the extension: every `l10n.t('…')` in `client/src` has an entry in the English and the Japanese
 * bundle, with the same `{n}` placeholders, and the bundles hold nothing else.
 */
import * as assert from 'assert';
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { REPO_ROOT } from '../helpers';

const CLIENT = path.join(REPO_ROOT, 'client');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The message of every `l10n.t(...)` call; a call whose message is not a literal cannot be translated and fails. */
function messagesInSources(): Set<string> {
  const messages = new Set<string>();
  for (const file of sourceFiles(path.join(CLIENT, 'src'))) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(node.expression.getText(source))) {
        const first = node.arguments[0];
        const where = `${path.relative(REPO_ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
        assert.ok(first && ts.isStringLiteralLike(first), `${where}: l10n.t needs a literal message`);
        messages.add(first.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return messages;
}

const placeholders = (text: string): string[] => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

describe('extension runtime texts (l10n bundles)', () => {
  const messages = messagesInSources();
  const english = JSON.parse(readFileSync(path.join(CLIENT, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, string>;
  const japanese = JSON.parse(readFileSync(path.join(CLIENT, 'l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;

  it('finds the messages in the sources', () => {
    assert.ok(messages.size > 10, `only ${messages.size} messages found`);
  });

  it('has every message, and only those, in the English bundle', () => {
    assert.deepStrictEqual(Object.keys(english).sort(), [...messages].sort());
    for (const [key, text] of Object.entries(english)) assert.strictEqual(text, key);
  });

  it('has every message, and only those, in the Japanese bundle, with the same placeholders', () => {
    assert.deepStrictEqual(Object.keys(japanese).sort(), [...messages].sort());
    for (const [key, text] of Object.entries(japanese)) {
      assert.ok(text.trim().length > 0, `empty translation of "${key}"`);
      assert.deepStrictEqual(placeholders(text), placeholders(key), `placeholders of "${key}"`);
    }
  });
});
