/**
 * The text files of some folders as the benches read them: every file the CLI's walk lists (no .gitignore), up to
 * the scan's default size limit, without NUL bytes, with its language as a scan decides it.
 */
import { promises as fs } from 'fs';
import { LanguageId, languageForFile } from '@secure-coding/server';
import { DEFAULT_LIMITS } from '@secure-coding/server/out/engine/source-text';
import { walkFiles } from '@secure-coding/server/out/cli/walk';

export interface SourceFile {
  readonly file: string;
  readonly size: number;
  readonly text: string;
  readonly languageId: LanguageId;
}

export async function* sourceFiles(dirs: readonly string[], languageOf: (file: string) => string = (file) => file): AsyncGenerator<SourceFile> {
  for await (const file of walkFiles(dirs, { gitignore: false })) {
    const { size } = await fs.stat(file);
    if (size > DEFAULT_LIMITS.maxFileSize) continue;
    const text = await fs.readFile(file, 'utf8');
    if (text.includes('\u0000')) continue;
    yield { file, size, text, languageId: languageForFile(languageOf(file), text) };
  }
}
