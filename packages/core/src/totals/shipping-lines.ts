import { normalizeTaxClass } from "../tax-rates.js";
import type { ShippingInput } from "./cart-input.js";
import type { ComputedLine, ComputedShipping } from "./computed-parts.js";
import { fromInteger } from "./fraction.js";
import { calcTax } from "./tax-calculation.js";
import type { TotalsContext } from "./totals-context.js";

/**
 * Picks the tax class shipping is taxed with, or undefined for none. With "inherit", WooCommerce's
 * `calculate_taxes` (abstract-wc-order.php) takes the standard class if a taxable line uses it,
 * otherwise the first additional class, in the store's order, that a taxable line uses.
 */
export function shippingTaxClass(
  context: TotalsContext,
  lines: readonly ComputedLine[],
): string | undefined {
  const setting = context.settings.shippingTaxClass ?? "inherit";
  if (setting !== "inherit") return normalizeTaxClass(setting);
  if (lines.length === 0) return "standard";

  const used = lines
    .filter((line) => line.taxStatus === "taxable" || line.taxStatus === "shipping")
    .map((line) => normalizeTaxClass(line.taxClass));
  const order = ["standard", ...(context.settings.taxClassSlugs ?? used).map(normalizeTaxClass)];
  return order.find((slug) => used.includes(slug));
}

/**
 * Computes shipping lines and their taxes. Shipping is entered without tax.
 *
 * NOTE: a WooCommerce REST order taxes every shipping line. A line with `taxable: false` (a
 * shipping method with tax status "none") stays untaxed here, but a real WooCommerce taxes it.
 */
export function computeShipping(
  context: TotalsContext,
  shipping: readonly ShippingInput[],
  lines: readonly ComputedLine[],
): ComputedShipping[] {
  const taxClass = shippingTaxClass(context, lines);
  // Shipping taxes are computed in major units in both the cart (the shipping rate's taxes) and
  // the order, so they keep 6 decimals of the major unit.
  const places = 6 - context.settings.decimals;

  return shipping.map((line) => {
    const total = fromInteger(line.total);
    const taxed = line.taxable && taxClass !== undefined;
    const rates = taxed ? context.shippingRatesFor(taxClass) : [];
    return {
      key: line.key,
      taxable: line.taxable,
      total,
      taxes: rates.length > 0 ? calcTax(total, rates, false, places) : [],
    };
  });
}
