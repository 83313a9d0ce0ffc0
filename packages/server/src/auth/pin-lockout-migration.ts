import type { Kysely } from "kysely";

/**
 * Adds when a user's PIN was locked and until when. A lockout a till reports expires; one the
 * server counted itself has no end and lasts until a manager unlocks it.
 */
export async function addPinLockoutColumns(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per ALTER TABLE statement.
  await db.schema.alterTable("user_pins").addColumn("locked_gmt", "text").execute();
  await db.schema.alterTable("user_pins").addColumn("locked_until_gmt", "text").execute();
}
