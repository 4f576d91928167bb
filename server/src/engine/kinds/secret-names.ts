/**
 * The name model: whether a name says "password" (or "secret") when no regex of exact spellings does. Real code
 * misspells (`passwrd`, `pasword`), abbreviates (`psswd`, `pword`), numbers (`pass1`, `password2`) and translates
 * (`kennwort`, `mot_de_passe`, `contraseña`, `パスワード`) its credential names; a longer word list would never end.
 * Instead a rule lists its **stems** — the credential words of several languages, in any script (`name_stems`) — and
 * a name is judged word by word against them:
 * - **stem**: a word (or two or three joined: `mot_de_passe`) is a stem, once accents are folded (`contraseña` →
 *   `contrasena`, `hasło` → `haslo`) and trailing digits dropped (`pass1`); a long stem (seven letters or more) or a
 *   stem in a script without letter case also counts at the end of a longer word, where a compound's head stands
 *   (`adminkennwort`, `管理者パスワード`; not `passwordhint`). Plurals are not stems: `passwords` is more often a list
 *   of forbidden or common passwords than one;
 * - **variant**: one edit (insert, delete, substitute, swap two neighbours) away from a stem of six letters or more
 *   (`pasword`, `passwrod`, `psswd`);
 * - **abbreviation**: the stem with letters left out, in order, starting with its first letter, keeping at least
 *   four of its consonants and 60 % of them (`pword`, `passwrd`, `pswrd`, `secrt`).
 * Negative evidence keeps English words that happen to be close out: `passport`, `passage`, `bypass`, `compass`,
 * `secretary`… (`NEAR_WORDS`), and a name is only ever matched when it holds one of the rule's keywords (`anchors`),
 * so the rule's keyword prefilter stays a superset of what it can flag.
 *
 * A stem or compound match is as strong as the stem (a rule's `weak_names` mark short forms like `pass`); a variant or
 * an abbreviation is reported as `name:model`, weaker evidence that lowers a finding's confidence.
 */

export type NameMatchKind = 'stem' | 'compound' | 'variant' | 'abbreviation';

export interface NameMatch {
  /** The stem the name was matched to (folded). */
  readonly stem: string;
  /** The word of the name that matched (folded, digits dropped). */
  readonly word: string;
  readonly how: NameMatchKind;
}

export interface NameModel {
  /** How the name (as written, any case and script) says one of the stems, or undefined. */
  match(name: string): NameMatch | undefined;
}

/**
 * English words within an edit or an abbreviation of a credential stem that mean something else. Inflections are
 * listed whole: the model never strips suffixes, so `passing` is only a variant if it is listed as a word of its own.
 */
const NEAR_WORDS = new Set([
  'passport', 'passports', 'passage', 'passages', 'passenger', 'passengers', 'passive', 'passively', 'passing', 'passed',
  'passes', 'passer', 'passers', 'passable', 'passover', 'passthrough', 'passthru', 'passband', 'passion', 'passions',
  'compass', 'bypass', 'bypassed', 'surpass', 'trespass', 'impasse', 'passe', 'pasta', 'paste', 'pasted', 'pastes', 'pastel',
  'pastry', 'pastor', 'pasture', 'pawn', 'pawns', 'sword', 'swords', 'powered', 'powder', 'pwned', 'passwordless',
  'secretary', 'secretaries', 'secrete', 'secreted', 'secretes', 'secretion', 'secretive', 'secretly', 'sacred', 'scarlet',
  'secant', 'second', 'seconds', 'sector', 'sectors', 'secure', 'secured', 'script', 'scripts', 'skirt', 'screw', 'scrap',
  'scrape', 'scroll', 'scrub', 'select', 'sect', 'sects', 'keyword', 'keywords', 'parole', 'paroled', 'parolee', 'parody',
]);

/** Stems long enough to count inside a longer word (`adminkennwort`); shorter ones only as whole words. */
const COMPOUND_MIN = 7;
/** Stems long enough for one edit to still say the same word. */
const VARIANT_MIN = 6;
/** Abbreviations keep at least this many of the stem's consonants, and this share of them. */
const ABBREVIATION_CONSONANTS = 4;
const ABBREVIATION_SHARE = 0.6;

/** A script without letter case (Japanese, Chinese, Korean, Thai, Arabic, Hebrew, Devanagari…): words are not spaced. */
const UNCASED = /^[\p{Lo}\p{Lm}\p{M}]+$/u;

/** Letters that do not decompose into a base letter and an accent. */
const FOLDS: Readonly<Record<string, string>> = { ł: 'l', ß: 'ss', ø: 'o', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i', þ: 'th' };

/** Lower case, accents folded (`contraseña` → `contrasena`, `şifre` → `sifre`), other scripts kept as written. */
export function foldName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łßøæœđıþ]/g, (c) => FOLDS[c])
    .normalize('NFC');
}

