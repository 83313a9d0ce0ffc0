import { Dexie } from "dexie";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { afterEach, describe, expect, it } from "vitest";
import type { Customer, Product } from "@pos/core";
import { bucketWidth, type ChunkedWrite } from "./chunked-table.js";
import type { CatalogDb } from "./catalog-db.js";
import { applyFeedChanges, startSeed, storeSnapshotPage } from "./checkpoint-store.js";
import { categoryRecord, productRecord } from "./test-support/catalog-fixtures.js";
import { openFailingDb, openTestDb, uniqueDbName } from "./test-support/test-db.js";

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

const ids = (records: readonly ({ id: number } | null | undefined)[]) =>
  records.map((record) => record?.id);

function customerRecord(id: number): Customer {
  return { id, email: `c${id}@example.com`, firstName: `First${id}` } as Customer;
}

/** Opens `name` as a version 3 till had it, fills it with `fill`, and closes it. */
async function createVersion3(name: string, fill: (old: Dexie) => Promise<void>): Promise<void> {
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
  await old.open();
  expect(old.verno).toBe(3);
  expect(old.backendDB().version).toBe(30);
  await fill(old);
  old.close();
}

/** Returns every stored row of a chunk table, the count row included. */
async function rawRows(db: CatalogDb): Promise<unknown[]> {
  return db.productChunks.toArray();
}

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
    const putting: (number | undefined)[][] = [];
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

describe("version 3 upgrade", () => {
  it("keeps 5,000 products and 3,000 customers", async () => {
    const name = uniqueDbName("upgrade-large");
    const productIds = Array.from({ length: 5_000 }, (_, i) => i * 7 + 1);
    const customerIds = Array.from({ length: 3_000 }, (_, i) => i * 3 + 2);
    await createVersion3(name, async (old) => {
      await old.table("products").bulkPut(productIds.map((id) => productRecord(id)));
      await old.table("customers").bulkPut(customerIds.map(customerRecord));
      await old.table("categories").bulkPut([categoryRecord(4)]);
      await old.table("variations").bulkPut([{ id: 77, parentId: 1 }]);
      await old.table("checkpoints").put({ collection: "products", feedSeq: 9 });
      await old.table("meta").put({ key: "k", value: 1 });
    });

    const db = track(openTestDb(name));

    expect(await db.products.count()).toBe(productIds.length);
    expect(ids(await db.products.toArray())).toEqual(productIds);
    expect(await db.customers.count()).toBe(customerIds.length);
    expect(ids(await db.customers.toArray())).toEqual(customerIds);
    expect((await db.products.get(34_994))?.name).toBe("Product 34994");
    expect(await db.categories.count()).toBe(1);
    expect(await db.variations.get(77)).toEqual({ id: 77, parentId: 1 });
    expect((await db.checkpoints.get("products"))?.feedSeq).toBe(9);
    expect(await db.meta.get("k")).toEqual({ key: "k", value: 1 });
    expect(db.backendDB().version).toBe(50);
  });

  it("upgrades a version 1 till straight to rows", async () => {
    const name = uniqueDbName("upgrade-v1");
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(1).stores({
      products: "id, sku, barcode",
      variations: "id, parentId, sku, barcode",
      categories: "id",
      tags: "id",
      customers: "id, email",
      taxRates: "id",
      checkpoints: "collection",
      meta: "key",
    });
    await old.table("products").bulkPut([1, 300].map((id) => productRecord(id)));
    await old.table("customers").put(customerRecord(5));
    old.close();

    const db = track(openTestDb(name));

    expect(ids(await db.products.toArray())).toEqual([1, 300]);
    expect(await db.customers.count()).toBe(1);
  });

  // The server accepts only whole ids from 0, so any other id was changed on the device. The
  // upgrade leaves such a record out and counts what it kept, so the collection reads as
  // incomplete against the server's total until it is downloaded again.
  it.each([
    ["a negative id in the count row's bucket", -5],
    ["a negative id below the count row", -300],
    ["a string id", "x9"],
  ])("leaves out a product with %s", async (_label, badId) => {
    const name = uniqueDbName("upgrade-bad");
    await createVersion3(name, async (old) => {
      await old.table("products").bulkPut([productRecord(1), { ...productRecord(2), id: badId }]);
    });

    const db = track(openTestDb(name));

    expect(ids(await db.products.toArray())).toEqual([1]);
    expect(await db.products.count()).toBe(1);
  });
});

