import { useEffect, useState } from "react";
import type { Product, Variation } from "@pos/core";
import type { CatalogDb } from "@pos/sync";
import { useTill } from "../till/till-context.js";
import type { CatalogHit, CatalogQuery } from "./catalog-index.js";

export type CatalogTile =
  | { kind: "product"; product: Product }
  | { kind: "variation"; variation: Variation; parent: Product };

const noCodes = new Int32Array(0);

/** Enough for every product of a large store; the grid renders only the rows on screen. */
const resultLimit = 250_000;

export interface CatalogSearch {
  /** Product ids, and variation ids negated, in the order to list them. */
  codes: Int32Array;
  /** False until the worker answered the current query. */
  settled: boolean;
  /** Changes whenever the index changed, so records read for the hits can be read again. */
  indexVersion: number;
}

/**
 * Runs a search in the catalogue worker. The search runs again whenever the worker's index
 * changes, so results fill in while the catalogue downloads.
 */
export function useCatalogSearch(query: Omit<CatalogQuery, "limit">): CatalogSearch {
  const { catalogWorker } = useTill();
  const [result, setResult] = useState<{ key: string; codes: Int32Array } | null>(null);
  const [indexVersion, setIndexVersion] = useState(0);
  const key = JSON.stringify(query);

  useEffect(
    () => catalogWorker.onIndexChange(() => setIndexVersion((v) => v + 1)),
    [catalogWorker],
  );

  useEffect(() => {
    let current = true;
    const parsed = JSON.parse(key) as Omit<CatalogQuery, "limit">;
    void catalogWorker.search({ ...parsed, limit: resultLimit }).then((codes) => {
      if (current) setResult({ key, codes });
    });
    return () => {
      current = false;
    };
  }, [catalogWorker, key, indexVersion]);

  return {
    codes: result?.codes ?? noCodes,
    settled: result?.key === key,
    indexVersion,
  };
}

/** Reads the products and variations of some hits, skipping hits whose records are gone. */
export async function readTiles(db: CatalogDb, hits: CatalogHit[]): Promise<CatalogTile[]> {
  const productIds = hits.filter((hit) => hit.kind === "product").map((hit) => hit.id);
  const variationIds = hits.filter((hit) => hit.kind === "variation").map((hit) => hit.id);
  const variations = await db.variations.bulkGet(variationIds);
  const parentIds = variations.flatMap((variation) => (variation ? [variation.parentId] : []));
  const products = await db.products.bulkGet([...productIds, ...parentIds]);

  const productById = new Map(products.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const variationById = new Map(variations.flatMap((v) => (v ? [[v.id, v] as const] : [])));
  return hits.flatMap((hit): CatalogTile[] => {
    if (hit.kind === "product") {
      const product = productById.get(hit.id);
      return product ? [{ kind: "product", product }] : [];
    }
    const variation = variationById.get(hit.id);
    const parent = variation && productById.get(variation.parentId);
    return variation && parent ? [{ kind: "variation", variation, parent }] : [];
  });
}

export function hitKey(hit: CatalogHit): string {
  return `${hit.kind}:${hit.id}`;
}

export function tileKey(tile: CatalogTile): string {
  return tile.kind === "product" ? `product:${tile.product.id}` : `variation:${tile.variation.id}`;
}
