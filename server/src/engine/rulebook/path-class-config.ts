/**
 * A lead's `path_classes`: globs that put paths in a class, and classes whose built-in conventions are turned off.
 * Globs come first (the last one written wins: a later rulebook over an earlier one), then the conventions of
 * `path-classes.ts`. Built once at load; asked once per file.
 */
import { PathClass, PathClassification, classifyByConvention } from '../path-classes';
import { matchesGlob } from './effective-rule';
import type { Provenance } from './rulebook';

export interface ClassGlob {
  readonly pathClass: PathClass;
  readonly glob: string;
}

export interface PathClassConfig {
  /** Every glob of every rulebook's `path_classes`, in load order. */
  readonly globs: readonly Provenance<ClassGlob>[];
  /** Classes whose conventions no longer count (the last `conventions:` written for each class decides). */
  readonly conventionsOff: ReadonlySet<PathClass>;
}

export const EMPTY_PATH_CLASSES: PathClassConfig = { globs: [], conventionsOff: new Set() };

export function classifyPath(config: PathClassConfig, relPath: string): PathClassification {
  const { globs } = config;
  for (let i = globs.length - 1; i >= 0; i--) {
    const { pathClass, glob } = globs[i].value;
    if (matchesGlob(relPath, glob)) return { pathClass, reason: { kind: 'glob', glob, from: globs[i].from } };
  }
  return classifyByConvention(relPath, config.conventionsOff);
}
