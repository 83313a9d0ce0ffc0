import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../build-app.js";
import { refreshLogins, sell, TestClock } from "../../reports/report-test-helpers.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

interface WireReport {
  orders: number;
  grossSales: number;
  payments: { methodId: string; tenders: number; received: number }[];
  unreadableTenders: { orders: number; orderIds: number[] };
}

const cash = (amount: string) => ({ method: "pos_cash", title: "Cash", amount, change: "0.00" });

describe.each(testDialects)("_pos_tenders checks on %s", (dialect) => {
  let server: TestServer;
  const clock = new TestClock(new Date("2022-07-04T09:00:00Z"));

  const orderCount = async () =>
    Number(
      (
        await server.store.db
          .selectFrom("orders")
          .select((eb) => eb.fn.countAll().as("count"))
          .executeTakeFirstOrThrow()
      ).count,
    );

  const postOrder = async (tendersValue: unknown) => {
    const product = await server.store.db
      .selectFrom("products")
      .select("id")
      .where("sku", "=", "woo-beanie")
      .executeTakeFirstOrThrow();
    return server.app.inject({
      method: "POST",
      url: "/wp-json/wc/v3/orders",
      headers: server.auth.cashier,
      payload: {
        status: "completed",
        set_paid: true,
        payment_method: "pos_cash",
        line_items: [{ product_id: product.id, quantity: 1 }],
        meta_data: [{ key: "_pos_tenders", value: tendersValue }],
      },
    });
  };

  /** Writes a `_pos_tenders` value straight into a stored order, as an older server let through. */
  const storeTendersValue = async (orderId: number, value: unknown) => {
    const row = await server.store.db
      .selectFrom("orders")
      .select("details")
      .where("id", "=", orderId)
      .executeTakeFirstOrThrow();
    const details = JSON.parse(row.details) as { meta_data: { key: string; value: unknown }[] };
    for (const entry of details.meta_data) {
      if (entry.key === "_pos_tenders") entry.value = value;
    }
    await server.store.db
      .updateTable("orders")
      .set({ details: JSON.stringify(details) })
      .where("id", "=", orderId)
      .execute();
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      now: clock.now,
      settings: { timezone_string: "Europe/London", woocommerce_calc_taxes: "no" },
    });
    await refreshLogins(server);
  });
  afterAll(() => server.close());

  it("rejects an entry without an amount", async () => {
    const before = await orderCount();
    const value = JSON.stringify([{ method: "pos_cash", title: "Cash", change: "0.00" }]);

    const response = await postOrder(value);

    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; message: string; data: { params: object } }>();
    expect(body.code).toBe("rest_invalid_param");
    expect(body.message).toContain("meta_data _pos_tenders");
    expect(body.message).toContain("on order being created: entry 0 has no amount string");
    expect(body.message).toContain(JSON.stringify(value));
    expect(body.message).toContain("Expected a JSON array such as");
    expect(body.data.params).toHaveProperty("meta_data");
    expect(await orderCount()).toBe(before);
  });

  it("rejects values core cannot read", async () => {
    const cases: [unknown, string][] = [
      ["not json", "the value is not JSON"],
      [JSON.stringify({ method: "pos_cash" }), "the value is not an array"],
      [JSON.stringify([cash("12.345")]), "entry 0 amount"],
      [JSON.stringify([cash("18.00"), { ...cash("1.00"), title: 7 }]), "entry 1 has no title"],
      [
        JSON.stringify([{ ...cash("18.00"), reference: "a\u0007b" }]),
        "control or invisible formatting character",
      ],
      [[{ method: "pos_cash", title: "Cash", amount: 18 }], "entry 0 has no amount string"],
    ];
    const before = await orderCount();

    for (const [value, problem] of cases) {
      const response = await postOrder(value);
      expect(response.statusCode, String(value)).toBe(400);
      expect(response.json<{ message: string }>().message, String(value)).toContain(problem);
    }
    expect(await orderCount()).toBe(before);
  });

  it("rejects tenders that cannot be true", async () => {
    const card = (amount: string) => ({
      method: "pos_card",
      title: "External card",
      amount,
      change: "0.00",
    });
    const cases: [unknown[], string][] = [
      [[card("1000.00")], "the tenders pay 1000.00 (amounts minus change) but the order total"],
      [[card("10.00"), card("10.00")], "the tenders pay 20.00"],
      [[{ ...cash("18.00"), method: "" }], 'entry 0 method "" is blank'],
      [[{ ...cash("18.00"), title: "" }], 'entry 0 title "" is blank'],
      [[{ ...card("18.00"), title: "Cash" }], 'entry 0 title "Cash" is the title of method'],
      [[cash("-1.00")], 'entry 0 amount "-1.00" is not above 0'],
      [[{ ...cash("20.00"), change: "50.00" }], 'entry 0 change "50.00" is more than the 20.00'],
      [[{ ...cash("18.00"), change: "-1.00" }], 'entry 0 change "-1.00" is negative'],
      [[{ ...card("20.00"), change: "2.00" }], "only pos_cash tenders give change"],
      [[{ ...card("18.00"), reference: "  " }], 'entry 0 reference "  " is blank'],
    ];
    const before = await orderCount();

    for (const [tenders, problem] of cases) {
      const response = await postOrder(JSON.stringify(tenders));
      const label = JSON.stringify(tenders);
      expect(response.statusCode, label).toBe(400);
      const body = response.json<{ code: string; message: string }>();
      expect(body.code, label).toBe("rest_invalid_param");
      expect(body.message, label).toContain(problem);
      expect(body.message, label).toContain("nothing was saved");
    }
    expect(await orderCount()).toBe(before);
  });

  it("accepts split tenders as the till writes them", async () => {
    const tenders = [
      {
        method: "pos_card",
        title: "External card",
        reference: "004512",
        amount: "5.00",
        change: "0.00",
      },
      { method: "pos_cash", title: "Cash", amount: "10.00", change: "0.00" },
      { method: "pos_cash", title: "Cash", amount: "5.00", change: "2.00" },
    ];

    expect((await postOrder(JSON.stringify(tenders))).statusCode).toBe(201);
  });

  it("rejects a paid update whose tenders miss the total", async () => {
    const orderId = await sell(server, {
      sku: "woo-beanie",
      quantity: 1,
      tenders: [cash("18.00")],
    });
    const value = JSON.stringify([cash("17.00")]);

    const response = await server.app.inject({
      method: "PUT",
      url: `/wp-json/wc/v3/orders/${orderId}`,
      headers: server.auth.manager,
      payload: { meta_data: [{ key: "_pos_tenders", value }] },
    });

    expect(response.statusCode).toBe(400);
    expect(response.json<{ message: string }>().message).toContain(
      `on order ${orderId}: the tenders pay 17.00 (amounts minus change) but the order total is 18.00`,
    );
  });

  it("accepts tenders as a string or an array", async () => {
    expect((await postOrder(JSON.stringify([cash("18.00")]))).statusCode).toBe(201);
    expect((await postOrder([cash("18.00")])).statusCode).toBe(201);
  });

  it("reports around a stored bad value", async () => {
    clock.set("2022-07-05T10:00:00Z");
    await refreshLogins(server);
    await sell(server, { sku: "woo-beanie", quantity: 1, tenders: [cash("18.00")] });
    const bad = await sell(server, { sku: "woo-belt", quantity: 1, tenders: [cash("55.00")] });
    await storeTendersValue(bad, '[{"method":"pos_cash","title":"Cash","amount":"55,00"}]');
    const lines: string[] = [];
    const logged = await buildApp({
      store: server.store,
      now: clock.now,
      logger: { level: "info", stream: { write: (line: string) => void lines.push(line) } },
    });

    const response = await logged.inject({
      method: "GET",
      url: "/wp-json/pos/v1/reports/sales?from=2022-07-05&to=2022-07-05",
      headers: server.auth.manager,
    });
    await logged.close();

    expect(response.statusCode).toBe(200);
    const report = response.json<WireReport>();
    expect(report.orders).toBe(2);
    expect(report.grossSales).toBe(1800 + 5500);
    expect(report.payments).toEqual([
      expect.objectContaining({ methodId: "pos_cash", tenders: 1, received: 1800 }),
    ]);
    expect(report.unreadableTenders).toEqual({ orders: 1, orderIds: [bad] });
    const warnings = lines.filter((line) => line.includes("unreadable tenders"));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({ orderId: bad, level: 40 });
  });

  it("counts stored impossible tenders as unreadable", async () => {
    clock.set("2022-07-06T10:00:00Z");
    await refreshLogins(server);
    const good = await sell(server, { sku: "woo-beanie", quantity: 1, tenders: [cash("18.00")] });
    const overpaid = await sell(server, {
      sku: "woo-beanie",
      quantity: 1,
      tenders: [cash("18.00")],
    });
    const negative = await sell(server, {
      sku: "woo-beanie",
      quantity: 1,
      tenders: [cash("18.00")],
    });
    const card = { method: "pos_card", title: "External card", amount: "1000.00", change: "0.00" };
    await storeTendersValue(overpaid, JSON.stringify([card]));
    await storeTendersValue(negative, JSON.stringify([{ ...cash("-1.00") }]));

    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/reports/sales?from=2022-07-06&to=2022-07-06",
      headers: server.auth.manager,
    });

    expect(response.statusCode).toBe(200);
    const report = response.json<WireReport>();
    expect(report.orders).toBe(3);
    expect(report.payments).toEqual([
      expect.objectContaining({ methodId: "pos_cash", tenders: 1, received: 1800 }),
    ]);
    expect(report.unreadableTenders).toEqual({ orders: 2, orderIds: [overpaid, negative] });
    expect(good).toBeLessThan(overpaid);
  });

  it("reports no unreadable tenders normally", async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/reports/sales?from=2022-07-04&to=2022-07-04",
      headers: server.auth.manager,
    });

    expect(response.statusCode).toBe(200);
    expect(response.json<WireReport>().unreadableTenders).toEqual({ orders: 0, orderIds: [] });
  });
});
