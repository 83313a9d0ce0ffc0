import type { Coupon } from "../catalog.js";
import { parseScaledDecimal } from "../money.js";
import { fraction } from "./fraction.js";
import type { Fraction } from "./fraction.js";

/** Reads a percent coupon's rate as a fraction of the price ("12.5" gives 1/8). */
export function couponPercent(coupon: Coupon): Fraction {
  const microPercent = parseScaledDecimal(coupon.amount, 6);
  if (microPercent === undefined || microPercent < 0n) {
    throw new RangeError(
      `invalid amount "${coupon.amount}" on coupon "${coupon.code}": expected a percentage ` +
        `with at most 6 decimals`,
    );
  }
  return fraction(microPercent, 100_000_000n);
}

/** Reads a fixed coupon's amount in minor units. Digits past the currency's decimals must be 0. */
export function couponFixedAmount(coupon: Coupon, decimals: number): bigint {
  const minorUnits = parseScaledDecimal(coupon.amount, decimals);
  if (minorUnits === undefined || minorUnits < 0n) {
    throw new RangeError(
      `invalid amount "${coupon.amount}" on coupon "${coupon.code}": expected a non-negative ` +
        `amount with at most ${decimals} decimals`,
    );
  }
  return minorUnits;
}

const typeOrder = { fixed_product: 1, percent: 2, fixed_cart: 3 } as const;

/**
 * Orders coupons as WooCommerce's cart applies them (`sort_coupons_callback` in
 * class-wc-cart-totals.php): fixed_product, then percent, then fixed_cart; within a type the
 * smaller item limit first (no limit before any limit), then the smaller amount, then the newer id.
 * A REST order re-applies coupons in the order of its `coupon_lines`, so the till sends them in
 * this order.
 */
export function sortCouponsForCart(coupons: readonly Coupon[]): Coupon[] {
  return [...coupons].sort(compareCoupons);
}

function compareCoupons(a: Coupon, b: Coupon): number {
  if (a.discountType !== b.discountType) {
    return typeOrder[a.discountType] - typeOrder[b.discountType];
  }
  if (a.limitUsageToXItems !== b.limitUsageToXItems) {
    return (a.limitUsageToXItems ?? -1) < (b.limitUsageToXItems ?? -1) ? -1 : 1;
  }
  const amountA = parseScaledDecimal(a.amount, 6) ?? 0n;
  const amountB = parseScaledDecimal(b.amount, 6) ?? 0n;
  if (amountA !== amountB) return amountA < amountB ? -1 : 1;
  return b.id - a.id;
}
