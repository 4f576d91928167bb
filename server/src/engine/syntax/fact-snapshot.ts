/**
 * The facts of a document kept between edits. After an edit only the facts whose syntax node overlaps the affected
 * region are read again from the new tree; the others are kept, those after the edit moved by its length change.
 */
import { CallFact, CommentFact, StringFact } from './facts';
import { FactKind, FactTypes, Located, Region, overlaps } from './located-facts';

export type FactSnapshot = { readonly [K in FactKind]?: readonly Located<FactTypes[K]>[] };

/** Where two versions of a text differ: `[start, oldEnd)` in the old text became `[start, newEnd)` in the new one. */
export interface ChangedRegion {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

function shiftString(fact: StringFact, by: number): StringFact {
  return { ...fact, start: fact.start + by, end: fact.end + by };
}

function shiftComment(fact: CommentFact, by: number): CommentFact {
  return { ...fact, start: fact.start + by, end: fact.end + by };
}

function shiftCall(fact: CallFact, by: number): CallFact {
  return {
    ...fact,
    nameStart: fact.nameStart + by,
    nameEnd: fact.nameEnd + by,
    args: fact.args.map((arg) => ({ ...arg, start: arg.start + by, end: arg.end + by })),
  };
}

const SHIFTS: { readonly [K in FactKind]: (fact: FactTypes[K], by: number) => FactTypes[K] } = {
  strings: shiftString,
  comments: shiftComment,
  calls: shiftCall,
};

function moved<T>(entry: Located<T>, fact: T, delta: number): Located<T> {
  const reach = entry.reach && { start: entry.reach.start + delta, end: entry.reach.end + delta };
  return { from: entry.from + delta, to: entry.to + delta, fact, reach };
}

/**
 * Grows a region (new offsets; it contains the change, which moved later text by `delta`) until no kept fact reads
 * syntax inside it: a string whose binding was edited must be read again even though the string itself was not.
 */
export function closeRegion(region: Region, delta: number, snapshot: FactSnapshot): Region {
  let current = region;
  for (;;) {
    const old: Region = { start: current.start, end: current.end - delta };
    let grown = current;
    for (const entries of Object.values(snapshot) as (readonly Located<unknown>[] | undefined)[]) {
      for (const entry of entries ?? []) {
        if (!entry.reach || overlaps(entry.from, entry.to, old) || !overlaps(entry.reach.start, entry.reach.end, old)) continue;
        const shift = entry.to < old.start ? 0 : delta;
        grown = { start: Math.min(grown.start, entry.from + shift), end: Math.max(grown.end, entry.to + shift) };
      }
    }
    if (grown.start === current.start && grown.end === current.end) return current;
    current = grown;
  }
}

/**
 * Merges the previous facts of one kind with those read again for `region` (new offsets). `region` must contain the
 * changed text; its old extent is `[region.start, region.end - delta]`.
 */
export function mergeFacts<K extends FactKind>(
  kind: K,
  previous: readonly Located<FactTypes[K]>[],
  fresh: readonly Located<FactTypes[K]>[],
  region: Region,
  delta: number,
): Located<FactTypes[K]>[] {
  const oldRegion: Region = { start: region.start, end: region.end - delta };
  const shift = SHIFTS[kind];
  const before: Located<FactTypes[K]>[] = [];
  const after: Located<FactTypes[K]>[] = [];
  for (const entry of previous) {
    if (overlaps(entry.from, entry.to, oldRegion)) continue;
    if (entry.to < oldRegion.start) before.push(entry);
    else after.push(delta === 0 ? entry : moved(entry, shift(entry.fact, delta), delta));
  }
  // Nodes that enclose the region (a call around an edited argument) sort before it: merge by position.
  return [...before, ...fresh, ...after].sort((a, b) => a.from - b.from || a.to - b.to);
}
