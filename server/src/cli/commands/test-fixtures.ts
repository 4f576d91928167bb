/**
 * `rulebook test [DIR]`: checks every `*.fixture.*` file below DIR (default: the built-in rules and the folder of
 * the workspace rulebook) against its `ruleid:` / `ok:` annotations. Exit 1 if any annotation fails.
 */
import * as path from 'path';
import { builtinRulesDirectory, diskReader } from '../../engine';
import { FIXTURE_INFIX, checkFixture } from '../../engine/fixtures';
import { Output } from '../output';
import { loadForCommand } from './load';

export async function testCommand(dir: string | undefined, options: { rulebook?: string }, output: Output): Promise<number> {
  const { rulebook, choice } = await loadForCommand(output, options.rulebook, { checkExamples: false });
  const roots = dir ? [path.resolve(dir)] : [builtinRulesDirectory(), ...(choice.file ? [path.dirname(choice.file)] : [])];
  const fixtures: string[] = [];
  for (const root of roots) {
    const all = await diskReader.list(root, ['']).catch(() => [] as string[]);
    fixtures.push(...all.filter((f) => path.basename(f).includes(FIXTURE_INFIX)));
  }
  let checked = 0;
  let todo = 0;
  let failed = 0;
  for (const file of fixtures) {
    const text = (await diskReader.read(file))?.toString('utf8') ?? '';
    const rel = path.relative(process.cwd(), file).split(path.sep).join('/');
    const result = await checkFixture(rulebook, rel, text);
    checked += result.checked;
    todo += result.todo;
    for (const m of result.mismatches) {
      failed++;
      output.out(`${rel}:${m.line}: ${m.problem}: ${m.detail}\n`);
    }
  }
  output.out(`${fixtures.length} fixtures, ${checked} annotations checked, ${failed} failed, ${todo} known misses (todo)\n`);
  return failed > 0 || rulebook.hasErrors ? 1 : 0;
}
