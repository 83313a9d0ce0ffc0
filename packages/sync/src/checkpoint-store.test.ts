import { afterEach, describe, expect, it } from "vitest";
import type { CatalogDb } from "./catalog-db.js";
import { clearCollection, startSeed, storeSnapshotPage } from "./checkpoint-store.js";
import { productRecord } from "./test-support/catalog-fixtures.js";
import { openTestDb, uniqueDbName } from "./test-support/test-db.js";

const opened: CatalogDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function seedingDb(): Promise<CatalogDb> {
  const db = openTestDb(uniqueDbName());
  opened.push(db);
  await startSeed(db, 7, 0);
  return db;
}

function page(after: number, ids: number[], nextAfter: number | null) {
  return {
    collection: "products" as const,
    after,
    records: ids.map((id) => productRecord(id)),
    nextAfter,
    total: 4,
    nowMs: 1,
  };
}

describe("storeSnapshotPage", () => {
  it("returns the moved checkpoint and the stored count", async () => {
    const db = await seedingDb();

    const result = await storeSnapshotPage(db, page(0, [1, 2], 2));

    expect(result.stored).toBe(2);
    expect(result.checkpoint).toMatchObject({ phase: "seeding", seedAfter: 2, serverTotal: 4 });
  });

  it("rejects a page that does not start at the checkpoint and stores none of it", async () => {
    const db = await seedingDb();
    await storeSnapshotPage(db, page(0, [1, 2], 2));

    await expect(storeSnapshotPage(db, page(3, [4], null))).rejects.toThrow(
      "does not follow the stored checkpoint at 2",
    );
    expect(await db.products.count()).toBe(2);
    expect((await db.checkpoints.get("products"))?.seedAfter).toBe(2);
  });
});

describe("storeSnapshotPage stored counts", () => {
  it("adds page sizes until the last page", async () => {
    const db = await seedingDb();

    const first = await storeSnapshotPage(db, page(0, [1, 2], 2));
    const second = await storeSnapshotPage(db, page(2, [3], 3));

    expect(first.stored).toBe(2);
    expect(second.stored).toBe(3);
    expect(second.checkpoint.seedStored).toBe(3);
  });

  it("counts the table on the last page", async () => {
    const db = await seedingDb();
    await storeSnapshotPage(db, page(0, [1, 2], 2));
    // A record the snapshot does not list, such as one a server search stored meanwhile.
    await db.products.put(productRecord(9));

    const last = await storeSnapshotPage(db, page(2, [3, 4], null));

    expect(last.stored).toBe(5);
  });

  it("counts the table for a checkpoint without a sum", async () => {
    const db = await seedingDb();
    await storeSnapshotPage(db, page(0, [1, 2], 2));
    const checkpoint = await db.checkpoints.get("products");
    if (!checkpoint) throw new Error("no products checkpoint after the first page");
    delete checkpoint.seedStored;
    await db.checkpoints.put(checkpoint);

    const resumed = await storeSnapshotPage(db, page(2, [3], 3));

    expect(resumed.stored).toBe(3);
    expect(resumed.checkpoint.seedStored).toBe(3);
  });
});

describe("clearCollection", () => {
  it("empties one collection and drops only its checkpoint", async () => {
    const db = await seedingDb();
    await storeSnapshotPage(db, page(0, [1, 2], 2));

    await clearCollection(db, "products");

    expect(await db.products.count()).toBe(0);
    expect(await db.checkpoints.get("products")).toBeUndefined();
    expect(await db.checkpoints.get("customers")).toMatchObject({ feedSeq: 7 });
  });
});
