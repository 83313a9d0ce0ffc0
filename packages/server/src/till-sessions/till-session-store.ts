import type { TillSession } from "@pos/core";
import type { Kysely } from "kysely";
import type { DatabaseSchema } from "../db/database-schema.js";
import type { StoreDatabase } from "../db/store-database.js";
import { WooError } from "../http/woo-error.js";
import { toGmtDateString } from "../time/wp-date.js";
import type { TillCashSessionsTable, TillSessionTables } from "./till-session-tables.js";

type Db = Kysely<DatabaseSchema>;

export type SaveOutcome = "created" | "updated" | "unchanged";

/**
 * Stores the newest state of a till session, which only moves forward. The same state again is
 * a repeat from the outbox and changes nothing. A state with more movements, or the closing,
 * replaces the stored one. A state that drops movements, reopens the session or changes what was
 * recorded is rejected with 409, so the till parks it for a person to look at.
 */
export async function saveTillSession(
  store: StoreDatabase,
  session: TillSession,
  now: Date,
): Promise<SaveOutcome> {
  return store.db.transaction().execute(async (trx) => {
    const sessions = trx.withTables<TillSessionTables>();
    const values = rowOf(session, now);
    // Two registers resending at once: the loser of the insert reads the winner's row below.
    const inserted = await sessions
      .insertInto("till_cash_sessions")
      .values(values)
      .onConflict((conflict) => conflict.column("id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted !== undefined) return "created";

    let select = sessions.selectFrom("till_cash_sessions").selectAll().where("id", "=", session.id);
    if (store.dialect === "postgres") select = select.forUpdate();
    const row = await select.executeTakeFirstOrThrow();

    const stored = JSON.parse(row.details) as TillSession;
    if (row.details === values.details) return "unchanged";
    assertMovesForward(stored, session);
    await sessions
      .updateTable("till_cash_sessions")
      .set({
        closed_at_gmt: values.closed_at_gmt,
        date_modified_gmt: values.date_modified_gmt,
        details: values.details,
      })
      .where("id", "=", session.id)
      .execute();
    return "updated";
  });
}

export async function findTillSession(db: Db, id: string): Promise<TillSession | undefined> {
  const row = await db
    .withTables<TillSessionTables>()
    .selectFrom("till_cash_sessions")
    .select("details")
    .where("id", "=", id)
    .executeTakeFirst();
  return row === undefined ? undefined : (JSON.parse(row.details) as TillSession);
}

/** Lists a register's sessions, the newest opening first. */
export async function listTillSessions(
  db: Db,
  filter: { registerId?: string; limit: number; offset: number },
): Promise<{ sessions: TillSession[]; total: number }> {
  let query = db.withTables<TillSessionTables>().selectFrom("till_cash_sessions");
  if (filter.registerId !== undefined) query = query.where("register_id", "=", filter.registerId);
  const counted = await query.select((eb) => eb.fn.countAll().as("count")).executeTakeFirst();
  const rows = await query
    .select("details")
    .orderBy("opened_at_gmt", "desc")
    .orderBy("id", "desc")
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return {
    sessions: rows.map((row) => JSON.parse(row.details) as TillSession),
    total: Number(counted?.count ?? 0),
  };
}

function rowOf(session: TillSession, now: Date): TillCashSessionsTable {
  return {
    id: session.id,
    register_id: session.registerId,
    cashier_id: session.cashierId,
    opened_at_gmt: session.openedAtGmt,
    closed_at_gmt: session.closedAtGmt,
    date_modified_gmt: toGmtDateString(now),
    details: JSON.stringify(session),
  };
}

function assertMovesForward(stored: TillSession, next: TillSession): void {
  const conflict = (problem: string): never => {
    throw new WooError(
      409,
      "pos_till_session_conflict",
      `Till session ${stored.id} ${problem}; the server keeps its stored state. Check the ` +
        `register's clock and data, then resend or discard the change.`,
    );
  };
  const header = (session: TillSession) =>
    JSON.stringify([
      session.registerId,
      session.cashierId,
      session.currency,
      session.openedAtGmt,
      session.openingFloat,
    ]);
  if (header(stored) !== header(next)) conflict("changed its register, cashier, float or opening");
  if (stored.closedAtGmt !== null) conflict(`was already closed at ${stored.closedAtGmt}`);
  if (next.movements.length < stored.movements.length) conflict("lost cash movements");
  const prefix = next.movements.slice(0, stored.movements.length);
  if (JSON.stringify(prefix) !== JSON.stringify(stored.movements)) {
    conflict("changed cash movements already stored");
  }
}
