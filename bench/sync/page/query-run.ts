import type { CatalogDb } from "@pos/sync";
import type { CatalogIndex } from "../../../apps/pos/src/search/catalog-index.js";
import { findByCode } from "../../../apps/pos/src/scanner/find-by-code.js";
import { percentiles, type Percentiles } from "./percentiles.js";

export interface QueryResult {
  search: Percentiles;
  /** One exact lookup on the products' barcode index. */
  barcode: Percentiles;
  /** The till's scanner lookup: SKU, then barcode as GTIN-14, variations before products. */
  findByCode: Percentiles;
  /** Barcode lookups that found nothing; should be 0. */
  barcodeMisses: number;
  /** Searches that found nothing; should be 0. */
  searchMisses: number;
}

/**
 * Times the till's text search (its MiniSearch index), an exact barcode lookup and the till's
 * scanner lookup (`findByCode`) in turn, yielding to the event loop between them
 * so a running sync keeps going.
 */
export async function runQueries(
  db: CatalogDb,
  index: CatalogIndex,
  texts: readonly string[],
  barcodes: readonly string[],
): Promise<QueryResult> {
  const searchMs: number[] = [];
  const barcodeMs: number[] = [];
  const findByCodeMs: number[] = [];
  let searchMisses = 0;
  let barcodeMisses = 0;
  const count = Math.min(texts.length, barcodes.length);
  for (let i = 0; i < count; i++) {
    const text = texts[i] ?? "";
    let startedMs = performance.now();
    const hits = index.query({ text, categoryIds: null, limit: 60 });
    searchMs.push(performance.now() - startedMs);
    if (hits.length === 0) searchMisses++;

    const code = barcodes[i] ?? "";
    startedMs = performance.now();
    const product = await db.products.where("barcode").equals(code).first();
    barcodeMs.push(performance.now() - startedMs);
    if (!product) barcodeMisses++;

    startedMs = performance.now();
    const match = await findByCode(db, code);
    findByCodeMs.push(performance.now() - startedMs);
    if (match.kind === "notFound") barcodeMisses++;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    search: percentiles(searchMs),
    barcode: percentiles(barcodeMs),
    findByCode: percentiles(findByCodeMs),
    barcodeMisses,
    searchMisses,
  };
}
