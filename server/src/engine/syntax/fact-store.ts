/**
 * The facts of one parsed document, read lazily per kind: from the whole tree, or — when the previous version's facts
 * and tree are at hand — by reading again only the region an edit affected and keeping the rest.
 */
import type { Tree } from '../tree-api';
import { GrammarLanguageId } from '../languages';
import { TextIndex } from '../text-index';
import { affectedRegion } from './fact-regions';
import { ChangedRegion, FactSnapshot, closeRegion, mergeFacts } from './fact-snapshot';
import { FactKind, FactTypes, Located, Region, byPosition, callRegion, locatedFacts, overlaps } from './located-facts';

export interface PreviousFacts {
  /** The previous tree, `edit()`ed to match the new text (alive for the store's lifetime). */
  readonly tree: Tree;
  readonly facts: FactSnapshot;
  readonly changed: ChangedRegion;
}

const FACT_KINDS: readonly FactKind[] = ['strings', 'comments', 'calls'];

export class FactStore {
  private readonly cache: { [K in FactKind]?: Located<FactTypes[K]>[] } = {};
  private regionCache?: { calls: Region; others: Region };

  constructor(
    private readonly languageId: GrammarLanguageId,
    private readonly tree: Tree,
    private readonly index: TextIndex,
    private readonly previous?: PreviousFacts,
  ) {}

  /**
   * The regions to read again, for calls and for the other kinds, computed together before any kept fact is moved
   * (merging moves the kept facts of a kind in place).
   */
  private regions(previous: PreviousFacts): { calls: Region; others: Region } {
    if (!this.regionCache) {
      const delta = previous.changed.newEnd - previous.changed.oldEnd;
      const affected = affectedRegion(previous.tree, this.tree, previous.changed);
      const others = closeRegion(affected, delta, previous.facts);
      // C and C++ calls are read per top-level item, with one item on either side (see `callRegion`); the
      // neighbours are added once, then the region is closed again over the items it now touches.
      const snap = (r: Region): Region => callRegion(this.languageId, this.tree, r);
      const items = closeRegion(others, delta, previous.facts, snap);
      const calls = closeRegion(callRegion(this.languageId, this.tree, items, 1), delta, previous.facts, snap);
      this.regionCache = { calls, others };
    }
    return this.regionCache;
  }

  get<K extends FactKind>(kind: K): readonly Located<FactTypes[K]>[] {
    const cached = this.cache[kind];
    if (cached) return cached;
    const previous = this.previous;
    const kept = previous?.facts[kind];
    let facts: Located<FactTypes[K]>[];
    if (previous && kept) {
      const regions = this.regions(previous);
      const region = kind === 'calls' ? regions.calls : regions.others;
      const fresh = locatedFacts(kind, this.languageId, this.tree, this.index, region);
      facts = mergeFacts(kind, kept, fresh, region, previous.changed.newEnd - previous.changed.oldEnd);
    } else {
      facts = locatedFacts(kind, this.languageId, this.tree, this.index);
    }
    (this.cache as Record<K, Located<FactTypes[K]>[]>)[kind] = facts;
    return facts;
  }

  /** The facts of a kind whose node overlaps one of the (sorted, disjoint) regions: a full scan's focused read. */
  getIn<K extends FactKind>(kind: K, regions: readonly Region[]): Located<FactTypes[K]>[] {
    const all = this.cache[kind];
    if (all) return all.filter((l) => regions.some((r) => overlaps(l.from, l.to, r)));
    const seen = new Set<string>();
    const found: Located<FactTypes[K]>[] = [];
    for (const region of regions) {
      for (const located of locatedFacts(kind, this.languageId, this.tree, this.index, region)) {
        // A node that spans two regions is read from each.
        const key = `${located.from}:${located.to}:${(located.fact as { start?: number }).start ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        found.push(located);
      }
    }
    return found.sort(byPosition);
  }

  /** Every kind read now or kept from before, brought up to date: what the next version starts from. */
  snapshot(): FactSnapshot {
    const snapshot: { [K in FactKind]?: readonly Located<FactTypes[K]>[] } = {};
    for (const kind of FACT_KINDS) {
      if (this.cache[kind] || this.previous?.facts[kind]) (snapshot as Record<FactKind, unknown>)[kind] = this.get(kind);
    }
    // A call fact reads its callee and arguments from its tree when first asked; a kept fact outlives that tree
    // (the next edit moves its arguments), so each is read now, while the tree it came from is alive. Kept facts
    // were read when they were first kept.
    for (const { fact } of snapshot.calls ?? []) {
      void fact.callee;
      for (const arg of fact.args) void arg.stringValue;
    }
    return snapshot;
  }
}