describe("ChunkedTable ids", () => {
  it.each([
    ["negative", -1],
    ["fractional", 2.5],
    ["above 2^53", 2 ** 53 + 2],
    ["NaN", Number.NaN],
    ["a string", "7"],
  ])("bulkPut rejects a %s id by name and stores nothing", async (_label, badId) => {
    const db = freshDb();
    await db.products.bulkPut([productRecord(1)]);
    const before = await rawRows(db);

    await expect(
      db.products.bulkPut([productRecord(2), { ...productRecord(3), id: badId as number }]),
    ).rejects.toThrow(String(badId));
    expect(await rawRows(db)).toEqual(before);
  });

  it.each([
    ["negative below the count row", -300],
    ["fractional", 2.5],
    ["above 2^53", 2 ** 53 + 2],
    ["a string", "1"],
  ])("bulkDelete rejects a %s id by name and changes no row", async (_label, badId) => {
    const db = freshDb();
    await db.products.bulkPut([productRecord(1)]);
    const before = await rawRows(db);

    await expect(db.products.bulkDelete([badId as number])).rejects.toThrow(String(badId));
    expect(await rawRows(db)).toEqual(before);
  });

  it("bulkDelete of an unknown id writes no row", async () => {
    const db = freshDb();
    await db.products.bulkPut([productRecord(1)]);

    await db.products.bulkDelete([10_000_000]);

    expect(await db.productChunks.count()).toBe(2);
  });

  it.each([
    ["NaN", Number.NaN],
    ["a string of a stored id", "1"],
  ])("get rejects a %s id by name", async (_label, badId) => {
    const db = freshDb();
    await db.products.bulkPut([productRecord(1)]);

    await expect(db.products.get(badId as number)).rejects.toThrow(String(badId));
  });
});

describe("ChunkedTable rows changed in IndexedDB", () => {
  it("rejects a record stored in another id's bucket", async () => {
    const db = freshDb();
    await db.products.bulkPut([productRecord(1)]);
    const row = await db.productChunks.get(0);
    await db.productChunks.put({ bucket: 0, records: [...row!.records, productRecord(1000)] });

    await expect(db.products.toArray()).rejects.toThrow(/row 0/);
  });

  it("rejects a row whose records are not objects with ids", async () => {
    const db = freshDb();
    await db.productChunks.put({ bucket: 0, records: [null as unknown as Product] });

    await expect(db.products.primaryKeys()).rejects.toThrow(/stored products row 0/);
  });

  it("rejects a count row with a count that is not a whole number", async () => {
    const db = freshDb();
    await db.products.bulkPut([productRecord(1)]);
    await db.productChunks.put({ bucket: -1, records: [], count: "7" as unknown as number });

    const count = await db.products.count();
    expect(typeof count).toBe("number");
    expect(count).toBe(1);
  });

  it("rejects unsorted rows or duplicate ids in one row", async () => {
    const db = freshDb();
    await db.productChunks.put({
      bucket: 0,
      records: [productRecord(5), productRecord(5), productRecord(3)],
    });

    await expect(db.products.toArray()).rejects.toThrow(/row 0/);
  });
});

describe("ChunkedTable writes in one transaction", () => {
  it("keeps both records of two concurrent puts to one bucket", async () => {
    const db = freshDb();

    await db.transaction("rw", db.products.storage, async () => {
      await Promise.all([db.products.put(productRecord(1)), db.products.put(productRecord(2))]);
    });

    expect(ids(await db.products.toArray())).toEqual([1, 2]);
    expect(await db.products.count()).toBe(2);
  });
});

