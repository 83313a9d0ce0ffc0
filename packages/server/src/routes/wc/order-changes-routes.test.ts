import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeTransaction } from "../../db/change-journal.js";
import { insertTaxRate } from "../../catalog/tax-rate-store.js";
import { readFixture } from "../../test-support/fixtures.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";
import { insertTestProduct } from "../../test-support/test-products.js";

interface WireOrder {
  id: number;
  status: string;
  total: string;
  discount_total: string;
  discount_tax: string;
  cart_tax: string;
  date_paid_gmt: string | null;
  line_items: { id: number; total: string; total_tax: string; quantity: number }[];
  fee_lines: { total: string; total_tax: string }[];
  coupon_lines: { code: string; discount: string; discount_tax: string; discount_type: string }[];
  refunds: { id: number; total: string }[];
}

describe.each(testDialects)("wc/v3 order changes, coupons and refunds on %s", (dialect) => {
  let server: TestServer;
  const call = (
    method: "GET" | "POST" | "PUT" | "DELETE",
    url: string,
    payload?: unknown,
    role: "manager" | "cashier" = "manager",
  ) =>
    server.app.inject({
      method,
      url,
      headers: server.auth[role],
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const idOf = async (sku: string) =>
    await server.store.db
      .selectFrom("products")
      .select(["id", "parent_id"])
      .where("sku", "=", sku)
      .executeTakeFirstOrThrow();
  const stockOf = async (id: number) =>
    (
      await server.store.db
        .selectFrom("products")
        .select("stock_quantity")
        .where("id", "=", id)
        .executeTakeFirstOrThrow()
    ).stock_quantity;
  const orderCount = async () =>
    Number(
      (
        await server.store.db
          .selectFrom("orders")
          .select((eb) => eb.fn.countAll().as("count"))
          .executeTakeFirstOrThrow()
      ).count,
    );

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date("2026-12-04T15:31:01Z") });
    await writeTransaction(server.store.db, (trx) =>
      insertTaxRate(trx, {
        country: "US",
        state: "CA",
        postcodes: [],
        cities: [],
        rate: "7.2500",
        name: "CA State Tax",
        priority: 1,
        compound: false,
        shipping: true,
        order: 0,
        taxClass: "standard",
      }),
    );
  });
  afterAll(() => server.close());

  it("creates coupons as the fixtures show and rejects a duplicate code", async () => {
    for (const name of ["32-coupon-create-percent", "33-coupon-create-fixed-cart"]) {
      const fixture = readFixture(name);
      const response = await call("POST", "/wp-json/wc/v3/coupons", fixture.request.body);
      expect(response.statusCode).toBe(201);
      const ours = response.json<Record<string, unknown>>();
      const recorded = fixture.response.body as Record<string, unknown>;
      expect(Object.keys(ours)).toEqual(Object.keys(recorded));
      for (const key of [
        "code",
        "amount",
        "discount_type",
        "usage_limit",
        "usage_limit_per_user",
        "minimum_amount",
        "date_expires_gmt",
      ]) {
        expect(ours[key]).toEqual(recorded[key]);
      }
    }
    const duplicate = readFixture("34-coupon-create-duplicate-code");
    const response = await call("POST", "/wp-json/wc/v3/coupons", duplicate.request.body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(duplicate.response.body);
  });

  it("totals a coupon and a fee as WooCommerce 11 did", async () => {
    const fixture = readFixture("36-order-create-coupon-fee");
    const beanie = await idOf("woo-beanie");
    const blue = await idOf("woo-vneck-tee-blue");
    const body = {
      ...(fixture.request.body as Record<string, unknown>),
      customer_id: 0,
      line_items: [
        { product_id: beanie.id, quantity: 2 },
        { product_id: blue.parent_id, variation_id: blue.id, quantity: 1 },
      ],
    };
    const response = await call("POST", "/wp-json/wc/v3/orders", body, "cashier");
    expect(response.statusCode).toBe(201);
    const order = response.json<WireOrder>();
    const recorded = fixture.response.body as WireOrder;
    expect([order.discount_total, order.discount_tax, order.cart_tax, order.total]).toEqual([
      recorded.discount_total,
      recorded.discount_tax,
      recorded.cart_tax,
      recorded.total,
    ]);
    expect(order.line_items.map((line) => [line.total, line.total_tax])).toEqual(
      recorded.line_items.map((line) => [line.total, line.total_tax]),
    );
    expect(order.fee_lines[0]).toMatchObject({ total: "2.50", total_tax: "0.18" });
    expect(order.coupon_lines[0]).toMatchObject({
      code: "pos10",
      discount: "5.10",
      discount_tax: "0.37",
      discount_type: "percent",
    });
    const coupon = (await call("GET", "/wp-json/wc/v3/coupons?code=pos10")).json<
      { usage_count: number }[]
    >();
    expect(coupon[0]?.usage_count).toBe(1);
  });

  it("rejects invalid coupons and leaves no order", async () => {
    const beanie = await idOf("woo-beanie");
    const cases: [string, string, string][] = [
      ["46-order-create-invalid-coupon", "nosuchcode", "does not exist"],
      ["48-order-create-coupon-min-spend", "fiveoff", "minimum spend"],
    ];
    for (const [fixtureName, code, words] of cases) {
      const before = await orderCount();
      const response = await call(
        "POST",
        "/wp-json/wc/v3/orders",
        { line_items: [{ product_id: beanie.id, quantity: 1 }], coupon_lines: [{ code }] },
        "cashier",
      );
      const recorded = readFixture(fixtureName).response.body as { code: string };
      expect(response.statusCode).toBe(400);
      expect(response.json<{ code: string }>().code).toBe(recorded.code);
      expect(response.json<{ message: string }>().message).toContain(words);
      expect(await orderCount()).toBe(before);
    }
  });

  it("refuses a refund above what remains (T10)", async () => {
    const product = await call("POST", "/wp-json/wc/v3/products", {
      name: "Hundred",
      regular_price: "100.00",
      tax_status: "none",
    });
    const productId = product.json<{ id: number }>().id;
    const order = (
      await call(
        "POST",
        "/wp-json/wc/v3/orders",
        { set_paid: true, line_items: [{ product_id: productId, quantity: 1 }] },
        "cashier",
      )
    ).json<WireOrder>();
    expect(order.total).toBe("100.00");
    const first = await call("POST", `/wp-json/wc/v3/orders/${order.id}/refunds`, {
      amount: "99.00",
      api_refund: false,
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ amount: "99.00", refunded_payment: false });
    const second = await call("POST", `/wp-json/wc/v3/orders/${order.id}/refunds`, {
      amount: "50.00",
      api_refund: false,
    });
    expect(second.statusCode).toBe(400);
    expect(second.json()).toMatchObject({
      code: "woocommerce_rest_cannot_create_order_refund",
      message: "Invalid refund amount.",
      data: { status: 400 },
    });
    expect(second.json<{ data: { reason: string } }>().data.reason).toContain("1.00");
    const refunds = (await call("GET", `/wp-json/wc/v3/orders/${order.id}/refunds`)).json<
      unknown[]
    >();
    expect(refunds).toHaveLength(1);
    const last = await call("POST", `/wp-json/wc/v3/orders/${order.id}/refunds`, {
      amount: "1.00",
      api_refund: false,
    });
    expect(last.statusCode).toBe(201);
    const refunded = (await call("GET", `/wp-json/wc/v3/orders/${order.id}`)).json<WireOrder>();
    expect(refunded.status).toBe("refunded");
    expect(refunded.refunds.map((refund) => refund.total)).toEqual(["-1.00", "-99.00"]);
  });

  it("refunds a line by quantity and restocks it", async () => {
    const id = await insertTestProduct(server.store, {
      sku: "refund-mug",
      price: "10.00",
      stock: 5,
    });
    const order = (
      await call(
        "POST",
        "/wp-json/wc/v3/orders",
        { set_paid: true, line_items: [{ product_id: id, quantity: 2 }] },
        "cashier",
      )
    ).json<WireOrder>();
    expect(await stockOf(id)).toBe(3);
    const line = order.line_items[0]!;
    const response = await call("POST", `/wp-json/wc/v3/orders/${order.id}/refunds`, {
      line_items: [{ id: line.id, quantity: 1 }],
      api_refund: false,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      amount: "10.73",
      line_items: [{ quantity: -1, total: "-10.00", total_tax: "-0.73" }],
    });
    expect(await stockOf(id)).toBe(4);
    const cashier = await call(
      "POST",
      `/wp-json/wc/v3/orders/${order.id}/refunds`,
      { amount: "1.00" },
      "cashier",
    );
    expect(cashier.statusCode).toBe(403);
  });

  it("moves a pending order to completed and reduces stock once", async () => {
    const id = await insertTestProduct(server.store, {
      sku: "status-mug",
      price: "4.00",
      stock: 10,
    });
    const order = (
      await call(
        "POST",
        "/wp-json/wc/v3/orders",
        { line_items: [{ product_id: id, quantity: 3 }] },
        "cashier",
      )
    ).json<WireOrder>();
    expect(order.status).toBe("pending");
    expect(await stockOf(id)).toBe(10);
    const completed = await call("PUT", `/wp-json/wc/v3/orders/${order.id}`, {
      status: "completed",
    });
    expect(completed.statusCode).toBe(200);
    expect(completed.json()).toMatchObject({
      status: "completed",
      date_completed_gmt: "2026-12-04T15:31:01",
    });
    expect(await stockOf(id)).toBe(7);
    await call("PUT", `/wp-json/wc/v3/orders/${order.id}`, { status: "processing" });
    expect(await stockOf(id)).toBe(7);
    await call("PUT", `/wp-json/wc/v3/orders/${order.id}`, { status: "cancelled" });
    expect(await stockOf(id)).toBe(10);
  });

  it("totals a taxed shipping line", async () => {
    const beanie = await idOf("woo-beanie");
    const response = await call(
      "POST",
      "/wp-json/wc/v3/orders",
      {
        line_items: [{ product_id: beanie.id, quantity: 1 }],
        shipping_lines: [{ method_id: "flat_rate", method_title: "Flat rate", total: "10.00" }],
      },
      "cashier",
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      shipping_total: "10.00",
      shipping_tax: "0.73",
      shipping_lines: [{ method_id: "flat_rate", total: "10.00", total_tax: "0.73" }],
    });
  });

  it("sends coupons in the snapshot", async () => {
    const snapshot = (await call("GET", "/wp-json/pos/v1/snapshot/coupons")).json<{
      records: { code: string; discountType: string }[];
      total: number;
    }>();
    expect(snapshot.total).toBe(2);
    expect(snapshot.records.map((record) => record.code).sort()).toEqual(["fiveoff", "pos10"]);
  });

  it("adds and lists order notes", async () => {
    const beanie = await idOf("woo-beanie");
    const order = (
      await call(
        "POST",
        "/wp-json/wc/v3/orders",
        { line_items: [{ product_id: beanie.id, quantity: 1 }] },
        "cashier",
      )
    ).json<WireOrder>();
    const added = await call(
      "POST",
      `/wp-json/wc/v3/orders/${order.id}/notes`,
      { note: "Gift wrap please", customer_note: true },
      "cashier",
    );
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      note: "Gift wrap please",
      customer_note: true,
      author: "cashier",
    });
    const notes = (await call("GET", `/wp-json/wc/v3/orders/${order.id}/notes`)).json<
      { note: string }[]
    >();
    expect(notes.map((note) => note.note)).toEqual(["Gift wrap please"]);
  });

  it("assigns an order to a customer and rejects an unknown one", async () => {
    const customer = await call("POST", "/wp-json/wc/v3/customers", {
      email: "assign.me@example.test",
      first_name: "Assign",
    });
    const customerId = customer.json<{ id: number }>().id;
    const order = (await call("POST", "/wp-json/wc/v3/orders", { line_items: [] }, "cashier")).json<
      WireOrder & { customer_id: number }
    >();

    const assigned = await call("PUT", `/wp-json/wc/v3/orders/${order.id}`, {
      customer_id: customerId,
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json<{ customer_id: number }>().customer_id).toBe(customerId);

    const unknown = await call("PUT", `/wp-json/wc/v3/orders/${order.id}`, {
      customer_id: 99999999,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ code: string }>().code).toBe("woocommerce_rest_invalid_customer_id");
    const negative = await call("PUT", `/wp-json/wc/v3/orders/${order.id}`, { customer_id: -1 });
    expect(negative.statusCode).toBe(400);
    const after = await call("GET", `/wp-json/wc/v3/orders/${order.id}`);
    expect(after.json<{ customer_id: number }>().customer_id).toBe(customerId);
  });

  it("trashes a refunded order without restocking twice", async () => {
    const id = await insertTestProduct(server.store, { sku: "trash-cup", price: "4.00", stock: 2 });
    const order = (
      await call(
        "POST",
        "/wp-json/wc/v3/orders",
        { set_paid: true, line_items: [{ product_id: id, quantity: 2 }] },
        "cashier",
      )
    ).json<WireOrder>();
    const line = order.line_items[0]!;
    const refund = await call("POST", `/wp-json/wc/v3/orders/${order.id}/refunds`, {
      line_items: [{ id: line.id, quantity: 1 }],
      api_refund: false,
    });
    expect(refund.statusCode).toBe(201);
    expect(await stockOf(id)).toBe(1);

    const trashed = await call("DELETE", `/wp-json/wc/v3/orders/${order.id}`);
    expect(trashed.statusCode).toBe(200);
    expect(await stockOf(id)).toBe(2);
  });

  it("trashes an order and restores its stock", async () => {
    const id = await insertTestProduct(server.store, { sku: "trash-mug", price: "4.00", stock: 2 });
    const order = (
      await call(
        "POST",
        "/wp-json/wc/v3/orders",
        { set_paid: true, line_items: [{ product_id: id, quantity: 2 }] },
        "cashier",
      )
    ).json<WireOrder>();
    expect(await stockOf(id)).toBe(0);
    const trashed = await call("DELETE", `/wp-json/wc/v3/orders/${order.id}`);
    expect(trashed.json<WireOrder>().status).toBe("trash");
    expect(await stockOf(id)).toBe(2);
    const listed = (await call("GET", "/wp-json/wc/v3/orders?per_page=100")).json<WireOrder[]>();
    expect(listed.map((o) => o.id)).not.toContain(order.id);
    const forced = await call("DELETE", `/wp-json/wc/v3/orders/${order.id}?force=true`);
    expect(forced.statusCode).toBe(200);
    const gone = await call("GET", `/wp-json/wc/v3/orders/${order.id}`);
    expect(gone.statusCode).toBe(404);
  });
});
