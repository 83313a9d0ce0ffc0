import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestProduct } from "../test-support/test-products.js";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

const parallelOrders = 12;

describe.each(testDialects)("coupon usage limits under parallel orders on %s", (dialect) => {
  let server: TestServer;
  let productId = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      sampleData: false,
      settings: { woocommerce_calc_taxes: "no" },
    });
    productId = await insertTestProduct(server.store, { sku: "RACE", price: "10.00", stock: 100 });
  });
  afterAll(() => server.close());

  const createCoupon = async (body: object) => {
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/coupons",
      headers: server.auth.manager,
      payload: { discount_type: "fixed_cart", amount: "1.00", ...body },
    });
    expect(response.statusCode).toBe(201);
    return response.json<{ id: number }>().id;
  };

  const postOrders = (code: string, email: string) =>
    Promise.all(
      Array.from({ length: parallelOrders }, () =>
        server.app.inject({
          method: "POST",
          url: "/wp-json/wc/v3/orders",
          headers: server.auth.cashier,
          payload: {
            set_paid: true,
            billing: { email },
            line_items: [{ product_id: productId, quantity: 1 }],
            coupon_lines: [{ code }],
          },
        }),
      ),
    );

  const couponState = async (id: number) => {
    const row = await server.store.db
      .selectFrom("coupons")
      .selectAll()
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    return {
      usageCount: row.usage_count,
      usedBy: (JSON.parse(row.details) as { used_by: string[] }).used_by,
    };
  };

  const stock = async () =>
    (
      await server.store.db
        .selectFrom("products")
        .select("stock_quantity")
        .where("id", "=", productId)
        .executeTakeFirstOrThrow()
    ).stock_quantity;

  const orderCount = async () =>
    (await server.store.db.selectFrom("orders").select("id").execute()).length;

  it("grants the last use to one order", async () => {
    const couponId = await createCoupon({ code: "race2", usage_limit: 1 });
    const stockBefore = await stock();
    const ordersBefore = await orderCount();

    const responses = await postOrders("race2", "race@example.com");

    const created = responses.filter((response) => response.statusCode === 201);
    const rejected = responses.filter((response) => response.statusCode === 400);
    expect(created).toHaveLength(1);
    expect(rejected).toHaveLength(parallelOrders - 1);
    for (const response of rejected) {
      expect(response.json<{ code: string }>().code).toBe("woocommerce_rest_invalid_coupon");
    }
    expect((await couponState(couponId)).usageCount).toBe(1);
    expect(await orderCount()).toBe(ordersBefore + 1);
    expect(await stock()).toBe(stockBefore! - 1);
  });

  it("holds the per-customer limit", async () => {
    const couponId = await createCoupon({ code: "once-each", usage_limit_per_user: 1 });
    const stockBefore = await stock();

    const responses = await postOrders("once-each", "Shopper@Example.com");

    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(1);
    const state = await couponState(couponId);
    expect(state.usageCount).toBe(1);
    expect(state.usedBy).toEqual(["shopper@example.com"]);
    expect(await stock()).toBe(stockBefore! - 1);
  });

  it("adds no empty used_by entry for a guest", async () => {
    const couponId = await createCoupon({ code: "guest-use" });
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: {
        set_paid: true,
        line_items: [{ product_id: productId, quantity: 1 }],
        coupon_lines: [{ code: "guest-use" }],
      },
    });
    expect(response.statusCode).toBe(201);
    const state = await couponState(couponId);
    expect(state.usageCount).toBe(1);
    expect(state.usedBy).toEqual([]);
  });
});
