import { parseScaledDecimal, toMoney } from "../money.js";
import type { Money } from "../money.js";
import type { FeeInput } from "./cart-input.js";
import * as F from "./fraction.js";
import type { Fraction } from "./fraction.js";

export const cartDiscountName = "Cart discount";
export const cartDiscountKey = "cart-discount";

/**
 * Applies a line discount of `percent` to a unit price and returns the new unit price. The
 * discount rounds half down, as WooCommerce rounds discounts (`wc_round_discount`). The caller
 * stores the result as the line's price with `onSale` true and keeps the original for display,
 * so coupons then work on the discounted price.
 */
export function applyLineDiscountPercent(
  unitPrice: Money,
  percent: number,
  decimals: number,
): Money {
  if (!Number.isSafeInteger(unitPrice) || unitPrice < 0) {
    throw new RangeError(`invalid unit price ${unitPrice}: expected minor units of at least 0`);
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 6) {
    throw new RangeError(`invalid currency decimals ${decimals}: expected an integer from 0 to 6`);
  }
  const share = percentFraction(percent);
  const discount = F.roundToInteger(F.multiply(F.fromInteger(unitPrice), share), "half-down");
  return toMoney(unitPrice - Number(discount));
}

export type CartDiscount = { kind: "amount"; amount: Money } | { kind: "percent"; percent: number };

/** The cart's line totals that a cart discount is taken from. */
export interface CartDiscountBase {
  /** Ex-tax line total after coupons (`OrderTotals.itemsTotal`). */
  itemsTotal: Money;
  /** Tax on the lines (`OrderTotals.cartTax` less fee taxes). */
  itemsTax: Money;
  pricesIncludeTax: boolean;
}

/**
 * Builds the negative fee line named "Cart discount". WooCommerce enters fees without tax and
 * splits a negative fee's tax over the cart's tax classes, so a percentage comes off the ex-tax
 * total and the tax falls by the same share. An amount in a store whose prices include tax is the
 * gross the customer saves, so it is scaled to its ex-tax part.
 */
export function cartDiscountFee(discount: CartDiscount, base: CartDiscountBase): FeeInput {
  let exTaxAmount: bigint;
  if (discount.kind === "percent") {
    const share = percentFraction(discount.percent);
    exTaxAmount = F.roundToInteger(F.multiply(F.fromInteger(base.itemsTotal), share), "half-down");
  } else {
    if (!Number.isSafeInteger(discount.amount) || discount.amount < 0) {
      throw new RangeError(
        `invalid cart discount ${discount.amount}: expected minor units of at least 0`,
      );
    }
    exTaxAmount = BigInt(discount.amount);
    const gross = base.itemsTotal + base.itemsTax;
    if (base.pricesIncludeTax && gross > 0) {
      const exTaxShare = F.fraction(BigInt(base.itemsTotal), BigInt(gross));
      exTaxAmount = F.roundToInteger(
        F.multiply(F.fromInteger(discount.amount), exTaxShare),
        "half-up",
      );
    }
  }

  return {
    key: cartDiscountKey,
    name: cartDiscountName,
    amount: toMoney(-Number(exTaxAmount)),
    taxable: false,
    taxClass: "",
  };
}

function percentFraction(percent: number): Fraction {
  const microPercent = Number.isFinite(percent)
    ? parseScaledDecimal(String(percent), 6)
    : undefined;
  if (microPercent === undefined || microPercent < 0n || microPercent > 100_000_000n) {
    throw new RangeError(
      `invalid discount percentage ${percent}: expected a number from 0 to 100 with at most 6 decimals`,
    );
  }
  return F.fraction(microPercent, 100_000_000n);
}
