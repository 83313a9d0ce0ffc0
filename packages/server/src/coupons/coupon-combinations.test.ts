import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSettingValues } from "../store/store-settings.js";
import { insertTestProduct } from "../test-support/test-products.js";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

interface WireOrder {
  discount_total: string;
  coupon_lines: { code: string }[];
}

describe.each(testDialects)("coupons combined on an order on %s", (dialect) => {
  let server: TestServer;
  let productId = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      sampleData: false,
      settings: { woocommerce_calc_taxes: "no" },
    });
    productId = await insertTestProduct(server.store, { sku: "MIX", price: "20.00", stock: 100 });
    for (const coupon of [
      { code: "indiv", amount: "5.00", individual_use: true },
      { code: "ten", amount: "10", discount_type: "percent" },
    ]) {
      const response = await server.app.inject({
        method: "POST",
        url: "/wp-json/wc/v3/coupons",
        headers: server.auth.manager,
        payload: coupon,
      });
      expect(response.statusCode).toBe(201);
    }
  });
  afterAll(() => server.close());

  const order = (codes: string[]) =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: {
        line_items: [{ product_id: productId, quantity: 1 }],
        coupon_lines: codes.map((code) => ({ code })),
      },
    });
  const orderCount = async () =>
    (await server.store.db.selectFrom("orders").select("id").execute()).length;

  it.each([[["indiv", "ten"]], [["ten", "indiv"]]])(
    "rejects individual use with another coupon in order %j",
    async (codes) => {
      const before = await orderCount();
      const response = await order(codes);
      expect(response.statusCode).toBe(400);
      const body = response.json<{ code: string; message: string }>();
      expect(body.code).toBe("woocommerce_rest_invalid_coupon");
      expect(body.message).toContain('"indiv"');
      expect(await orderCount()).toBe(before);
    },
  );

  it("accepts an individual-use coupon alone", async () => {
    const response = await order(["indiv"]);
    expect(response.statusCode).toBe(201);
    expect(response.json<WireOrder>().discount_total).toBe("5.00");
  });

  it("applies coupons with coupons disabled", async () => {
    await writeSettingValues(server.store.db, { woocommerce_enable_coupons: "no" });
    try {
      const response = await order(["ten"]);
      expect(response.statusCode).toBe(201);
      expect(response.json<WireOrder>().discount_total).toBe("2.00");
      expect(response.json<WireOrder>().coupon_lines.map((line) => line.code)).toEqual(["ten"]);
    } finally {
      await writeSettingValues(server.store.db, { woocommerce_enable_coupons: "yes" });
    }
  });
});
