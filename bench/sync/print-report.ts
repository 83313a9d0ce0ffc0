import type { Percentiles } from "./page/percentiles.js";
import type { RawPutResult } from "./page/raw-put.js";
import type { SeedResult } from "./page/seed-run.js";
import type { SearchComparison } from "./page/tuned-search.js";

export interface BenchFigures {
  machine: { cpus: number; memoryGb: number; chromium: string };
  size: { products: number; variations: number; customers: number };
  seed: SeedResult;
  raw: { withoutIndexes: RawPutResult; withIndexes: RawPutResult; tillLayout: RawPutResult };
  woo: SeedResult | null;
  heapUsedBytes: number;
  /**
   * Heap of a search index built from the stored records, with the records it retains, and of
   * a plain map of the same records. The difference is the index's own structures.
   */
  indexHeap: { indexBytes: number; recordsBytes: number };
  idle: { bytes: number; requests: number };
  change: {
    count: number;
    arrived: number;
    afterLastWriteMs: number | null;
    afterFirstWriteMs: number | null;
    errors: string[];
  };
  queries: {
    search: Percentiles;
    barcode: Percentiles;
    searchCompute: Percentiles;
    barcodeCompute: Percentiles;
    searchMisses: number;
    barcodeMisses: number;
  };
  searchComparison: SearchComparison;
}

const seconds = (ms: number | null) => (ms === null ? "n/a" : `${(ms / 1000).toFixed(2)} s`);
const millis = (ms: number) => `${ms.toFixed(2)} ms`;
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

/** Prints the figures of one run with each target, its ratio and whether it is met. */
export function printReport(figures: BenchFigures, log: (line: string) => void): void {
  const { seed, raw, woo, change, queries, idle } = figures;
  const records = figures.size.products + figures.size.variations + figures.size.customers;
  const rawRatio = seed.totalMs / raw.withoutIndexes.totalMs;
  const indexMb = figures.indexHeap.indexBytes / 2 ** 20;
  const recordsMb = figures.indexHeap.recordsBytes / 2 ** 20;
  const idleBytesPerPoll = idle.requests === 0 ? NaN : idle.bytes / idle.requests;
  const heapMb = figures.heapUsedBytes / 2 ** 20;
  const lines: [string, string, string][] = [
    [
      "seed via pos/v1, cold, stored + searchable",
      seconds(seed.totalMs),
      `${(records / (seed.totalMs / 1000)).toFixed(0)} records/s`,
    ],
    ["raw IndexedDB put, no secondary index", seconds(raw.withoutIndexes.totalMs), ""],
    ["raw IndexedDB put, the till's 1 index (parentId)", seconds(raw.withIndexes.totalMs), ""],
    ["seed / raw put (target <= 1.5)", rawRatio.toFixed(2), verdict(rawRatio <= 1.5)],
    [
      "  raw put in the till's layout (rows of products, customers)",
      seconds(raw.tillLayout.totalMs),
      "",
    ],
  ];
  if (woo) {
    const wooRatio = woo.totalMs / seed.totalMs;
    lines.push(["seed via wc/v3 paging, per_page=100", seconds(woo.totalMs), ""]);
    lines.push(["wc/v3 / pos/v1 (target >= 10)", wooRatio.toFixed(1), verdict(wooRatio >= 10)]);
  }
  const first = seed.firstSearchableMs;
  lines.push(
    [
      "first product searchable (target <= 2 s)",
      seconds(first),
      verdict(first !== null && first <= 2000),
    ],
    [
      `${change.count} changes on device after last write (<= 5 s)`,
      seconds(change.afterLastWriteMs),
      verdict(change.arrived === change.count && (change.afterLastWriteMs ?? Infinity) <= 5000),
    ],
    [
      `  ... after first write; ${change.arrived} of ${change.count} verified`,
      seconds(change.afterFirstWriteMs),
      "",
    ],
    [
      `idle poll bytes on the wire (<= 1024), ${idle.requests} polls`,
      idleBytesPerPoll.toFixed(0),
      verdict(idleBytesPerPoll <= 1024),
    ],
    [
      "JS heap with the catalogue loaded (<= 250 MB)",
      `${heapMb.toFixed(1)} MB`,
      verdict(heapMb <= 250),
    ],
    [
      `search p95 while syncing (<= 16 ms), p50 ${millis(queries.search.p50Ms)}`,
      millis(queries.search.p95Ms),
      verdict(queries.search.p95Ms <= 16 && queries.searchMisses === 0),
    ],
    [
      `search index heap with its records (<= 60 MB)`,
      `${indexMb.toFixed(1)} MB`,
      verdict(indexMb <= 60),
    ],
    [`  of which the records alone (a map of them)`, `${recordsMb.toFixed(1)} MB`, ""],
    [
      `barcode p95 while syncing (<= 2 ms), p50 ${millis(queries.barcode.p50Ms)}`,
      millis(queries.barcode.p95Ms),
      verdict(queries.barcode.p95Ms <= 2 && queries.barcodeMisses === 0),
    ],
    [
      `  search p95 without the wait behind sync, p50 ${millis(queries.searchCompute.p50Ms)}`,
      millis(queries.searchCompute.p95Ms),
      "",
    ],
    [
      `  barcode p95 without the wait behind sync, p50 ${millis(queries.barcodeCompute.p50Ms)}`,
      millis(queries.barcodeCompute.p95Ms),
      "",
    ],
    [
      `  search p95, sync stopped: till's index; p50 ${millis(figures.searchComparison.till.p50Ms)}`,
      millis(figures.searchComparison.till.p95Ms),
      "",
    ],
    [
      `  search p95, sync stopped: tuned index; p50 ${millis(figures.searchComparison.tuned.p50Ms)}`,
      millis(figures.searchComparison.tuned.p95Ms),
      `${figures.searchComparison.tunedMisses} misses`,
    ],
  );

  const { machine, size } = figures;
  log("");
  log(
    `Sync benchmark: ${size.products} products, ${size.variations} variations, ` +
      `${size.customers} customers; ${machine.cpus} CPUs, ${machine.memoryGb.toFixed(0)} GB, ` +
      `Chromium ${machine.chromium}`,
  );
  for (const [label, value, note] of lines)
    log(`${label.padEnd(58)} ${value.padStart(10)}  ${note}`);
  log(`stored: ${JSON.stringify(seed.stored)}; indexed ${seed.indexed}`);
  log(
    `pos/v1 products: ${seed.productPages} pages; storage idle waiting for the server ` +
      `${seconds(seed.storageWaitedOnServerMs)}`,
  );
  if (woo) log(`stored via wc/v3: ${JSON.stringify(woo.stored)}`);
  const errors = [...seed.errors, ...(woo?.errors ?? []), ...change.errors];
  if (errors.length > 0) log(`errors: ${errors.join("; ")}`);
  log(`search misses ${queries.searchMisses}, barcode misses ${queries.barcodeMisses}`);
}
