import { rejectCoupon } from "@pos/core";
import type { Coupon } from "@pos/core";
import { WooError } from "../http/woo-error.js";

/**
 * Rejects an order that combines an individual-use coupon with any other coupon, whatever
 * order the coupons come in. WooCommerce enforces individual use only in `WC_Cart::apply_coupon`.
 * Its REST order path (`WC_Discounts::is_coupon_valid`) does not check it, so this rejection is
 * a deliberate difference.
 */
export function assertIndividualUseAlone(coupons: readonly Coupon[]): void {
  if (coupons.length < 2) return;
  const exclusive = coupons.find((coupon) => coupon.individualUse);
  if (exclusive === undefined) return;
  const others = coupons
    .filter((coupon) => coupon !== exclusive)
    .map((coupon) => `"${coupon.code}"`)
    .join(", ");
  const rejection = rejectCoupon(
    "individual-use-only",
    `coupon "${exclusive.code}" is for individual use only and cannot be combined with ` +
      `${others}; send it alone or without it`,
  );
  if (rejection.ok) throw new Error("rejectCoupon returned a valid result");
  throw new WooError(400, rejection.code, rejection.message);
}
