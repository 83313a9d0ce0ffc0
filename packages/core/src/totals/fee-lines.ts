import { normalizeTaxClass } from "../tax-rates.js";
import type { FeeInput } from "./cart-input.js";
import type { ComputedFee, ComputedLine, ComputedShipping } from "./computed-parts.js";
import * as F from "./fraction.js";
import type { Fraction } from "./fraction.js";
import { calcTax, mergeRateAmounts } from "./tax-calculation.js";
import type { RateAmount } from "./tax-calculation.js";
import type { TotalsContext } from "./totals-context.js";

const nonTaxable = "non-taxable";

/**
 * Computes fee lines and their taxes. A negative fee is capped so that lines, earlier fees and
 * shipping do not total below zero. Its negative tax is split over the tax classes in proportion
 * to what each class costs, so it works as a discount across the cart: WooCommerce's
 * `get_fees_from_cart` (class-wc-cart-totals.php) and `WC_Order_Item_Fee::calculate_taxes`.
 * `itemsTotal` is the line total as WooCommerce sums it for the cap.
 *
 * NOTE: WooCommerce's order skips the cap when nothing positive is left, so a negative fee could
 * take its total below zero. Here the fee is capped at zero instead, as in WooCommerce's cart.
 */
export function computeFees(
  context: TotalsContext,
  fees: readonly FeeInput[],
  lines: readonly ComputedLine[],
  shipping: readonly ComputedShipping[],
  itemsTotal: Fraction,
): ComputedFee[] {
  const shippingTotal = F.sum(shipping.map((line) => line.total));
  let runningTotal = F.zero;
  const capped = fees.map((fee) => {
    let total = F.fromInteger(fee.amount);
    if (F.isNegative(total)) {
      const base = F.add(F.add(itemsTotal, runningTotal), shippingTotal);
      const maxDiscount = F.negate(F.fromInteger(F.roundToInteger(base, "half-up")));
      total = F.max(total, F.min(maxDiscount, F.zero));
    }
    runningTotal = F.add(runningTotal, total);
    return { fee, total };
  });

  return capped.map(({ fee, total }) => ({
    key: fee.key,
    name: fee.name,
    taxable: fee.taxable,
    taxClass: fee.taxClass,
    total,
    taxes: feeTaxes(context, fee, total, lines, capped, shipping),
  }));
}

function feeTaxes(
  context: TotalsContext,
  fee: FeeInput,
  total: Fraction,
  lines: readonly ComputedLine[],
  fees: readonly { fee: FeeInput; total: Fraction }[],
  shipping: readonly ComputedShipping[],
): RateAmount[] {
  if (!context.settings.calcTaxes) return [];
  if (!F.isNegative(total)) {
    return fee.taxable
      ? calcTax(total, context.ratesFor(fee.taxClass), false, context.taxPlaces)
      : [];
  }

  const costs = taxClassCosts(lines, fees, shipping);
  const totalCost = F.sum([...costs.values()]);
  if (F.isZero(totalCost)) return [];

  const parts: RateAmount[][] = [];
  for (const [taxClass, cost] of costs) {
    if (taxClass === nonTaxable || F.isZero(cost)) continue;
    const share = F.multiply(total, F.divide(cost, totalCost));
    parts.push(calcTax(share, context.ratesFor(taxClass), false, context.taxPlaces));
  }
  return mergeRateAmounts(parts);
}

/**
 * Groups positive line, fee and shipping totals by tax class, as WooCommerce's order does in
 * `WC_Order_Item_Fee::get_tax_class_costs`. Shipping counts under the first taxable line's class
 * ("inherit"). Every positive fee counts, where WooCommerce's cart counts only earlier fees.
 */
function taxClassCosts(
  lines: readonly ComputedLine[],
  fees: readonly { fee: FeeInput; total: Fraction }[],
  shipping: readonly ComputedShipping[],
): Map<string, Fraction> {
  const costs = new Map<string, Fraction>();
  const addCost = (taxClass: string, amount: Fraction): void => {
    if (F.isNegative(amount)) return;
    costs.set(taxClass, F.add(costs.get(taxClass) ?? F.zero, amount));
  };

  const lineClasses = lines
    .filter((line) => line.taxStatus === "taxable" || line.taxStatus === "shipping")
    .map((line) => normalizeTaxClass(line.taxClass));
  const inheritedClass = lineClasses[0] ?? "standard";

  for (const line of lines) {
    const taxable = line.taxStatus === "taxable";
    addCost(taxable ? normalizeTaxClass(line.taxClass) : nonTaxable, line.total);
  }
  for (const { fee, total } of fees) {
    addCost(fee.taxable ? normalizeTaxClass(fee.taxClass) : nonTaxable, total);
  }
  for (const line of shipping) addCost(line.taxable ? inheritedClass : nonTaxable, line.total);
  return costs;
}
