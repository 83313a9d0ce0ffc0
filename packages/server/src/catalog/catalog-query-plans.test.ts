import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CompiledQuery, type Compilable } from "kysely";
import { openStoreDatabase, type StoreDatabase } from "../db/store-database.js";
import { selectProductRows } from "./catalog-records.js";
import { selectProductsPerTerm } from "./term-store.js";

// SQLite plans these queries without statistics (the server never runs ANALYZE), which is where
// a filter on the product status once made every snapshot page visit and sort the whole table.
describe("catalogue query plans on SQLite", () => {
  let dataDir: string;
  let store: StoreDatabase;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "pos-plans-"));
    store = await openStoreDatabase({ dataDir });
  });

  afterAll(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function planOf(query: Compilable<unknown>): Promise<string> {
    const compiled = query.compile();
    const result = await store.db.executeQuery(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return (result.rows as { detail: string }[]).map((row) => row.detail).join("\n");
  }

  it("reads a products snapshot page by primary key", async () => {
    const plan = await planOf(selectProductRows(store.db, "products", { afterId: 0, limit: 5001 }));

    expect(plan).toContain("USING INTEGER PRIMARY KEY (rowid>?)");
    expect(plan).not.toContain("TEMP B-TREE");
  });

  // As many ids as a change feed page brings, and as many terms as a store's categories.
  const range = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

  it("reads products by id by primary key", async () => {
    const plan = await planOf(selectProductRows(store.db, "products", { ids: range(400) }));

    expect(plan).toContain("USING INTEGER PRIMARY KEY (rowid=?)");
    expect(plan).not.toContain("products_status_type");
  });

  it("counts a term's products through its links", async () => {
    const plan = await planOf(selectProductsPerTerm(store.db, range(48)));

    expect(plan).toContain("product_terms_term");
    expect(plan).not.toContain("products_status_type");
  });
});
