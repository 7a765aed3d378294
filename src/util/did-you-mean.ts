/**
 * "Did you mean …?" for misspelt subcommands, organization codes, option keys, time zones and the like:
 * the one edit distance and the one threshold of the code base.
 *
 * @example
 * didYouMean('memebrs', ['members', 'meetings'])   // 'members'
 * didYouMean('UNPD', ['UNDP', 'UNEP'])              // 'UNDP'
 * didYouMean('meet', ['meeting add', 'meetings'])   // 'meetings' (prefix match)
 */

export interface DidYouMeanOptions {
  /** Largest edit distance still suggested. Default: 1 up to 4 characters, 2 up to 8, then 3. */
  max?: number;
}

/** Inputs longer than this are only compared exactly (keeps the cost bounded for pasted text). */
const MAX_FUZZY_INPUT = 64;

/**
 * The closest candidate, in the candidate's own spelling, or undefined when nothing is close.
 *
 * Case-insensitive, whitespace-insensitive (runs of spaces count as one). Ranking: an exact match
 * (e.g. `fao` → `FAO`); then candidates the input is a prefix of (at least 2 characters typed;
 * the shortest wins); then the smallest Damerau-Levenshtein distance (optimal string alignment:
 * insert, delete, substitute, swap two neighbours) within the threshold. Ties keep candidate order.
 */
export function didYouMean(input: string, candidates: readonly string[], options: DidYouMeanOptions = {}): string | undefined {
  const needle = normalize(input);
  if (needle === '') return undefined;
  const keys = candidates.map(normalize);

  const exact = keys.indexOf(needle);
  if (exact >= 0) return candidates[exact];

  const inputPoints = Array.from(needle);
  if (inputPoints.length > MAX_FUZZY_INPUT) return undefined;

  if (inputPoints.length >= 2) {
    let best: number | undefined;
    keys.forEach((key, i) => {
      if (key.startsWith(needle) && (best === undefined || key.length < keys[best]!.length)) best = i;
    });
    if (best !== undefined) return candidates[best];
  }

  const best = closestIndex(inputPoints, keys, options.max ?? typoBudget(inputPoints.length));
  return best === undefined ? undefined : candidates[best];
}

/**
 * The candidate closest to `input` by edit distance alone, within the same threshold as `didYouMean`,
 * compared as given; ties go to the first. For long lists of names (time zones, cities).
 *
 * @example closestMatch('europe/zurik', ['europe/zurich', 'europe/vienna']) // 'europe/zurich'
 */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const points = Array.from(input);
  if (points.length > MAX_FUZZY_INPUT) return undefined;
  const list = [...candidates];
  const best = closestIndex(points, list, typoBudget(points.length));
  return best === undefined ? undefined : list[best];
}

function closestIndex(input: readonly string[], keys: readonly string[], threshold: number): number | undefined {
  let bestIndex: number | undefined;
  let bestDistance = threshold + 1;
  keys.forEach((key, i) => {
    if (bestDistance === 0) return;
    const keyPoints = Array.from(key);
    if (Math.abs(keyPoints.length - input.length) >= bestDistance) return;
    const d = editDistance(input, keyPoints);
    if (d < bestDistance) {
      bestDistance = d;
      bestIndex = i;
    }
  });
  return bestIndex;
}

/**
 * Optimal-string-alignment distance (Damerau-Levenshtein without repeated edits of one substring)
 * between two strings, compared by code point and as given (callers lower-case when they want).
 */
export function editDistance(a: string | readonly string[], b: string | readonly string[]): number {
  const s = typeof a === 'string' ? Array.from(a) : a;
  const t = typeof b === 'string' ? Array.from(b) : b;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Three rolling rows: two back (for transpositions), previous, current.
  let twoBack = new Array<number>(t.length + 1).fill(0);
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  let curr = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    curr[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, curr[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        value = Math.min(value, twoBack[j - 2]! + 1);
      }
      curr[j] = value;
    }
    [twoBack, prev, curr] = [prev, curr, twoBack];
  }
  return prev[t.length]!;
}

/** The largest edit distance still suggested for an input of this many characters: the one threshold. */
function typoBudget(length: number): number {
  if (length <= 4) return 1;
  if (length <= 8) return 2;
  return 3;
}

function normalize(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}
