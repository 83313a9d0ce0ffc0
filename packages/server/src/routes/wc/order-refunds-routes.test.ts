import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sell } from "../../reports/report-test-helpers.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface WireRefund {
  id: number;
  amount: string;
  meta_data: { key: string; value: unknown }[];
}

describe.each(testDialects)("wc/v3 refunds with idempotency keys on %s", (dialect) => {
  let server: TestServer;
  const refund = (orderId: number, payload: object, headers: Record<string, string> = {}) =>
    server.app.inject({
      method: "POST",
      url: `/wp-json/wc/v3/orders/${orderId}/refunds`,
      headers: { ...server.auth.manager, ...headers },
      payload,
    });
  const refundCount = async (orderId: number) =>
    (
      await server.store.db
        .selectFrom("refunds")
        .select("id")
        .where("order_id", "=", orderId)
        .execute()
    ).length;
  const stockOf = async (sku: string) =>
    (
      await server.store.db
        .selectFrom("products")
        .select("stock_quantity")
        .where("sku", "=", sku)
        .executeTakeFirstOrThrow()
    ).stock_quantity;
  const cash = (amount: string) => [{ method: "pos_cash", title: "Cash", amount, change: "0.00" }];

  beforeAll(async () => {
    server = await startTestServer(dialect, { settings: { woocommerce_calc_taxes: "no" } });
  });
  afterAll(() => server.close());

  it("returns the same refund for a repeated header key", async () => {
    const orderId = await sell(server, { sku: "woo-beanie", quantity: 2, tenders: cash("36.00") });
    const first = await refund(orderId, { amount: "5.00" }, { "idempotency-key": "k-1" });
    const again = await refund(orderId, { amount: "5.00" }, { "idempotency-key": "k-1" });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json<WireRefund>().id).toBe(first.json<WireRefund>().id);
    expect(await refundCount(orderId)).toBe(1);
  });

  it("reads the key from meta and keeps the meta", async () => {
    const orderId = await sell(server, { sku: "woo-beanie", quantity: 1, tenders: cash("18.00") });
    const meta = [
      { key: "_pos_refund_key", value: "k-2" },
      { key: "_pos_refund_method", value: "pos_cash" },
    ];
    const first = await refund(orderId, { amount: "3.00", meta_data: meta });
    const again = await refund(orderId, { amount: "3.00", meta_data: meta });
    expect(again.json<WireRefund>().id).toBe(first.json<WireRefund>().id);
    expect(first.json<WireRefund>().meta_data).toContainEqual(
      expect.objectContaining({ key: "_pos_refund_method", value: "pos_cash" }),
    );
    expect(await refundCount(orderId)).toBe(1);
  });

  it("rejects a key reused on another order", async () => {
    const orderId = await sell(server, { sku: "woo-beanie", quantity: 1, tenders: cash("18.00") });
    const response = await refund(orderId, { amount: "1.00" }, { "idempotency-key": "k-1" });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ code: string }>().code).toBe("pos_refund_key_reused");
    expect(await refundCount(orderId)).toBe(0);
  });

  it("refunds a line with restock", async () => {
    const before = await stockOf("woo-beanie");
    const orderId = await sell(server, { sku: "woo-beanie", quantity: 3, tenders: cash("54.00") });
    const order = (
      await server.app.inject({
        method: "GET",
        url: `/wp-json/wc/v3/orders/${orderId}`,
        headers: server.auth.manager,
      })
    ).json<{ line_items: { id: number }[] }>();
    const response = await refund(
      orderId,
      { line_items: [{ id: order.line_items[0]!.id, quantity: 2 }], api_restock: true },
      { "idempotency-key": "k-3" },
    );
    expect(response.statusCode).toBe(201);
    expect(response.json<WireRefund>().amount).toBe("36.00");
    expect(await stockOf("woo-beanie")).toBe(before === null ? null : before - 1);
  });

  it("refuses a refund above what is left (T10)", async () => {
    // Belt 55.00 × 2 = 110.00: refund 99.00, then 50.00 is more than the 11.00 left.
    const orderId = await sell(server, { sku: "woo-belt", quantity: 2, tenders: cash("110.00") });
    expect(
      (await refund(orderId, { amount: "99.00" }, { "idempotency-key": "t10-a" })).statusCode,
    ).toBe(201);
    const second = await refund(orderId, { amount: "50.00" }, { "idempotency-key": "t10-b" });
    expect(second.statusCode).toBe(400);
    const body = second.json<{ code: string; message: string; data: { reason: string } }>();
    expect(body.code).toBe("woocommerce_rest_cannot_create_order_refund");
    expect(body.message).toBe("Invalid refund amount.");
    expect(body.data.reason).toMatch(/at most 11.00 can be refunded/);
    expect(await refundCount(orderId)).toBe(1);
  });

  it("rejects a key that is too long", async () => {
    const orderId = await sell(server, { sku: "woo-beanie", quantity: 1, tenders: cash("18.00") });
    const response = await refund(
      orderId,
      { amount: "1.00" },
      { "idempotency-key": "x".repeat(201) },
    );
    expect(response.statusCode).toBe(400);
    expect(await refundCount(orderId)).toBe(0);
  });
});
