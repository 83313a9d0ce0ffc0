import { sql, type Kysely } from "kysely";
import type { DatabaseSchema } from "./database-schema.js";
import type { StoreDatabase } from "./store-database.js";

/**
 * PostgreSQL advisory lock keys of the steps that must not run beside themselves. Every server
 * process on one database takes the same key, so stores in other schemas of that database also
 * wait on it.
 */
export const exclusiveLockKeys = {
  /** Counting the signed-in registers and opening a new device session. */
  registerSeat: 7_301_944_215,
  /** Checking that a category, tag or attribute name is free and writing the term. */
  termWrite: 7_301_944_217,
} as const;

/**
 * Runs `work` in one transaction that no other call with the same lock can run beside. On
 * PostgreSQL the transaction takes a transaction-level advisory lock on `lockKey`, which works
 * across server processes. On SQLite it starts with `BEGIN IMMEDIATE`, which takes the
 * database's write lock up front and makes other connections, in this process or another, wait
 * for it (up to `busy_timeout`), so every lock key shares that one lock. An error thrown by
 * `work` rolls the transaction back.
 */
export async function withExclusiveLock<T>(
  store: StoreDatabase,
  lockKey: number,
  work: (db: Kysely<DatabaseSchema>) => Promise<T>,
): Promise<T> {
  if (store.dialect === "postgres") {
    return store.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${lockKey})`.execute(trx);
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

/**
 * Inside a transaction, waits until no other transaction holds `lockKey`; the lock is released
 * at commit. On PostgreSQL it is a transaction-level advisory lock, which works across server
 * processes. SQLite needs none, because one server process runs its transactions one at a time.
 */
export async function lockForTransaction(
  trx: Kysely<DatabaseSchema>,
  dialect: StoreDatabase["dialect"],
  lockKey: number,
): Promise<void> {
  if (dialect === "postgres") await sql`select pg_advisory_xact_lock(${lockKey})`.execute(trx);
}
