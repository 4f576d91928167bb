/**
 * How the CLI shows rulebook files: relative to the current folder when that is shorter (and clickable in terminals
 * and editors), `builtin:c/banned-gets.yaml` for the default rulebook's files, else absolute.
 */
import * as path from 'path';
import { builtinRulesDirectory } from '../engine';

export function displayPath(file: string, cwd: string = process.cwd()): string {
  const builtin = path.relative(builtinRulesDirectory(), file);
  if (!builtin.startsWith('..') && !path.isAbsolute(builtin)) return `builtin:${builtin.split(path.sep).join('/')}`;
  return openablePath(file, cwd);
}

/** Relative to the current folder when that is shorter (`../.secure-coding/rulebook.yaml`), else absolute. */
export function openablePath(file: string, cwd: string = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel === '' || path.isAbsolute(rel) || rel.length >= file.length ? file : rel.split(path.sep).join('/');
}

/** `file:line` or `file:line:col` strings from the engine, with the file part shown as above. */
export function displayLocation(location: string, cwd: string = process.cwd()): string {
  const m = /^(.*?)((?::\d+)+)$/.exec(location);
  return m ? `${displayPath(m[1], cwd)}${m[2]}` : displayPath(location, cwd);
}
