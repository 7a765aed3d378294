/**
 * Levenshtein distance (insertions, deletions, substitutions each cost 1), with an early exit:
 * returns `max + 1` as soon as the distance is known to exceed `max`.
 *
 * @example editDistance('europe/zurik', 'europe/zurich') // 2
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Edit distance tolerated for a "did you mean" on a word of this length. */
export function typoBudget(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

/** The candidate closest to `input` within the typo budget, or `undefined`. Ties go to the first. */
export function closestMatch(input: string, candidates: Iterable<string>): string | undefined {
  const budget = typoBudget(input.length);
  let best: string | undefined;
  let bestDistance = budget + 1;
  for (const candidate of candidates) {
    const d = editDistance(input, candidate, bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}
