/**
 * Where a regex's matches can start, read from its source: a literal every match holds (`password`, `://`,
 * `curl`) no more than a bounded number of characters after the match's start. A scan then tries the regex only at
 * the few positions before each occurrence of such a literal (found by `indexOf`, which is much faster than the
 * regex engine's own search) instead of at every position of the text — the same matches, in the same order, for a
 * fraction of the work on a file where the literal is rare (`anchoredMatches`).
 *
 * The reading is conservative: any construct it does not know (look-around, back-references, `\p{…}`) gives no
 * anchors, and the regex then runs over the whole text as before.
 */

/** A literal that starts within `reach` characters after the start of every match holding it. */
export interface Anchor {
  /** The literal, lower-cased when the regex ignores case. */
  readonly text: string;
  /** How far past a match's start the literal may begin (the longest text the regex can match before it). */
  readonly reach: number;
}

/** One parsed element of a sequence: how long its text can be, and the literal it spells when it is one character. */
interface Element {
  readonly min: number;
  readonly max: number;
  /** The character, for an unquantified literal character. */
  readonly literal?: string;
  /** For an unquantified group: the anchors of its branches (every branch has one), relative to the group's start. */
  readonly anchors?: readonly Anchor[];
}

class Unsupported extends Error {}

/** Longest an anchor set may get before it is not worth it. */
const MAX_ANCHORS = 24;

class Reader {
  private at = 0;

  constructor(
    private readonly source: string,
    private readonly ignoreCase: boolean,
  ) {}

  /** Branches of an alternation up to `)` or the end, each as its anchors and length bounds. */
  alternation(): { anchors: Anchor[] | undefined; min: number; max: number } {
    const branches: { anchors: Anchor[] | undefined; min: number; max: number }[] = [this.sequence()];
    while (this.source[this.at] === '|') {
      this.at++;
      branches.push(this.sequence());
    }
    const min = Math.min(...branches.map((b) => b.min));
    const max = Math.max(...branches.map((b) => b.max));
    if (branches.some((b) => b.anchors === undefined)) return { anchors: undefined, min, max };
    return { anchors: withoutRedundant(branches.flatMap((b) => b.anchors!)), min, max };
  }

  /** One branch: its elements, and the best anchors found among them (the longest shortest literal). */
  private sequence(): { anchors: Anchor[] | undefined; min: number; max: number } {
    const elements: Element[] = [];
    while (this.at < this.source.length && this.source[this.at] !== '|' && this.source[this.at] !== ')') elements.push(this.element());
    let before = 0;
    let best: Anchor[] | undefined;
    const consider = (anchors: Anchor[]): void => {
      if (anchors.length === 0 || anchors.length > MAX_ANCHORS) return;
      const worth = Math.min(...anchors.map((a) => a.text.length));
      const bestWorth = best ? Math.min(...best.map((a) => a.text.length)) : 0;
      if (worth > bestWorth) best = anchors;
    };
    for (let i = 0; i < elements.length && before !== Infinity; i++) {
      const element = elements[i];
      if (element.literal !== undefined) {
        let run = '';
        for (let j = i; j < elements.length && elements[j].literal !== undefined; j++) run += elements[j].literal;
        consider([{ text: run, reach: before }]);
      } else if (element.anchors) {
        consider(element.anchors.map((a) => ({ text: a.text, reach: a.reach + before })));
      }
      before += element.max;
    }
    return { anchors: best, min: elements.reduce((sum, e) => sum + e.min, 0), max: elements.reduce((sum, e) => sum + e.max, 0) };
  }

  private element(): Element {
    const { source } = this;
    const c = source[this.at];
    let atom: Element;
    if (c === '(') {
      this.at++;
      if (source.startsWith('?:', this.at)) this.at += 2;
      else if (source[this.at] === '?' && source[this.at + 1] === '<' && /[A-Za-z]/.test(source[this.at + 2] ?? '')) {
        const close = source.indexOf('>', this.at);
        if (close < 0) throw new Unsupported();
        this.at = close + 1;
      } else if (source[this.at] === '?') throw new Unsupported(); // look-around, inline flags
      const inner = this.alternation();
      if (source[this.at] !== ')') throw new Unsupported();
      this.at++;
      atom = { min: inner.min, max: inner.max, anchors: inner.anchors };
    } else if (c === '[') {
      this.skipClass();
      atom = { min: 1, max: 1 };
    } else if (c === '\\') {
      atom = this.escape();
    } else if (c === '^' || c === '$') {
      this.at++;
      return { min: 0, max: 0 };
    } else if (c === '.') {
      this.at++;
      atom = { min: 1, max: 1 };
    } else if (c === '*' || c === '+' || c === '?' || c === ')') {
      throw new Unsupported();
    } else if (c === '{' && this.quantifierAt(this.at)) {
      throw new Unsupported();
    } else {
      this.at++;
      atom = this.literal(c);
    }
    return this.quantified(atom);
  }

  private literal(c: string): Element {
    if (!this.ignoreCase) return { min: 1, max: 1, literal: c };
    // Case folding outside ASCII differs between `toLowerCase` and the regex engine: such a character ends a literal.
    return c.charCodeAt(0) < 128 ? { min: 1, max: 1, literal: c.toLowerCase() } : { min: 1, max: 1 };
  }

