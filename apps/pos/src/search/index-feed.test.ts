import "fake-indexeddb/auto";
import { afterEach, describe, expect, it } from "vitest";
import { CatalogDb } from "@pos/sync";
import { CustomerIndex } from "../customers/customer-index.js";
import { customer } from "../customers/test-customers.js";
import { CatalogIndex } from "./catalog-index.js";
import {
  applyStoredChange,
  feedIndexFromWrites,
  loadIndex,
  type SearchIndexes,
  type StoredChange,
} from "./index-feed.js";
import { product } from "./test-catalog.js";

const opened: CatalogDb[] = [];

function newIndexes(): SearchIndexes {
  return { catalog: new CatalogIndex(), customers: new CustomerIndex() };
}

/**
 * Two connections to one database, as two tabs' workers have: the writer's middleware reports
 * its writes and the reader re-reads them.
 */
function twoTabs() {
  const name = `index-feed-${crypto.randomUUID()}`;
  const writerDb = new CatalogDb(name);
  const readerDb = new CatalogDb(name);
  opened.push(writerDb, readerDb);
  const writer = newIndexes();
  const reader = newIndexes();
  const changes: StoredChange[] = [];
  feedIndexFromWrites(writerDb, writer, (change) => changes.push(change));
  const relay = async () => {
    for (const change of changes.splice(0)) await applyStoredChange(readerDb, reader, change);
  };
  return { writerDb, readerDb, writer, reader, changes, relay };
}

function found(indexes: SearchIndexes, text: string): number[] {
  return indexes.catalog.query({ text, categoryIds: null, limit: 50 }).map((hit) => hit.id);
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe("feedIndexFromWrites", () => {
  it("indexes a put and reports its keys", async () => {
    const { writerDb, writer, changes } = twoTabs();

    await writerDb.products.bulkPut([
      product({ id: 1, name: "Blue mug" }),
      product({ id: 2, name: "Red mug" }),
    ]);

    expect(found(writer, "mug").sort()).toEqual([1, 2]);
    expect(changes).toEqual([{ table: "products", keys: [1, 2] }]);
  });

  it("reports every key of a cleared table", async () => {
    const { writerDb, writer, changes } = twoTabs();
    await writerDb.products.bulkPut([
      product({ id: 1, name: "Blue mug" }),
      product({ id: 2, name: "Red mug" }),
    ]);
    changes.splice(0);

    await writerDb.products.clear();

    expect(found(writer, "mug")).toEqual([]);
    expect(changes).toEqual([{ table: "products", keys: [1, 2] }]);
  });

  it("reports nothing for tables it does not index", async () => {
    const { writerDb, changes } = twoTabs();

    await writerDb.meta.put({ key: "lastSyncAtMs", value: 1 });
    await writerDb.taxRates.clear();

    expect(changes).toEqual([]);
  });
});

describe("applyStoredChange", () => {
  it("indexes records another connection stored", async () => {
    const { writerDb, reader, relay } = twoTabs();

    await writerDb.products.put(product({ id: 7, name: "Green teapot" }));
    await relay();

    expect(found(reader, "teapot")).toEqual([7]);
  });

  it("replaces a renamed record", async () => {
    const { writerDb, reader, relay } = twoTabs();
    await writerDb.products.put(product({ id: 7, name: "Green teapot" }));
    await relay();

    await writerDb.products.put(product({ id: 7, name: "Green kettle" }));
    await relay();

    expect(found(reader, "teapot")).toEqual([]);
    expect(found(reader, "kettle")).toEqual([7]);
  });

  it("removes deleted records", async () => {
    const { writerDb, reader, relay } = twoTabs();
    await writerDb.products.bulkPut([
      product({ id: 1, name: "Blue mug" }),
      product({ id: 2, name: "Red mug" }),
    ]);
    await relay();

    await writerDb.products.delete(1);
    await relay();

    expect(found(reader, "mug")).toEqual([2]);
  });

  it("empties the index of a cleared table", async () => {
    const { writerDb, reader, relay } = twoTabs();
    await writerDb.products.bulkPut([
      product({ id: 1, name: "Blue mug" }),
      product({ id: 2, name: "Red mug" }),
    ]);
    await relay();

    await writerDb.products.clear();
    await relay();

    expect(found(reader, "mug")).toEqual([]);
    expect(reader.catalog.size).toBe(0);
  });

  it("keeps customers in step", async () => {
    const { writerDb, reader, relay } = twoTabs();
    await writerDb.customers.put(customer({ id: 5, firstName: "Ada", email: "ada@example.com" }));
    await relay();

    expect(reader.customers.query("ada", 10)).toEqual([5]);
  });

  it("rejects an unknown table and changes nothing", async () => {
    const { readerDb, reader } = twoTabs();
    await loadIndex(readerDb, reader);

    await expect(
      applyStoredChange(readerDb, reader, { table: "orders" as "products", keys: [1] }),
    ).rejects.toThrow('cannot index table "orders"');
    expect(reader.catalog.size).toBe(0);
  });
});
