import { assertDecimals, formatScaled, parseScaledDecimal, toMoney, type Money } from "./money.js";

/**
 * An amount in millionths of the currency's major unit: the 6-decimal values that WooCommerce
 * keeps for line subtotals, totals and taxes ("117.605042").
 */
export type Precise = number & { readonly __brand: "Precise" };

export const preciseDecimals = 6;

export function toPrecise(millionths: number): Precise {
  if (!Number.isSafeInteger(millionths)) {
    throw new RangeError(`invalid precise amount ${millionths}: expected whole millionths`);
  }
  return (millionths === 0 ? 0 : millionths) as Precise;
}

/** Parses "117.605042" (at most 6 significant decimals) into millionths of the major unit. */
export function parsePrecise(text: string): Precise {
  const scaled = parseScaledDecimal(text, preciseDecimals);
  if (scaled === undefined || !Number.isSafeInteger(Number(scaled))) {
    throw new RangeError(
      `invalid precise amount "${text}": expected a decimal number with at most 6 decimal places`,
    );
  }
  return toPrecise(Number(scaled));
}

/** Formats millionths of the major unit with `decimals` places (6 for WooCommerce's wire). */
export function formatPrecise(value: Precise, decimals: number = preciseDecimals): string {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > preciseDecimals) {
    throw new RangeError(`invalid decimals ${decimals}: expected an integer from 0 to 6`);
  }
  const divisor = 10n ** BigInt(preciseDecimals - decimals);
  return formatScaled(divideRoundHalfUp(BigInt(value), divisor), decimals);
}

/** Converts minor units to millionths of the major unit, exactly. */
export function moneyToPrecise(amount: Money, decimals: number): Precise {
  assertDecimals(decimals);
  return toPrecise(amount * 10 ** (preciseDecimals - decimals));
}

/** Rounds millionths of the major unit to minor units, half away from zero as PHP's round. */
export function preciseToMoney(value: Precise, decimals: number): Money {
  assertDecimals(decimals);
  const divisor = 10n ** BigInt(preciseDecimals - decimals);
  return toMoney(Number(divideRoundHalfUp(BigInt(value), divisor)));
}

function divideRoundHalfUp(value: bigint, divisor: bigint): bigint {
  const negative = value < 0n;
  const magnitude = negative ? -value : value;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return negative ? -rounded : rounded;
}
