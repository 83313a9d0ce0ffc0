import { multiplyMoney, parsePrecise, preciseToMoney, sumMoney, validateCoupon } from "@pos/core";
import type { Coupon } from "@pos/core";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { WooError } from "../http/woo-error.js";
import { withinExactRange } from "../orders/exact-range.js";
import type { OrderCreateBody } from "../orders/order-input.js";
import type { ResolvedLine } from "../orders/resolve-order-lines.js";
import type { StoreSettings } from "../store/store-settings.js";
import { couponRecord } from "./coupon-records.js";
import { assertIndividualUseAlone } from "./individual-use.js";

type Db = Kysely<DatabaseSchema>;

/** The parts of an order that decide whether its coupons apply. */
export type CouponOrder = Pick<OrderCreateBody, "coupon_lines" | "billing" | "customer_id">;

/**
 * Loads the order's coupons in the order sent and checks each with core's WooCommerce rules,
 * then rejects an individual-use coupon combined with others. The first failure is thrown as a
 * 400 with the coupon's reason. It only reads, so order creation and the till's coupon check
 * share it and a check writes nothing.
 */
export async function loadValidCoupons(
  db: Db,
  order: CouponOrder,
  lines: readonly ResolvedLine[],
  settings: StoreSettings,
  now: Date,
): Promise<Coupon[]> {
  if (order.coupon_lines.length === 0) return [];
  const couponLines = withinExactRange(() =>
    lines.map((line) => couponLine(line, settings.decimals)),
  );
  const subtotal = withinExactRange(() => sumMoney(couponLines.map((line) => line.lineSubtotal)));
  const coupons: Coupon[] = [];
  for (const { code } of order.coupon_lines) {
    const coupon = await findCoupon(db, code);
    const result = validateCoupon(coupon, {
      now,
      decimals: settings.decimals,
      lines: couponLines,
      subtotal,
      appliedCoupons: coupons,
      billingEmail: order.billing.email ?? "",
      customerId: order.customer_id,
    });
    if (!result.ok) throw new WooError(400, result.code, result.message);
    coupons.push(coupon);
  }
  assertIndividualUseAlone(coupons);
  return coupons;
}

async function findCoupon(db: Db, code: string): Promise<Coupon> {
  const row = await db
    .selectFrom("coupons")
    .selectAll()
    .where("code", "=", code.trim().toLowerCase())
    .executeTakeFirst();
  if (row === undefined) {
    throw new WooError(
      400,
      "woocommerce_rest_invalid_coupon",
      `Coupon "${code}" cannot be applied because it does not exist.`,
    );
  }
  return couponRecord(row);
}

/** Builds a line as coupon rules read it, at the catalogue price that minimum spend compares. */
function couponLine(line: ResolvedLine, decimals: number) {
  return {
    productId: line.parent?.id ?? line.item.id,
    variationId: line.parent === undefined ? 0 : line.item.id,
    categoryIds: line.categoryIds,
    onSale: line.item.sale_price !== "" && line.item.price === line.item.sale_price,
    lineSubtotal: multiplyMoney(
      preciseToMoney(parsePrecise(line.item.price || "0"), decimals),
      line.input.quantity,
    ),
  };
}
