import type { CatalogIndex } from "../../../apps/pos/src/search/catalog-index.js";
import { findByCode } from "../../../apps/pos/src/scanner/find-by-code.js";
import { percentiles, type Percentiles } from "./percentiles.js";

export interface QueryResult {
  /**
   * The till's text search from its request to its result: the wait behind the sync's tasks
   * on the same thread (its IndexedDB callbacks and index updates) plus the query.
   */
  search: Percentiles;
  /** The query alone, without the wait. */
  searchCompute: Percentiles;
  /**
   * The till's scanner lookup on the index in memory, as the catalogue worker runs it (SKU,
   * then barcode as GTIN-14, variations before products), timed from request to result like
   * `search`.
   */
  barcode: Percentiles;
  /** The lookup alone, without the wait. */
  barcodeCompute: Percentiles;
  /** Barcode lookups that found nothing; should be 0. */
  barcodeMisses: number;
  /** Searches that found nothing; should be 0. */
  searchMisses: number;
}

/**
 * Times the till's text search and its scanner lookup (`findByCode`) in turn. Each one is asked
 * as a new task behind whatever the running sync has queued on this thread, the way a request
 * reaches the catalogue worker, and timed from the asking.
 */
export async function runQueries(
  index: CatalogIndex,
  texts: readonly string[],
  barcodes: readonly string[],
): Promise<QueryResult> {
  const search = { latency: [] as number[], compute: [] as number[] };
  const barcode = { latency: [] as number[], compute: [] as number[] };
  let searchMisses = 0;
  let barcodeMisses = 0;
  const count = Math.min(texts.length, barcodes.length);
  for (let i = 0; i < count; i++) {
    const text = texts[i] ?? "";
    let requestedMs = performance.now();
    await nextTask();
    let startedMs = performance.now();
    const hits = index.query({ text, categoryIds: null, limit: 60 });
    let doneMs = performance.now();
    search.latency.push(doneMs - requestedMs);
    search.compute.push(doneMs - startedMs);
    if (hits.length === 0) searchMisses++;

    const code = barcodes[i] ?? "";
    requestedMs = performance.now();
    await nextTask();
    startedMs = performance.now();
    const match = await findByCode(index, code);
    doneMs = performance.now();
    barcode.latency.push(doneMs - requestedMs);
    barcode.compute.push(doneMs - startedMs);
    if (match.kind === "notFound") barcodeMisses++;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return {
    search: percentiles(search.latency),
    searchCompute: percentiles(search.compute),
    barcode: percentiles(barcode.latency),
    barcodeCompute: percentiles(barcode.compute),
    barcodeMisses,
    searchMisses,
  };
}

/** Resolves in a new task queued behind the tasks already waiting, as a posted message does. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
