import type { CatalogDb } from "@pos/sync";
import type { CatalogIndex } from "../../../apps/pos/src/search/catalog-index.js";
import { findByCode } from "../../../apps/pos/src/scanner/find-by-code.js";
import { percentiles, type Percentiles } from "./percentiles.js";

export interface QueryResult {
  search: Percentiles;
  /**
   * The till's scanner lookup on the index in memory, as the catalogue worker runs it: SKU,
   * then barcode as GTIN-14, variations before products.
   */
  barcode: Percentiles;
  /** The same lookup on the catalogue database: IndexedDB reads of both tables. */
  findByCodeInDb: Percentiles;
  /** One exact read of the products' barcode index in IndexedDB. */
  barcodeInDb: Percentiles;
  /** Barcode lookups that found nothing; should be 0. */
  barcodeMisses: number;
  /** Searches that found nothing; should be 0. */
  searchMisses: number;
}

/**
 * Times the till's text search, its scanner lookup (`findByCode`) on the index and on the
 * database, and an exact read of the barcode index in IndexedDB in turn. It yields to the
 * event loop between them so a running sync keeps going.
 */
export async function runQueries(
  db: CatalogDb,
  index: CatalogIndex,
  texts: readonly string[],
  barcodes: readonly string[],
): Promise<QueryResult> {
  const searchMs: number[] = [];
  const barcodeMs: number[] = [];
  const findByCodeInDbMs: number[] = [];
  const barcodeInDbMs: number[] = [];
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
    const match = await findByCode(index, code);
    barcodeMs.push(performance.now() - startedMs);
    if (match.kind === "notFound") barcodeMisses++;

    startedMs = performance.now();
    const matchInDb = await findByCode(db, code);
    findByCodeInDbMs.push(performance.now() - startedMs);
    if (matchInDb.kind === "notFound") barcodeMisses++;

    startedMs = performance.now();
    const product = await db.products.where("barcode").equals(code).first();
    barcodeInDbMs.push(performance.now() - startedMs);
    if (!product) barcodeMisses++;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    search: percentiles(searchMs),
    barcode: percentiles(barcodeMs),
    findByCodeInDb: percentiles(findByCodeInDbMs),
    barcodeInDb: percentiles(barcodeInDbMs),
    barcodeMisses,
    searchMisses,
  };
}
