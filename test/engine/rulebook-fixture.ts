/** Loads a rulebook written inline into a temporary workspace, for engine tests. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Rulebook, loadRulebook } from '@secure-coding/server';

export async function inlineRulebook(yaml: string): Promise<{ rulebook: Rulebook; dir: string; cleanup: () => Promise<void> }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'rulebook-engine-'));
  const file = path.join(dir, '.secure-coding', 'rulebook.yaml');
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, yaml);
  const rulebook = await loadRulebook({ rulebookFile: file });
  return { rulebook, dir, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
}
