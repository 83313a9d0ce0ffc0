import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestProduct } from "../../test-support/test-products.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface WireOrder {
  id: number;
  currency: string;
  line_items: { quantity: number }[];
  meta_data: { key: string; value: unknown }[];
}

describe.each(testDialects)("order updates that cannot apply on %s", (dialect) => {
  let server: TestServer;
  let productId = 0;
  let order: WireOrder;

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      sampleData: false,
      settings: { woocommerce_calc_taxes: "no" },
    });
    productId = await insertTestProduct(server.store, { sku: "EDIT", price: "3.00", stock: 10 });
    const created = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: {
        line_items: [{ product_id: productId, quantity: 1 }],
        meta_data: [{ key: "_pos_client_uuid", value: "edit-uuid-1" }],
      },
    });
    expect(created.statusCode).toBe(201);
    order = created.json<WireOrder>();
  });
  afterAll(() => server.close());

  const update = (payload: object) =>
    server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/orders/${order.id}`,
      headers: server.auth.manager,
      payload,
    });
  const storedOrder = async () =>
    server.store.db
      .selectFrom("orders")
      .selectAll()
      .where("id", "=", order.id)
      .executeTakeFirstOrThrow();

  it.each([
    ["line_items", { line_items: [{ product_id: 1, quantity: 5 }] }],
    ["fee_lines", { fee_lines: [{ name: "Fee", total: "1.00" }] }],
    ["shipping_lines", { shipping_lines: [{ method_id: "flat_rate", total: "1.00" }] }],
    ["coupon_lines", { coupon_lines: [{ code: "any" }] }],
    ["currency", { currency: "EUR" }],
    ["meta_data", { meta_data: [{ key: "_pos_client_uuid", value: "other-uuid" }] }],
  ])("rejects a change of %s", async (field, payload) => {
    const before = await storedOrder();
    const response = await update({ ...payload, customer_note: "should not be stored" });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; data: { params: Record<string, string> } }>();
    expect(body.code).toBe("rest_invalid_param");
    expect(body.data.params[field]).toContain(`order ${order.id}`);
    expect(await storedOrder()).toEqual(before);
  });

  it("accepts empty lists and the same currency", async () => {
    const response = await update({
      line_items: [],
      coupon_lines: [],
      currency: order.currency,
      meta_data: [{ key: "_pos_client_uuid", value: "edit-uuid-1" }],
      customer_note: "kept",
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<{ customer_note: string }>().customer_note).toBe("kept");
    expect(response.json<WireOrder>().line_items.map((line) => line.quantity)).toEqual([1]);
  });
});