describe("applyFeedChanges batches", () => {
  it("applies each id's last change", async () => {
    const db = freshDb();
    await startSeed(db, 0, 0);
    await db.products.bulkPut([productRecord(1), productRecord(2)]);

    const changes = [
      { seq: 1, collection: "products", id: 1, deleted: false, record: productRecord(1) },
      { seq: 2, collection: "products", id: 1, deleted: true },
      { seq: 3, collection: "products", id: 2, deleted: true },
      { seq: 4, collection: "products", id: 2, deleted: false, record: productRecord(2) },
      { seq: 5, collection: "products", id: 600, deleted: false, record: productRecord(600) },
      { seq: 6, collection: "products", id: 600, deleted: true },
      { seq: 7, collection: "products", id: 600, deleted: false, record: productRecord(600) },
    ] as const;
    await applyFeedChanges(db, { changes: [...changes], next: 7, totals: { products: 2 } }, 1);

    expect(ids(await db.products.toArray())).toEqual([2, 600]);
    expect(await db.products.count()).toBe(2);
    expect((await db.checkpoints.get("products"))?.feedSeq).toBe(7);
    expect((await db.checkpoints.get("products"))?.serverTotal).toBe(2);
    expect((await db.checkpoints.get("customers"))?.serverTotal).toBeNull();
  });

  it("changes nothing when a batch holds a bad id", async () => {
    const db = freshDb();
    await startSeed(db, 0, 0);
    await db.products.bulkPut([productRecord(1)]);
    const before = await rawRows(db);

    await expect(
      applyFeedChanges(
        db,
        {
          changes: [
            { seq: 1, collection: "products", id: 1, deleted: true },
            { seq: 2, collection: "products", id: -4, deleted: false, record: productRecord(-4) },
          ],
          next: 2,
        },
        1,
      ),
    ).rejects.toThrow("-4");

    expect(await rawRows(db)).toEqual(before);
    expect((await db.checkpoints.get("products"))?.feedSeq).toBe(0);
  });
});

describe("storeSnapshotPage across buckets", () => {
  it("stores pages that straddle bucket edges with exact counts", async () => {
    const db = freshDb();
    await startSeed(db, 0, 0);
    const all = Array.from({ length: 1_000 }, (_, i) => i + 1);
    const pageSize = 300;
    let after = 0;
    for (let start = 0; start < all.length; start += pageSize) {
      const records = all.slice(start, start + pageSize).map((id) => productRecord(id));
      const last = start + pageSize >= all.length;
      const stored = await storeSnapshotPage(db, {
        collection: "products",
        after,
        records,
        nextAfter: last ? null : records.at(-1)!.id,
        total: all.length,
        nowMs: 1,
      });
      expect(stored.stored).toBe(Math.min(start + pageSize, all.length));
      after = records.at(-1)!.id;
    }

    expect(ids(await db.products.toArray())).toEqual(all);
    expect(await db.products.count()).toBe(all.length);
    expect((await db.checkpoints.get("products"))?.phase).toBe("following");
  });

  it("does not count a page's repeated id twice", async () => {
    const db = freshDb();
    await startSeed(db, 0, 0);

    const stored = await storeSnapshotPage(db, {
      collection: "products",
      after: 0,
      records: [productRecord(bucketWidth - 1), productRecord(bucketWidth - 1)],
      nextAfter: bucketWidth - 1,
      total: 5,
      nowMs: 1,
    });

    expect(await db.products.count()).toBe(1);
    expect(stored.stored).toBe(1);
  });

  it("stores nothing and leaves the checkpoint when a page holds a bad id", async () => {
    const db = freshDb();
    await startSeed(db, 0, 0);

    await expect(
      storeSnapshotPage(db, {
        collection: "products",
        after: 0,
        records: [productRecord(255), productRecord(256), { ...productRecord(1), id: 2 ** 60 }],
        nextAfter: 256,
        total: 3,
        nowMs: 1,
      }),
    ).rejects.toThrow(String(2 ** 60));

    expect(await db.products.count()).toBe(0);
    expect((await db.checkpoints.get("products"))?.seedAfter).toBe(0);
  });
});

describe("ChunkedTable when storage is full", () => {
  // A full disk rejects puts but lets deletes free space, so clearing must not need a put.
  function openFullDb(): { db: CatalogDb; fill: (full: boolean) => void } {
    let full = false;
    const db = track(
      openFailingDb(
        uniqueDbName("full"),
        "productChunks",
        (request) => full && request.type === "put",
        () => new DOMException("quota exceeded", "QuotaExceededError"),
      ),
    );
    return { db, fill: (value) => (full = value) };
  }

  it("clears products with puts failing", async () => {
    const { db, fill } = openFullDb();
    await db.products.bulkPut([1, 2, 700].map((id) => productRecord(id)));
    fill(true);

    await db.products.clear();

    expect(await db.products.count()).toBe(0);
  });
});