/** Words of a name: camelCase and separators split it, digits stand apart, a run of an uncased script is one word. */
const WORD = /\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|[\p{Lo}\p{Lm}\p{M}]+|\p{N}+/gu;

export function nameWords(name: string): string[] {
  const words: string[] = [];
  for (const m of name.matchAll(WORD)) {
    if (/^\p{N}+$/u.test(m[0])) continue;
    words.push(foldName(m[0]));
  }
  return words;
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

function consonants(word: string): number {
  let n = 0;
  for (const ch of word) if (/[a-z]/.test(ch) && !VOWELS.has(ch)) n++;
  return n;
}

/** Optimal string alignment distance, stopping early once it exceeds `max` (names are short). */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** `word` is `stem` with letters left out, in order, from its first letter on, keeping enough of its consonants. */
function abbreviates(word: string, stem: string): boolean {
  if (word.length >= stem.length || word[0] !== stem[0] || !/^[a-z]+$/.test(word)) return false;
  let at = 0;
  for (const ch of word) {
    at = stem.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  const kept = consonants(word);
  return kept >= ABBREVIATION_CONSONANTS && kept >= ABBREVIATION_SHARE * consonants(stem);
}

/** Up to three neighbouring words joined: `mot de passe` → `motdepasse`, `kata sandi` → `katasandi`. */
function windows(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    out.push(words[i]);
    if (i + 1 < words.length) out.push(words[i] + words[i + 1]);
    if (i + 2 < words.length) out.push(words[i] + words[i + 1] + words[i + 2]);
  }
  return out;
}

/** Per model, the answers for names already judged (names repeat within a file and across files). */
const MAX_REMEMBERED = 4096;

/**
 * A model over a rule's stems. `anchors` are the rule's keywords (lower case): a name holds one of them or is not
 * judged, which keeps every name the model accepts inside what the rule's prefilter lets through.
 */
export function compileNameModel(stems: readonly string[], anchors: readonly string[]): NameModel {
  // Stems are compared without separators, as joined neighbouring words are: `mot_de_passe` → `motdepasse`.
  const folded = [...new Set(stems.map((s) => foldName(s).replace(/[^\p{L}\p{M}\p{N}]+/gu, '')).filter((s) => s !== ''))];
  const exact = new Set(folded);
  const compound = folded.filter((s) => s.length >= COMPOUND_MIN || UNCASED.test(s));
  const latinLong = folded.filter((s) => /^[a-z]+$/.test(s) && s.length >= VARIANT_MIN);
  const anchorList = anchors.map((a) => a.toLowerCase()).filter((a) => a !== '');
  const remembered = new Map<string, NameMatch | null>();

  const judgeWord = (word: string): NameMatch | undefined => {
    if (NEAR_WORDS.has(word)) return undefined;
    if (exact.has(word)) return { stem: word, word, how: 'stem' };
    // A compound ends with its head: `adminkennwort` is a password, `passwordhint` and `パスワード入力` are not.
    for (const stem of compound) if (word.length > stem.length && word.endsWith(stem)) return { stem, word, how: 'compound' };
    if (!/^[a-z]+$/.test(word) || word.length < 4) return undefined;
    // One letter more than a stem is its plural, not a misspelling (see above).
    if (word.endsWith('s') && exact.has(word.slice(0, -1))) return undefined;
    // A misspelling of any stem is the closer reading (`psswd` is `passwd` less a letter, not `password` abbreviated).
    if (word.length >= 5) for (const stem of latinLong) if (editDistance(word, stem, 1) <= 1) return { stem, word, how: 'variant' };
    for (const stem of latinLong) if (abbreviates(word, stem)) return { stem, word, how: 'abbreviation' };
    return undefined;
  };

  return {
    match(name: string): NameMatch | undefined {
      const known = remembered.get(name);
      if (known !== undefined) return known ?? undefined;
      const lower = name.toLowerCase();
      let found: NameMatch | undefined;
      if (anchorList.length === 0 || anchorList.some((a) => lower.includes(a))) {
        const words = nameWords(name);
        // Whole words and joined neighbours first (stems), then variants: `db_passwrd` is a variant of its one word.
        for (const candidate of windows(words)) {
          const m = judgeWord(candidate);
          if (m && (!found || rank(m) > rank(found))) found = m;
          if (found?.how === 'stem') break;
        }
      }
      if (remembered.size >= MAX_REMEMBERED) remembered.clear();
      remembered.set(name, found ?? null);
      return found;
    },
  };
}

function rank(m: NameMatch): number {
  return m.how === 'stem' ? 3 : m.how === 'compound' ? 2 : 1;
}
