import { rejectCoupon } from "@pos/core";
import type { Coupon } from "@pos/core";
import type { Kysely } from "kysely";
import { appendChange } from "../db/change-journal.js";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { SqlDialectName } from "../db/store-database.js";
import { WooError } from "../http/woo-error.js";
import { couponRecord, parseCouponDetails } from "./coupon-records.js";
import type { CouponRow } from "./coupon-records.js";

type Db = Kysely<DatabaseSchema>;

/** The user of a coupon: the customer id, or the billing email of a guest ("" for none). */
export interface CouponUser {
  customerId: number;
  billingEmail: string;
}

/**
 * Counts one use of each coupon inside the order's transaction. The coupon rows are locked
 * (PostgreSQL, in id order) and the usage limit and per-customer limit are checked again on the
 * locked rows, because the check made while pricing the order ran before the lock. An order that
 * loses a race for the last use is rejected with WooCommerce's coupon error, and the transaction
 * rollback undoes its stock reduction.
 */
export async function recordCouponUsage(
  trx: Db,
  dialect: SqlDialectName,
  coupons: readonly Coupon[],
  user: CouponUser,
): Promise<void> {
  const rows = await lockCouponRows(
    trx,
    dialect,
    coupons.map((coupon) => coupon.id),
  );
  for (const row of rows) {
    assertUsageLeft(couponRecord(row), user);

    const details = parseCouponDetails(row.details);
    const usedBy = usedByEntry(user);
    await trx
      .updateTable("coupons")
      .set({
        usage_count: row.usage_count + 1,
        details: JSON.stringify({
          ...details,
          used_by: usedBy === "" ? details.used_by : [...details.used_by, usedBy],
        }),
      })
      .where("id", "=", row.id)
      .execute();
    appendChange(trx, "coupons", row.id);
  }
}

async function lockCouponRows(
  trx: Db,
  dialect: SqlDialectName,
  ids: readonly number[],
): Promise<CouponRow[]> {
  if (ids.length === 0) return [];
  let select = trx
    .selectFrom("coupons")
    .selectAll()
    .where("id", "in", [...new Set(ids)])
    .orderBy("id");
  if (dialect === "postgres") select = select.forUpdate();
  return select.execute();
}

/**
 * Returns the `_used_by` entry that WooCommerce's `wc_update_coupon_usage_counts` stores: the
 * customer id, else the lower-cased billing email. A guest without an email gets "" (no entry).
 */
function usedByEntry(user: CouponUser): string {
  if (user.customerId > 0) return String(user.customerId);
  return user.billingEmail.trim().toLowerCase();
}

function assertUsageLeft(coupon: Coupon, user: CouponUser): void {
  const limit = coupon.usageLimit ?? 0;
  if (limit > 0 && coupon.usageCount >= limit) {
    throw usageLimitError(`coupon "${coupon.code}" has reached its usage limit of ${limit} uses`);
  }

  const perUser = coupon.usageLimitPerUser ?? 0;
  const email = user.billingEmail.trim().toLowerCase();
  if (perUser <= 0) return;
  const uses = coupon.usedBy.filter(
    (used) =>
      (user.customerId > 0 && used === String(user.customerId)) ||
      (email !== "" && used.toLowerCase() === email),
  ).length;
  if (uses >= perUser) {
    throw usageLimitError(
      `coupon "${coupon.code}" has reached its limit of ${perUser} uses per customer`,
    );
  }
}

function usageLimitError(message: string): WooError {
  const rejection = rejectCoupon("usage-limit-reached", message);
  if (rejection.ok) throw new Error("rejectCoupon returned a valid result");
  return new WooError(400, rejection.code, rejection.message);
}
