import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestProduct } from "../../test-support/test-products.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

describe.each(testDialects)("attributes, terms and settings writes on %s", (dialect) => {
  let server: TestServer;
  const call = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, payload?: object) =>
    server.app.inject({
      method,
      url: `/wp-json/wc/v3/${url}`,
      headers: server.auth.administrator,
      ...(payload === undefined ? {} : { payload }),
    });

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.close());

  it("lists imported attributes and their terms with counts", async () => {
    const attributes = (await call("GET", "products/attributes")).json<
      { id: number; name: string; slug: string }[]
    >();
    const color = attributes.find((attribute) => attribute.name === "Color");
    expect(color?.slug).toBe("pa_color");
    const terms = await call("GET", `products/attributes/${color?.id}/terms?per_page=100`);
    expect(terms.statusCode).toBe(200);
    const blue = terms.json<{ name: string; count: number }[]>().find((t) => t.name === "Blue");
    expect(blue?.count).toBeGreaterThan(0);
  });

  it("creates, updates and deletes an attribute and a term", async () => {
    const created = await call("POST", "products/attributes", { name: "Material" });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    expect((await call("POST", "products/attributes", { name: "Material" })).statusCode).toBe(400);
    const renamed = await call("PUT", `products/attributes/${id}`, { name: "Fabric" });
    expect(renamed.json<{ name: string; slug: string }>()).toMatchObject({
      name: "Fabric",
      slug: "pa_material",
    });
    const term = await call("POST", `products/attributes/${id}/terms`, { name: "Wool" });
    expect(term.statusCode).toBe(201);
    const termId = term.json<{ id: number }>().id;
    expect((await call("DELETE", `products/attributes/${id}/terms/${termId}`)).statusCode).toBe(
      501,
    );
    const removed = await call("DELETE", `products/attributes/${id}/terms/${termId}?force=true`);
    expect(removed.statusCode).toBe(200);
    expect((await call("DELETE", `products/attributes/${id}?force=true`)).statusCode).toBe(200);
    expect((await call("GET", `products/attributes/${id}`)).statusCode).toBe(404);
  });

  it("creates, renames and deletes a category", async () => {
    const created = await call("POST", "products/categories", { name: "Mugs", parent: 0 });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: number }>().id;
    expect((await call("POST", "products/categories", { name: "Mugs" })).json()).toMatchObject({
      code: "term_exists",
    });
    const renamed = await call("PUT", `products/categories/${id}`, { name: "Cups" });
    expect(renamed.json<{ name: string }>().name).toBe("Cups");
    expect((await call("DELETE", `products/categories/${id}?force=true`)).statusCode).toBe(200);
    expect((await call("GET", `products/categories/${id}`)).statusCode).toBe(404);
  });

  it("applies new decimals to later orders only", async () => {
    const id = await insertTestProduct(server.store, { sku: "dec-mug", price: "3.00" });
    const order = (payload: object) => call("POST", "orders", payload);
    const before = (await order({ line_items: [{ product_id: id, quantity: 1 }] })).json<{
      id: number;
      total: string;
    }>();
    await call("PUT", "settings/general/woocommerce_price_num_decimals", { value: "3" });
    const after = (await order({ line_items: [{ product_id: id, quantity: 1 }] })).json<{
      total: string;
    }>();
    const stored = (await call("GET", `orders/${before.id}`)).json<{ total: string }>();
    await call("PUT", "settings/general/woocommerce_price_num_decimals", { value: "2" });
    expect(after.total.split(".")[1]).toHaveLength(3);
    expect(stored.total).toBe(before.total);
    expect(stored.total.split(".")[1]).toHaveLength(2);
  });
});
