/**
 * Which findings a change brings: each finding of a changed file is compared with the findings of the same file
 * before the change (the base), by rule and fingerprint. A finding is `new` when the base has no finding with its
 * fingerprint and it lies on a line the change added or modified; `updated` when such a finding replaces a finding
 * of the same rule on the lines its hunk replaced; `unchanged` otherwise — so re-indenting or moving a legacy line
 * within its file brings nothing new. Base findings left unmatched are `absent`: the change removed them.
 * These are SARIF's `baselineState` values.
 */
import { Finding } from '../engine';
import { ChangedFile, onChangedLine } from './change-scope';

export type BaselineState = 'new' | 'updated' | 'unchanged' | 'absent';

export interface BaselineComparison {
  readonly states: ReadonlyMap<Finding, BaselineState>;
  /** Base findings the change removed, at their base path and line. */
  readonly absent: readonly Finding[];
}

export interface ComparedFile {
  readonly changed: ChangedFile;
  readonly current: readonly Finding[];
  /** The file's findings in the base, or none when the file did not exist there. */
  readonly base: readonly Finding[];
}

const keyOf = (f: Finding): string => `${f.ruleId}\0${f.fingerprint}`;

/** Compares the findings of one changed file with its base version's. */
export function compareFile(file: ComparedFile, states: Map<Finding, BaselineState>, absent: Finding[]): void {
  const unmatched = new Map<string, Finding[]>();
  for (const f of file.base) unmatched.set(keyOf(f), [...(unmatched.get(keyOf(f)) ?? []), f]);
  const candidates: Finding[] = [];
  for (const f of file.current) {
    const same = unmatched.get(keyOf(f));
    if (same && same.length > 0) {
      same.shift();
      states.set(f, 'unchanged');
    } else if (onChangedLine(f, file.changed)) {
      candidates.push(f);
    } else {
      states.set(f, 'unchanged');
    }
  }
  const left = [...unmatched.values()].flat();
  const hunks = file.changed.diff?.hunks ?? [];
  for (const f of candidates) {
    const line = f.range.start.line + 1;
    const hunk = hunks.find((h) => h.newStart <= line && line < h.newStart + h.newCount);
    const replaced = hunk ? left.findIndex((b) => b.ruleId === f.ruleId && b.range.start.line + 1 >= hunk.oldStart && b.range.start.line + 1 < hunk.oldStart + hunk.oldCount) : -1;
    if (replaced >= 0) {
      left.splice(replaced, 1);
      states.set(f, 'updated');
    } else {
      states.set(f, 'new');
    }
  }
  absent.push(...left);
}

/** Whether a state is one the change brings (what `--staged` and `--diff-base` report by default). */
export function isIntroduced(state: BaselineState | undefined): boolean {
  return state === 'new' || state === 'updated';
}
