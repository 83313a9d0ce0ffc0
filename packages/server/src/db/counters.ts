import type { Kysely } from "kysely";
import type { DatabaseSchema } from "./database-schema.js";

export type CounterName = "journal" | "order_item" | "media";

/**
 * Takes the next value of a named counter. `UPDATE … RETURNING` locks the counter's row until
 * the transaction ends, so on PostgreSQL a second transaction waits here until the first one
 * commits or rolls back, and then reads the committed value.
 */
export async function takeNextCounterValue(
  trx: Kysely<DatabaseSchema>,
  name: CounterName,
): Promise<number> {
  const row = await trx
    .updateTable("counters")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("name", "=", name)
    .returning("value")
    .executeTakeFirstOrThrow();
  return Number(row.value);
}

export async function readCounterValue(
  db: Kysely<DatabaseSchema>,
  name: CounterName,
): Promise<number> {
  const row = await db
    .selectFrom("counters")
    .select("value")
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
