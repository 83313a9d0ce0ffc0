import { sql } from "kysely";
import type { Kysely } from "kysely";

/**
 * Creates case-insensitive unique indexes on customer emails and usernames and on coupon codes.
 * The routes check for a duplicate before inserting, but two requests can both pass that check.
 * The index then rejects the second insert, and the stores turn the violation into WooCommerce's
 * 400 error. NOTE: the migration fails on a database that already contains two customers whose
 * emails or usernames differ only in case, or two such coupon codes; merge them first.
 */
export async function createUniqueLowerIndexes(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex(customerEmailIndex)
    .on("customers")
    .unique()
    .expression(sql`lower(email)`)
    .execute();
  await db.schema
    .createIndex(customerUsernameIndex)
    .on("customers")
    .unique()
    .expression(sql`lower(username)`)
    .execute();
  await db.schema
    .createIndex(couponCodeIndex)
    .on("coupons")
    .unique()
    .expression(sql`lower(code)`)
    .execute();
}

export const customerEmailIndex = "customers_email_lower";
export const customerUsernameIndex = "customers_username_lower";
export const couponCodeIndex = "coupons_code_lower";
