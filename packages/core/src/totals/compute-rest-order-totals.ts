import type { TaxRate } from "../catalog.js";
import type { TaxLocation } from "../tax-location.js";
import { assembleTotals } from "./assemble-totals.js";
import { capBase } from "./compute-cart-totals.js";
import type { ComputedLine } from "./computed-parts.js";
import { applyCoupons } from "./coupon-discounts.js";
import { computeFees } from "./fee-lines.js";
import * as F from "./fraction.js";
import type { Fraction } from "./fraction.js";
import type { OrderTotals } from "./order-totals.js";
import type { RestLineInput, RestOrderInput } from "./rest-order-input.js";
import { computeShipping } from "./shipping-lines.js";
import { calcTax, totalOf } from "./tax-calculation.js";
import type { RateAmount } from "./tax-calculation.js";
import { createTotalsContext } from "./totals-context.js";
import type { TotalsContext } from "./totals-context.js";
import type { TotalsSettings } from "./totals-settings.js";
import { assertValidLines } from "./validate-lines.js";

/**
 * Totals an order created through `POST /orders` as WooCommerce does: line `subtotal` and
 * `total` are ex-tax (from the product's price when omitted), tax is computed on top of them,
 * coupons are re-applied to the line subtotals in the order given (`recalculate_coupons`), then
 * `calculate_totals` sums shipping, fees and taxes (abstract-wc-order.php). Values are kept to 6
 * decimals of the major unit, as WooCommerce stores them.
 */
export function computeRestOrderTotals(
  order: RestOrderInput,
  settings: TotalsSettings,
  taxRates: readonly TaxRate[],
  location: TaxLocation,
): OrderTotals {
  assertValidLines(order.lines, settings.decimals);
  const context = createTotalsContext(settings, taxRates, location, "major");
  let lines = order.lines.map((line) => initialLine(context, line));

  if (order.coupons.length > 0) {
    const discounts = applyCoupons(
      order.lines.map((line, index) => ({ ...line, price: discountBase(context, lines[index]) })),
      order.coupons,
      { sequential: settings.couponsSequential, decimals: settings.decimals },
    );
    lines = lines.map((line) => discountLine(context, line, discounts.byItem.get(line.key)));
  }

  const taxed = lines.map((line) => withTaxes(context, line));
  const shipping = computeShipping(context, order.shipping, taxed);
  const fees = computeFees(context, order.fees, taxed, shipping, capBase(context, taxed));
  return assembleTotals(context, { lines: taxed, fees, shipping });
}

/** Returns one millionth of the major unit, in minor units. */
function millionth(context: TotalsContext): Fraction {
  return F.fraction(10n ** BigInt(context.settings.decimals), 1_000_000n);
}

function isTaxable(context: TotalsContext, line: { taxStatus: string }): boolean {
  return context.settings.calcTaxes && line.taxStatus === "taxable";
}

/**
 * Line values before coupons. A missing subtotal or total is the product's price × quantity, less
 * the tax it includes when prices include tax (`wc_get_price_excluding_tax`). As in
 * `WC_Order_Item_Product::set_total`, a subtotal below the total is raised to it.
 */
function initialLine(context: TotalsContext, line: RestLineInput): ComputedLine {
  const fromPrice = priceExcludingTax(context, line);
  const unit = millionth(context);
  const total = line.total === undefined ? fromPrice : F.multiply(F.fromInteger(line.total), unit);
  let subtotal = F.max(fromPrice, total);
  if (line.subtotal !== undefined) subtotal = F.multiply(F.fromInteger(line.subtotal), unit);

  return {
    key: line.key,
    taxStatus: line.taxStatus,
    taxClass: line.taxClass,
    subtotal,
    subtotalTaxes: [],
    total,
    taxes: [],
    discount: F.zero,
  };
}

// NOTE: WooCommerce removes the rates of the store's base location here; this takes the rates at
// `location`, which is the same place for a sale at the counter but not for a shipped order.
function priceExcludingTax(context: TotalsContext, line: RestLineInput): Fraction {
  const price = F.fromInteger(BigInt(line.price) * BigInt(line.quantity));
  if (!isTaxable(context, line) || !context.settings.pricesIncludeTax) return price;
  const taxes = calcTax(price, context.ratesFor(line.taxClass), true, context.taxPlaces);
  return F.subtract(price, totalOf(taxes));
}

/** `set_items_from_order`: the subtotal, plus its tax when the order's prices include tax. */
function discountBase(context: TotalsContext, line: ComputedLine | undefined): Fraction {
  if (line === undefined) return F.zero;
  if (!context.settings.pricesIncludeTax || !isTaxable(context, line)) return line.subtotal;

  const taxes = subtotalTaxes(context, line);
  const tax = context.settings.roundTaxAtSubtotal
    ? totalOf(taxes)
    : F.sum(
        taxes.map((entry) =>
          F.fromInteger(F.roundToInteger(entry.amount, context.taxRoundingMode)),
        ),
      );
  return F.add(line.subtotal, tax);
}

/**
 * `set_item_discount_amounts`: with prices including tax the discount came off the gross, so its
 * own tax is taken out before it comes off the ex-tax total.
 */
function discountLine(
  context: TotalsContext,
  line: ComputedLine,
  discount: Fraction | undefined,
): ComputedLine {
  const amount = discount ?? F.zero;
  let exTax = amount;
  if (context.settings.pricesIncludeTax && isTaxable(context, line)) {
    const taxes = calcTax(amount, context.ratesFor(line.taxClass), true, context.taxPlaces);
    exTax = F.subtract(amount, totalOf(taxes));
  }
  return { ...line, total: F.max(F.zero, F.subtract(line.subtotal, exTax)), discount: amount };
}

function subtotalTaxes(context: TotalsContext, line: ComputedLine): RateAmount[] {
  if (!isTaxable(context, line)) return [];
  return calcTax(line.subtotal, context.ratesFor(line.taxClass), false, context.taxPlaces);
}

/** `WC_Order_Item::calculate_taxes`; a subtotal tax below the total tax is raised to it. */
function withTaxes(context: TotalsContext, line: ComputedLine): ComputedLine {
  if (!isTaxable(context, line)) return line;
  const taxes = calcTax(line.total, context.ratesFor(line.taxClass), false, context.taxPlaces);
  let subtotal = subtotalTaxes(context, line);
  if (F.compare(totalOf(subtotal), totalOf(taxes)) < 0) subtotal = taxes;
  return { ...line, subtotalTaxes: subtotal, taxes };
}
