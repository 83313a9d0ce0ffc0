import { parseArgs } from "node:util";
import type { Product } from "@pos/core";
import { CatalogIndex } from "../../../apps/pos/src/search/catalog-index.js";
import { findByCode } from "../../../apps/pos/src/scanner/find-by-code.js";
import { percentiles, type Percentiles } from "../page/percentiles.js";
import { catalogueRecords, type CatalogueRecords } from "./catalogue-records.js";

/** The members of the index this benchmark drives. */
type SearchIndex = Pick<
  CatalogIndex,
  "putProducts" | "putVariations" | "putCategories" | "putTags" | "query"
>;

const pageSize = 2_000;

/**
 * Measures the till's catalogue index in one Node process: build time, retained heap, and query
 * times alone and with a change feed of price updates between queries. Run with `--expose-gc`
 * so the heap figures are taken after a full collection.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      products: { type: "string", default: "100000" },
      variations: { type: "string", default: "10000" },
      queries: { type: "string", default: "300" },
      seed: { type: "string", default: "20261204" },
    },
  });
  const records = catalogueRecords(Number(values.seed), {
    products: Number(values.products),
    variations: Number(values.variations),
    customers: 0,
  });
  const { texts, barcodes } = sampleQueries(records.products, Number(values.queries));
  console.log(
    `Index benchmark: ${records.products.length} products, ${records.variations.length} ` +
      `variations, ${texts.length} queries; Node ${process.version}`,
  );

  const rows: Record<string, Measured> = {};
  rows.current = await measure(() => new CatalogIndex(), records, texts);
  print(rows);

  const index = new CatalogIndex();
  build(index, records);
  const lookupMs: number[] = [];
  let misses = 0;
  for (const code of barcodes) {
    const startedMs = performance.now();
    const match = await findByCode(index, code);
    lookupMs.push(performance.now() - startedMs);
    if (match.kind === "notFound") misses++;
  }
  const lookup = percentiles(lookupMs);
  console.log(
    `findByCode on the index    p50 ${lookup.p50Ms.toFixed(3)} ms  ` +
      `p95 ${lookup.p95Ms.toFixed(3)} ms  misses ${misses}`,
  );
}

interface Measured {
  buildMs: number;
  heapMb: number;
  alone: Percentiles;
  syncing: Percentiles;
  hits: number;
}

async function measure(
  create: () => SearchIndex,
  records: CatalogueRecords,
  texts: readonly string[],
): Promise<Measured> {
  const heapBefore = await settledHeap();
  const startedMs = performance.now();
  // Each page is a fresh copy, as records read from IndexedDB are, so the index retains them.
  const index = create();
  build(index, records, structuredClone);
  const buildMs = performance.now() - startedMs;
  const heapMb = ((await settledHeap()) - heapBefore) / 2 ** 20;

  let hits = 0;
  const aloneMs = texts.map((text) => {
    const queryStartedMs = performance.now();
    hits += index.query({ text, categoryIds: null, limit: 60 }).length;
    return performance.now() - queryStartedMs;
  });

  // A change feed of price updates: 20 products change between queries, as a page of the
  // feed does, and the query after them pays for whatever the index rebuilds.
  const syncingMs = texts.map((text, at) => {
    const changed = records.products
      .slice((at * 20) % records.products.length, ((at * 20) % records.products.length) + 20)
      .map((product) => ({ ...product, regularPrice: `${at}.00`, price: `${at}.00` }));
    index.putProducts(changed);
    const queryStartedMs = performance.now();
    index.query({ text, categoryIds: null, limit: 60 });
    return performance.now() - queryStartedMs;
  });

  return {
    buildMs,
    heapMb,
    alone: percentiles(aloneMs),
    syncing: percentiles(syncingMs),
    hits,
  };
}

function build(
  index: SearchIndex,
  records: CatalogueRecords,
  copy: <T>(value: T) => T = (value) => value,
): void {
  index.putCategories(records.categories);
  index.putTags(records.tags);
  for (let at = 0; at < records.products.length; at += pageSize) {
    index.putProducts(copy(records.products.slice(at, at + pageSize)));
  }
  for (let at = 0; at < records.variations.length; at += pageSize) {
    index.putVariations(copy(records.variations.slice(at, at + pageSize)));
  }
}

/** Samples the queries of the browser benchmark: a word and the start of another, or a prefix. */
function sampleQueries(products: readonly Product[], count: number) {
  const texts: string[] = [];
  const barcodes: string[] = [];
  for (let i = 0; i < count; i++) {
    const product = products[(i * 7919) % products.length];
    if (!product || product.barcode === "") continue;
    const words = product.name.toLowerCase().split(" ");
    const text =
      i % 3 === 0
        ? (words[0] ?? "").slice(0, 4)
        : `${words[1] ?? ""} ${(words.at(-1) ?? "").slice(0, 3)}`;
    texts.push(text);
    barcodes.push(product.barcode);
  }
  return { texts, barcodes };
}

async function settledHeap(): Promise<number> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("run with node --expose-gc so the heap can be measured");
  for (let round = 0; round < 3; round++) {
    collect();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return process.memoryUsage().heapUsed;
}

function print(rows: Record<string, Measured>): void {
  const format = (value: number) => value.toFixed(2).padStart(8);
  console.log("index      build s   heap MB   p50 ms   p95 ms   p50 sync  p95 sync   hits");
  for (const [name, row] of Object.entries(rows)) {
    console.log(
      `${name.padEnd(9)} ${format(row.buildMs / 1000)} ${format(row.heapMb)} ` +
        `${format(row.alone.p50Ms)} ${format(row.alone.p95Ms)} ${format(row.syncing.p50Ms)} ` +
        `${format(row.syncing.p95Ms)}  ${row.hits}`,
    );
  }
  const { baseline, current } = rows;
  if (!baseline || !current) return;
  console.log(
    `current / baseline: heap ${(current.heapMb / baseline.heapMb).toFixed(2)}, ` +
      `p95 ${(current.alone.p95Ms / baseline.alone.p95Ms).toFixed(2)}, ` +
      `p95 while syncing ${(current.syncing.p95Ms / baseline.syncing.p95Ms).toFixed(2)}`,
  );
}

await main();
