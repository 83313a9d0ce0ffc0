import type { Product, Variation } from "@pos/core";
import {
  listAll,
  mapWcVariation,
  wcVariationSchema,
  type ProductMapOptions,
  type WooClient,
} from "@pos/woo";
import type { CatalogDb } from "./catalog-db.js";

/**
 * Reads every variation of a variable product. A variation that is not published (WooCommerce
 * sends a disabled variation as "private") is left out, so it leaves the till. `options` decide
 * how they are mapped, such as where barcodes come from.
 */
export async function fetchVariations(
  client: WooClient,
  parent: Product,
  signal: AbortSignal,
  options: ProductMapOptions = {},
): Promise<Variation[]> {
  const wires = await listAll(
    client,
    `wc/v3/products/${parent.id}/variations`,
    wcVariationSchema,
    { orderby: "id", order: "asc" },
    signal,
  );
  return wires
    .filter((wire) => wire.status === "publish")
    .map((wire) => mapWcVariation(wire, parent, options));
}

export interface ParentVariations {
  parentId: number;
  variations: Variation[];
  /** Moves the variations seed past this parent in the same transaction. */
  seedAfter?: number;
  /**
   * The variation count of every stored variable product, when the caller has counted it.
   * Unset, it is counted by reading every product, so a loop over all parents passes it.
   */
  variationTotal?: number;
  nowMs: number;
}

/** Replaces the stored variations of one parent with `variations` in one transaction. */
export async function storeVariationsOf(db: CatalogDb, entry: ParentVariations) {
  return db.transaction("rw", db.variations, db.products.storage, db.checkpoints, async () => {
    const stale = await db.variations.where("parentId").equals(entry.parentId).primaryKeys();
    const keep = new Set(entry.variations.map((variation) => variation.id));
    const gone = stale.filter((id) => !keep.has(id));
    await db.variations.bulkDelete(gone);
    await db.variations.bulkPut(entry.variations);
    await moveVariationCheckpoint(db, entry);
    return { stored: entry.variations.length, deleted: gone.length };
  });
}

async function moveVariationCheckpoint(db: CatalogDb, entry: ParentVariations) {
  const checkpoint = await db.checkpoints.get("variations");
  if (!checkpoint) return;
  const total = entry.variationTotal ?? variationTotalOf(await variableProducts(db));
  await db.checkpoints.put({
    ...checkpoint,
    seedAfter: entry.seedAfter ?? checkpoint.seedAfter,
    serverTotal: total,
    updatedAtMs: entry.nowMs,
  });
}

export function variableProducts(db: CatalogDb): Promise<Product[]> {
  return db.products.findAll((product) => product.type === "variable");
}

/** Counts the variations the server lists for `parents`, the variations collection's total. */
export function variationTotalOf(parents: readonly Product[]): number {
  return parents.reduce((sum, parent) => sum + parent.variationIds.length, 0);
}
