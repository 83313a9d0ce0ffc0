import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../build-app.js";
import { readJournal } from "../db/change-journal.js";
import { insertTestProduct } from "../test-support/test-products.js";
import { startTestServer, testDialects } from "../test-support/test-server.js";
import type { TestServer } from "../test-support/test-server.js";

interface WireOrder {
  id: number;
  total: string;
  discount_total: string;
  line_items: { subtotal: string; total: string }[];
}

/**
 * JPY totals, a reply lost after the commit, an update of a deleted product, explicit line
 * totals kept, and the till's totals check.
 */
describe.each(testDialects)("order cases on %s", (dialect) => {
  let server: TestServer;
  let clock = new Date("2026-12-04T10:00:00Z");
  const post = (url: string, payload: object) =>
    server.app.inject({ method: "POST", url, payload, headers: server.auth.manager });
  const orderCount = async () =>
    Number(
      (
        await server.store.db
          .selectFrom("orders")
          .select((eb) => eb.fn.countAll().as("count"))
          .executeTakeFirstOrThrow()
      ).count,
    );
  const stockOf = async (id: number) =>
    (
      await server.store.db
        .selectFrom("products")
        .select("stock_quantity")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).stock_quantity;

  beforeAll(async () => {
    server = await startTestServer(dialect, { sampleData: false, now: () => clock });
  });
  afterAll(() => server.close());

  it("totals a yen order with a 10% coupon in whole yen (T9)", async () => {
    await server.app.inject({
      method: "PUT",
      url: "/wp-json/wc/v3/settings/general/woocommerce_currency",
      payload: { value: "JPY" },
      headers: server.auth.administrator,
    });
    await server.app.inject({
      method: "PUT",
      url: "/wp-json/wc/v3/settings/general/woocommerce_price_num_decimals",
      payload: { value: "0" },
      headers: server.auth.administrator,
    });
    try {
      const id = await insertTestProduct(server.store, { sku: "t9-kettle", price: "1999" });
      const coupon = await post("/wp-json/wc/v3/coupons", {
        code: "t9ten",
        discount_type: "percent",
        amount: "10",
      });
      expect(coupon.statusCode).toBe(201);
      const response = await post("/wp-json/wc/v3/orders", {
        line_items: [{ product_id: id, quantity: 1 }],
        coupon_lines: [{ code: "t9ten" }],
        meta_data: [{ key: "_pos_expected_total", value: "1799" }],
      });
      expect(response.statusCode).toBe(201);
      const order = response.json<WireOrder & { currency: string }>();
      expect(order).toMatchObject({ currency: "JPY", discount_total: "200", total: "1799" });
    } finally {
      for (const [key, value] of [
        ["woocommerce_currency", "USD"],
        ["woocommerce_price_num_decimals", "2"],
      ]) {
        await server.app.inject({
          method: "PUT",
          url: `/wp-json/wc/v3/settings/general/${key}`,
          payload: { value },
          headers: server.auth.administrator,
        });
      }
    }
  });

  it("keeps one order when the reply to the first try is lost after the commit (S1)", async () => {
    const id = await insertTestProduct(server.store, { sku: "s1-socket", price: "9.00", stock: 5 });
    const before = await orderCount();
    const payload = JSON.stringify({
      set_paid: true,
      meta_data: [{ key: "_pos_client_uuid", value: "ord-7f3a-socket" }],
      line_items: [{ product_id: id, quantity: 1 }],
    });
    // A second app on the same store, so a hook can be added before it starts.
    const app = await buildApp({ store: server.store, now: () => clock });
    // The first reply is lost: the socket closes once the order is committed, before the reply.
    let dropped = false;
    app.addHook("onSend", (request, _reply, body, done) => {
      if (!dropped && request.url === "/wp-json/wc/v3/orders" && request.method === "POST") {
        dropped = true;
        request.raw.socket.destroy();
      }
      done(null, body);
    });
    const address = await app.listen({ host: "127.0.0.1", port: 0 });
    const send = () =>
      new Promise<{ status: number; id: number }>((resolve, reject) => {
        const request = httpRequest(
          `${address}/wp-json/wc/v3/orders`,
          {
            method: "POST",
            headers: { ...server.auth.manager, "content-type": "application/json" },
          },
          (response) => {
            let body = "";
            response.on("data", (chunk: Buffer) => (body += chunk.toString()));
            response.on("end", () =>
              resolve({
                status: response.statusCode ?? 0,
                id: (JSON.parse(body) as { id: number }).id,
              }),
            );
          },
        );
        request.on("error", reject);
        request.end(payload);
      });
    const retries = await (async () => {
      try {
        await expect(send()).rejects.toThrow(/socket hang up|ECONNRESET/);
        return [await send(), await send()];
      } finally {
        await app.close();
      }
    })();
    expect(retries.map((reply) => reply.status)).toEqual([200, 200]);
    expect(new Set(retries.map((reply) => reply.id)).size).toBe(1);
    expect(await orderCount()).toBe(before + 1);
    expect(await stockOf(id)).toBe(4);
  });

  it("refuses a stock update for a product deleted earlier and keeps its tombstone (S6)", async () => {
    clock = new Date("2026-12-04T10:00:00Z");
    const id = await insertTestProduct(server.store, { sku: "s6-42", price: "3.00", stock: 7 });
    const deleted = await server.app.inject({
      method: "DELETE",
      url: `/wp-json/wc/v3/products/${id}?force=true`,
      headers: server.auth.manager,
    });
    expect(deleted.statusCode).toBe(200);
    clock = new Date("2026-12-04T10:05:00Z");
    const update = await server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/products/${id}`,
      payload: { stock_quantity: 3 },
      headers: server.auth.manager,
    });
    // WooCommerce answers an update of a missing product with status 400, not 404 (its
    // update_item; fixture 63 shows the same error for a batch update of a missing id).
    expect(update.statusCode, update.body).toBe(400);
    expect(update.json<{ code: string }>().code).toBe("woocommerce_rest_product_invalid_id");
    const journal = await readJournal(server.store.db, 0, 100_000);
    const entries = journal.entries.filter(
      (entry) => entry.collection === "products" && entry.recordId === id,
    );
    expect(entries).toEqual([expect.objectContaining({ deleted: true })]);
    expect(
      await server.store.db.selectFrom("products").select("id").where("id", "=", id).execute(),
    ).toEqual([]);
  });

  it("keeps the till's explicit line totals when the server price changed (S7)", async () => {
    const id = await insertTestProduct(server.store, { sku: "s7-cup", price: "10.00" });
    await server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/products/${id}`,
      payload: { regular_price: "12.00" },
      headers: server.auth.manager,
    });
    const response = await post("/wp-json/wc/v3/orders", {
      line_items: [{ product_id: id, quantity: 1, subtotal: "10.00", total: "10.00" }],
      meta_data: [{ key: "_pos_expected_total", value: "10.00" }],
    });
    expect(response.statusCode).toBe(201);
    const order = response.json<WireOrder>();
    expect(order.line_items[0]).toMatchObject({ subtotal: "10.00", total: "10.00" });
    expect(order.total).toBe("10.00");
  });

  it("rejects an order whose expected total disagrees and writes nothing", async () => {
    const id = await insertTestProduct(server.store, { sku: "mm-jug", price: "4.00", stock: 9 });
    const before = await orderCount();
    const head = (await readJournal(server.store.db, 0, 100_000)).entries.length;
    const response = await post("/wp-json/wc/v3/orders", {
      set_paid: true,
      line_items: [{ product_id: id, quantity: 2 }],
      meta_data: [{ key: "_pos_expected_total", value: "7.50" }],
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; message: string; data: object }>();
    expect(body.code).toBe("pos_totals_mismatch");
    expect(body.message).toContain("7.50");
    expect(body.message).toContain("8.00");
    expect(body.data).toMatchObject({ expected_total: "7.50", computed_total: "8.00" });
    expect(await orderCount()).toBe(before);
    expect(await stockOf(id)).toBe(9);
    expect((await readJournal(server.store.db, 0, 100_000)).entries.length).toBe(head);
  });
});
