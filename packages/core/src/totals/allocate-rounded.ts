import * as F from "./fraction.js";
import type { Fraction } from "./fraction.js";

/**
 * Rounds each value to a whole minor unit so that the results add up to `target`: each value is
 * floored, then the difference goes out one unit at a time, largest fractional part first (or is
 * taken back, smallest fractional part first).
 */
export function allocateRounded(values: readonly Fraction[], target: bigint): bigint[] {
  const floors = values.map((value) => F.roundToInteger(value, "floor"));
  const remainders = values.map((value, index) =>
    F.subtract(value, F.fromInteger(floors[index] ?? 0n)),
  );
  const order = values
    .map((_, index) => index)
    .sort((a, b) => F.compare(remainders[b] ?? F.zero, remainders[a] ?? F.zero));
  if (order.length === 0) return [];

  let difference = target - floors.reduce((total, value) => total + value, 0n);
  const step = difference > 0n ? 1n : -1n;
  const visit = step > 0n ? order : [...order].reverse();
  for (let position = 0; difference !== 0n; position = (position + 1) % visit.length) {
    const index = visit[position] ?? 0;
    floors[index] = (floors[index] ?? 0n) + step;
    difference -= step;
  }
  return floors;
}
