import type { Kysely } from "kysely";

/** Creates the table of WordPress application passwords (migration 0017). */
export async function createApplicationPasswordsTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("application_passwords")
    .addColumn("uuid", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull())
    .addColumn("app_id", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_gmt", "text", (c) => c.notNull())
    .addColumn("last_used_gmt", "text")
    .addColumn("last_ip", "text")
    .execute();
  await db.schema
    .createIndex("application_passwords_user")
    .on("application_passwords")
    .column("user_id")
    .execute();
}
