import { assertDecimals } from "../money.js";

interface QuantityLine {
  key: string;
  quantity: number;
}

/** Rejects quantities that WooCommerce would not total: whole, positive numbers only. */
export function assertValidLines(lines: readonly QuantityLine[], decimals: number): void {
  assertDecimals(decimals);
  const keys = new Set<string>();
  for (const line of lines) {
    if (!Number.isSafeInteger(line.quantity) || line.quantity <= 0) {
      throw new RangeError(
        `invalid quantity ${line.quantity} on line "${line.key}": expected a whole number above 0`,
      );
    }
    if (keys.has(line.key)) {
      throw new RangeError(`duplicate line key "${line.key}": give each line its own key`);
    }
    keys.add(line.key);
  }
}
