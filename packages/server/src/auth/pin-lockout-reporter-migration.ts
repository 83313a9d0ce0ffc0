import type { Kysely } from "kysely";

/**
 * Adds who reported the lockout in force: the register and its name from the reporting till's
 * session, and the user signed in there. All three are null for a lock the server counted.
 */
export async function addPinLockoutReporterColumns(db: Kysely<unknown>): Promise<void> {
  // SQLite adds one column per ALTER TABLE statement.
  await db.schema.alterTable("user_pins").addColumn("locked_by_register", "text").execute();
  await db.schema.alterTable("user_pins").addColumn("locked_by_register_name", "text").execute();
  await db.schema.alterTable("user_pins").addColumn("locked_by_user_id", "integer").execute();
}
