import { z } from "zod";
import { catalogCollections, type CatalogCollection } from "@pos/core";
import { catalogCollectionSchema } from "@pos/woo";
import type { CatalogDb, Checkpoint } from "./catalog-db.js";
import { tableOf, type CollectionStore } from "./catalog-tables.js";

const checkpointSchema = z.object({
  collection: catalogCollectionSchema,
  phase: z.enum(["seeding", "following"]),
  seedAfter: z.number().int().nonnegative(),
  feedSeq: z.number().int().nonnegative(),
  serverTotal: z.number().int().nonnegative().nullable(),
  updatedAtMs: z.number(),
  modifiedAfterGmt: z.string().optional(),
  modifiedAfterId: z.number().int().optional(),
  seedPage: z.number().int().positive().optional(),
  seedStored: z.number().int().nonnegative().optional(),
}) satisfies z.ZodType<Checkpoint>;

/**
 * Reads every checkpoint back with its schema. A stored checkpoint that fails the schema is
 * dropped, so its collection seeds again instead of resuming from a wrong place.
 */
export async function readCheckpoints(db: CatalogDb): Promise<Map<CatalogCollection, Checkpoint>> {
  const rows = await db.checkpoints.toArray();
  const checkpoints = new Map<CatalogCollection, Checkpoint>();
  for (const row of rows) {
    const parsed = checkpointSchema.safeParse(row);
    if (parsed.success) checkpoints.set(parsed.data.collection, parsed.data);
  }
  return checkpoints;
}

/**
 * Creates a seeding checkpoint at change-feed sequence `head` for each collection that has none
 * (or an unreadable one). Records written after `head` reach the till through the change feed.
 */
export async function startSeed(db: CatalogDb, head: number, nowMs: number): Promise<void> {
  await db.transaction("rw", db.checkpoints, async () => {
    const existing = await readCheckpoints(db);
    const missing = catalogCollections.filter((collection) => !existing.has(collection));
    await db.checkpoints.bulkPut(
      missing.map((collection) => ({
        collection,
        phase: "seeding",
        seedAfter: 0,
        feedSeq: head,
        serverTotal: null,
        updatedAtMs: nowMs,
      })),
    );
  });
}

export interface SnapshotPageWrite {
  collection: CatalogCollection;
  /**
   * The `after` the page was requested with. When set, the write fails unless the checkpoint
   * is still there, so a page never lands past a gap left by an earlier page that failed.
   */
  after?: number;
  records: { id: number }[];
  /** The id to continue after, or null when this was the last page. */
  nextAfter: number | null;
  total: number;
  nowMs: number;
}

/** The collection's state right after a snapshot page was stored. */
export interface StoredPage {
  checkpoint: Checkpoint;
  /** Records of the collection stored on the device, this page included. */
  stored: number;
}

/**
 * Stores one snapshot page and moves its checkpoint in the same transaction; returns the new
 * checkpoint and the stored count read in that transaction.
 */
export async function storeSnapshotPage(
  db: CatalogDb,
  page: SnapshotPageWrite,
): Promise<StoredPage> {
  const table = tableOf(db, page.collection);
  return db.transaction("rw", table.storage, db.checkpoints, async () => {
    // The puts are queued before the checkpoint is read, so their records are copied while the
    // previous page's transaction still commits. A failed check aborts the transaction, and
    // that undoes the puts.
    const reading = db.checkpoints.get(page.collection);
    const writing = table.bulkPut(page.records);
    writing.catch(() => undefined);
    const checkpoint = await reading;
    if (!checkpoint) {
      throw new Error(`no checkpoint for ${page.collection}; start the seed before storing pages`);
    }
    if (page.after !== undefined && checkpoint.seedAfter !== page.after) {
      throw new Error(
        `snapshot page of ${page.collection} after ${page.after} does not follow the stored ` +
          `checkpoint at ${checkpoint.seedAfter}; the run stops and resumes from the checkpoint`,
      );
    }
    await writing;
    const lastId = page.records.at(-1)?.id ?? checkpoint.seedAfter;
    const seedStored = await storedAfterPage(table, checkpoint, page);
    const moved: Checkpoint = {
      ...checkpoint,
      phase: page.nextAfter === null ? "following" : "seeding",
      seedAfter: page.nextAfter ?? lastId,
      serverTotal: page.total,
      updatedAtMs: page.nowMs,
      seedStored,
    };
    await db.checkpoints.put(moved);
    return { checkpoint: moved, stored: seedStored };
  });
}

