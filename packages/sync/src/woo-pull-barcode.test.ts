import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CatalogCollection } from "@pos/core";
import { parseBarcodeSource, WooClient } from "@pos/woo";
import type { CatalogDb, Checkpoint } from "./catalog-db.js";
import { SyncEngine } from "./sync-engine.js";
import type { SyncEventMap } from "./sync-events.js";
import { createCatalogPull } from "./store-kind.js";
import { WooTestServer } from "./test-support/woo-test-server.js";
import { openTestDb, uniqueDbName } from "./test-support/test-db.js";

let server: WooTestServer;
let client: WooClient;
let sourceText: string;
let nowMs: number;
const metaBarcode = "5012345678900";
const otherBarcode = "4006381333931";
const opened: CatalogDb[] = [];

beforeEach(async () => {
  server = new WooTestServer();
  client = new WooClient({ baseUrl: await server.listen(), maxAttempts: 1 });
  sourceText = "global_unique_id";
  nowMs = 1_000_000;
  const products = server.route("wc/v3/products");
  products.set(15, {
    ...products.get(15)!,
    global_unique_id: "4006381333931",
    meta_data: [{ id: 1, key: "_ean", value: metaBarcode }],
  });
});

afterEach(async () => {
  for (const db of opened.splice(0)) db.close();
  await server.close();
});

/**
 * Starts an engine whose pull reads the barcode source from `sourceText` at each run, on a
 * clock that stays at `nowMs`, and audits once a minute of that clock has passed since its
 * first run.
 */
function startEngine(db: CatalogDb) {
  opened.push(db);
  const pull = createCatalogPull(client, "woocommerce", {
    auditIntervalMs: 60_000,
    readBarcodeSource: () => Promise.resolve(parseBarcodeSource(sourceText)),
  });
  const engine = new SyncEngine({ db, pull, now: () => nowMs });
  const errors: SyncEventMap["error"][] = [];
  engine.on("error", (event) => errors.push(event));
  engine.start();
  return { engine, errors };
}

const seedListings = (route: string) =>
  server.requests.filter(
    (url) =>
      url.pathname === `/wp-json/${route}` &&
      url.searchParams.get("orderby") === "id" &&
      !url.searchParams.has("_fields"),
  ).length;

describe("WooPull barcode source", () => {
  it("maps the global unique id by default", async () => {
    const db = openTestDb(uniqueDbName());
    const { engine, errors } = startEngine(db);

    await engine.settled();
    await engine.stop();

    expect(errors).toEqual([]);
    expect((await db.products.get(15))?.barcode).toBe("4006381333931");
  });

  it.each([
    ["sku", "woo-beanie"],
    ["meta:_ean", metaBarcode],
    ["meta:_missing", ""],
  ])("maps barcodes from %s", async (text, expected) => {
    sourceText = text;
    const db = openTestDb(uniqueDbName());
    const { engine } = startEngine(db);

    await engine.settled();
    await engine.stop();

    expect((await db.products.get(15))?.barcode).toBe(expected);
  });

  it("maps variations when seeding, polling and auditing", async () => {
    sourceText = "sku";
    const db = openTestDb(uniqueDbName());
    const { engine } = startEngine(db);

    await engine.settled();
    expect((await db.variations.get(27))?.barcode).toBe((await db.variations.get(27))?.sku);
    sourceText = "meta:_ean";
    const vneck = server.variations.get(11)!;
    vneck.set(27, { ...vneck.get(27)!, meta_data: [{ id: 2, key: "_ean", value: metaBarcode }] });
    const products = server.route("wc/v3/products");
    products.set(11, { ...products.get(11)!, date_modified_gmt: "2026-12-04T16:00:00" });
    engine.pokeNow();
    await engine.settled();
    expect((await db.variations.get(27))?.barcode).toBe(metaBarcode);
    vneck.set(27, { ...vneck.get(27)!, meta_data: [{ id: 2, key: "_ean", value: otherBarcode }] });
    nowMs += 60_000;
    engine.pokeNow();
    await engine.settled();
    await engine.stop();

    expect((await db.variations.get(27))?.barcode).toBe(otherBarcode);
  });

  it("maps polled products with the current source", async () => {
    const db = openTestDb(uniqueDbName());
    const { engine } = startEngine(db);
    await engine.settled();
    sourceText = "meta:_ean";
    const products = server.route("wc/v3/products");
    products.set(15, { ...products.get(15)!, date_modified_gmt: "2026-12-04T16:00:00" });

    engine.pokeNow();
    await engine.settled();
    await engine.stop();

    expect((await db.products.get(15))?.barcode).toBe(metaBarcode);
  });

  it("re-maps products after a reset, leaving other collections", async () => {
    const db = openTestDb(uniqueDbName());
    const { engine, errors } = startEngine(db);
    await engine.settled();
    const untouched: CatalogCollection[] = [
      "tax_rates",
      "categories",
      "tags",
      "coupons",
      "customers",
    ];
    const before = await checkpointsOf(db, untouched);
    const customerSeeds = seedListings("wc/v3/customers");
    sourceText = "meta:_ean";

    await engine.resetCollection("products");
    await engine.resetCollection("variations");
    await engine.settled();
    await engine.stop();

    expect(errors).toEqual([]);
    expect((await db.products.get(15))?.barcode).toBe(metaBarcode);
    expect(await db.products.count()).toBe(100);
    expect(await db.variations.count()).toBe(7);
    expect(await checkpointsOf(db, untouched)).toEqual(before);
    expect(seedListings("wc/v3/customers")).toBe(customerSeeds);
  });
});

async function checkpointsOf(db: CatalogDb, collections: CatalogCollection[]) {
  const rows = await db.checkpoints.bulkGet(collections);
  return rows.map((row: Checkpoint | undefined) => row && { ...row, updatedAtMs: 0 });
}
