import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestProduct } from "../../test-support/test-products.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

describe.each(testDialects)("WordPress scalar coercion on %s", (dialect) => {
  let server: TestServer;
  let productId = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      sampleData: false,
      settings: { woocommerce_calc_taxes: "no" },
    });
    productId = await insertTestProduct(server.store, { sku: "COERCE", price: "2.00", stock: 20 });
  });
  afterAll(() => server.close());

  const postOrder = (payload: object) =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload,
    });

  it("takes numeric strings and boolean words", async () => {
    const response = await postOrder({
      set_paid: "true",
      line_items: [{ product_id: String(productId), quantity: "2" }],
    });
    expect(response.statusCode).toBe(201);
    const order = response.json<{ status: string; line_items: { quantity: number }[] }>();
    expect(order.status).toBe("processing");
    expect(order.line_items.map((line) => line.quantity)).toEqual([2]);
  });

  it.each([
    ["a word for quantity", { line_items: [{ product_id: productId, quantity: "two" }] }],
    ["a decimal quantity", { line_items: [{ product_id: productId, quantity: "1.5" }] }],
    ["yes for set_paid", { set_paid: "yes", line_items: [{ product_id: productId, quantity: 1 }] }],
  ])("rejects %s", async (_name, payload) => {
    const response = await postOrder(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("rest_invalid_param");
  });

  it("refunds with a string line id and restock word", async () => {
    const created = await postOrder({
      set_paid: true,
      line_items: [{ product_id: productId, quantity: 1 }],
    });
    const order = created.json<{ id: number; line_items: { id: number }[] }>();
    const response = await server.app.inject({
      method: "POST",
      url: `/wp-json/wc/v3/orders/${order.id}/refunds`,
      headers: server.auth.manager,
      payload: {
        api_restock: "0",
        line_items: [{ id: String(order.line_items[0]!.id), quantity: "1" }],
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ amount: string }>().amount).toBe("2.00");
  });

  it("reads an empty JSON body as no parameters", async () => {
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: { ...server.auth.cashier, "content-type": "application/json" },
      payload: "",
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ status: string }>().status).toBe("pending");
  });

  it("still rejects broken JSON", async () => {
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: { ...server.auth.cashier, "content-type": "application/json" },
      payload: "{",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("rest_invalid_json");
  });
});
