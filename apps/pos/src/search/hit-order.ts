/** Text hits as parallel arrays, as a short word can match thousands of items. */
export interface Hits {
  codes: number[];
  scores: number[];
  /** The place in name order of the product, or of a variation's parent. */
  ranks: number[];
}

/** Hits per score above which `byScore` could not tell positions apart: 2^24. */
const positionRange = 2 ** 24;

/**
 * Orders hits by score, then by name. Hits of one score are sorted as the numbers
 * `rank * 2^24 + position`, which a Float64Array sorts natively and exactly, many times faster
 * than a comparator over objects.
 */
export function byScore(hits: Hits): number[] {
  const keysByScore = new Map<number, number[]>();
  hits.codes.forEach((_code, position) => {
    const score = hits.scores[position] ?? 0;
    const key = (hits.ranks[position] ?? 0) * positionRange + position;
    const group = keysByScore.get(score);
    if (group) group.push(key);
    else keysByScore.set(score, [key]);
  });

  const codes: number[] = [];
  for (const score of [...keysByScore.keys()].sort((a, b) => b - a)) {
    for (const key of Float64Array.from(keysByScore.get(score) ?? []).sort()) {
      codes.push(hits.codes[key % positionRange] ?? 0);
    }
  }
  return codes;
}
