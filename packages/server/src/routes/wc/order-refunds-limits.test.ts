import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertTestProduct } from "../../test-support/test-products.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface WireOrder {
  id: number;
  status: string;
  line_items: { id: number; meta_data: { key: string; value: unknown }[] }[];
  shipping_lines: { id: number }[];
  fee_lines: { id: number }[];
}

interface WireError {
  code: string;
  message: string;
  data: { reason?: string; params?: Record<string, string> };
}

describe.each(testDialects)("refund limits per line on %s", (dialect) => {
  let server: TestServer;
  let productId = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      sampleData: false,
      settings: { woocommerce_calc_taxes: "no" },
    });
    productId = await insertTestProduct(server.store, { sku: "REF", price: "17.60", stock: 50 });
  });
  afterAll(() => server.close());

  const stock = async () =>
    (
      await server.store.db
        .selectFrom("products")
        .select("stock_quantity")
        .where("id", "=", productId)
        .executeTakeFirstOrThrow()
    ).stock_quantity;

  const refundCount = async (orderId: number) =>
    (
      await server.store.db
        .selectFrom("refunds")
        .select("id")
        .where("order_id", "=", orderId)
        .execute()
    ).length;

  const sell = async (quantity: number, extra: object = {}) => {
    const response = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: {
        set_paid: true,
        line_items: [{ product_id: productId, quantity }],
        ...extra,
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json<WireOrder>();
  };

  const refund = (orderId: number, payload: object, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: "POST",
      url: `/wp-json/wc/v3/orders/${orderId}/refunds`,
      headers: { ...server.auth.manager, ...headers },
      payload,
    });

  const setStatus = (orderId: number, status: string) =>
    server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/orders/${orderId}`,
      headers: server.auth.manager,
      payload: { status },
    });

  it("cancels without restocking refunded units", async () => {
    const start = await stock();
    const order = await sell(3);
    expect(await stock()).toBe(start! - 3);

    const lineId = order.line_items[0]!.id;
    const refunded = await refund(order.id, {
      line_items: [{ id: lineId, quantity: 3 }],
      api_restock: true,
    });
    expect(refunded.statusCode).toBe(201);
    expect(await stock()).toBe(start);

    expect((await setStatus(order.id, "cancelled")).statusCode).toBe(200);
    expect(await stock()).toBe(start);
  });

  it("cancels a partly restocked order to the units sold", async () => {
    const start = await stock();
    const order = await sell(3);
    const lineId = order.line_items[0]!.id;
    expect((await refund(order.id, { line_items: [{ id: lineId, quantity: 1 }] })).statusCode).toBe(
      201,
    );
    expect(await stock()).toBe(start! - 2);

    expect((await setStatus(order.id, "cancelled")).statusCode).toBe(200);
    expect(await stock()).toBe(start);

    expect((await setStatus(order.id, "processing")).statusCode).toBe(200);
    expect(await stock()).toBe(start! - 3);
  });

  it("caps quantity with refund_total sent", async () => {
    const start = await stock();
    const order = await sell(1);
    const lineId = order.line_items[0]!.id;
    const line = { id: lineId, quantity: 1, refund_total: "0.01" };

    expect((await refund(order.id, { line_items: [line] })).statusCode).toBe(201);
    const second = await refund(order.id, { line_items: [line] });
    const third = await refund(order.id, { line_items: [line] });

    expect(second.statusCode).toBe(400);
    expect(third.statusCode).toBe(400);
    expect(second.json<WireError>().code).toBe("woocommerce_rest_cannot_create_order_refund");
    expect(second.json<WireError>().data.reason).toMatch(/more than the 0 units not yet refunded/);
    expect(await refundCount(order.id)).toBe(1);
    expect(await stock()).toBe(start);
  });

  it("caps a line amount at its total", async () => {
    // 3 × 17.60 = 52.80: refunding 2 units at 33.60 twice would take 67.20.
    const order = await sell(3);
    const lineId = order.line_items[0]!.id;

    const first = await refund(order.id, {
      line_items: [{ id: lineId, quantity: 2, refund_total: "33.60" }],
    });
    const second = await refund(order.id, {
      line_items: [{ id: lineId, quantity: 1, refund_total: "33.60" }],
    });

    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(400);
    expect(second.json<WireError>().data.reason).toMatch(/19\.20 left of its total 52\.80/);
    expect(await refundCount(order.id)).toBe(1);
  });

  it("says when a line is fully refunded", async () => {
    const order = await sell(1);
    const lineId = order.line_items[0]!.id;
    expect((await refund(order.id, { line_items: [{ id: lineId, quantity: 1 }] })).statusCode).toBe(
      201,
    );

    const again = await refund(order.id, { line_items: [{ id: lineId, quantity: 1 }] });

    expect(again.statusCode).toBe(400);
    expect(again.json<WireError>().data.reason).toBe(`line ${lineId} is already fully refunded`);
  });

  it("refunds shipping and fee lines", async () => {
    const order = await sell(1, {
      shipping_lines: [{ method_id: "flat_rate", method_title: "Flat rate", total: "4.00" }],
      fee_lines: [{ name: "Bag", total: "0.50", tax_status: "none" }],
    });
    const shippingId = order.shipping_lines[0]!.id;
    const feeId = order.fee_lines[0]!.id;

    const response = await refund(order.id, {
      line_items: [
        { id: shippingId, refund_total: 4 },
        { id: feeId, refund_total: "0.50" },
      ],
    });

    expect(response.statusCode).toBe(201);
    const body = response.json<{
      amount: string;
      line_items: unknown[];
      shipping_lines: { id: number; total: string }[];
      fee_lines: { id: number; total: string }[];
    }>();
    expect(body.amount).toBe("4.50");
    expect(body.line_items).toEqual([]);
    expect(body.shipping_lines.map((line) => [line.id, line.total])).toEqual([
      [shippingId, "-4.00"],
    ]);
    expect(body.fee_lines.map((line) => [line.id, line.total])).toEqual([[feeId, "-0.50"]]);

    const over = await refund(order.id, { line_items: [{ id: shippingId, refund_total: "0.01" }] });
    expect(over.statusCode).toBe(400);
    expect(over.json<WireError>().data.reason).toMatch(/0\.00 left of its total 4\.00/);
  });

  it("names the order id for an unknown line", async () => {
    const order = await sell(1);
    const response = await refund(order.id, { line_items: [{ id: 999999, refund_total: "1" }] });
    expect(response.statusCode).toBe(400);
    expect(response.json<WireError>().data.params?.["line_items"]).toContain(
      `order ${order.id} has no line item`,
    );
  });

  it("rejects a reused key with another amount", async () => {
    const order = await sell(2);
    const key = { "idempotency-key": `amount-${dialect}` };
    const first = await refund(order.id, { amount: "5.00" }, key);
    const repeat = await refund(order.id, { amount: "5.00" }, key);
    const other = await refund(order.id, { amount: "7.00" }, key);

    expect(first.statusCode).toBe(201);
    expect(repeat.statusCode).toBe(200);
    expect(other.statusCode).toBe(409);
    expect(other.json<WireError>().code).toBe("pos_refund_key_conflict");
    expect(other.json<WireError>().message).toContain(`amount-${dialect}`);
    expect(await refundCount(order.id)).toBe(1);
  });

  it("holds the quantity cap under parallel refunds", async () => {
    const start = await stock();
    const order = await sell(3);
    const lineId = order.line_items[0]!.id;

    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        refund(order.id, { line_items: [{ id: lineId, quantity: 2, refund_total: "1.00" }] }),
      ),
    );

    expect(responses.filter((response) => response.statusCode === 201)).toHaveLength(1);
    expect(await refundCount(order.id)).toBe(1);
    expect(await stock()).toBe(start! - 1);
  });
});
