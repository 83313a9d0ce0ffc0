import { computeSalesReport, reportOrderFromWc } from "@pos/core";
import type { SalesReport, WcReportOrderJson, WcReportRefundJson } from "@pos/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refreshLogins, sell, TestClock } from "../../reports/report-test-helpers.js";
import { startTestServer, testDialects } from "../../test-support/test-server.js";
import type { TestServer } from "../../test-support/test-server.js";

type WireReport = Omit<SalesReport, "startUtc" | "endUtc" | "days"> & {
  startUtc: string;
  endUtc: string;
  days: (Omit<SalesReport["days"][number], "startUtc" | "endUtc"> & {
    startUtc: string;
    endUtc: string;
  })[];
};

const cash = (amount: string, change = "0.00") => ({
  method: "pos_cash",
  title: "Cash",
  amount,
  change,
});
const card = (amount: string) => ({ method: "pos_card", title: "Card", amount, change: "0.00" });

describe.each(testDialects)("pos/v1 sales report on %s", (dialect) => {
  let server: TestServer;
  const clock = new TestClock(new Date("2022-07-04T09:00:00Z"));
  const report = async (query: string) =>
    server.app.inject({
      method: "GET",
      url: `/wp-json/pos/v1/reports/sales?${query}`,
      headers: server.auth.manager,
    });

  beforeAll(async () => {
    // No tax, so every figure below can be worked by hand from the shelf prices.
    server = await startTestServer(dialect, {
      now: clock.now,
      settings: { timezone_string: "Europe/London", woocommerce_calc_taxes: "no" },
    });

    // R1: 22:30Z is 23:30 on 4 July in London (BST), 23:30Z is 00:30 on 5 July.
    clock.set("2022-07-04T22:30:00Z");
    await refreshLogins(server);
    // Beanie 18.00 × 2 = 36.00, paid 40.00 cash with 4.00 change, on register R1.
    await sell(server, {
      sku: "woo-beanie",
      quantity: 2,
      tenders: [cash("40.00", "4.00")],
      register: "R1",
      cashierId: 3,
    });
    clock.set("2022-07-04T23:30:00Z");
    await refreshLogins(server);
    // Belt 55.00, split: 20.00 cash and 35.00 card, on register R2.
    await sell(server, {
      sku: "woo-belt",
      quantity: 1,
      tenders: [cash("20.00"), card("35.00")],
      register: "R2",
      cashierId: 4,
    });
  });
  afterAll(() => server.close());

  it("cuts days in store time (R1)", async () => {
    const response = await report("from=2022-07-04&to=2022-07-05");
    expect(response.statusCode).toBe(200);
    const body = response.json<WireReport>();
    expect(body.days.map((day) => [day.date, day.orders])).toEqual([
      ["2022-07-04", 1],
      ["2022-07-05", 1],
    ]);
    expect(body.days[0]!.startUtc).toBe("2022-07-03T23:00:00.000Z");
  });

  it("sums figures worked by hand", async () => {
    const body = (await report("from=2022-07-04&to=2022-07-05")).json<WireReport>();
    expect(body.orders).toBe(2);
    expect(body.grossSales).toBe(3600 + 5500);
    expect(body.netSales).toBe(9100);
    expect(body.tax).toBe(0);
    expect(body.itemsSold).toBe(3);
    expect(body.averageOrderValue).toBe(4550);
    expect(body.currency).toEqual({ code: "USD", decimals: 2 });
    expect(body.payments).toEqual([
      {
        methodId: "pos_card",
        methodTitle: "Card",
        tenders: 1,
        tendered: 3500,
        change: 0,
        received: 3500,
      },
      {
        methodId: "pos_cash",
        methodTitle: "Cash",
        tenders: 2,
        tendered: 6000,
        change: 400,
        received: 5600,
      },
    ]);
    const hours = body.hours.filter((hour) => hour.orders > 0);
    expect(hours).toEqual([
      { hour: 0, orders: 1, grossSales: 5500 },
      { hour: 23, orders: 1, grossSales: 3600 },
    ]);
  });

  it("filters by register, cashier and method", async () => {
    const byRegister = (
      await report("from=2022-07-04&to=2022-07-05&register=R2")
    ).json<WireReport>();
    expect(byRegister.grossSales).toBe(5500);
    const byCashier = (await report("from=2022-07-04&to=2022-07-05&cashier=3")).json<WireReport>();
    expect(byCashier.grossSales).toBe(3600);
    const byCard = (
      await report("from=2022-07-04&to=2022-07-05&payment_method=pos_card")
    ).json<WireReport>();
    expect(byCard.orders).toBe(1);
  });

  it("agrees with core on the wire orders", async () => {
    const orders = (
      await server.app.inject({
        method: "GET",
        url: "/wp-json/wc/v3/orders?per_page=100",
        headers: server.auth.manager,
      })
    ).json<(WcReportOrderJson & { id: number })[]>();
    const reportOrders = [];
    for (const order of orders) {
      const refunds = (
        await server.app.inject({
          method: "GET",
          url: `/wp-json/wc/v3/orders/${order.id}/refunds`,
          headers: server.auth.manager,
        })
      ).json<WcReportRefundJson[]>();
      reportOrders.push(reportOrderFromWc(order, refunds, 2));
    }
    const local = computeSalesReport(reportOrders, {
      from: "2022-07-04",
      to: "2022-07-05",
      timeZone: "Europe/London",
      currency: { code: "USD", decimals: 2 },
    });
    const served = (await report("from=2022-07-04&to=2022-07-05")).json<unknown>();
    const unreadableTenders = { orders: 0, orderIds: [] };
    expect(served).toEqual(JSON.parse(JSON.stringify({ ...local, unreadableTenders })));
  });

  it("rejects a date that does not exist", async () => {
    const response = await report("from=2022-02-30&to=2022-03-01");
    expect(response.statusCode).toBe(400);
    expect(response.json<{ data: { params: { from: string } } }>().data.params.from).toMatch(
      /invalid store date "2022-02-30"/,
    );
  });

  it("rejects a repeated parameter", async () => {
    const response = await report("from=2022-07-01&from=2022-07-04&to=2022-07-04");
    expect(response.statusCode).toBe(400);
    const params = response.json<{ data: { params: Record<string, string> } }>().data.params;
    expect(params["from"]).toBe(
      'from was given 2 times ("2022-07-01", "2022-07-04"); send it once.',
    );
  });

  it("rejects an unknown status", async () => {
    const response = await report("from=2022-07-04&to=2022-07-04&status=completed,bogus");
    expect(response.statusCode).toBe(400);
    const params = response.json<{ data: { params: Record<string, string> } }>().data.params;
    expect(params["status"]).toContain('status "bogus" is not an order status');
  });

  it("rejects a range that runs backwards", async () => {
    const response = await report("from=2022-07-05&to=2022-07-04");
    expect(response.statusCode).toBe(400);
    const body = response.json<{ code: string; message: string; data: { params: object } }>();
    expect(body.code).toBe("rest_invalid_param");
    expect(body.message).toContain('"from" 2022-07-05 is after "to" 2022-07-04');
    expect(body.message).toContain("swap the two dates");
    expect(Object.keys(body.data.params)).toEqual(["from", "to"]);
  });
});

