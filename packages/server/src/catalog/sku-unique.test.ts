import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { CompiledQuery, sql } from "kysely";
import { buildApp } from "../build-app.js";
import { openStoreDatabase } from "../db/store-database.js";
import type { StoreDatabase } from "../db/store-database.js";
import { startTestServer, testDialects, testPostgresUrl } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";
import { skuClashQuery } from "./sku-clash.js";
import { createSkuUniqueIndex } from "./sku-unique-migration.js";

interface WireError {
  code: string;
  message: string;
  data: { status: number; resource_id?: number };
}

describe.each(testDialects)("unique SKUs on %s", (dialect) => {
  let server: TestServer;
  let secondStore: StoreDatabase;
  let secondApp: FastifyInstance;
  const post = (app: FastifyInstance, url: string, payload: object) =>
    app.inject({ method: "POST", url, headers: server.auth.manager, payload });
  const skuCount = async (sku: string) => {
    const rows = await server.store.db
      .selectFrom("products")
      .select("id")
      .where("sku", "=", sku)
      .execute();
    return rows.length;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    // A second server on the same database, as a second process would be.
    secondStore =
      dialect === "postgres"
        ? await openStoreDatabase({
            databaseUrl: testPostgresUrl,
            postgresSchema: await currentSchema(server.store),
          })
        : server.store;
    secondApp = await buildApp({ store: secondStore });
  });
  afterAll(async () => {
    await secondApp.close();
    if (secondStore !== server.store) await secondStore.close();
    await server.close();
  });

  it("stores one of 10 parallel creations", async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        post(index % 2 === 0 ? server.app : secondApp, "/wp-json/wc/v3/products", {
          name: `Same ${index}`,
          sku: "SAME-SKU",
        }),
      ),
    );
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses).toEqual([201, 400, 400, 400, 400, 400, 400, 400, 400, 400]);
    for (const response of responses.filter((reply) => reply.statusCode === 400)) {
      expect(response.json<WireError>().code).toBe("product_invalid_sku");
    }
    expect(await skuCount("SAME-SKU")).toBe(1);
  });

  it("rejects a SKU that differs only in case", async () => {
    const first = await post(server.app, "/wp-json/wc/v3/products", { sku: "woo-cap-x" });
    expect(first.statusCode).toBe(201);
    const response = await post(server.app, "/wp-json/wc/v3/products", { sku: "WOO-CAP-X" });
    expect(response.statusCode).toBe(400);
    const error = response.json<WireError>();
    expect(error.code).toBe("product_invalid_sku");
    expect(error.data.resource_id).toBe(first.json<{ id: number }>().id);
    expect(error.message).toContain("WOO-CAP-X");
    expect(await skuCount("WOO-CAP-X")).toBe(0);
  });

  it("shares the SKU space with variations", async () => {
    const variable = await post(server.app, "/wp-json/wc/v3/products", {
      name: "Shared space",
      type: "variable",
    });
    const parentId = variable.json<{ id: number }>().id;
    const variation = await post(server.app, `/wp-json/wc/v3/products/${parentId}/variations`, {
      sku: "SHARED-1",
      regular_price: "1.00",
    });
    expect(variation.statusCode).toBe(201);
    const product = await post(server.app, "/wp-json/wc/v3/products", { sku: "shared-1" });
    expect(product.statusCode).toBe(400);
  });

  it("allows many products without a SKU", async () => {
    for (const name of ["No SKU 1", "No SKU 2"]) {
      const response = await post(server.app, "/wp-json/wc/v3/products", { name, sku: "" });
      expect(response.statusCode).toBe(201);
    }
  });

  it("frees the SKU of a trashed product", async () => {
    const first = await post(server.app, "/wp-json/wc/v3/products", { sku: "TRASHED-SKU" });
    const id = first.json<{ id: number }>().id;
    await server.app.inject({
      method: "DELETE",
      url: `/wp-json/wc/v3/products/${id}`,
      headers: server.auth.manager,
    });
    const second = await post(server.app, "/wp-json/wc/v3/products", { sku: "trashed-sku" });
    expect(second.statusCode).toBe(201);
    const restore = await server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/products/${id}`,
      headers: server.auth.manager,
      payload: { status: "publish" },
    });
    expect(restore.statusCode).toBe(400);
    expect(restore.json<WireError>().code).toBe("product_invalid_sku");
  });

  it("searches the SKU index for clashes", async () => {
    const compiled = skuClashQuery(server.store.db, "Woo-Beanie", 0).compile();
    const explain = dialect === "postgres" ? "explain " : "explain query plan ";
    const plan = await server.store.db.transaction().execute(async (trx) => {
      // A small table is cheaper to scan, so PostgreSQL is set to scan only when nothing else
      // can answer the query.
      if (dialect === "postgres") await sql`set local enable_seqscan = off`.execute(trx);
      const result = await trx.executeQuery(
        CompiledQuery.raw(explain + compiled.sql, [...compiled.parameters]),
      );
      return JSON.stringify(result.rows);
    });
    expect(plan).toContain("products_sku_unique");
  });

  it("stops the migration on clashing SKUs", async () => {
    const db = server.store.db;
    await db.schema.dropIndex("products_sku_unique").execute();
    const before = await skuCount("CLASH");
    await post(server.app, "/wp-json/wc/v3/products", { sku: "CLASH" });
    await db.updateTable("products").set({ sku: "clash" }).where("sku", "=", "woo-cap-x").execute();
    await expect(createSkuUniqueIndex(db as never, dialect)).rejects.toThrow(/"clash"/);
    await db.updateTable("products").set({ sku: "woo-cap-x" }).where("sku", "=", "clash").execute();
    await createSkuUniqueIndex(db as never, dialect);
    expect(await skuCount("CLASH")).toBe(before + 1);
  });
});

async function currentSchema(store: StoreDatabase): Promise<string> {
  const result = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
  const schema = result.rows[0]?.schema;
  if (schema === undefined) throw new Error("current_schema() returned no row");
  return schema;
}
