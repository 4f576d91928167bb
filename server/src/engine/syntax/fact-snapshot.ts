/**
 * The facts of a document kept between edits. After an edit only the facts whose syntax node overlaps the affected
 * region are read again from the new tree; the others are kept, those after the edit moved by its length change.
 */
import { CallFact } from './facts';
import { FactKind, FactTypes, Located, Region, overlaps } from './located-facts';

export type FactSnapshot = { readonly [K in FactKind]?: readonly Located<FactTypes[K]>[] };

/** Where two versions of a text differ: `[start, oldEnd)` in the old text became `[start, newEnd)` in the new one. */
export interface ChangedRegion {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

// Kept facts are moved in place rather than copied: a snapshot is consumed by the merge that makes the next one,
// and a large file has thousands of facts after any edit.
function moveSpan(span: { readonly start: number; readonly end: number }, by: number): void {
  const mutable = span as Mutable<typeof span>;
  mutable.start += by;
  mutable.end += by;
}

function moveCall(fact: CallFact, by: number): void {
  const mutable = fact as Mutable<CallFact>;
  mutable.nameStart += by;
  mutable.nameEnd += by;
  for (const arg of fact.args) moveSpan(arg, by);
}

const MOVES: { readonly [K in FactKind]: (fact: FactTypes[K], by: number) => void } = {
  strings: moveSpan,
  comments: moveSpan,
  calls: moveCall,
};

function move<T>(entry: Located<T>, moveFact: (fact: T, by: number) => void, by: number): Located<T> {
  const mutable = entry as Mutable<Located<T>>;
  mutable.from += by;
  mutable.to += by;
  if (entry.reach) moveSpan(entry.reach, by);
  moveFact(entry.fact, by);
  return entry;
}

/**
 * Grows a region (new offsets; it contains the change, which moved later text by `delta`) until it holds, for every
 * kept fact it touches, the fact's whole extent — a dropped fact must be read again wherever its node now lies —
 * and every fact that reads syntax inside it: a string whose binding was edited must be read again although the
 * string itself was not. `widen` snaps a region to the units a kind of fact is read in.
 */
export function closeRegion(region: Region, delta: number, snapshot: FactSnapshot, widen: (region: Region) => Region = (r) => r): Region {
  const lists = (Object.values(snapshot) as (readonly Located<unknown>[] | undefined)[]).filter((l): l is readonly Located<unknown>[] => l !== undefined);
  const longest = lists.map(longestExtent);
  let current = widen(region);
  for (;;) {
    const old: Region = { start: current.start, end: current.end - delta };
    let start = current.start;
    let end = current.end;
    for (let l = 0; l < lists.length; l++) {
      const entries = lists[l];
      // Entries are sorted by start, and what an entry reads lies within the longest extent around it: only entries
      // starting that close to the region can touch it.
      for (let i = firstFrom(entries, old.start - longest[l]); i < entries.length; i++) {
        const entry = entries[i];
        if (entry.from > old.end + longest[l]) break;
        const reach = entry.reach;
        const touched = (entry.from <= old.end && entry.to >= old.start) || (reach !== undefined && reach.start <= old.end && reach.end >= old.start);
        if (!touched) continue;
        // Text outside the region is unchanged: before it at the same offsets, after it moved by `delta`.
        if (entry.from < old.start) start = Math.min(start, entry.from);
        if (entry.to > old.end) end = Math.max(end, entry.to + delta);
      }
    }
    const grown = widen({ start, end });
    if (grown.start === current.start && grown.end === current.end) return current;
    current = grown;
  }
}

const longestCache = new WeakMap<readonly Located<unknown>[], number>();

/** The longest extent among entries, counting what each reads around it (computed once per list). */
function longestExtent(entries: readonly Located<unknown>[]): number {
  const cached = longestCache.get(entries);
  if (cached !== undefined) return cached;
  let longest = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const from = e.reach ? Math.min(e.from, e.reach.start) : e.from;
    const to = e.reach ? Math.max(e.to, e.reach.end) : e.to;
    if (to - from > longest) longest = to - from;
  }
  longestCache.set(entries, longest);
  return longest;
}

/** The index of the first entry starting at or after `offset`. */
function firstFrom(entries: readonly Located<unknown>[], offset: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (entries[mid].from < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Merges the previous facts of one kind with those read again for `region` (new offsets). `region` must contain the
 * changed text; its old extent is `[region.start, region.end - delta]`. The previous entries are consumed: those kept
 * after the region are moved in place.
 */
export function mergeFacts<K extends FactKind>(
  kind: K,
  previous: readonly Located<FactTypes[K]>[],
  fresh: readonly Located<FactTypes[K]>[],
  region: Region,
  delta: number,
): Located<FactTypes[K]>[] {
  const oldRegion: Region = { start: region.start, end: region.end - delta };
  const moveFact = MOVES[kind] as (fact: FactTypes[K], by: number) => void;
  const before: Located<FactTypes[K]>[] = [];
  const after: Located<FactTypes[K]>[] = [];
  for (const entry of previous) {
    if (overlaps(entry.from, entry.to, oldRegion)) continue;
    if (entry.to < oldRegion.start) before.push(entry);
    else after.push(delta === 0 ? entry : move(entry, moveFact, delta));
  }
  // Nodes that enclose the region (a call around an edited argument) sort before it: merge by position.
  return [...before, ...fresh, ...after].sort((a, b) => a.from - b.from || a.to - b.to);
}
