/** Finds the workspace rulebook: `--rulebook FILE`, else `.secure-coding/rulebook.yaml` here or in a parent folder. */
import { existsSync } from 'fs';
import * as path from 'path';
import { RULEBOOK_RELATIVE_PATH } from '../engine';

export function findRulebook(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, RULEBOOK_RELATIVE_PATH);
    if (existsSync(candidate)) return candidate;
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return undefined;
  }
}

export interface RulebookChoice {
  /** The rulebook file, or undefined for the built-in default alone. */
  readonly file?: string;
  /** The root path globs and findings are relative to. */
  readonly root: string;
}

export function chooseRulebook(explicit: string | undefined, cwd: string): RulebookChoice {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    const dir = path.dirname(file);
    return { file, root: path.basename(dir) === '.secure-coding' ? path.dirname(dir) : cwd };
  }
  const found = findRulebook(cwd);
  if (found) return { file: found, root: path.dirname(path.dirname(found)) };
  return { root: cwd };
}
