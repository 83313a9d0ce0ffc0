import { chunkRowsOf, type CatalogDb } from "@pos/sync";
import type { WooClient } from "@pos/woo";
import { CatalogIndex } from "../../../apps/pos/src/search/catalog-index.js";
import { compactProduct, compactVariation } from "../../../apps/pos/src/search/compact-record.js";
import { openBenchClient, type FetchTiming } from "./bench-client.js";
import { FollowRun } from "./follow-run.js";
import { runQueries } from "./query-run.js";
import { rawPut, type RawStore } from "./raw-put.js";
import { runSeed } from "./seed-run.js";
import { compareSearch } from "./tuned-search.js";

let client: WooClient | null = null;
const timings: FetchTiming[] = [];
let seeded: { db: CatalogDb; index: CatalogIndex } | null = null;
let follow: FollowRun | null = null;
/**
 * The global object, where `holdForHeap` keeps what it built until `dropHeld`, so the runner
 * can measure its heap. A module variable that is only written would be dropped by the bundler.
 */
const heldForHeap = globalThis as unknown as { benchHeld: unknown };

function requireClient(): WooClient {
  if (!client) throw new Error("call bench.login first");
  return client;
}

function requireSeeded() {
  if (!seeded) throw new Error("call bench.seedPos first");
  return seeded;
}

/** The steps the Node runner drives with `page.evaluate`, one at a time. */
const bench = {
  async login(username: string, password: string): Promise<void> {
    client = await openBenchClient(username, password, timings);
  },

  async seedPos(dbName: string, snapshotPageSize: number | undefined) {
    const options = snapshotPageSize === undefined ? {} : { snapshotPageSize };
    const run = await runSeed(requireClient(), "pos", dbName, options, timings);
    seeded = { db: run.db, index: run.index };
    return run.result;
  },

  async seedWoo(dbName: string) {
    const run = await runSeed(requireClient(), "woocommerce", dbName, {}, timings);
    run.db.close();
    return run.result;
  },

  /** Raw puts of the records the pos/v1 seed stored: without indexes, then with the same ones. */
  async rawPuts() {
    const { db } = requireSeeded();
    const records = {
      products: await db.products.toArray(),
      variations: await db.variations.toArray(),
      customers: await db.customers.toArray(),
    };
    const plain: RawStore[] = Object.entries(records).map(([name, list]) => ({
      name,
      records: list,
      indexes: [],
    }));
    const indexed: RawStore[] = [
      { name: "products", records: records.products, indexes: [] },
      { name: "variations", records: records.variations, indexes: [["parentId", "parentId"]] },
      { name: "customers", records: records.customers, indexes: [] },
    ];
    // The till's layout: products and customers in rows of many records, variations one a row.
    const layout: RawStore[] = [
      { name: "products", records: chunkRowsOf(records.products), indexes: [], keyPath: "bucket" },
      { name: "variations", records: records.variations, indexes: [["parentId", "parentId"]] },
      {
        name: "customers",
        records: chunkRowsOf(records.customers),
        indexes: [],
        keyPath: "bucket",
      },
    ];
    const withoutIndexes = await rawPut("bench-raw-put", plain);
    const withIndexes = await rawPut("bench-raw-put-indexed", indexed);
    const tillLayout = await rawPut("bench-raw-put-layout", layout);
    return { withoutIndexes, withIndexes, tillLayout };
  },

  async productIds(count: number): Promise<number[]> {
    const products = await requireSeeded().db.products.findAll(
      (product) => product.type === "simple",
    );
    return products.slice(0, count).map((product) => product.id);
  },

  async sampleQueries(count: number) {
    const products = await requireSeeded().db.products.toArray();
    const texts: string[] = [];
    const barcodes: string[] = [];
    for (let i = 0; i < count; i++) {
      const product = products[(i * 7919) % products.length];
      if (!product || product.barcode === "") continue;
      const words = product.name.toLowerCase().split(" ");
      // What a cashier types: a word and the start of another, or one word's prefix.
      const text =
        i % 3 === 0
          ? (words[0] ?? "").slice(0, 4)
          : `${words[1] ?? ""} ${(words.at(-1) ?? "").slice(0, 3)}`;
      texts.push(text);
      barcodes.push(product.barcode);
    }
    return { texts, barcodes };
  },

  startFollow(pollIntervalMs: number): void {
    follow = new FollowRun(requireClient(), requireSeeded().db, pollIntervalMs);
    follow.start();
  },

  watchPrices(ids: number[], regularPrice: string): void {
    if (!follow) throw new Error("call bench.startFollow first");
    follow.watch(ids, regularPrice);
  },

  followState() {
    if (!follow) throw new Error("call bench.startFollow first");
    return { ...follow.state };
  },

  async stopFollow(): Promise<void> {
    await follow?.stop();
  },

  async queries(texts: string[], barcodes: string[]) {
    const { index } = requireSeeded();
    return runQueries(index, texts, barcodes);
  },

  /** Compares the till's search with a tuned index on the same queries, with no sync running. */
  async compareSearch(texts: string[]) {
    const { db, index } = requireSeeded();
    return compareSearch(await db.products.toArray(), index, texts);
  },

  /** Reads the stored regular prices of some products, to check the changes arrived. */
  async regularPrices(ids: number[]): Promise<string[]> {
    const products = await requireSeeded().db.products.bulkGet(ids);
    return products.map((product) => product?.regularPrice ?? "missing");
  },

  /**
   * Builds, from the stored records, the till's search index (as the worker's `loadIndex`
   * does) or only a map of the records, and keeps it, so the runner can read the heap with and
   * without it.
   */
  async holdForHeap(kind: "index" | "records"): Promise<number> {
    const { db } = requireSeeded();
    if (kind === "records") {
      const records = new Map<number, unknown>();
      for (const product of await db.products.toArray()) {
        records.set(product.id, compactProduct(product));
      }
      for (const variation of await db.variations.toArray()) {
        records.set(-variation.id, compactVariation(variation));
      }
      heldForHeap.benchHeld = records;
      return records.size;
    }
    const index = new CatalogIndex();
    index.putCategories(await db.categories.toArray());
    index.putTags(await db.tags.toArray());
    index.putProducts(await db.products.toArray());
    index.putVariations(await db.variations.toArray());
    heldForHeap.benchHeld = index;
    return index.size;
  },

  dropHeld(): void {
    heldForHeap.benchHeld = null;
  },

  /** Drops the seeded catalogue and search index so the heap holds only the baseline run. */
  release(): void {
    seeded?.db.close();
    seeded = null;
  },
};

export type Bench = typeof bench;
(globalThis as unknown as { bench: Bench }).bench = bench;
