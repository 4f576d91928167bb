/**
 * The tree walker hands out frames whose parent links must be the tree's own parents, found without `Node.parent`
 * (which walks down from the root each time). Checked over every fixture of every grammar, against `Node.parent`.
 */
import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import type { Node } from '@secure-coding/server/out/engine/tree-api';
import { languageForFile } from '@secure-coding/server';
import { parserFor } from '@secure-coding/server/out/engine/grammars';
import { hasGrammar } from '@secure-coding/server/out/engine/languages';
import { TreeWalker, walkerStats, deleteTree } from '@secure-coding/server/out/engine/syntax/ancestry';
import { queriesFor } from '@secure-coding/server/out/engine/syntax/queries';
import { REPO_ROOT, describeEachParser } from '../helpers';

async function fixtures(dir: string, out: string[] = []): Promise<string[]> {
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await fixtures(full, out);
    else if (entry.name.includes('.fixture.')) out.push(full);
  }
  return out;
}

function parentIds(node: Node): number[] {
  const ids: number[] = [];
  for (let p = node.parent; p; p = p.parent) ids.push(p.id);
  return ids;
}

describeEachParser('tree walker', function () {
  this.timeout(120_000);

  it('gives every string literal of every fixture its real ancestors, without falling back on Node.parent', async () => {
    let checked = 0;
    walkerStats.fallbacks = 0;
    walkerStats.resets = 0;
    for (const file of await fixtures(path.join(REPO_ROOT, 'rules'))) {
      const text = await fs.readFile(file, 'utf8');
      const language = languageForFile(file, text);
      if (!hasGrammar(language)) continue;
      const tree = (await parserFor(language)).parse(text)!;
      const walker = new TreeWalker(tree);
      for (const { node } of queriesFor(language, tree.language).strings.captures(tree.rootNode)) {
        const ids: number[] = [];
        for (let f = walker.frameOf(node).parent; f; f = f.parent) ids.push(f.node.id);
        assert.deepStrictEqual(ids, parentIds(node), `${path.basename(file)}: ${node.text.slice(0, 40)}`);
        // The smallest named node holding the literal's text: the literal itself, or a named part of it as wide.
        const around = walker.frameAt(node.startIndex, node.endIndex)!;
        assert.ok(around.node.isNamed && around.node.startIndex === node.startIndex && around.node.endIndex === node.endIndex, `${path.basename(file)}: ${around.type} [${around.node.startIndex}, ${around.node.endIndex}) for the ${node.type} [${node.startIndex}, ${node.endIndex})`);
        let up: typeof around | undefined = around;
        while (up && up.node.id !== node.id) up = up.parent;
        assert.ok(up, `${path.basename(file)}: ${around.type} is not inside the ${node.type}`);
        checked++;
      }
      walker.dispose();
      deleteTree(tree);
    }
    assert.ok(checked > 500, `only ${checked} literals`);
    assert.strictEqual(walkerStats.fallbacks, 0);
  });

  it('starts again from the root when asked for a node before the last one, and stays right', async () => {
    const text = 'int f() { g("a", h("b")); }\nint k = 1;\nchar *s[] = { "c", "d" };\n';
    const tree = (await parserFor('c')).parse(text)!;
    const walker = new TreeWalker(tree);
    const strings = queriesFor('c', tree.language).strings.captures(tree.rootNode).map((c) => c.node);
    const resets = walkerStats.resets;
    for (const node of [...strings].reverse()) {
      const ids: number[] = [];
      for (let f = walker.frameOf(node).parent; f; f = f.parent) ids.push(f.node.id);
      assert.deepStrictEqual(ids, parentIds(node));
    }
    assert.strictEqual(walkerStats.resets - resets, strings.length - 1);
    walker.dispose();
    deleteTree(tree);
  });
});
