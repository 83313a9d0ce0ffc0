import { Dexie } from "dexie";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { afterEach, describe, expect, it } from "vitest";
import type { Customer, Product } from "@pos/core";
import { bucketWidth, type ChunkedWrite } from "./chunked-table.js";
import type { CatalogDb } from "./catalog-db.js";
import { productRecord } from "./test-support/catalog-fixtures.js";
import { openTestDb, uniqueDbName } from "./test-support/test-db.js";

const opened: Dexie[] = [];
function track<T extends Dexie>(db: T): T {
  opened.push(db);
  return db;
}

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

function freshDb(): CatalogDb {
  return track(openTestDb(uniqueDbName("chunks")));
}

const ids = (records: readonly { id: number }[]) => records.map((record) => record.id);

describe("ChunkedTable", () => {
  it("reads back records put across several buckets, in id order", async () => {
    const db = freshDb();
    const spread = [3, bucketWidth * 5 + 1, 1, bucketWidth - 1, bucketWidth];
    await db.products.bulkPut(spread.map((id) => productRecord(id)));

    expect(ids(await db.products.toArray())).toEqual([1, 3, 255, 256, 1281]);
    // Buckets 0 (1, 3, 255), 1 (256) and 5 (1281), and the count row.
    expect(await db.productChunks.count()).toBe(3 + 1);
    expect((await db.products.get(bucketWidth))?.name).toBe(productRecord(bucketWidth).name);
    const found = await db.products.bulkGet([1281, 2, 1]);
    expect(found.map((record) => record?.id)).toEqual([1281, undefined, 1]);
    expect(await db.products.get(2)).toBeUndefined();
  });

  it("replaces a record with the same id and keeps the count", async () => {
    const db = freshDb();
    await db.products.bulkPut([productRecord(1), productRecord(2)]);
    await db.products.put(productRecord(2, { name: "Renamed" }));

    expect(await db.products.count()).toBe(2);
    expect((await db.products.get(2))?.name).toBe("Renamed");
  });

  it("counts deletes of stored ids only", async () => {
    const db = freshDb();
    await db.products.bulkPut([1, 2, 300].map((id) => productRecord(id)));
    await db.products.bulkDelete([2, 300, 999]);

    expect(await db.products.count()).toBe(1);
    expect(await db.products.primaryKeys()).toEqual([1]);
  });

  it("clears every record and starts the count again", async () => {
    const db = freshDb();
    await db.products.bulkPut([1, 700].map((id) => productRecord(id)));
    await db.products.clear();
    await db.products.put(productRecord(5));

    expect(await db.products.count()).toBe(1);
    expect(await db.products.primaryKeys()).toEqual([5]);
  });

  it("counts row by row when the count row is missing", async () => {
    const db = freshDb();
    await db.products.bulkPut([1, 2, 900].map((id) => productRecord(id)));
    await db.productChunks.delete(-1);

    expect(await db.products.count()).toBe(3);
    await db.products.put(productRecord(901));
    expect(await db.products.count()).toBe(4);
  });

  it("finds records by a test over every row", async () => {
    const db = freshDb();
    await db.products.bulkPut(
      [1, 2, 600, 601].map((id) => productRecord(id, { type: id % 2 ? "variable" : "simple" })),
    );

    expect(ids(await db.products.findAll((product) => product.type === "variable"))).toEqual([
      1, 601,
    ]);
  });

  it("rejects an id that is not a whole number and stores nothing", async () => {
    const db = freshDb();
    const bad = { ...productRecord(1), id: 1.5 };

    await expect(db.products.bulkPut([productRecord(2), bad])).rejects.toThrow(
      /invalid products id 1.5/,
    );
    expect(await db.products.count()).toBe(0);
  });

  it("undoes its rows and count when the caller's transaction aborts", async () => {
    const db = freshDb();
    await db.products.put(productRecord(1));

    await expect(
      db.transaction("rw", db.products.storage, async () => {
        await db.products.bulkPut([2, 3].map((id) => productRecord(id)));
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await db.products.count()).toBe(1);
    expect(await db.products.primaryKeys()).toEqual([1]);
  });

  it("tells watchers what each write put and deleted", async () => {
    const db = freshDb();
    const putting: number[][] = [];
    const written: ChunkedWrite<Product>[] = [];
    const stop = db.products.watch({
      putting: (records) => putting.push(ids(records)),
      written: (change) => written.push(change),
    });
    await db.products.bulkPut([1, 2].map((id) => productRecord(id)));
    await db.products.bulkDelete([2, 7]);
    stop();
    await db.products.clear();

    expect(putting).toEqual([[1, 2]]);
    expect(written.map((change) => [ids(change.put), change.deleted])).toEqual([
      [[1, 2], []],
      [[], [2]],
    ]);
  });

  it("reports a row that does not hold its bucket as unreadable", async () => {
    const db = freshDb();
    await db.productChunks.put({ bucket: 0, records: "broken" as unknown as Product[] });

    await expect(db.products.get(1)).rejects.toThrow(/stored products row 0 is unreadable/);
  });
});

describe("CatalogDb version 5", () => {
  it("copies the products and customers a version 3 till holds into rows", async () => {
    const name = uniqueDbName("upgrade");
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(3).stores({
      products: "id",
      variations: "id, parentId",
      categories: "id",
      tags: "id",
      customers: "id",
      taxRates: "id",
      checkpoints: "collection",
      meta: "key",
      coupons: "id, code",
    });
    const customer = { id: 9, email: "a@example.com" } as Customer;
    await old.table("products").bulkPut([1, 2, 400].map((id) => productRecord(id)));
    await old.table("customers").put(customer);
    old.close();

    const db = track(openTestDb(name));

    expect(await db.products.count()).toBe(3);
    expect(ids(await db.products.toArray())).toEqual([1, 2, 400]);
    expect(await db.customers.get(9)).toEqual(customer);
    expect(db.tables.map((table) => table.name)).not.toContain("products");
  });
});
