/** Banknote sizes in whole currency units that quick cash buttons round up to. */
const noteUnits = [5, 10, 20, 50, 100];

/**
 * Returns quick cash amounts for `dueMinor`: the exact amount, then the next multiple of each
 * note size above it, without repeats, at most `count`.
 */
export function quickCashAmounts(dueMinor: number, decimals: number, count = 4): number[] {
  const unitMinor = 10 ** decimals;
  const amounts = [dueMinor];
  for (const note of noteUnits) {
    const stepMinor = note * unitMinor;
    const rounded = Math.ceil(dueMinor / stepMinor) * stepMinor;
    if (rounded > 0 && !amounts.includes(rounded)) amounts.push(rounded);
  }
  return amounts.slice(0, count);
}
