import type { CatalogCollection } from "@pos/core";
import type { CatalogDb, Checkpoint } from "./catalog-db.js";
import { tableOf } from "./catalog-tables.js";
import type { WooRecordAction } from "./woo-collections.js";

/** The newest (`date_modified_gmt`, id) stored; the next poll requests what is newer. */
export interface ModifiedCursor {
  modifiedGmt: string;
  id: number;
}

/** Orders cursors by time, then by id for records modified within the same second. */
export function isAfter(a: ModifiedCursor, b: ModifiedCursor): boolean {
  if (a.modifiedGmt !== b.modifiedGmt) return a.modifiedGmt > b.modifiedGmt;
  return a.id > b.id;
}

export function cursorOf(checkpoint: Checkpoint | undefined): ModifiedCursor | null {
  if (checkpoint?.modifiedAfterGmt === undefined) return null;
  return { modifiedGmt: checkpoint.modifiedAfterGmt, id: checkpoint.modifiedAfterId ?? 0 };
}

async function checkpointOf(db: CatalogDb, collection: CatalogCollection): Promise<Checkpoint> {
  const checkpoint = await db.checkpoints.get(collection);
  if (!checkpoint) {
    throw new Error(`no checkpoint for ${collection}; start the seed before storing pages`);
  }
  return checkpoint;
}

async function applyActions(
  db: CatalogDb,
  collection: CatalogCollection,
  actions: WooRecordAction[],
) {
  const table = tableOf(db, collection);
  const stored = actions.flatMap((action) => ("store" in action ? [action.store] : []));
  const removed = actions.flatMap((action) => ("remove" in action ? [action.remove] : []));
  if (stored.length > 0) await table.bulkPut(stored);
  if (removed.length > 0) await table.bulkDelete(removed);
  return { stored: stored.length, deleted: removed.length };
}

export interface WooSeedPage {
  collection: CatalogCollection;
  actions: WooRecordAction[];
  /** The page just stored, 1-based. */
  page: number;
  last: boolean;
  total: number | null;
  nowMs: number;
}

/** Stores one page of a wc/v3 seed listing and moves the checkpoint in the same transaction. */
export async function storeWooSeedPage(db: CatalogDb, page: WooSeedPage): Promise<void> {
  const table = tableOf(db, page.collection);
  await db.transaction("rw", table.storage, db.checkpoints, async () => {
    const checkpoint = await checkpointOf(db, page.collection);
    await applyActions(db, page.collection, page.actions);
    const ids = page.actions.map((action) => ("store" in action ? action.store.id : action.remove));
    await db.checkpoints.put({
      ...checkpoint,
      phase: page.last ? "following" : "seeding",
      seedPage: page.page + 1,
      seedAfter: Math.max(checkpoint.seedAfter, ...ids),
      serverTotal: page.total ?? checkpoint.serverTotal,
      updatedAtMs: page.nowMs,
    });
  });
}

/** Stores records found by a `modified_after` poll and moves the cursor in one transaction. */
export async function storeModifiedPage(
  db: CatalogDb,
  collection: CatalogCollection,
  actions: WooRecordAction[],
  cursor: ModifiedCursor,
  nowMs: number,
) {
  const table = tableOf(db, collection);
  return db.transaction("rw", table.storage, db.checkpoints, async () => {
    const checkpoint = await checkpointOf(db, collection);
    const counts = await applyActions(db, collection, actions);
    await db.checkpoints.put({
      ...checkpoint,
      modifiedAfterGmt: cursor.modifiedGmt,
      modifiedAfterId: cursor.id,
      updatedAtMs: nowMs,
    });
    return counts;
  });
}

/**
 * Makes a collection equal to the server's list: stores every record and deletes the local
 * records whose ids are not in `serverIds`.
 */
export async function replaceCollection(
  db: CatalogDb,
  collection: CatalogCollection,
  actions: WooRecordAction[],
  serverIds: ReadonlySet<number>,
  nowMs: number,
) {
  const table = tableOf(db, collection);
  return db.transaction("rw", table.storage, db.checkpoints, async () => {
    const checkpoint = await checkpointOf(db, collection);
    const counts = await applyActions(db, collection, actions);
    const localIds = await table.primaryKeys();
    const gone = localIds.filter((id) => !serverIds.has(id));
    await table.bulkDelete(gone);
    await db.checkpoints.put({ ...checkpoint, serverTotal: serverIds.size, updatedAtMs: nowMs });
    return { stored: counts.stored, deleted: counts.deleted + gone.length };
  });
}
