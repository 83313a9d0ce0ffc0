import {
  readCheckpoints,
  readLastSyncAtMs,
  readProgress,
  readStorageHealth,
  type CatalogDb,
  type StorageHealth,
} from "@pos/sync";
import type { LogRow, SalesDb } from "../db/sales-db.js";
import { collectionRows, type CollectionHealth } from "./health-figures.js";

/** Number of recent sync errors Store health lists. */
export const shownSyncErrors = 5;

/** The figures Store health shows, read together. */
export interface StoreHealthReport {
  storage: StorageHealth;
  collections: CollectionHealth[];
  lastSyncAtMs: number | null;
  /** Outbox records waiting to be sent (pending or sending) and parked by the store. */
  outbox: { pending: number; parked: number };
  /** The newest sync errors from the till's log, newest first. */
  syncErrors: LogRow[];
}

/** Reads every figure of Store health; an IndexedDB failure rejects with that error. */
export async function readStoreHealth(
  catalog: CatalogDb,
  salesDb: SalesDb,
): Promise<StoreHealthReport> {
  const [storage, progress, checkpoints, lastSyncAtMs, outbox, syncErrors] = await Promise.all([
    readStorageHealth(),
    readProgress(catalog),
    readCheckpoints(catalog),
    readLastSyncAtMs(catalog),
    countOutbox(salesDb),
    readSyncErrors(salesDb),
  ]);
  return {
    storage,
    collections: collectionRows(progress, checkpoints),
    lastSyncAtMs,
    outbox,
    syncErrors,
  };
}

/** Counts the outbox records by state from the sales database's outbox table. */
export async function countOutbox(salesDb: SalesDb): Promise<StoreHealthReport["outbox"]> {
  const [pending, parked] = await Promise.all([
    salesDb.outbox.where("state").anyOf(["pending", "sending"]).count(),
    salesDb.outbox.where("state").equals("parked").count(),
  ]);
  return { pending, parked };
}

/** Returns the newest log entries written for sync failures ("sync: …"), newest first. */
export async function readSyncErrors(salesDb: SalesDb): Promise<LogRow[]> {
  return salesDb.log
    .orderBy("id")
    .reverse()
    .filter((row) => row.level !== "info" && row.message.startsWith("sync: "))
    .limit(shownSyncErrors)
    .toArray();
}