describe.each(testDialects)("pos/v1 sales report card slips on %s", (dialect) => {
  let server: TestServer;
  const clock = new TestClock(new Date("2022-07-04T09:00:00Z"));
  const slip = (amount: string, reference: string) => ({
    method: "pos_card",
    title: "External card",
    reference,
    amount,
    change: "0.00",
  });

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      now: clock.now,
      settings: { timezone_string: "Europe/London", woocommerce_calc_taxes: "no" },
    });
    await refreshLogins(server);
    // One belt (55.00) on an order stored in the old form, where the slip number was joined to
    // the title, then two beanies (18.00 each) on slips 004512 and 004513. The row takes the
    // title of the newest tender.
    const oldForm = { method: "pos_card", title: "External card 003999", amount: "55.00" };
    await sell(server, { sku: "woo-belt", quantity: 1, tenders: [{ ...oldForm, change: "0.00" }] });
    await sell(server, { sku: "woo-beanie", quantity: 1, tenders: [slip("18.00", "004512")] });
    await sell(server, { sku: "woo-beanie", quantity: 1, tenders: [slip("18.00", "004513")] });
  });
  afterAll(() => server.close());

  it("counts every slip in one card row", async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/reports/sales?from=2022-07-04&to=2022-07-04",
      headers: server.auth.manager,
    });

    expect(response.statusCode).toBe(200);
    expect(response.json<WireReport>().payments).toEqual([
      {
        methodId: "pos_card",
        methodTitle: "External card",
        tenders: 3,
        tendered: 9100,
        change: 0,
        received: 9100,
      },
    ]);
  });
});

describe.each(testDialects)("pos/v1 sales report across a clock change on %s", (dialect) => {
  let server: TestServer;
  const clock = new TestClock(new Date("2022-10-29T12:00:00Z"));

  beforeAll(async () => {
    server = await startTestServer(dialect, {
      now: clock.now,
      settings: { timezone_string: "Europe/London", woocommerce_calc_taxes: "no" },
    });
    // London leaves summer time at 01:00Z on 30 October 2022, so that day has 25 hours.
    // 23:30Z on 29 October is 00:30 BST on the 30th; 23:30Z on the 30th is 23:30 GMT, the 30th.
    for (const instant of ["2022-10-29T23:30:00Z", "2022-10-30T23:30:00Z"]) {
      clock.set(instant);
      await refreshLogins(server);
      await sell(server, { sku: "woo-beanie", quantity: 1, tenders: [cash("18.00")] });
    }
  });
  afterAll(() => server.close());

  it("counts both orders on the long day", async () => {
    const response = await server.app.inject({
      method: "GET",
      url: "/wp-json/pos/v1/reports/sales?from=2022-10-29&to=2022-10-31",
      headers: server.auth.manager,
    });
    const body = response.json<WireReport>();
    expect(body.days.map((day) => [day.date, day.hours, day.orders])).toEqual([
      ["2022-10-29", 24, 0],
      ["2022-10-30", 25, 2],
      ["2022-10-31", 24, 0],
    ]);
  });
});
