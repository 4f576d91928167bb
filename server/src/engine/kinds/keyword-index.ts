/**
 * Which keywords occur in a text, for every rule at once. Each rule used to run its own keyword regex over every
 * file, and with some sixty rules that was a third of a scan's time; one Aho–Corasick pass over the lower-cased
 * text answers all of them (about 0.4 s for 90 MB). Kinds register their keywords when they compile; the automaton
 * is rebuilt when new ones arrive. Presence is worked out once per text: every rule asks about the same `lower`
 * string in a row. Keywords registered with `positions` also have where they occur recorded in the same pass, for
 * checks that look around each occurrence (a word after an `if`) without a regex over the whole text.
 */

const ids = new Map<string, number>();
/** 1 for the ids whose occurrences are recorded. */
let positional = new Uint8Array(0);
let automaton: Automaton | undefined;

/** What one pass found in a text. */
interface KeywordScan {
  /** For each registered keyword id, 1 when the keyword occurs. */
  readonly seen: Uint8Array;
  /** For the keywords registered with `positions`: pairs of id and start offset, by end offset. */
  readonly hits: readonly number[];
}

let last: { lower: string; automaton: Automaton; scan: KeywordScan } | undefined;

/** Ids of the keywords (lower case), registering those not seen before; `positions` records their occurrences. */
export function keywordIds(keywords: readonly string[], options: { positions?: boolean } = {}): number[] {
  return keywords.map((keyword) => {
    let id = ids.get(keyword);
    if (id === undefined) {
      id = ids.size;
      ids.set(keyword, id);
      automaton = undefined;
    }
    if (options.positions && positional[id] !== 1) {
      if (positional.length <= id) {
        const grown = new Uint8Array(Math.max(64, 2 * (id + 1)));
        grown.set(positional);
        positional = grown;
      }
      positional[id] = 1;
      automaton = undefined;
    }
    return id;
  });
}

/** Keywords registered to have their positions recorded: their ids, as a set (1 at each id) and with lengths. */
export interface PositionalKeywords {
  readonly ids: readonly number[];
  readonly wanted: Uint8Array;
  readonly lengths: Int32Array;
}

export function positionalKeywords(keywords: readonly string[]): PositionalKeywords {
  const idList = keywordIds(keywords, { positions: true });
  const wanted = new Uint8Array(Math.max(0, ...idList) + 1);
  const lengths = new Int32Array(wanted.length);
  idList.forEach((id, i) => {
    wanted[id] = 1;
    lengths[id] = keywords[i].length;
  });
  return { ids: idList, wanted, lengths };
}

function scanOf(lower: string): KeywordScan {
  automaton ??= new Automaton([...ids.keys()], positional.slice());
  if (last && last.automaton === automaton && last.lower === lower) return last.scan;
  const scan = automaton.scan(lower);
  last = { lower, automaton, scan };
  return scan;
}

/** Whether the shared pass has read `lower` already (then asking it about `lower` costs nothing more). */
export function keywordsKnown(lower: string): boolean {
  return automaton !== undefined && last !== undefined && last.automaton === automaton && last.lower === lower;
}

/** For each registered keyword id, 1 when the keyword occurs in `lower`. */
export function keywordsIn(lower: string): Uint8Array {
  return scanOf(lower).seen;
}

/** Where the keywords registered with `positions` occur in `lower`: pairs of id and start offset. */
export function keywordHits(lower: string): readonly number[] {
  return scanOf(lower).hits;
}

/** Whether any of the keywords (ids from `keywordIds`) occurs in `lower`. */
export function anyKeywordIn(lower: string, keywordIdList: readonly number[]): boolean {
  if (keywordIdList.length === 0) return true;
  const seen = keywordsIn(lower);
  return keywordIdList.some((id) => seen[id] === 1);
}

/**
 * ASCII transitions in a dense table; other characters (rare in keywords and code) through the trie's maps. An
 * entry holds the next state's row offset shifted left by one, and in its lowest bit whether a keyword ends there:
 * the scan's inner loop is then one table read per character.
 */
const ALPHABET = 128;
const entryOf = (state: number, final: boolean): number => ((state * ALPHABET) << 1) | (final ? 1 : 0);

class Automaton {
  private readonly table: Int32Array;
  private readonly next: Map<number, number>[] = [new Map<number, number>()];
  private readonly fail: number[] = [0];
  private readonly output: number[][] = [[]];

  constructor(
    private readonly words: readonly string[],
    private readonly positional: Uint8Array,
  ) {
    words.forEach((word, id) => {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        let to = this.next[state].get(c);
        if (to === undefined) {
          to = this.next.length;
          this.next.push(new Map<number, number>());
          this.fail.push(0);
          this.output.push([]);
          this.next[state].set(c, to);
        }
        state = to;
      }
      this.output[state].push(id);
    });
    // Breadth first: a state's failure link is the longest proper suffix of its path that is also a path.
    const queue = [...this.next[0].values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head];
      for (const [c, to] of this.next[state]) {
        queue.push(to);
        this.fail[to] = this.step(this.fail[state], c, to);
        this.output[to] = this.output[to].concat(this.output[this.fail[to]]);
      }
    }
    // A state's row is its failure state's row (shallower, so already filled in breadth-first order) with its own
    // transitions written over it: one copy per state instead of a failure-chain walk per state and character,
    // which cost ~0.1 s of every start with the built-in rules' keywords.
    this.table = new Int32Array(this.next.length * ALPHABET);
    for (const state of [0, ...queue]) {
      const row = state * ALPHABET;
      if (state !== 0) this.table.copyWithin(row, this.fail[state] * ALPHABET, this.fail[state] * ALPHABET + ALPHABET);
      for (const [c, to] of this.next[state]) {
        if (c < ALPHABET) this.table[row + c] = entryOf(to, this.output[to].length > 0);
      }
    }
  }

  /** The state after reading `c` in `state`, following failure links (never to `self`, the state being linked). */
  private step(state: number, c: number, self?: number): number {
    for (let s = state; ; s = this.fail[s]) {
      const to = this.next[s].get(c);
      if (to !== undefined && to !== self) return to;
      if (s === 0) return 0;
    }
  }

  scan(text: string): KeywordScan {
    const seen = new Uint8Array(this.words.length);
    const hits: number[] = [];
    const { table, output, positional, words } = this;
    let entry = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < ALPHABET) entry = table[(entry >> 1) + c];
      else {
        const to = this.step((entry >> 1) / ALPHABET, c);
        entry = entryOf(to, output[to].length > 0);
      }
      if ((entry & 1) === 0) continue;
      for (const id of output[(entry >> 1) / ALPHABET]) {
        seen[id] = 1;
        if (positional[id] === 1) hits.push(id, i + 1 - words[id].length);
      }
    }
    return { seen, hits };
  }
}
