import type { Coupon, TaxStatus } from "../catalog.js";
import type { Money } from "../money.js";

/** A line of the till's cart. */
export interface CartLineInput {
  key: string;
  productId: number;
  /** 0 for a simple product. */
  variationId: number;
  quantity: number;
  /** Unit price as the store enters prices: with tax when `pricesIncludeTax`. */
  unitPrice: Money;
  /** Unit price before any sale or edit at the till, kept for display. */
  regularUnitPrice: Money;
  /** On sale in the catalogue, or price edited at the till. */
  onSale: boolean;
  taxStatus: TaxStatus;
  /** Tax class slug; "" or "standard" is the standard class. */
  taxClass: string;
  categoryIds: readonly number[];
}

/** A fee line. Amounts are without tax, as WooCommerce enters fees; negative for a discount. */
export interface FeeInput {
  key: string;
  name: string;
  amount: Money;
  taxable: boolean;
  taxClass: string;
}

/** A shipping line; `total` is without tax. */
export interface ShippingInput {
  key: string;
  methodId: string;
  methodTitle: string;
  total: Money;
  taxable: boolean;
}

export interface CartInput {
  lines: readonly CartLineInput[];
  fees: readonly FeeInput[];
  shipping: readonly ShippingInput[];
  coupons: readonly Coupon[];
}
