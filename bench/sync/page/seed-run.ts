import {
  CatalogDb,
  SyncEngine,
  createCatalogPull,
  type CatalogPullOptions,
  type StoreKind,
} from "@pos/sync";
import type { WooClient } from "@pos/woo";
import { CatalogIndex } from "../../../apps/pos/src/search/catalog-index.js";
import { feedIndexFromWrites } from "../../../apps/pos/src/search/index-feed.js";
import { CustomerIndex } from "../../../apps/pos/src/customers/customer-index.js";
import type { FetchTiming } from "./bench-client.js";

export interface SeedResult {
  dbName: string;
  /** From `start()` until every collection is complete, stored and in the search index. */
  totalMs: number;
  /** From `start()` until the first product can be found by the search index. */
  firstSearchableMs: number | null;
  stored: Record<string, number>;
  indexed: number;
  errors: string[];
  /** Product snapshot pages, and how long storage sat idle waiting for the server's next page. */
  productPages: number;
  storageWaitedOnServerMs: number;
}

export interface SeedRun {
  db: CatalogDb;
  engine: SyncEngine;
  index: CatalogIndex;
  result: SeedResult;
}

/**
 * Seeds an empty catalogue database with the engine, indexing every stored product and
 * variation in the till's own search index (the Dexie middleware the till's worker uses).
 */
export async function runSeed(
  client: WooClient,
  kind: StoreKind,
  dbName: string,
  pullOptions: CatalogPullOptions,
  timings: FetchTiming[],
): Promise<SeedRun> {
  timings.length = 0;
  const db = new CatalogDb(dbName);
  const index = new CatalogIndex();
  const startedMs = performance.now();
  let firstSearchableMs: number | null = null;
  feedIndexFromWrites(db, { catalog: index, customers: new CustomerIndex() }, () => {
    if (firstSearchableMs !== null || index.size === 0) return;
    const probe = index.query({ text: "", categoryIds: null, limit: 1 })[0];
    if (probe) firstSearchableMs = performance.now() - startedMs;
  });

  const engine = new SyncEngine({ db, pull: createCatalogPull(client, kind, pullOptions) });
  const errors: string[] = [];
  const productsStoredMs: number[] = [];
  engine.on("progress", (event) => {
    if (event.collection === "products") productsStoredMs.push(performance.now());
  });
  engine.on("error", (event) => errors.push(`${event.kind}: ${event.error.message}`));
  const done = new Promise<void>((resolve) => {
    engine.on("idle", () => resolve());
    engine.on("error", () => resolve());
  });
  engine.start();
  await done;
  const totalMs = performance.now() - startedMs;
  await engine.stop();

  const stored: Record<string, number> = {};
  for (const entry of await engine.progress()) stored[entry.collection] = entry.stored;
  return {
    db,
    engine,
    index,
    result: {
      dbName,
      totalMs,
      firstSearchableMs,
      stored,
      indexed: index.size,
      errors,
      productPages: productsStoredMs.length,
      storageWaitedOnServerMs: idleStorageMs(timings, productsStoredMs),
    },
  };
}

/** Sums the gaps between one products page stored and the next page's response arriving. */
function idleStorageMs(timings: readonly FetchTiming[], storedMs: readonly number[]): number {
  const arrivedMs = timings
    .filter((timing) => timing.url.includes("snapshot/products"))
    .map((timing) => timing.headersMs);
  let idleMs = 0;
  for (let page = 1; page < storedMs.length; page++) {
    idleMs += Math.max(0, (arrivedMs[page] ?? 0) - (storedMs[page - 1] ?? 0));
  }
  return idleMs;
}
