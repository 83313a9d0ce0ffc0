import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readJournalHead } from "../../db/change-journal.js";
import { writeSettingValues } from "../../store/store-settings.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";
import { insertTestProduct } from "../../test-support/test-products.js";

interface WireOrder {
  id: number;
  status: string;
  total: string;
  total_tax: string;
  cart_tax: string;
  date_paid_gmt: string | null;
  line_items: {
    subtotal: string;
    total: string;
    total_tax: string;
    subtotal_tax: string;
    price: number;
    quantity: number;
  }[];
  tax_lines: { rate_code: string; tax_total: string; rate_percent: number }[];
}

describe.each(testDialects)("wc/v3 orders on %s", (dialect) => {
  let server: TestServer;
  const postOrder = (payload: unknown) =>
    server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: payload as object,
    });
  const stockOf = async (id: number) =>
    await server.store.db
      .selectFrom("products")
      .select(["stock_quantity", "stock_status"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
  const orderCount = async () =>
    Number(
      (
        await server.store.db
          .selectFrom("orders")
          .select((eb) => eb.fn.countAll().as("count"))
          .executeTakeFirstOrThrow()
      ).count,
    );
  const productIdOf = async (sku: string) =>
    (
      await server.store.db
        .selectFrom("products")
        .select("id")
        .where("sku", "=", sku)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    server = await startTestServer(dialect, { settings: { woocommerce_prices_include_tax: "no" } });
  });
  afterAll(() => server.close());

  it("creates a paid order with tax on top", async () => {
    const beanie = await productIdOf("woo-beanie");
    const response = await postOrder({
      set_paid: true,
      payment_method: "pos_cash",
      line_items: [{ product_id: beanie, quantity: 2 }],
    });
    expect(response.statusCode).toBe(201);
    const order = response.json<WireOrder>();
    expect(response.headers["location"]).toBe(
      `http://localhost:80/wp-json/wc/v3/orders/${order.id}`,
    );
    expect(order.status).toBe("processing");
    expect(order.date_paid_gmt).toMatch(/^\d{4}-/);
    expect(order.line_items[0]).toMatchObject({
      subtotal: "36.00",
      total: "36.00",
      total_tax: "3.60",
      price: 18,
    });
    expect(order.tax_lines).toEqual([
      expect.objectContaining({ rate_code: "US-US-1", tax_total: "3.60", rate_percent: 10 }),
    ]);
    expect([order.total_tax, order.total]).toEqual(["3.60", "39.60"]);
    const fetched = await server.app.inject({
      method: "GET",
      url: `/wp-json/wc/v3/orders/${order.id}`,
      headers: server.auth.cashier,
    });
    expect(fetched.json()).toEqual(order);
  });

  it("sells a variation under its parent", async () => {
    const variation = await productIdOf("woo-vneck-tee-blue");
    const response = await postOrder({
      line_items: [{ product_id: 0, variation_id: variation, quantity: 1 }],
    });
    expect(response.statusCode).toBe(201);
    const order = response.json<
      WireOrder & {
        line_items: { name: string; product_id: number; variation_id: number }[];
      }
    >();
    expect(order.status).toBe("pending");
    expect(order.line_items[0]).toMatchObject({
      name: "V-Neck T-Shirt - Blue",
      variation_id: variation,
      subtotal: "15.00",
    });
  });

  it("creates one order for retries of one client UUID (S1)", async () => {
    const id = await insertTestProduct(server.store, { sku: "s1-mug", price: "9.00", stock: 5 });
    const before = await orderCount();
    const payload = {
      set_paid: true,
      meta_data: [{ key: "_pos_client_uuid", value: "ord-7f3a" }],
      line_items: [{ product_id: id, quantity: 1 }],
    };
    const first = await postOrder(payload);
    const second = await postOrder(payload);
    const third = await postOrder(payload);
    expect([first.statusCode, second.statusCode, third.statusCode]).toEqual([201, 200, 200]);
    const ids = [first, second, third].map((response) => response.json<WireOrder>().id);
    expect(new Set(ids).size).toBe(1);
    expect(await orderCount()).toBe(before + 1);
    expect((await stockOf(id)).stock_quantity).toBe(4);
  });

  it("creates one order for concurrent requests with one client UUID", async () => {
    const id = await insertTestProduct(server.store, { sku: "s1-race", price: "5.00", stock: 5 });
    const before = await orderCount();
    const payload = {
      set_paid: true,
      meta_data: [{ key: "_pos_client_uuid", value: "ord-race-1" }],
      line_items: [{ product_id: id, quantity: 1 }],
    };
    const responses = await Promise.all([
      postOrder(payload),
      postOrder(payload),
      postOrder(payload),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(responses.map((r) => r.json<WireOrder>().id)).size).toBe(1);
    expect(await orderCount()).toBe(before + 1);
    expect((await stockOf(id)).stock_quantity).toBe(4);
  });

  it("rejects another sale under a used client UUID", async () => {
    const id = await insertTestProduct(server.store, {
      sku: "uuid-reuse",
      price: "4.00",
      stock: 9,
    });
    const first = await postOrder({
      set_paid: true,
      meta_data: [{ key: "_pos_client_uuid", value: "ord-reused" }],
      line_items: [{ product_id: id, quantity: 1 }],
    });
    expect(first.statusCode).toBe(201);
    const before = await orderCount();

    const other = await postOrder({
      set_paid: true,
      meta_data: [{ key: "_pos_client_uuid", value: "ord-reused" }],
      line_items: [{ product_id: id, quantity: 5 }],
    });

    expect(other.statusCode).toBe(409);
    expect(other.json<{ code: string }>().code).toBe("pos_client_uuid_conflict");
    expect(other.json<{ message: string }>().message).toContain("ord-reused");
    expect(await orderCount()).toBe(before);
    expect((await stockOf(id)).stock_quantity).toBe(8);
  });

  it("refuses to oversell and changes nothing", async () => {
    const id = await insertTestProduct(server.store, {
      sku: "last-one-mug",
      price: "9.00",
      stock: 1,
    });
    const before = await orderCount();
    const head = await readJournalHead(server.store.db);
    const response = await postOrder({
      set_paid: true,
      line_items: [{ product_id: id, quantity: 3 }],
    });
    expect(response.statusCode).toBe(409);
    const body = response.json<{
      code: string;
      message: string;
      data: Record<string, unknown>;
    }>();
    expect(body.code).toBe("woocommerce_rest_product_partially_out_of_stock");
    expect(body.message).toContain('"Test last-one-mug"');
    expect(body.data).toEqual({ status: 409, product_id: id, stock_quantity: 1, requested: 3 });
    expect(await orderCount()).toBe(before);
    expect(await stockOf(id)).toEqual({ stock_quantity: 1, stock_status: "instock" });
    expect(await readJournalHead(server.store.db)).toBe(head);
  });

  it("oversells a product that allows backorders", async () => {
    const id = await insertTestProduct(server.store, {
      sku: "backorder-mug",
      price: "9.00",
      stock: 1,
      backorders: "yes",
    });
    const response = await postOrder({
      set_paid: true,
      line_items: [{ product_id: id, quantity: 3 }],
    });
    expect(response.statusCode).toBe(201);
    expect(await stockOf(id)).toEqual({ stock_quantity: -2, stock_status: "onbackorder" });
  });

  it("totals a tax-inclusive shelf price as WooCommerce does (T7)", async () => {
    await writeSettingValues(server.store.db, { woocommerce_prices_include_tax: "yes" });
    try {
      const id = await insertTestProduct(server.store, { sku: "t7-item", price: "22.00" });
      const response = await postOrder({ line_items: [{ product_id: id, quantity: 1 }] });
      expect(response.statusCode).toBe(201);
      const order = response.json<WireOrder & { prices_include_tax: boolean }>();
      expect(order.prices_include_tax).toBe(true);
      expect(order.line_items[0]).toMatchObject({
        subtotal: "20.00",
        total: "20.00",
        total_tax: "2.00",
      });
      expect([order.total_tax, order.total]).toEqual(["2.00", "22.00"]);
    } finally {
      await writeSettingValues(server.store.db, { woocommerce_prices_include_tax: "no" });
    }
  });

  it("keeps each order's own currency and decimals", async () => {
    const beanie = await productIdOf("woo-beanie");
    const usd = (await postOrder({ line_items: [{ product_id: beanie, quantity: 1 }] })).json<
      WireOrder & { currency: string }
    >();
    await writeSettingValues(server.store.db, {
      woocommerce_currency: "JPY",
      woocommerce_price_num_decimals: "0",
    });
    try {
      const yen = (await postOrder({ line_items: [{ product_id: beanie, quantity: 1 }] })).json<
        WireOrder & { currency: string; currency_symbol: string }
      >();
      expect([yen.currency, yen.total, yen.currency_symbol]).toEqual(["JPY", "20", "¥"]);
      const again = await server.app.inject({
        method: "GET",
        url: `/wp-json/wc/v3/orders/${usd.id}`,
        headers: server.auth.cashier,
      });
      expect(again.json()).toMatchObject({ currency: "USD", total: "19.80", currency_symbol: "$" });
    } finally {
      await writeSettingValues(server.store.db, {
        woocommerce_currency: "USD",
        woocommerce_price_num_decimals: "2",
      });
    }
  });

  it("uses explicit ex-tax line totals from the till", async () => {
    const id = await insertTestProduct(server.store, { sku: "explicit-item", price: "12.00" });
    const response = await postOrder({
      line_items: [{ product_id: id, quantity: 1, subtotal: "10.000000", total: "10.000000" }],
    });
    const order = response.json<WireOrder>();
    expect(order.line_items[0]).toMatchObject({
      subtotal: "10.00",
      total: "10.00",
      total_tax: "1.00",
    });
    expect(order.total).toBe("11.00");
  });

  describe("bad input", () => {
    const cases: [string, unknown, number, string][] = [
      [
        "quantity of the wrong type",
        { line_items: [{ product_id: 1, quantity: "two" }] },
        400,
        "rest_invalid_param",
      ],
      [
        "zero quantity",
        { line_items: [{ product_id: 1, quantity: 0 }] },
        400,
        "rest_invalid_param",
      ],
      [
        "unknown product",
        { line_items: [{ product_id: 99999999, quantity: 1 }] },
        400,
        "woocommerce_rest_invalid_product_id",
      ],
      [
        "negative line total",
        {
          line_items: [{ product_id: "@beanie", quantity: 1, subtotal: "-18.00", total: "-18.00" }],
        },
        400,
        "rest_invalid_param",
      ],
      [
        "line total above its subtotal",
        { line_items: [{ product_id: "@beanie", quantity: 1, subtotal: "18.00", total: "25.00" }] },
        400,
        "rest_invalid_param",
      ],
      ["unknown status", { status: "paid", line_items: [] }, 400, "rest_invalid_param"],
      [
        "bad line total",
        { line_items: [{ product_id: "@beanie", quantity: 1, total: "abc" }] },
        400,
        "rest_invalid_param",
      ],
      [
        "variable product without variation",
        { line_items: [{ product_id: "@vneck", quantity: 1 }] },
        400,
        "rest_invalid_param",
      ],
      [
        "unknown coupon",
        {
          line_items: [{ product_id: "@beanie", quantity: 1 }],
          coupon_lines: [{ code: "nosuchcode" }],
        },
        400,
        "woocommerce_rest_invalid_coupon",
      ],
      [
        "other currency",
        { currency: "EUR", line_items: [{ product_id: "@beanie", quantity: 1 }] },
        400,
        "rest_invalid_param",
      ],
      ["body that is not an object", [1, 2], 400, "rest_invalid_param"],
      [
        "quantity above the limit",
        { line_items: [{ product_id: "@beanie", quantity: 1e9 }] },
        400,
        "rest_invalid_param",
      ],
      [
        "unknown customer",
        { customer_id: 99999999, line_items: [] },
        400,
        "woocommerce_rest_invalid_customer_id",
      ],
    ];

    it.each(cases)("rejects %s and writes nothing", async (_name, payload, status, code) => {
      const beanie = await productIdOf("woo-beanie");
      const vneck = await productIdOf("woo-vneck-tee");
      const resolved = JSON.parse(
        JSON.stringify(payload)
          .replaceAll('"@beanie"', String(beanie))
          .replaceAll('"@vneck"', String(vneck)),
      ) as unknown;
      const before = await orderCount();
      const head = await readJournalHead(server.store.db);
      const response = await postOrder(resolved);
      expect(response.statusCode).toBe(status);
      expect(response.json()).toMatchObject({ code, data: { status } });
      expect(await orderCount()).toBe(before);
      expect(await readJournalHead(server.store.db)).toBe(head);
    });

    it("rejects amounts too large to total exactly", async () => {
      const id = await insertTestProduct(server.store, {
        sku: "huge-price",
        price: "999999999.00",
      });
      const before = await orderCount();
      const response = await postOrder({ line_items: [{ product_id: id, quantity: 1_000_000 }] });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: "woocommerce_rest_invalid_order_total" });
      expect(await orderCount()).toBe(before);

      // With a coupon the amounts are first read by the coupon rules, which must return the same 400.
      const withCoupon = await postOrder({
        line_items: [{ product_id: id, quantity: 1_000_000 }],
        coupon_lines: [{ code: "nosuchcode" }],
      });
      expect(withCoupon.statusCode).toBe(400);
      expect(withCoupon.json()).toMatchObject({ code: "woocommerce_rest_invalid_order_total" });
      expect(await orderCount()).toBe(before);
    });

    it("words a type error as WordPress does, naming the value", async () => {
      const response = await postOrder({ line_items: [{ product_id: 15, quantity: "two" }] });
      expect(response.json()).toMatchObject({
        message: "Invalid parameter(s): line_items",
        data: {
          params: { line_items: 'line_items[0][quantity] is not of type integer, got "two".' },
        },
      });
    });

    it("rejects malformed JSON", async () => {
      const response = await server.app.inject({
        method: "POST",
        url: "/wp-json/wc/v3/orders",
        headers: { ...server.auth.cashier, "content-type": "application/json" },
        payload: "{not json",
      });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: "rest_invalid_json" });
    });
  });

  it("lists orders newest first and 404s an unknown order", async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/wc/v3/orders?per_page=2",
      headers: server.auth.cashier,
    });
    const orders = response.json<WireOrder[]>();
    expect(orders).toHaveLength(2);
    expect(orders[0]!.id).toBeGreaterThan(orders[1]!.id);
    expect(Number(response.headers["x-wp-total"])).toBeGreaterThan(2);
    const missing = await server.app.inject({
      method: "GET",
      url: "/wp-json/wc/v3/orders/99999999",
      headers: server.auth.cashier,
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      code: "woocommerce_rest_shop_order_invalid_id",
      message: "Invalid ID.",
      data: { status: 404 },
    });
  });
});
