/**
 * `rulebook init`: writes a starter `.secure-coding/rulebook.yaml` in the current folder (or `--dir`), with a
 * comment on every section (English, or Japanese with `--lang ja`). Never overwrites without `--force`.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { Locale, RULEBOOK_RELATIVE_PATH } from '../../engine';
import { starterRulebook } from '../../engine/rulebook/starter';
import { Output } from '../output';
import { UsageError } from './load';

export interface InitOptions {
  readonly dir?: string;
  readonly force: boolean;
  readonly lang: Locale;
}

export async function initCommand(options: InitOptions, output: Output): Promise<number> {
  const file = path.resolve(options.dir ?? '.', RULEBOOK_RELATIVE_PATH);
  const shown = path.relative(process.cwd(), file) || file;
  const exists = await fs.stat(file).then(
    () => true,
    () => false,
  );
  if (exists && !options.force) throw new UsageError(`${shown} already exists; use --force to replace it`);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, starterRulebook(options.lang), 'utf8');
  output.out(
    options.lang === 'ja'
      ? `${shown} を作成しました。\`rulebook check\` で検査し、\`rulebook explain ファイル\` で適用されるルールを確認できます。\n`
      : `wrote ${shown}. Check it with \`rulebook check\`; see what applies to a file with \`rulebook explain FILE\`.\n`,
  );
  return 0;
}
