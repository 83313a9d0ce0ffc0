import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CatalogDb } from "@pos/sync";
import { WooClient } from "@pos/woo";
import { readExchange, RecordedStore } from "./recorded-store.js";
import { searchServer } from "./server-search.js";

const search = readExchange(new URL("./fixtures/23-products-search.json", import.meta.url));
const bySku = readExchange(new URL("./fixtures/24-products-by-sku.json", import.meta.url));
const none = { request: { method: "GET", url: "" }, response: { status: 200, body: [] } };

let db: CatalogDb;
let store: RecordedStore;
let client: WooClient;

beforeEach(async () => {
  db = new CatalogDb(`catalog-test-${crypto.randomUUID()}`);
  store = new RecordedStore((_method, url) => {
    if (url.searchParams.get("search") === "hoodie") return search;
    if (url.searchParams.get("sku") === "woo-beanie") return bySku;
    return none;
  });
  client = new WooClient({ baseUrl: await store.listen(), maxAttempts: 1 });
});

afterEach(async () => {
  await store.close();
  await db.delete();
});

describe("searchServer", () => {
  it("stores the products the store finds by name", async () => {
    const stored = await searchServer(client, db, "hoodie");

    expect(stored).toBe(4);
    const names = (await db.products.toArray()).map((product) => product.name).sort();
    expect(names).toEqual([
      "Hoodie",
      "Hoodie with Logo",
      "Hoodie with Pocket",
      "Hoodie with Zipper",
    ]);
  });

  it("stores a product the store finds by exact SKU", async () => {
    const stored = await searchServer(client, db, "woo-beanie");

    expect(stored).toBe(1);
    expect(
      (await db.products.toArray()).filter((product) => product.sku === "woo-beanie").length,
    ).toBe(1);
  });

  it("asks by search and by SKU for published products", async () => {
    await searchServer(client, db, " hoodie ");

    const queries = store.seen.map((request) => request.url.searchParams);
    expect(queries.map((query) => query.get("search") ?? query.get("sku")).sort()).toEqual([
      "hoodie",
      "hoodie",
    ]);
    expect(queries.every((query) => query.get("status") === "publish")).toBe(true);
  });

  it("asks nothing for blank text", async () => {
    expect(await searchServer(client, db, "  ")).toBe(0);
    expect(store.seen).toEqual([]);
  });

  it("raises when the store fails and stores nothing", async () => {
    await store.close();

    await expect(searchServer(client, db, "hoodie")).rejects.toThrow();
    expect(await db.products.count()).toBe(0);
  });
});
