import type { TaxRate } from "../catalog.js";
import { parseRatePercent } from "../tax-rate-percent.js";
import { add, fraction, multiply, roundToPlaces, subtract, sum, zero } from "./fraction.js";
import type { Fraction } from "./fraction.js";

const million = 1_000_000n;

/** A matched tax rate with its percentage parsed into parts per million. */
export interface RateSpec {
  rate: TaxRate;
  ratePpm: bigint;
}

/** Tax of one rate, in minor units. */
export interface RateAmount {
  rateId: number;
  amount: Fraction;
}

export function toRateSpecs(rates: readonly TaxRate[]): RateSpec[] {
  return rates.map((rate) => ({ rate, ratePpm: BigInt(parseRatePercent(rate.rate)) }));
}

/**
 * Computes the tax of each rate on `price` (minor units) as WooCommerce's `WC_Tax::calc_tax`
 * does (class-wc-tax.php), then rounds each tax half up to `places` decimals of the minor unit,
 * which is WooCommerce's `WC_Tax::round` to 6 decimals of whatever unit the caller works in.
 */
export function calcTax(
  price: Fraction,
  rates: readonly RateSpec[],
  inclusive: boolean,
  places: number,
): RateAmount[] {
  const taxes = inclusive ? inclusiveTaxes(price, rates) : exclusiveTaxes(price, rates);
  return taxes.map(({ rateId, amount }) => ({
    rateId,
    amount: roundToPlaces(amount, places, "half-up"),
  }));
}

/** Sums the amounts of each rate id, keeping the order in which ids first appear. */
export function mergeRateAmounts(lists: readonly (readonly RateAmount[])[]): RateAmount[] {
  const merged = new Map<number, Fraction>();
  for (const list of lists) {
    for (const { rateId, amount } of list)
      merged.set(rateId, add(merged.get(rateId) ?? zero, amount));
  }
  return [...merged].map(([rateId, amount]) => ({ rateId, amount }));
}

export function totalOf(amounts: readonly RateAmount[]): Fraction {
  return sum(amounts.map((entry) => entry.amount));
}

/**
 * Compound rates are taken off first, working backwards; the regular rates then share what is
 * left in proportion to their percentages.
 */
function inclusiveTaxes(price: Fraction, rates: readonly RateSpec[]): RateAmount[] {
  const taxes = new Map<number, Fraction>(rates.map((spec) => [spec.rate.id, zero]));
  let nonCompoundPrice = price;

  for (const spec of rates.filter((entry) => entry.rate.compound).reverse()) {
    const tax = multiply(nonCompoundPrice, fraction(spec.ratePpm, million + spec.ratePpm));
    taxes.set(spec.rate.id, add(taxes.get(spec.rate.id) ?? zero, tax));
    nonCompoundPrice = subtract(nonCompoundPrice, tax);
  }

  const regular = rates.filter((entry) => !entry.rate.compound);
  const regularPpm = regular.reduce((total, spec) => total + spec.ratePpm, 0n);
  for (const spec of regular) {
    const tax = multiply(nonCompoundPrice, fraction(spec.ratePpm, million + regularPpm));
    taxes.set(spec.rate.id, add(taxes.get(spec.rate.id) ?? zero, tax));
  }
  return [...taxes].map(([rateId, amount]) => ({ rateId, amount }));
}

/** Compound rates apply to the price plus the taxes before them. */
function exclusiveTaxes(price: Fraction, rates: readonly RateSpec[]): RateAmount[] {
  const taxes = new Map<number, Fraction>();
  for (const spec of rates.filter((entry) => !entry.rate.compound)) {
    const tax = multiply(price, fraction(spec.ratePpm, million));
    taxes.set(spec.rate.id, add(taxes.get(spec.rate.id) ?? zero, tax));
  }

  let preCompoundTotal = sum([...taxes.values()]);
  for (const spec of rates.filter((entry) => entry.rate.compound)) {
    const tax = multiply(add(price, preCompoundTotal), fraction(spec.ratePpm, million));
    taxes.set(spec.rate.id, add(taxes.get(spec.rate.id) ?? zero, tax));
    preCompoundTotal = sum([...taxes.values()]);
  }
  return [...taxes].map(([rateId, amount]) => ({ rateId, amount }));
}
