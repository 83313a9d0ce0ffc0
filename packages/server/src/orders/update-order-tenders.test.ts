import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sell } from "../reports/report-test-helpers.js";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

const cash = { method: "pos_cash", title: "Cash", amount: "18.00", change: "0.00" };

describe.each(testDialects)("order update _pos_tenders on %s", (dialect) => {
  let server: TestServer;
  let orderId: number;

  const update = (value: unknown) =>
    server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/orders/${orderId}`,
      headers: server.auth.manager,
      payload: { meta_data: [{ key: "_pos_tenders", value }] },
    });
  const storedTenders = async () => {
    const response = await server.app.inject({
      method: "GET",
      url: `/wp-json/wc/v3/orders/${orderId}`,
      headers: server.auth.manager,
    });
    const order = response.json<{ meta_data: { key: string; value: unknown }[] }>();
    return order.meta_data.find((entry) => entry.key === "_pos_tenders")?.value;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      settings: { woocommerce_calc_taxes: "no" },
    });
    orderId = await sell(server, { sku: "woo-beanie", quantity: 1, tenders: [cash] });
  });
  afterAll(() => server.close());

  it("rejects a bad value unchanged", async () => {
    const before = await storedTenders();

    const response = await update('[{"method":"pos_cash"}]');

    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; message: string }>();
    expect(body.code).toBe("rest_invalid_param");
    expect(body.message).toContain(`on order ${orderId}: entry 0 has no title string`);
    expect(await storedTenders()).toEqual(before);
  });

  it("rejects a second copy unchanged", async () => {
    const before = await storedTenders();
    const overpaid = JSON.stringify([{ ...cash, amount: "700.00" }]);

    const response = await server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/orders/${orderId}`,
      headers: server.auth.manager,
      payload: {
        meta_data: [
          { key: "_pos_tenders", value: JSON.stringify([cash]) },
          { key: "_pos_tenders", value: overpaid },
        ],
      },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toContain("sent 2 times");
    expect(await storedTenders()).toEqual(before);
  });

  it("checks stored tenders when an order becomes paid", async () => {
    const beanie = await server.store.db
      .selectFrom("products")
      .select("id")
      .where("sku", "=", "woo-beanie")
      .executeTakeFirstOrThrow();
    const beanieId = beanie.id;
    const created = await server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: {
        status: "pending",
        set_paid: false,
        line_items: [{ product_id: beanieId, quantity: 1 }],
        meta_data: [
          { key: "_pos_tenders", value: JSON.stringify([{ ...cash, amount: "500.00" }]) },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    const pendingId = created.json<{ id: number }>().id;

    const paid = await server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/orders/${pendingId}`,
      headers: server.auth.manager,
      payload: { status: "processing", set_paid: true },
    });

    expect(paid.statusCode).toBe(400);
    expect(paid.json<{ code: string }>().code).toBe("rest_invalid_param");
    const stored = await server.app.inject({
      method: "GET",
      url: `/wp-json/wc/v3/orders/${pendingId}`,
      headers: server.auth.manager,
    });
    expect(stored.json<{ status: string }>().status).toBe("pending");
  });

  it("accepts a readable value", async () => {
    const value = JSON.stringify([{ ...cash, amount: "20.00", change: "2.00" }]);

    const response = await update(value);

    expect(response.statusCode).toBe(200);
    expect(await storedTenders()).toBe(value);
  });
});
