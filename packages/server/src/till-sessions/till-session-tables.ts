import type { Kysely } from "kysely";
import type { SqlDialectName } from "../db/store-database.js";

/**
 * Till sessions (a cashier's shift on a drawer: float, cash movements, count) as the registers
 * upload them, one row per session id. Login sessions are another table, `till_sessions`.
 */
export interface TillCashSessionsTable {
  id: string;
  register_id: string;
  cashier_id: number;
  opened_at_gmt: string;
  /** Null while the session is open. */
  closed_at_gmt: string | null;
  /** When the server last stored a new state of the session, WordPress GMT format. */
  date_modified_gmt: string;
  /** JSON of core's `TillSession`, camelCase as the till sends it. */
  details: string;
}

export type TillSessionTables = { till_cash_sessions: TillCashSessionsTable };

export async function createTillCashSessionsTable(
  db: Kysely<unknown>,
  _dialect: SqlDialectName,
): Promise<void> {
  await db.schema
    .createTable("till_cash_sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("register_id", "text", (c) => c.notNull())
    .addColumn("cashier_id", "integer", (c) => c.notNull())
    .addColumn("opened_at_gmt", "text", (c) => c.notNull())
    .addColumn("closed_at_gmt", "text")
    .addColumn("date_modified_gmt", "text", (c) => c.notNull())
    .addColumn("details", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("till_cash_sessions_register")
    .on("till_cash_sessions")
    .columns(["register_id", "opened_at_gmt"])
    .execute();
}
