import type { Money } from "../money.js";
import type { Precise } from "../precise.js";

/** Tax of one rate on one line, rounded to minor units. */
export interface RateTax {
  rateId: number;
  subtotal: Money;
  total: Money;
}

export interface LineTotals {
  key: string;
  /** Ex-tax line price before coupons, rounded to minor units. */
  subtotal: Money;
  subtotalTax: Money;
  /** Ex-tax line price after coupons, rounded to minor units. */
  total: Money;
  totalTax: Money;
  taxes: readonly RateTax[];
  /** The unrounded ex-tax values WooCommerce stores (6 decimals). */
  subtotalPrecise: Precise;
  totalPrecise: Precise;
  /** Coupon discount on this line as the store enters prices (with tax when prices include it). */
  discount: Money;
}

export interface FeeTotals {
  key: string;
  name: string;
  /** Ex-tax amount after the cap that keeps the order total from going below zero. */
  total: Money;
  totalTax: Money;
  taxes: readonly RateTax[];
}

export interface ShippingTotals {
  key: string;
  total: Money;
  totalTax: Money;
  taxes: readonly RateTax[];
}

/** One `tax_lines` entry: the tax of one rate over the whole order. */
export interface TaxLineTotals {
  rateId: number;
  label: string;
  compound: boolean;
  ratePercent: number;
  /** Tax on line items and fees. */
  taxTotal: Money;
  shippingTaxTotal: Money;
}

/**
 * An order's totals. `itemsTotal + feeTotal + shippingTotal + totalTax = total`, and the tax
 * lines add up to `cartTax` and `shippingTax`, except that `total` never goes below zero.
 */
export interface OrderTotals {
  lines: readonly LineTotals[];
  fees: readonly FeeTotals[];
  shipping: readonly ShippingTotals[];
  taxLines: readonly TaxLineTotals[];
  itemsSubtotal: Money;
  itemsSubtotalTax: Money;
  itemsTotal: Money;
  feeTotal: Money;
  discountTotal: Money;
  discountTax: Money;
  shippingTotal: Money;
  shippingTax: Money;
  /** Tax on line items and fees. */
  cartTax: Money;
  totalTax: Money;
  total: Money;
}
