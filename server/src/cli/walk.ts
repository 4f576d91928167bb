/**
 * Finds the files to scan below the given paths, honouring `.gitignore` files the way git does: each one applies
 * below its own directory, and those of the enclosing repository above the scan root apply too. A path given
 * explicitly is scanned even when ignored.
 */
import { promises as fs } from 'fs';
import ignore, { Ignore } from 'ignore';
import * as path from 'path';

const ALWAYS_SKIPPED = new Set(['.git', '.hg', '.svn', '.secure-coding']);

/** Whether a slash-separated path lies in a folder every scan skips (`.git`, `.secure-coding`, …). */
export function isAlwaysSkipped(relPath: string): boolean {
  return relPath.split('/').some((part) => ALWAYS_SKIPPED.has(part));
}

interface IgnoreLayer {
  readonly base: string;
  readonly rules: Ignore;
}

async function readIgnoreFile(dir: string, name = '.gitignore'): Promise<IgnoreLayer | undefined> {
  try {
    const text = await fs.readFile(path.join(dir, name), 'utf8');
    return { base: dir, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function isIgnored(layers: readonly IgnoreLayer[], file: string, isDirectory: boolean): boolean {
  for (const layer of layers) {
    const rel = path.relative(layer.base, file).split(path.sep).join('/');
    if (rel === '' || rel.startsWith('..')) continue;
    if (layer.rules.ignores(isDirectory ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** The .gitignore layers from the enclosing repository's root down to (not including) `dir`. */
async function ancestorLayers(dir: string): Promise<IgnoreLayer[]> {
  const chain: string[] = [];
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    chain.unshift(current);
    const hasGit = await fs.stat(path.join(current, '.git')).then(() => true, () => false);
    if (hasGit || path.dirname(current) === current) {
      if (!hasGit) return [];
      break;
    }
  }
  const layers: IgnoreLayer[] = [];
  for (const ancestor of chain) {
    const layer = await readIgnoreFile(ancestor);
    if (layer) layers.push(layer);
  }
  const exclude = await readIgnoreFile(path.join(chain[0], '.git', 'info'), 'exclude');
  if (exclude) layers.push({ base: chain[0], rules: exclude.rules });
  return layers;
}

export interface WalkOptions {
  readonly gitignore: boolean;
}

export async function* walkFiles(paths: readonly string[], options: WalkOptions): AsyncGenerator<string> {
  for (const given of paths) {
    const full = path.resolve(given);
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat) throw new Error(`no such file or directory: ${given}`);
    if (stat.isFile()) {
      yield full;
      continue;
    }
    const layers = options.gitignore ? await ancestorLayers(full) : [];
    yield* walkDirectory(full, layers, options);
  }
}

async function* walkDirectory(dir: string, inherited: readonly IgnoreLayer[], options: WalkOptions): AsyncGenerator<string> {
  const own = options.gitignore ? await readIgnoreFile(dir) : undefined;
  const layers = own ? [...inherited, own] : inherited;
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (ALWAYS_SKIPPED.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!isIgnored(layers, full, true)) yield* walkDirectory(full, layers, options);
    } else if (entry.isFile() && !isIgnored(layers, full, false)) {
      yield full;
    }
  }
}
