import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";
import { insertTestProduct } from "../test-support/test-products.js";

interface WireOrder {
  id: number;
  status: string;
  total: string;
  date_paid_gmt: string | null;
  meta_data: { key: string; value: unknown }[];
  line_items: { product_id: number; quantity: number; meta_data: { key: string }[] }[];
}

interface WireError {
  code: string;
  message: string;
  data: { status: number };
}

describe.each(testDialects)("open orders saved by the till on %s", (dialect) => {
  let server: TestServer;
  let mugId: number;
  let capId: number;

  const post = (url: string, payload: object) =>
    server.app.inject({ method: "POST", url, headers: server.auth.cashier, payload });
  const sale = (
    uuid: string,
    register: string,
    status: string,
    lines: { product_id: number; quantity: number }[],
    extraMeta: { key: string; value: string }[] = [],
  ) => ({
    status,
    set_paid: status === "completed",
    payment_method: "pos_cash",
    meta_data: [
      { key: "_pos_client_uuid", value: uuid },
      { key: "_pos_register", value: register },
      ...extraMeta,
    ],
    line_items: lines,
  });
  const stockOf = async (id: number) =>
    (
      await server.store.db
        .selectFrom("products")
        .select("stock_quantity")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).stock_quantity;
  const ordersWithUuid = async (uuid: string) =>
    await server.store.db
      .selectFrom("orders")
      .select("id")
      .where("client_uuid", "=", uuid)
      .execute();
  const notesOf = async (id: number) => {
    const response = await server.app.inject({
      method: "GET",
      url: `/wp-json/wc/v3/orders/${id}/notes`,
      headers: server.auth.manager,
    });
    return response.json<{ note: string }[]>().map((entry) => entry.note);
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false });
    mugId = await insertTestProduct(server.store, { sku: "open-mug", price: "10.00", stock: 20 });
    capId = await insertTestProduct(server.store, { sku: "open-cap", price: "5.00", stock: 8 });
  });
  afterAll(() => server.close());

  it("saves an open order without touching stock", async () => {
    const response = await post(
      "/wp-json/wc/v3/orders",
      sale("open-1", "register-a", "pos-open", [{ product_id: mugId, quantity: 2 }]),
    );
    expect(response.statusCode).toBe(201);
    const order = response.json<WireOrder>();
    expect(order.status).toBe("pos-open");
    expect(order.date_paid_gmt).toBeNull();
    expect(order.line_items[0]?.meta_data.map((entry) => entry.key)).not.toContain(
      "_reduced_stock",
    );
    expect(await stockOf(mugId)).toBe(20);
  });

  it("refuses a refund of an open order", async () => {
    const saved = await post(
      "/wp-json/wc/v3/orders",
      sale("open-refund", "register-a", "pos-open", [{ product_id: mugId, quantity: 2 }]),
    );
    const order = saved.json<WireOrder & { line_items: { id: number }[] }>();
    const refund = await server.app.inject({
      method: "POST",
      url: `/wp-json/wc/v3/orders/${order.id}/refunds`,
      headers: server.auth.manager,
      payload: { line_items: [{ id: order.line_items[0]?.id, quantity: 2, refund_total: 20 }] },
    });
    expect(refund.statusCode).toBe(400);
    expect(refund.json<{ code: string }>().code).toBe("pos_open_order_not_refundable");
    const refunds = await server.store.db
      .selectFrom("refunds")
      .select("id")
      .where("order_id", "=", order.id)
      .execute();
    expect(refunds).toHaveLength(0);
  });

  it("updates the same order when saved again", async () => {
    const first = await post(
      "/wp-json/wc/v3/orders",
      sale("open-2", "register-a", "pos-open", [{ product_id: mugId, quantity: 1 }]),
    );
    const again = await post(
      "/wp-json/wc/v3/orders",
      sale("open-2", "register-a", "pos-open", [
        { product_id: mugId, quantity: 3 },
        { product_id: capId, quantity: 1 },
      ]),
    );
    expect(again.statusCode).toBe(200);
    const order = again.json<WireOrder>();
    expect(order.id).toBe(first.json<WireOrder>().id);
    expect(order.status).toBe("pos-open");
    expect(order.line_items.map((line) => line.quantity)).toEqual([3, 1]);
    expect(order.total).toBe("35.00");
    expect(await ordersWithUuid("open-2")).toHaveLength(1);
    expect(await stockOf(mugId)).toBe(20);
    expect(await stockOf(capId)).toBe(8);
  });

  it("lists open orders by status", async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/wc/v3/orders?status=pos-open&per_page=100",
      headers: server.auth.cashier,
    });
    expect(response.statusCode).toBe(200);
    const statuses = response.json<WireOrder[]>().map((order) => order.status);
    expect(statuses.length).toBeGreaterThanOrEqual(2);
    expect(new Set(statuses)).toEqual(new Set(["pos-open"]));
  });

  it("checks out an open order on another register", async () => {
    const saved = await post(
      "/wp-json/wc/v3/orders",
      sale("open-3", "register-a", "pos-open", [{ product_id: capId, quantity: 2 }]),
    );
    const id = saved.json<WireOrder>().id;

    const paid = await post(
      "/wp-json/wc/v3/orders",
      sale("open-3", "register-b", "completed", [{ product_id: capId, quantity: 3 }]),
    );
    expect(paid.statusCode).toBe(200);
    const order = paid.json<WireOrder>();
    expect(order.id).toBe(id);
    expect(order.status).toBe("completed");
    expect(order.date_paid_gmt).not.toBeNull();
    expect(await stockOf(capId)).toBe(5);
    expect(await ordersWithUuid("open-3")).toHaveLength(1);
    expect(await notesOf(id)).toContain("Order status changed from Open at the till to Completed.");
  });

  it("returns the paid order to a retry from the same register", async () => {
    const retry = await post(
      "/wp-json/wc/v3/orders",
      sale("open-3", "register-b", "completed", [{ product_id: capId, quantity: 3 }]),
    );
    expect(retry.statusCode).toBe(200);
    expect(retry.json<WireOrder>().status).toBe("completed");
    expect(await stockOf(capId)).toBe(5);
  });

  it("rejects a stale copy's checkout on the first register", async () => {
    const stale = await post(
      "/wp-json/wc/v3/orders",
      sale("open-3", "register-a", "completed", [{ product_id: capId, quantity: 3 }]),
    );
    expect(stale.statusCode).toBe(409);
    const error = stale.json<WireError>();
    expect(error.code).toBe("pos_open_order_taken");
    expect(error.message).toContain("register register-b");
    expect(await stockOf(capId)).toBe(5);
    expect(await ordersWithUuid("open-3")).toHaveLength(1);
  });

  it("rejects saving a paid order as open again", async () => {
    const stale = await post(
      "/wp-json/wc/v3/orders",
      sale("open-3", "register-a", "pos-open", [{ product_id: capId, quantity: 2 }]),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json<WireError>().code).toBe("pos_open_order_closed");
    const row = await server.store.db
      .selectFrom("orders")
      .select("status")
      .where("client_uuid", "=", "open-3")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("completed");
  });

  it("voids an open order with the reason in a note", async () => {
    const lines = [{ product_id: mugId, quantity: 4 }];
    const saved = await post(
      "/wp-json/wc/v3/orders",
      sale("open-4", "register-a", "pos-open", lines),
    );
    const id = saved.json<WireOrder>().id;
    const reason = [{ key: "_pos_void_reason", value: "customer left" }];

    const voided = await post(
      "/wp-json/wc/v3/orders",
      sale("open-4", "register-a", "cancelled", lines, reason),
    );
    expect(voided.statusCode).toBe(200);
    expect(voided.json<WireOrder>().status).toBe("cancelled");
    expect(await notesOf(id)).toContain(
      "Order status changed from Open at the till to Cancelled. Voided at the till: customer left",
    );

    const repeated = await post(
      "/wp-json/wc/v3/orders",
      sale("open-4", "register-a", "cancelled", lines, reason),
    );
    expect(repeated.statusCode).toBe(200);
    expect(await notesOf(id)).toHaveLength(1);
    expect(await stockOf(mugId)).toBe(20);
  });

  it("never checks out a voided order", async () => {
    const checkout = await post(
      "/wp-json/wc/v3/orders",
      sale("open-4", "register-b", "completed", [{ product_id: mugId, quantity: 4 }]),
    );
    expect(checkout.statusCode).toBe(409);
    const error = checkout.json<WireError>();
    expect(error.code).toBe("pos_open_order_voided");
    expect(error.message).toContain("reason: customer left");
    expect(await stockOf(mugId)).toBe(20);
    expect(await ordersWithUuid("open-4")).toHaveLength(1);
  });

  it("voids a saved open order through an update", async () => {
    const saved = await post(
      "/wp-json/wc/v3/orders",
      sale("open-5", "register-a", "pos-open", [{ product_id: mugId, quantity: 1 }]),
    );
    const id = saved.json<WireOrder>().id;
    const response = await server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/orders/${id}`,
      headers: server.auth.manager,
      payload: { status: "cancelled", meta_data: [{ key: "_pos_void_reason", value: "test" }] },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json<WireOrder>().status).toBe("cancelled");
    expect(await notesOf(id)).toEqual([
      "Order status changed from Open at the till to Cancelled. Voided at the till: test",
    ]);
  });

  it("rejects an open order with a bad line and keeps the saved one", async () => {
    const response = await post(
      "/wp-json/wc/v3/orders",
      sale("open-2", "register-a", "pos-open", [{ product_id: 999_999, quantity: 1 }]),
    );
    expect(response.statusCode).toBe(400);
    const row = await server.store.db
      .selectFrom("orders")
      .select(["status", "total"])
      .where("client_uuid", "=", "open-2")
      .executeTakeFirstOrThrow();
    expect(row.status).toBe("pos-open");
    expect(row.total).toBe("35.00");
  });
});
