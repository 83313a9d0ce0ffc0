import type { Kysely } from "kysely";
import type { CatalogCollection } from "@pos/core";
import type { DatabaseSchema } from "./database-schema.js";
import { readCounterValue, takeNextCounterValue } from "./counters.js";

type Db = Kysely<DatabaseSchema>;

export interface JournalEntry {
  seq: number;
  collection: CatalogCollection;
  recordId: number;
  deleted: boolean;
}

interface PendingChange {
  collection: CatalogCollection;
  recordId: number;
  deleted: boolean;
}

const pendingByTransaction = new WeakMap<object, Map<string, PendingChange>>();

/**
 * Runs `work` in a transaction and journals the changes it recorded with `appendChange` just
 * before commit. Sequences come from the `journal` counter, whose row lock is held until
 * commit, so they become visible in the order they were taken. A reader therefore never sees
 * seq N+1 while N is uncommitted, also with many server processes on one PostgreSQL. Taking
 * that lock last, after every row lock the work took, keeps writers from deadlocking on it.
 */
export function writeTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    pendingByTransaction.set(trx, new Map());
    const result = await work(trx);
    await flushChanges(trx);
    return result;
  });
}

/** Records that a catalogue record changed; it is journaled when the transaction commits. */
export function appendChange(
  trx: Db,
  collection: CatalogCollection,
  recordId: number,
  deleted = false,
): void {
  const pending = pendingByTransaction.get(trx);
  if (pending === undefined) {
    throw new Error(
      `change to ${collection} ${recordId} made outside writeTransaction; wrap the write in it`,
    );
  }
  pending.set(`${collection}:${recordId}`, { collection, recordId, deleted });
}

async function flushChanges(trx: Db): Promise<void> {
  const pending = [...(pendingByTransaction.get(trx)?.values() ?? [])];
  pendingByTransaction.delete(trx);
  for (const change of pending) {
    const seq = await takeNextCounterValue(trx, "journal");
    await trx
      .deleteFrom("changes")
      .where("collection", "=", change.collection)
      .where("record_id", "=", change.recordId)
      .execute();
    await trx
      .insertInto("changes")
      .values({
        seq,
        collection: change.collection,
        record_id: change.recordId,
        deleted: change.deleted ? 1 : 0,
      })
      .execute();
  }
}

/** Returns the newest committed journal sequence (0 before the first write). */
export function readJournalHead(db: Db): Promise<number> {
  return readCounterValue(db, "journal");
}

/** Returns up to `limit` entries after `since` in sequence order, and whether more follow. */
export async function readJournal(
  db: Db,
  since: number,
  limit: number,
): Promise<{ entries: JournalEntry[]; more: boolean }> {
  const rows = await db
    .selectFrom("changes")
    .selectAll()
    .where("seq", ">", since)
    .orderBy("seq")
    .limit(limit + 1)
    .execute();

  const entries = rows.slice(0, limit).map((row) => ({
    seq: Number(row.seq),
    collection: row.collection as CatalogCollection,
    recordId: row.record_id,
    deleted: row.deleted === 1,
  }));
  return { entries, more: rows.length > limit };
}
