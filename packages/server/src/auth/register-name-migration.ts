import type { Kysely } from "kysely";

/**
 * Adds the readable register name a till sends at login to its device session. Sessions opened
 * before, and by tills that send no name, keep null and are shown by their register id.
 */
export async function addRegisterNameColumn(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("device_sessions").addColumn("register_name", "text").execute();
}
