import type { Coupon } from "../catalog.js";

/** The facts about a line's product that coupon rules read. */
export interface CouponLine {
  productId: number;
  /** 0 for a simple product. */
  variationId: number;
  categoryIds: readonly number[];
  onSale: boolean;
}

/**
 * Tells whether a `percent` or `fixed_product` coupon discounts a line, as WooCommerce's
 * `WC_Coupon::is_valid_for_product`: listed products or categories (none listed means all), then
 * excluded products, excluded categories and sale items. A variation matches by its own id or its
 * parent's.
 */
export function couponAppliesToLine(coupon: Coupon, line: CouponLine): boolean {
  const ids = line.variationId !== 0 ? [line.variationId, line.productId] : [line.productId];
  const listsProducts = coupon.productIds.length > 0;
  const listsCategories = coupon.productCategories.length > 0;

  let valid = !listsProducts && !listsCategories;
  if (listsProducts && ids.some((id) => coupon.productIds.includes(id))) valid = true;
  if (listsCategories && line.categoryIds.some((id) => coupon.productCategories.includes(id))) {
    valid = true;
  }

  if (ids.some((id) => coupon.excludedProductIds.includes(id))) valid = false;
  if (line.categoryIds.some((id) => coupon.excludedProductCategories.includes(id))) valid = false;
  if (coupon.excludeSaleItems && line.onSale) valid = false;
  return valid;
}
