import { computeRestOrderTotals, toMoney } from "@pos/core";
import type {
  Coupon,
  Money,
  RestOrderInput,
  TaxLocation,
  TaxRate,
  TotalsSettings,
} from "@pos/core";

/**
 * Splits an order's discount among its coupons. Core's totals give only the sum, so each
 * coupon's share is the growth of the discount when it joins the coupons before it, in the
 * order given (core applies them in that order).
 */
export function splitCouponDiscounts(
  input: RestOrderInput,
  settings: TotalsSettings,
  taxRates: readonly TaxRate[],
  location: TaxLocation,
): Map<string, { discount: Money; discountTax: Money }> {
  const ordered = input.coupons;
  const shares = new Map<string, { discount: Money; discountTax: Money }>();
  let before = { discount: 0, discountTax: 0 };
  for (let count = 1; count <= ordered.length; count += 1) {
    const coupons: Coupon[] = ordered.slice(0, count);
    const totals = computeRestOrderTotals({ ...input, coupons }, settings, taxRates, location);
    const coupon = ordered[count - 1] as Coupon;
    shares.set(coupon.code, {
      discount: toMoney(totals.discountTotal - before.discount),
      discountTax: toMoney(totals.discountTax - before.discountTax),
    });
    before = { discount: totals.discountTotal, discountTax: totals.discountTax };
  }
  return shares;
}
