import { sumMoney, validateCoupon, type Coupon, type Money } from "@pos/core";
import type { CatalogDb, StoreKind } from "@pos/sync";
import type { WooClient } from "@pos/woo";
import type { StoredOrder } from "../db/stored-order.js";
import type { CartTotals } from "./cart-totals.js";
import { normalizeCouponCode } from "./cart-reducer.js";
import { checkCouponOnStore } from "./check-coupon-on-store.js";

export type CouponCheck =
  { ok: true; code: string; toBeConfirmed: boolean } | { ok: false; message: string };

/** The store a coupon is checked with while it is reachable, and which API it speaks. */
export interface CouponStore {
  client: WooClient;
  kind: StoreKind;
}

export interface CouponCheckContext {
  catalog: CatalogDb;
  order: StoredOrder;
  cart: CartTotals;
  decimals: number;
  /** False when the connectivity monitor reports the store as unreachable. */
  online: boolean;
  now: Date;
  /** The store that checks the code while online; without it the till checks it alone. */
  store?: CouponStore;
}

/**
 * Checks a typed coupon code. Online, the store checks it at once, so an unknown or invalid
 * code is rejected with the store's reason and a valid one needs no confirmation. Offline, or
 * when the store cannot be reached, a code synced to the device is checked with core's
 * WooCommerce rules and marked to be confirmed, because usage counts may have moved since the
 * sync. A code the till lacks cannot be checked offline and is rejected.
 */
export async function checkCoupon(
  typed: string,
  context: CouponCheckContext,
): Promise<CouponCheck> {
  const code = normalizeCouponCode(typed);
  if (!code) return { ok: false, message: "the coupon code is empty: type or scan a code" };

  if (context.online && context.store) {
    const checked = await checkCouponOnStore(code, context.store, context);
    if (checked !== null) return checked;
  }
  return checkCouponOnTill(code, context);
}

async function checkCouponOnTill(code: string, context: CouponCheckContext): Promise<CouponCheck> {
  const coupon = await context.catalog.coupons.where("code").equals(code).first();
  if (!coupon) {
    return {
      ok: false,
      message:
        `coupon "${code}" is not on this till, so it cannot be checked offline: ` +
        "try again when the store is reachable",
    };
  }
  const result = await validateCouponOnTill(coupon, context);
  if (!result.ok) return { ok: false, message: result.message };
  return { ok: true, code, toBeConfirmed: true };
}

/** Validates a coupon record against the order with core's rules and the coupons already on it. */
export async function validateCouponOnTill(coupon: Coupon, context: CouponCheckContext) {
  return validateCoupon(coupon, {
    now: context.now,
    decimals: context.decimals,
    lines: context.order.lines.map((line) => ({
      productId: line.productId,
      variationId: line.variationId ?? 0,
      categoryIds: line.categoryIds,
      onSale: line.onSale,
    })),
    subtotal: cartSubtotal(context.cart),
    appliedCoupons: await appliedCoupons(context),
    billingEmail: "",
    customerId: context.order.customer?.id ?? 0,
  });
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
