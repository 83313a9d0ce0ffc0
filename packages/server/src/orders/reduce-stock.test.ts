import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestProduct } from "../test-support/test-products.js";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

describe.each(testDialects)("stock shortage message on %s", (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
  });
  afterAll(() => server.close());

  const orderTooMany = (productId: number) =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: { set_paid: true, line_items: [{ product_id: productId, quantity: 5 }] },
    });

  it("names a product by name and id", async () => {
    const productId = await insertTestProduct(server.store, { sku: "SHORT", price: "1", stock: 2 });
    const response = await orderTooMany(productId);
    expect(response.statusCode).toBe(409);
    expect(response.json<{ message: string }>().message).toContain(
      `Not enough stock for "Test SHORT" (product ${productId}): 2 in stock, 5 ordered.`,
    );
  });

  it("names a nameless product by id", async () => {
    const productId = await insertTestProduct(server.store, {
      sku: "NONAME",
      price: "1",
      stock: 2,
    });
    await server.store.db
      .updateTable("products")
      .set({ name: "" })
      .where("id", "=", productId)
      .execute();
    const response = await orderTooMany(productId);
    expect(response.statusCode).toBe(409);
    expect(response.json<{ message: string }>().message).toContain(
      `Not enough stock for product ${productId}: 2 in stock, 5 ordered.`,
    );
  });
});
