/**
 * Money as an integer count of the currency's minor unit (cents for USD, yen for JPY, fils for
 * KWD). The brand keeps minor units from mixing with plain numbers, and parsing never goes
 * through floating point.
 */
export type Money = number & { readonly __brand: "Money" };

const decimalPattern = /^([+-]?)(\d+)(?:\.(\d*))?$/;
const maxDecimals = 6;

/** Brands `amount` as Money after checking that it is a safe integer of minor units. */
export function toMoney(amount: number): Money {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`invalid money amount ${amount}: expected a whole number of minor units`);
  }
  return (amount === 0 ? 0 : amount) as Money;
}

export const zeroMoney: Money = toMoney(0);

export function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > maxDecimals) {
    throw new RangeError(`invalid currency decimals ${decimals}: expected an integer from 0 to 6`);
  }
}

/**
 * Parses a decimal string ("16.02", "-1.5", "1799") into minor units. Digits past `decimals`
 * must be zeros ("200.00" is ¥200 with 0 decimals); anything else is a RangeError naming the text.
 */
export function parseMoney(text: string, decimals: number): Money {
  assertDecimals(decimals);
  const scaled = parseScaledDecimal(text, decimals);
  if (scaled === undefined) {
    throw new RangeError(
      `invalid money amount "${text}": expected a decimal number with at most ${decimals} ` +
        `decimal places, such as "${formatMoney(toMoney(1602 * 10 ** Math.max(decimals - 2, 0)), decimals)}"`,
    );
  }
  if (!Number.isSafeInteger(Number(scaled))) {
    throw new RangeError(`invalid money amount "${text}": too large to count in minor units`);
  }
  return toMoney(Number(scaled));
}

/**
 * Parses a decimal string into an integer scaled by 10^scale, exactly. Returns undefined when the
 * text is not a plain decimal number or has non-zero digits beyond `scale`.
 */
export function parseScaledDecimal(text: string, scale: number): bigint | undefined {
  const match = decimalPattern.exec(text.trim());
  if (match === null) return undefined;

  const [, sign = "", whole = "", fraction = ""] = match;
  const significant = fraction.slice(0, scale).padEnd(scale, "0");
  const beyondScale = fraction.slice(scale);
  if (/[^0]/.test(beyondScale)) return undefined;

  const magnitude = BigInt(whole + significant);
  return sign === "-" ? -magnitude : magnitude;
}

/** Formats minor units as a plain decimal string: "16.02", "1799", "1.500", "-0.05". */
export function formatMoney(amount: Money, decimals: number): string {
  assertDecimals(decimals);
  return formatScaled(BigInt(amount), decimals);
}

/** Formats an integer scaled by 10^scale as a decimal string with exactly `scale` decimals. */
export function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  const body = scale === 0 ? whole : `${whole}.${fraction}`;
  return negative ? `-${body}` : body;
}

/** Adds amounts of money. */
export function sumMoney(amounts: readonly Money[]): Money {
  let total = 0;
  for (const amount of amounts) total += amount;
  return toMoney(total);
}

/** Multiplies a unit price by a whole quantity. */
export function multiplyMoney(amount: Money, quantity: number): Money {
  if (!Number.isSafeInteger(quantity)) {
    throw new RangeError(`invalid quantity ${quantity}: expected a whole number`);
  }
  return toMoney(amount * quantity);
}
