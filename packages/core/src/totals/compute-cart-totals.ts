import type { TaxRate } from "../catalog.js";
import type { TaxLocation } from "../tax-location.js";
import { assembleTotals } from "./assemble-totals.js";
import type { CartInput, CartLineInput } from "./cart-input.js";
import type { ComputedLine } from "./computed-parts.js";
import { sortCouponsForCart } from "./coupon-amount.js";
import { applyCoupons } from "./coupon-discounts.js";
import { computeFees } from "./fee-lines.js";
import * as F from "./fraction.js";
import type { Fraction } from "./fraction.js";
import type { OrderTotals } from "./order-totals.js";
import { computeShipping } from "./shipping-lines.js";
import { calcTax, totalOf } from "./tax-calculation.js";
import type { RateAmount } from "./tax-calculation.js";
import { createTotalsContext } from "./totals-context.js";
import type { TotalsContext } from "./totals-context.js";
import type { TotalsSettings } from "./totals-settings.js";
import { assertValidLines } from "./validate-lines.js";

/**
 * Totals the till's cart in WooCommerce's order of work (`WC_Cart_Totals`,
 * class-wc-cart-totals.php): line subtotals from the prices as entered, coupons in the cart's
 * order on those prices (with tax when prices include it), line totals and taxes, shipping, fees,
 * then the grand total. Unrounded amounts are kept as a REST order keeps them: 6 decimals of the
 * major unit, with tax computed on the ex-tax net. WooCommerce's own cart keeps finer intermediate
 * values and can differ from the order it creates by a minor unit in rare cases; the till follows
 * the order, so that the order stored matches the cart to the minor unit.
 *
 * Taxes come from `taxRates` matched at `location`, which is also treated as the store's base
 * location.
 */
export function computeCartTotals(
  cart: CartInput,
  settings: TotalsSettings,
  taxRates: readonly TaxRate[],
  location: TaxLocation,
): OrderTotals {
  assertValidLines(cart.lines, settings.decimals);
  const context = createTotalsContext(settings, taxRates, location, "major");
  const subtotals = cart.lines.map((line) => lineSubtotal(context, line));

  const discounts = applyCoupons(
    cart.lines.map((line, index) => ({ ...line, price: discountBase(context, subtotals[index]) })),
    sortCouponsForCart(cart.coupons),
    { sequential: settings.couponsSequential, decimals: settings.decimals },
  );
  const lines = cart.lines.map((line, index) => {
    const discount = discounts.byItem.get(line.key) ?? F.zero;
    const subtotal = subtotals[index];
    if (subtotal === undefined) throw new Error(`line "${line.key}" has no subtotal`);
    return lineTotal(context, line, subtotal, discount);
  });

  const shipping = computeShipping(context, cart.shipping, lines);
  const itemsTotal = capBase(context, lines);
  const fees = computeFees(context, cart.fees, lines, shipping, itemsTotal);
  return assembleTotals(context, { lines, fees, shipping });
}

interface LineSubtotal {
  price: Fraction;
  subtotal: Fraction;
  subtotalTaxes: RateAmount[];
}

function isTaxable(context: TotalsContext, line: CartLineInput): boolean {
  return context.settings.calcTaxes && line.taxStatus === "taxable";
}

/**
 * With inclusive prices the net is the gross less its tax (`wc_get_price_excluding_tax`), and the
 * line's tax is then computed on that net, as the REST order will compute it.
 */
function lineSubtotal(context: TotalsContext, line: CartLineInput): LineSubtotal {
  const price = F.fromInteger(BigInt(line.unitPrice) * BigInt(line.quantity));
  if (!isTaxable(context, line)) return { price, subtotal: price, subtotalTaxes: [] };

  const rates = context.ratesFor(line.taxClass);
  let subtotal = price;
  if (context.settings.pricesIncludeTax) {
    subtotal = F.subtract(price, totalOf(calcTax(price, rates, true, context.taxPlaces)));
  }
  return { price, subtotal, subtotalTaxes: calcTax(subtotal, rates, false, context.taxPlaces) };
}

/**
 * The line price coupons work on. WooCommerce's cart uses the gross price, but a REST order uses
 * the ex-tax subtotal plus its rounded tax (`set_items_from_order` in class-wc-discounts.php),
 * which can differ by a minor unit when a line has several rates. The till's cart follows the
 * order, so the order WooCommerce stores has the cart's discounts.
 */
function discountBase(context: TotalsContext, subtotal: LineSubtotal | undefined): Fraction {
  if (subtotal === undefined) return F.zero;
  if (!context.settings.pricesIncludeTax || subtotal.subtotalTaxes.length === 0) {
    return subtotal.price;
  }
  const taxes = subtotal.subtotalTaxes.map((entry) =>
    context.settings.roundTaxAtSubtotal
      ? entry.amount
      : F.fromInteger(F.roundToInteger(entry.amount, context.taxRoundingMode)),
  );
  return F.add(subtotal.subtotal, F.sum(taxes));
}

/**
 * Exclusive prices: tax on the discounted price. Inclusive prices: the discount's own tax is taken
 * out, and tax is computed on the remaining net, as a REST order does (`set_item_discount_amounts`
 * in abstract-wc-order.php).
 */
function lineTotal(
  context: TotalsContext,
  line: CartLineInput,
  subtotal: LineSubtotal,
  discount: Fraction,
): ComputedLine {
  const base = {
    key: line.key,
    taxStatus: line.taxStatus,
    taxClass: line.taxClass,
    subtotal: subtotal.subtotal,
    subtotalTaxes: subtotal.subtotalTaxes,
    discount,
  };
  const gross = F.subtract(subtotal.price, discount);
  if (!isTaxable(context, line)) return { ...base, total: gross, taxes: [] };

  const rates = context.ratesFor(line.taxClass);
  if (!context.settings.pricesIncludeTax) {
    return { ...base, total: gross, taxes: calcTax(gross, rates, false, context.taxPlaces) };
  }
  const discountTaxes = calcTax(discount, rates, true, context.taxPlaces);
  const exTaxDiscount = F.subtract(discount, totalOf(discountTaxes));
  const total = F.max(F.zero, F.subtract(subtotal.subtotal, exTaxDiscount));
  return { ...base, total, taxes: calcTax(total, rates, false, context.taxPlaces) };
}

/** Sums the line totals that cap negative fees: each line rounded, unless tax rounds at subtotal. */
export function capBase(context: TotalsContext, lines: readonly ComputedLine[]): Fraction {
  const values = lines.map((line) =>
    context.settings.roundTaxAtSubtotal
      ? line.total
      : F.fromInteger(F.roundToInteger(line.total, "half-up")),
  );
  return F.sum(values);
}