  private escape(): Element {
    const { source } = this;
    const c = source[this.at + 1];
    if (c === undefined) throw new Unsupported();
    this.at += 2;
    if (c === 'b' || c === 'B') return { min: 0, max: 0 };
    if ('dwsDWS'.includes(c)) return { min: 1, max: 1 };
    if (c === 'x' || c === 'u') {
      const digits = c === 'x' ? 2 : 4;
      const hex = source.slice(this.at, this.at + digits);
      if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) throw new Unsupported();
      this.at += digits;
      return this.literal(String.fromCharCode(parseInt(hex, 16)));
    }
    const controls: Record<string, string> = { n: '\n', r: '\r', t: '\t', f: '\f', v: '\v' };
    if (controls[c] !== undefined) return this.literal(controls[c]);
    if (/[A-Za-z0-9]/.test(c)) throw new Unsupported(); // back-references, \p{…}, \c, \0, \k…
    return this.literal(c);
  }

  private skipClass(): void {
    const { source } = this;
    let i = this.at + 1;
    if (source[i] === '^') i++;
    // A `]` right after the opening is a literal in RE2 and an empty class in V8: neither is read here.
    if (source[i] === ']') throw new Unsupported();
    for (; i < source.length && source[i] !== ']'; i++) {
      if (source[i] === '\\') i++;
      else if (source[i] === '[') throw new Unsupported(); // nested sets, [:alpha:]
    }
    if (i >= source.length) throw new Unsupported();
    this.at = i + 1;
  }

  private quantifierAt(i: number): RegExpExecArray | null {
    return /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.source.slice(i, i + 16));
  }

  private quantified(atom: Element): Element {
    const { source } = this;
    const c = source[this.at];
    let min = 1;
    let max = 1;
    if (c === '*' || c === '+' || c === '?') {
      this.at++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      const q = this.quantifierAt(this.at);
      if (!q) return atom;
      this.at += q[0].length;
      min = Number(q[1]);
      max = q[2] === undefined ? min : q[3] === '' ? Infinity : Number(q[3]);
    } else return atom;
    if (source[this.at] === '?') this.at++; // lazy
    if (source[this.at] === '+') throw new Unsupported(); // possessive
    return { min: atom.min * min, max: atom.max === 0 ? 0 : atom.max * max };
  }

  get done(): boolean {
    return this.at >= this.source.length;
  }
}

/** An anchor whose text begins with another's at the same reach finds nothing more: keep the shorter. */
function withoutRedundant(anchors: Anchor[]): Anchor[] {
  return anchors.filter((a, i) => !anchors.some((b, j) => j !== i && b.reach === a.reach && a.text.startsWith(b.text) && (b.text !== a.text || j < i)));
}

/**
 * The anchors of a regex source (V8 syntax, without flags), or undefined when some match could start without any
 * literal nearby — or the source holds a construct this reading does not know.
 */
export function anchorsOf(source: string, ignoreCase: boolean): readonly Anchor[] | undefined {
  try {
    const reader = new Reader(source, ignoreCase);
    const { anchors } = reader.alternation();
    if (!reader.done) return undefined;
    return anchors && anchors.length > 0 ? anchors : undefined;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}

/**
 * Whether trying a regex only near its anchors saves work. V8's own search is fast where a match starts with a
 * literal, a line start or a character or two before one (it skips ahead to them); it is slow where a match may begin
 * with a long run of a class (`\b[A-Za-z][A-Za-z0-9+.-]{1,30}://`, `[0-9a-f]{32}-us`), tried at every position.
 * Measured on vim's runtime files: such regexes ran 3–40× faster anchored, while regexes with many anchors, a short
 * reach or case folding (whose lower-cased copy of the text costs more than the search) ran slower.
 */
export function worthAnchoring(anchors: readonly Anchor[], source: string, ignoreCase: boolean): boolean {
  return !ignoreCase && !source.startsWith('^') && anchors.length <= 2 && anchors.every((a) => a.reach >= 5 && a.text.length >= 2);
}

/**
 * The matches `global` (a regex with the `g` flag) finds in `text`, found by trying `sticky` (the same regex with
 * the `y` flag) only where an anchor allows a match to start. `haystack` is the text anchors are looked for in: the
 * text itself, or its lower case when the regex ignores case (of the same length). Equivalent to `text.matchAll(global)`:
 * each match is the leftmost one at or after the end of the previous, because no match can start anywhere else.
 * When anchors turn out to be too common to save work, the rest of the text is searched as a whole.
 */
export function* anchoredMatches(text: string, haystack: string, anchors: readonly Anchor[], sticky: RegExp, global: RegExp): Generator<RegExpExecArray> {
  const next = anchors.map((a) => haystack.indexOf(a.text));
  let from = 0;
  let tries = 0;
  const budget = 64 + (text.length >> 4);
  for (;;) {
    // The nearest occurrence of any anchor whose window may still hold an untried start.
    let pick = -1;
    let windowStart = Infinity;
    for (let i = 0; i < anchors.length; i++) {
      while (next[i] >= 0 && next[i] < from) next[i] = haystack.indexOf(anchors[i].text, from);
      if (next[i] < 0) continue;
      const start = Math.max(from, next[i] - anchors[i].reach);
      if (start < windowStart) {
        windowStart = start;
        pick = i;
      }
    }
    if (pick < 0) return;
    const windowEnd = next[pick];
    let s = windowStart;
    while (s <= windowEnd) {
      if (++tries > budget) {
        // Anchors everywhere: one search from here is cheaper than a try at each candidate.
        global.lastIndex = s;
        for (let m = global.exec(text); m; m = global.exec(text)) {
          yield m;
          if (m[0].length === 0) global.lastIndex++;
        }
        return;
      }
      sticky.lastIndex = s;
      const m = sticky.exec(text);
      if (m) {
        yield m;
        from = m[0].length === 0 ? s + 1 : s + m[0].length;
        break;
      }
      s++;
      from = s;
    }
    if (s > windowEnd) from = Math.max(from, windowEnd + 1);
  }
}
