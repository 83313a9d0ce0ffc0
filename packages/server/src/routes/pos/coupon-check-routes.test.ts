import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestProduct } from "../../test-support/test-products.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface WooErrorBody {
  code: string;
  message: string;
}

describe.each(testDialects)("pos/v1 coupon check on %s", (dialect) => {
  let server: TestServer;
  let capId = 0;
  let hatId = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      sampleData: false,
      settings: { woocommerce_calc_taxes: "no" },
    });
    capId = await insertTestProduct(server.store, { sku: "CAP", price: "20.00", stock: 50 });
    hatId = await insertTestProduct(server.store, { sku: "HAT", price: "8.00", stock: 50 });
    const coupons = [
      { code: "ten", amount: "10", discount_type: "percent" },
      { code: "old", amount: "5.00", date_expires: "2020-01-31T00:00:00" },
      { code: "once", amount: "1.00", usage_limit: 1 },
      { code: "big-spend", amount: "5.00", minimum_amount: "100.00" },
      { code: "no-caps", amount: "10", discount_type: "percent", excluded_product_ids: [capId] },
      { code: "staff", amount: "2.00", email_restrictions: ["staff@example.com"] },
      { code: "alone", amount: "3.00", individual_use: true },
    ];
    for (const coupon of coupons) {
      const response = await server.app.inject({
        method: "POST",
        url: "/wp-json/wc/v3/coupons",
        headers: server.auth.manager,
        payload: coupon,
      });
      expect(response.statusCode).toBe(201);
    }
    const used = await createOrder({
      line_items: [{ product_id: hatId, quantity: 1 }],
      coupon_lines: [{ code: "once" }],
    });
    expect(used.statusCode).toBe(201);
  });
  afterAll(() => server.close());

  const check = (payload: object, headers: Record<string, string> = server.auth.cashier) =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/coupons/check",
      headers,
      payload,
    });
  function createOrder(payload: object) {
    return server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload,
    });
  }
  const capCart = (code: string, extra: object = {}) => ({
    code,
    line_items: [{ product_id: capId, quantity: 1 }],
    ...extra,
  });
  const orderCount = async () =>
    (await server.store.db.selectFrom("orders").select("id").execute()).length;
  const usageCounts = async () =>
    (await server.store.db.selectFrom("coupons").select(["code", "usage_count"]).execute())
      .map((row) => `${row.code}:${row.usage_count}`)
      .sort();

  it("accepts a valid coupon and returns it", async () => {
    const response = await check(capCart(" TEN "));
    expect(response.statusCode).toBe(200);
    const body = response.json<{ code: string; valid: boolean; coupon: { amount: string } }>();
    expect(body.code).toBe("ten");
    expect(body.valid).toBe(true);
    expect(body.coupon.amount).toBe("10.00");
  });

  it.each([
    ["unknown code", () => capCart("nosuch"), "does not exist"],
    ["expired coupon", () => capCart("old"), "expired"],
    ["used-up coupon", () => capCart("once"), "usage limit"],
    ["minimum spend", () => capCart("big-spend"), "minimum"],
    ["excluded product", () => capCart("no-caps"), "does not apply"],
    ["wrong email", () => capCart("staff", { billing: { email: "else@example.com" } }), "staff"],
    ["individual use", () => capCart("alone", { coupon_lines: [{ code: "ten" }] }), "individual"],
    ["code already applied", () => capCart("ten", { coupon_lines: [{ code: "ten" }] }), "already"],
  ])("rejects %s as order creation does", async (_case, cartOf, reason) => {
    const payload = cartOf();
    const response = await check(payload);
    expect(response.statusCode).toBe(400);
    const body = response.json<WooErrorBody>();
    expect(body.code).toBe("woocommerce_rest_invalid_coupon");
    expect(body.message.toLowerCase()).toContain(reason);

    const {
      code,
      coupon_lines: applied = [],
      ...cart
    } = payload as {
      code: string;
      coupon_lines?: { code: string }[];
    };
    const before = await orderCount();
    const order = await createOrder({ ...cart, coupon_lines: [...applied, { code }] });
    expect(order.statusCode).toBe(400);
    expect(order.json<WooErrorBody>()).toEqual(body);
    expect(await orderCount()).toBe(before);
  });

  it("writes no order and no usage", async () => {
    const orders = await orderCount();
    const usage = await usageCounts();
    expect((await check(capCart("ten"))).statusCode).toBe(200);
    expect((await check(capCart("old"))).statusCode).toBe(400);
    expect(await orderCount()).toBe(orders);
    expect(await usageCounts()).toEqual(usage);
  });

  it.each([
    ["a missing code", { line_items: [{ product_id: 1, quantity: 1 }] }, "code"],
    ["an empty code", capCart("  "), "code"],
    ["a zero quantity", { code: "ten", line_items: [{ product_id: 1, quantity: 0 }] }, "quantity"],
  ])("rejects %s with 400", async (_case, payload, param) => {
    const response = await check(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json<WooErrorBody>().code).toBe("rest_invalid_param");
    expect(response.body).toContain(param);
  });

  it.each([
    ["an empty code", capCart(" \t "), "code is empty: send the coupon code to check"],
    ["a 201-character code", capCart("x".repeat(201)), "code is longer than 200 characters"],
    [
      "a negative quantity",
      { code: "ten", line_items: [{ product_id: capId, quantity: -2 }] },
      "quantity must be at least 1",
    ],
    [
      "a fractional quantity",
      { code: "ten", line_items: [{ product_id: capId, quantity: 1.5 }] },
      "not of type integer",
    ],
    [
      "1001 lines",
      {
        code: "ten",
        line_items: Array.from({ length: 1001 }, () => ({ product_id: capId, quantity: 1 })),
      },
      "line_items",
    ],
    [
      "101 applied coupons",
      capCart("ten", { coupon_lines: Array.from({ length: 101 }, (_, i) => ({ code: `c${i}` })) }),
      "coupon_lines",
    ],
  ])("names the fault in %s", async (_case, payload, reason) => {
    const orders = await orderCount();
    const usage = await usageCounts();

    const response = await check(payload);

    expect(response.statusCode).toBe(400);
    expect(response.json<WooErrorBody>().code).toBe("rest_invalid_param");
    expect(response.body).toContain(reason);
    expect(await orderCount()).toBe(orders);
    expect(await usageCounts()).toEqual(usage);
  });

  it.each([" TEN ", "Ten", "\u00a0ten\n"])("matches %j to coupon ten", async (code) => {
    const response = await check(capCart(code));

    expect(response.statusCode).toBe(200);
    expect(response.json<{ code: string }>().code).toBe("ten");
  });

  it("rejects a code with a zero-width space", async () => {
    const response = await check(capCart("ten\u200b"));

    expect(response.statusCode).toBe(400);
    expect(response.json<WooErrorBody>().code).toBe("woocommerce_rest_invalid_coupon");
  });

  it("rejects a body that is not an object", async () => {
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/pos/v1/coupons/check",
      headers: { ...server.auth.cashier, "content-type": "application/json" },
      payload: JSON.stringify(["ten"]),
    });

    expect(response.statusCode).toBe(400);
  });

  it("rejects an unknown customer as order creation does", async () => {
    const cart = capCart("ten", { customer_id: 999_999 });

    const response = await check(cart);

    expect(response.statusCode).toBe(400);
    expect(response.json<WooErrorBody>().code).toBe("woocommerce_rest_invalid_customer_id");
    const order = await createOrder({ ...cart, coupon_lines: [{ code: "ten" }] });
    expect(order.json<WooErrorBody>()).toEqual(response.json());
  });

  it("rejects an unknown product", async () => {
    const response = await check({ code: "ten", line_items: [{ product_id: 99999, quantity: 1 }] });
    expect(response.statusCode).toBe(400);
    expect(response.json<WooErrorBody>().code).toBe("woocommerce_rest_invalid_product_id");
  });

  it("requires a login", async () => {
    const response = await check(capCart("ten"), {});
    expect(response.statusCode).toBe(401);
  });
});
