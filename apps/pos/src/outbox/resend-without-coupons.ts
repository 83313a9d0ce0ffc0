import { formatMoney, toMoney } from "@pos/core";
import { orderCreateKind, type Outbox, type OutboxRecord } from "@pos/sync";
import { wcOrderCreateSchema, type WcOrderCreate } from "@pos/woo";
import type { SalesDb } from "../db/sales-db.js";
import { parseStoredOrder } from "../db/stored-order.js";

/** The error code the store returns for a coupon it rejects (WooCommerce's and ours). */
export const couponRejectedCode = "woocommerce_rest_invalid_coupon";

/** Meta key the server checks the order's total against, rejecting the order if they differ. */
export const expectedTotalMetaKey = "_pos_expected_total";

/** Meta key that records the coupons the store rejected after the customer paid with them. */
export const rejectedCouponsMetaKey = "_pos_rejected_coupons";

/** Tells whether a record is a sale the store parked because it rejected one of its coupons. */
export function isCouponRejectedSale(record: OutboxRecord): boolean {
  if (record.kind !== orderCreateKind || record.state !== "parked") return false;
  if (record.lastErrorCode !== couponRejectedCode) return false;
  const payload = wcOrderCreateSchema.safeParse(record.payload);
  return payload.success && (payload.data.coupon_lines?.length ?? 0) > 0;
}

/**
 * Rewrites a sale's order request without its coupons, keeping the price the customer paid.
 * Each line keeps its subtotal and its total after the coupon's discount. WooCommerce records
 * subtotal minus total as the line's discount, so the discount stays on the same lines, and the
 * taxes and the grand total come out as before. The request also carries the
 * total paid in `_pos_expected_total`, so the store rejects it instead of storing a different
 * total, and the rejected codes in `_pos_rejected_coupons`. Everything else is unchanged: the
 * order's UUID, receipt number, tenders and lines.
 */
export function withoutCoupons(
  body: WcOrderCreate,
  paid: { totalMinor: number; decimals: number },
): WcOrderCreate {
  const codes = (body.coupon_lines ?? []).map((coupon) => coupon.code);
  const replaced = new Set([expectedTotalMetaKey, rejectedCouponsMetaKey]);
  const meta = (body.meta_data ?? []).filter((entry) => !replaced.has(entry.key));
  const rest = { ...body };
  delete rest.coupon_lines;
  return {
    ...rest,
    line_items: body.line_items.map((line) => {
      if (line.subtotal === undefined || line.total === undefined) {
        throw new Error(
          `line of product ${line.product_id} has no explicit subtotal and total, so its ` +
            "coupon discount cannot be kept: discard the sale and record it again",
        );
      }
      return line;
    }),
    meta_data: [
      ...meta,
      { key: expectedTotalMetaKey, value: formatMoney(toMoney(paid.totalMinor), paid.decimals) },
      { key: rejectedCouponsMetaKey, value: codes.join(", ") },
    ],
  };
}

/**
 * Resends a sale whose coupon the store rejected, without the coupon and at the price paid.
 * Only a manager may call it: the store then records a discount no coupon backs.
 */
export async function resendWithoutCoupons(
  outbox: Outbox,
  db: SalesDb,
  id: string,
  decimals: number,
): Promise<boolean> {
  const row = await db.orders.get(id);
  const order = row ? parseStoredOrder(row) : null;
  if (!order?.receipt) {
    throw new Error(`sale ${id} is not on this till, so its paid total is unknown`);
  }
  const paid = { totalMinor: order.receipt.totalMinor, decimals };
  return outbox.resend(id, (payload) => {
    // Parsing checks the shape, but its output would drop fields the schema does not list.
    wcOrderCreateSchema.parse(payload);
    return withoutCoupons(payload as WcOrderCreate, paid);
  });
}
