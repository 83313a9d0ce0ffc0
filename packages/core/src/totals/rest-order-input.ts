import type { Coupon, TaxStatus } from "../catalog.js";
import type { Money } from "../money.js";
import type { Precise } from "../precise.js";
import type { FeeInput, ShippingInput } from "./cart-input.js";

/**
 * A `line_items` entry of a REST order, joined with the product facts the server looks up.
 * `subtotal` and `total` are ex-tax, as WooCommerce reads them; when omitted WooCommerce takes
 * the product's price × quantity (less its tax when prices include tax).
 */
export interface RestLineInput {
  key: string;
  productId: number;
  variationId: number;
  quantity: number;
  subtotal?: Precise;
  total?: Precise;
  /** The product's current unit price as the store enters prices. */
  price: Money;
  taxStatus: TaxStatus;
  taxClass: string;
  categoryIds: readonly number[];
  onSale: boolean;
}

/** A REST order's lines; coupons are re-applied in the order given, as WooCommerce does. */
export interface RestOrderInput {
  lines: readonly RestLineInput[];
  fees: readonly FeeInput[];
  shipping: readonly ShippingInput[];
  coupons: readonly Coupon[];
}

/** Line values the till sends in `line_items` so the server's recomputation matches the cart. */
export interface RestLineValues {
  key: string;
  productId: number;
  variationId: number;
  quantity: number;
  subtotal: Precise;
  total: Precise;
}
