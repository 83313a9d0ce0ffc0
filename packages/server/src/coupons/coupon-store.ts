import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import { appendChange } from "../db/change-journal.js";
import { couponCodeIndex } from "../db/case-insensitive-unique-migration.js";
import { isUniqueViolation } from "../db/unique-violation.js";
import { WooError } from "../http/woo-error.js";
import type { CouponDetails, CouponRow } from "./coupon-records.js";

type Db = Kysely<DatabaseSchema>;

/** Inserts a coupon (code already lower-cased) and journals it. */
export async function insertCoupon(
  trx: Db,
  code: string,
  details: CouponDetails,
  nowGmt: string,
): Promise<number> {
  await assertCodeFree(trx, code, 0);
  const row = await mapCodeViolation(() =>
    trx
      .insertInto("coupons")
      .values({
        code,
        usage_count: 0,
        date_created_gmt: nowGmt,
        date_modified_gmt: nowGmt,
        details: JSON.stringify(details),
      })
      .returning("id")
      .executeTakeFirstOrThrow(),
  );
  appendChange(trx, "coupons", row.id);
  return row.id;
}

export async function updateCoupon(
  trx: Db,
  id: number,
  code: string,
  details: CouponDetails,
  nowGmt: string,
): Promise<void> {
  await assertCodeFree(trx, code, id);
  await mapCodeViolation(() =>
    trx
      .updateTable("coupons")
      .set({ code, details: JSON.stringify(details), date_modified_gmt: nowGmt })
      .where("id", "=", id)
      .execute(),
  );
  appendChange(trx, "coupons", id);
}

export async function deleteCoupon(trx: Db, id: number): Promise<void> {
  await trx.deleteFrom("coupons").where("id", "=", id).execute();
  appendChange(trx, "coupons", id, true);
}

export function findCouponRow(db: Db, id: number): Promise<CouponRow | undefined> {
  return db.selectFrom("coupons").selectAll().where("id", "=", id).executeTakeFirst();
}

async function assertCodeFree(trx: Db, code: string, ownId: number): Promise<void> {
  const clash = await trx
    .selectFrom("coupons")
    .select("id")
    .where("code", "=", code)
    .where("id", "!=", ownId)
    .executeTakeFirst();
  if (clash !== undefined) throw codeExistsError();
}

/**
 * Runs a coupon write and turns a unique violation of the code, which happens when a concurrent
 * request stored the same code after `assertCodeFree` ran, into WooCommerce's error.
 */
async function mapCodeViolation<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error, ["coupons_code_key", "coupons.code", couponCodeIndex])) {
      throw codeExistsError();
    }
    throw error;
  }
}

function codeExistsError(): WooError {
  return new WooError(
    400,
    "woocommerce_rest_coupon_code_already_exists",
    "The coupon code already exists",
  );
}
