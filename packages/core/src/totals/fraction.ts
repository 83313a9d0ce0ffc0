/**
 * Exact rational numbers over bigint. The totals code keeps WooCommerce's unrounded intermediate
 * values (taxes extracted from inclusive prices, percentages of a price) as fractions, and rounds
 * only where WooCommerce rounds, so binary floating point never shifts a result by a minor unit.
 */
export interface Fraction {
  readonly n: bigint;
  /** Always positive. */
  readonly d: bigint;
}

/** The rounding of a value exactly halfway between two results, named as PHP's `round` modes. */
export type RoundingMode = "half-up" | "half-down" | "floor";

export function fraction(numerator: bigint, denominator: bigint = 1n): Fraction {
  if (denominator === 0n) throw new RangeError("fraction with a zero denominator");
  const sign = denominator < 0n ? -1n : 1n;
  const divisor = gcd(numerator < 0n ? -numerator : numerator, denominator * sign);
  return { n: (sign * numerator) / divisor, d: (sign * denominator) / divisor };
}

export const zero: Fraction = { n: 0n, d: 1n };

export function fromInteger(value: number | bigint): Fraction {
  return { n: BigInt(value), d: 1n };
}

export function add(a: Fraction, b: Fraction): Fraction {
  if (a.d === b.d) return fraction(a.n + b.n, a.d);
  return fraction(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function subtract(a: Fraction, b: Fraction): Fraction {
  return add(a, negate(b));
}

export function negate(a: Fraction): Fraction {
  return { n: -a.n, d: a.d };
}

export function multiply(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.n, a.d * b.d);
}

export function divide(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d, a.d * b.n);
}

export function sum(values: readonly Fraction[]): Fraction {
  return values.reduce(add, zero);
}

export function compare(a: Fraction, b: Fraction): number {
  const difference = a.n * b.d - b.n * a.d;
  if (difference < 0n) return -1;
  return difference > 0n ? 1 : 0;
}

export function min(a: Fraction, b: Fraction): Fraction {
  return compare(a, b) <= 0 ? a : b;
}

export function max(a: Fraction, b: Fraction): Fraction {
  return compare(a, b) >= 0 ? a : b;
}

export function isZero(a: Fraction): boolean {
  return a.n === 0n;
}

export function isNegative(a: Fraction): boolean {
  return a.n < 0n;
}

/** Rounds to an integer with the given mode; "half-up" and "half-down" are symmetric about 0. */
export function roundToInteger(a: Fraction, mode: RoundingMode): bigint {
  const negative = a.n < 0n;
  const magnitude = negative ? -a.n : a.n;
  const whole = magnitude / a.d;
  const remainder = magnitude % a.d;

  let rounded: bigint;
  if (mode === "floor") {
    rounded = negative && remainder !== 0n ? whole + 1n : whole;
  } else {
    const twice = remainder * 2n;
    const roundsAway = twice > a.d || (twice === a.d && mode === "half-up");
    rounded = roundsAway ? whole + 1n : whole;
  }
  return negative ? -rounded : rounded;
}

/** Rounds to `places` decimal places, as PHP's `round($value, $places, $mode)` on exact input. */
export function roundToPlaces(a: Fraction, places: number, mode: RoundingMode): Fraction {
  const scale = places >= 0 ? 10n ** BigInt(places) : 1n;
  const divisor = places < 0 ? 10n ** BigInt(-places) : 1n;
  const scaled = fraction(a.n * scale, a.d * divisor);
  return fraction(roundToInteger(scaled, mode) * divisor, scale);
}

/** Converts an integer-valued fraction to a number, failing loudly if it is not one. */
export function toSafeInteger(a: Fraction): number {
  if (a.d !== 1n) throw new RangeError(`expected a whole number, got ${a.n}/${a.d}`);
  const value = Number(a.n);
  if (!Number.isSafeInteger(value)) throw new RangeError(`amount ${a.n} is too large`);
  return value;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}