/**
 * Returns the collection's stored count after a snapshot page. A snapshot page's ids all lie
 * after the previous page's, so the pages of one seed never store a record twice and their
 * sizes (counted by distinct id) add up. The last page counts the table itself, because "complete" compares that count
 * with the server's total, and so does a seed resumed from a checkpoint without the sum.
 */
async function storedAfterPage(
  table: { count(): PromiseLike<number> },
  checkpoint: Checkpoint,
  page: SnapshotPageWrite,
): Promise<number> {
  const before = checkpoint.seedStored ?? (checkpoint.seedAfter === 0 ? 0 : null);
  if (page.nextAfter === null || before === null) return table.count();
  return before + new Set(page.records.map((record) => record.id)).size;
}

export interface FeedChange {
  seq: number;
  collection: CatalogCollection;
  id: number;
  deleted: boolean;
  record?: { id: number };
}

export interface AppliedChanges {
  stored: number;
  deleted: number;
}

/** One page of the change feed. */
export interface FeedBatch {
  changes: FeedChange[];
  /** The sequence the batch brings every collection to. */
  next: number;
  /** The server's record count of the collections the batch changes, when it sent them. */
  totals?: Partial<Record<CatalogCollection, number>>;
}

/**
 * Applies a batch of the change feed and moves every checkpoint's `feedSeq` to `next` (and
 * `serverTotal` to the batch's totals) in one transaction. A change at or below a collection's
 * `feedSeq` is already covered and skipped.
 */
export async function applyFeedChanges(
  db: CatalogDb,
  { changes, next, totals = {} }: FeedBatch,
  nowMs: number,
): Promise<AppliedChanges> {
  const counts = { stored: 0, deleted: 0 };
  // Only the tables this batch writes are locked, so lookups in the others never wait on it.
  const collections = new Set(changes.map((change) => change.collection));
  const tables = [...collections].map((collection) => tableOf(db, collection).storage);
  await db.transaction("rw", [...tables, db.checkpoints], async () => {
    const checkpoints = await readCheckpoints(db);
    const uncovered = changes.filter(
      (change) => change.seq > (checkpoints.get(change.collection)?.feedSeq ?? 0),
    );
    for (const [collection, latest] of latestById(uncovered)) {
      await applyLatest(tableOf(db, collection), [...latest.values()], counts);
    }
    const moved = [...checkpoints.values()].map((checkpoint) => ({
      ...checkpoint,
      feedSeq: Math.max(checkpoint.feedSeq, next),
      serverTotal: totals[checkpoint.collection] ?? checkpoint.serverTotal,
      updatedAtMs: nowMs,
    }));
    await db.checkpoints.bulkPut(moved);
  });
  return counts;
}

/**
 * Groups changes by collection and keeps each record's last change, so a batch writes each
 * collection once. A chunked collection then rewrites each row once, not once per change.
 */
function latestById(
  changes: readonly FeedChange[],
): Map<CatalogCollection, Map<number, FeedChange>> {
  const grouped = new Map<CatalogCollection, Map<number, FeedChange>>();
  for (const change of changes) {
    const latest = grouped.get(change.collection) ?? new Map<number, FeedChange>();
    latest.delete(change.id);
    latest.set(change.id, change);
    grouped.set(change.collection, latest);
  }
  return grouped;
}

async function applyLatest(table: CollectionStore, changes: FeedChange[], counts: AppliedChanges) {
  const stored = changes.flatMap((change) =>
    change.deleted || !change.record ? [] : [change.record],
  );
  const deleted = changes.filter((change) => change.deleted || !change.record);
  if (deleted.length > 0) await table.bulkDelete(deleted.map((change) => change.id));
  if (stored.length > 0) await table.bulkPut(stored);
  counts.deleted += deleted.length;
  counts.stored += stored.length;
}

/**
 * Deletes a collection's stored records and its checkpoint in one transaction, so the next run
 * downloads that collection again. The checkpoints of the other collections are not touched.
 */
export async function clearCollection(db: CatalogDb, collection: CatalogCollection): Promise<void> {
  if (!(catalogCollections as readonly string[]).includes(collection)) {
    throw new RangeError(
      `unknown collection "${String(collection)}": use one of ${catalogCollections.join(", ")}`,
    );
  }
  const table = tableOf(db, collection);
  await db.transaction("rw", table.storage, db.checkpoints, async () => {
    await table.clear();
    await db.checkpoints.delete(collection);
  });
}
