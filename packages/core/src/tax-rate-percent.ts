import { parseScaledDecimal } from "./money.js";

/**
 * A tax rate in parts per million of the taxed amount: "7.5000" percent is 75,000 ppm.
 * WooCommerce stores rates with 4 decimals of a percent, which parts per million hold exactly.
 */
export type RatePpm = number & { readonly __brand: "RatePpm" };

/** Parses WooCommerce's rate percentage string ("20.0000", "7.5") without floating point. */
export function parseRatePercent(text: string): RatePpm {
  const scaled = parseScaledDecimal(text, 4);
  if (scaled === undefined || scaled < 0n || scaled > 100_000_000n) {
    throw new RangeError(
      `invalid tax rate "${text}": expected a percentage from 0 to 10000 with at most 4 decimals`,
    );
  }
  return Number(scaled) as RatePpm;
}

/** Returns the rate as a percentage number for display ("7.5000" gives 7.5). */
export function ratePercentNumber(rate: RatePpm): number {
  return rate / 10_000;
}
