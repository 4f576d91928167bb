/**
 * docs/rulebook.md stays true: every ```yaml example in it is a rulebook that loads with zero problems (schema,
 * regexes, queries, and the rules' own examples), and every key of the schema is documented there.
 *
 * An example whose first line is `# file: PATH` is written to PATH in the workspace (an organization rulebook that
 * later examples extend) and loaded on its own; every other example is the workspace's `.secure-coding/rulebook.yaml`.
 */
import * as assert from 'assert';
import { readFileSync, writeFileSync, mkdirSync } from 'fs';
import * as path from 'path';
import { loadRulebook } from '@secure-coding/server';
import { RULEBOOK_SCHEMA } from '@secure-coding/server/out/engine/rulebook/schema';
import { REPO_ROOT } from '../helpers';
import { RULEBOOK, formatRelative, removeWorkspaces, workspace } from './workspace';

const DOC = path.join(REPO_ROOT, 'docs/rulebook.md');

function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```yaml') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end].trim() !== '```') end++;
    blocks.push({ line: start + 1, text: `${lines.slice(start, end).join('\n')}\n` });
    i = end;
  }
  return blocks;
}

function schemaKeys(node: unknown, keys: Set<string>, where = ''): Set<string> {
  if (!node || typeof node !== 'object') return keys;
  const record = node as Record<string, unknown>;
  if (!where.includes('/if')) for (const key of Object.keys((record.properties as object | undefined) ?? {})) keys.add(key);
  for (const [key, value] of Object.entries(record)) schemaKeys(value, keys, `${where}/${key}`);
  return keys;
}

describe('docs/rulebook.md', function () {
  after(removeWorkspaces);
  const markdown = readFileSync(DOC, 'utf8');

  it('every yaml example is a rulebook that loads with zero problems', async function () {
    this.timeout(120000);
    const blocks = yamlBlocks(markdown);
    assert.ok(blocks.length >= 10, `only ${blocks.length} yaml examples`);
    const dir = workspace({});
    const failures: string[] = [];
    for (const block of blocks) {
      const target = /^# file: (\S+)/.exec(block.text)?.[1] ?? RULEBOOK;
      const file = path.join(dir, target);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, block.text);
      const rulebook = await loadRulebook({ rulebookFile: file, root: dir });
      for (const problem of rulebook.problems) failures.push(`docs/rulebook.md:${block.line} (${target}): ${formatRelative(dir, problem)}`);
    }
    assert.deepStrictEqual(failures, []);
  });

  it('documents every key of the schema', function () {
    const undocumented = [...schemaKeys(RULEBOOK_SCHEMA, new Set())].filter((key) => !markdown.includes(`\`${key}\``));
    assert.deepStrictEqual(undocumented, []);
  });
});
