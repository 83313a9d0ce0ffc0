import { sumMoney, validateCoupon, type Coupon, type Money } from "@pos/core";
import type { CatalogDb } from "@pos/sync";
import type { StoredOrder } from "../db/stored-order.js";
import type { CartTotals } from "./cart-totals.js";
import { normalizeCouponCode } from "./cart-reducer.js";

export type CouponCheck =
  { ok: true; code: string; toBeConfirmed: boolean } | { ok: false; message: string };

export interface CouponCheckContext {
  catalog: CatalogDb;
  order: StoredOrder;
  cart: CartTotals;
  decimals: number;
  online: boolean;
  now: Date;
}

/**
 * Checks a typed coupon code on the till. A code synced to the device is checked with core's
 * WooCommerce rules. The store checks it again when it creates the order, because usage counts
 * may have moved since the sync. A code the till lacks is accepted only online, so the store
 * validates it at checkout.
 */
export async function checkCoupon(
  typed: string,
  context: CouponCheckContext,
): Promise<CouponCheck> {
  const code = normalizeCouponCode(typed);
  if (!code) return { ok: false, message: "the coupon code is empty: type or scan a code" };

  const coupon = await context.catalog.coupons.where("code").equals(code).first();
  if (!coupon) {
    if (context.online) return { ok: true, code, toBeConfirmed: true };
    return {
      ok: false,
      message:
        `coupon "${code}" is not on this till, so it cannot be checked offline: ` +
        "try again when the store is reachable",
    };
  }
  const applied = await appliedCoupons(context);
  const result = validateCoupon(coupon, {
    now: context.now,
    decimals: context.decimals,
    lines: context.order.lines.map((line) => ({
      productId: line.productId,
      variationId: line.variationId ?? 0,
      categoryIds: line.categoryIds,
      onSale: line.onSale,
    })),
    subtotal: cartSubtotal(context.cart),
    appliedCoupons: applied,
    billingEmail: "",
    customerId: context.order.customer?.id ?? 0,
  });
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, code, toBeConfirmed: true };
}

async function appliedCoupons(context: CouponCheckContext): Promise<Coupon[]> {
  const codes = context.order.coupons.map((coupon) => coupon.code);
  if (codes.length === 0) return [];
  return context.catalog.coupons.where("code").anyOf(codes).toArray();
}

/** Sums the line subtotals before coupons, which minimum and maximum spend compare against. */
function cartSubtotal(cart: CartTotals): Money {
  return sumMoney(cart.totals.lines.map((line) => line.subtotal));
}
