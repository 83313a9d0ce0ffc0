import { useEffect, useState } from "react";
import type { Product, Variation } from "@pos/core";
import type { CatalogDb } from "@pos/sync";
import { useTill } from "../till/till-context.js";
import type { CatalogHit } from "./catalog-index.js";

export type CatalogTile =
  | { kind: "product"; product: Product }
  | { kind: "variation"; variation: Variation; parent: Product };

const resultLimit = 60;

/**
 * Runs a search in the catalogue worker and reads the matching records from the catalogue
 * database. The search runs again whenever the worker's index changes, so results fill in
 * while the catalogue downloads.
 */
export function useCatalogSearch(
  text: string,
  categoryIds: readonly number[] | null,
): CatalogTile[] {
  const { catalogWorker, catalog } = useTill();
  const [tiles, setTiles] = useState<CatalogTile[]>([]);
  const [indexVersion, setIndexVersion] = useState(0);

  useEffect(
    () => catalogWorker.onIndexChange(() => setIndexVersion((v) => v + 1)),
    [catalogWorker],
  );

  useEffect(() => {
    let current = true;
    const search = async () => {
      const hits = await catalogWorker.search({ text, categoryIds, limit: resultLimit });
      const found = await readTiles(catalog, hits);
      if (current) setTiles(found);
    };
    void search();
    return () => {
      current = false;
    };
  }, [catalogWorker, catalog, text, categoryIds, indexVersion]);

  return tiles;
}

async function readTiles(db: CatalogDb, hits: CatalogHit[]): Promise<CatalogTile[]> {
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
