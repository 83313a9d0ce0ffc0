import type { Kysely } from "kysely";
import type { SqlDialectName } from "../db/store-database.js";

/** Creates the tables of till sessions, staff PINs and the licence state (migration 0011). */
export async function createDeviceSessionTables(
  db: Kysely<unknown>,
  _dialect: SqlDialectName,
): Promise<void> {
  const schema = db.schema;
  await schema
    .createTable("device_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull())
    .addColumn("register", "text")
    .addColumn("device", "text", (c) => c.notNull())
    .addColumn("created_gmt", "text", (c) => c.notNull())
    .addColumn("last_used_gmt", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_gmt", "text")
    .execute();
  await schema
    .createIndex("device_sessions_user")
    .on("device_sessions")
    .column("user_id")
    .execute();

  await schema
    .createTable("device_session_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("session_id", "text", (c) => c.notNull())
    .execute();
  await schema
    .createIndex("device_session_tokens_session")
    .on("device_session_tokens")
    .column("session_id")
    .execute();

  await schema
    .createTable("user_pins")
    .addColumn("user_id", "integer", (c) => c.primaryKey())
    .addColumn("algorithm", "text", (c) => c.notNull())
    .addColumn("iterations", "integer", (c) => c.notNull())
    .addColumn("salt", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addColumn("failed_attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_gmt", "text", (c) => c.notNull())
    .execute();

  await schema
    .createTable("licence_state")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}
