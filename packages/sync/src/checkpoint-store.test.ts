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
