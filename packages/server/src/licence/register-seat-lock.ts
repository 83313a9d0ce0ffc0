import { sql, type Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { StoreDatabase } from "../db/store-database.js";

/**
 * The PostgreSQL advisory lock key that serialises register sign-ins. Every server process on
 * one database takes the same key, so stores in other schemas of that database also wait on it.
 */
export const registerSeatLockKey = 7_301_944_215;

/**
 * Runs `work` in one transaction that no other register sign-in can run beside, so counting
 * the signed-in registers and opening the new session happen as one step. On PostgreSQL the
 * transaction takes a transaction-level advisory lock, which works across server processes. On
 * SQLite it starts with `BEGIN IMMEDIATE`, which takes the database's write lock up front and
 * makes other connections, in this process or another, wait for it (up to `busy_timeout`).
 * An error thrown by `work` rolls the transaction back.
 */
export async function withRegisterSeatLock<T>(
  store: StoreDatabase,
  work: (db: Kysely<DatabaseSchema>) => Promise<T>,
): Promise<T> {
  if (store.dialect === "postgres") {
    return store.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${registerSeatLockKey})`.execute(trx);
      return work(trx);
    });
  }
  return store.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    let result: T;
    try {
      result = await work(connection);
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
    await sql`commit`.execute(connection);
    return result;
  });
}
