import { catalogCollections, type CatalogCollection } from "@pos/core";
import type { CatalogDb } from "./catalog-db.js";
import { tableOf } from "./catalog-tables.js";
import { readCheckpoints } from "./checkpoint-store.js";
import type { CollectionProgress } from "./sync-events.js";

/**
 * Reads "x of y" for `collections` (every collection by default): the stored count against the server's total. A
 * collection is complete only when it follows the feed and the counts are equal.
 */
export async function readProgress(
  db: CatalogDb,
  collections: readonly CatalogCollection[] = catalogCollections,
): Promise<CollectionProgress[]> {
  const checkpoints = await readCheckpoints(db);
  const progress: CollectionProgress[] = [];
  for (const collection of collections) {
    const checkpoint = checkpoints.get(collection);
    const stored = await tableOf(db, collection).count();
    const total = checkpoint?.serverTotal ?? null;
    const phase = checkpoint?.phase ?? "seeding";
    progress.push({
      collection,
      phase,
      stored,
      total,
      complete: phase === "following" && total === stored,
    });
  }
  return progress;
}
