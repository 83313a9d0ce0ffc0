import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import { computeSalesReport } from "./compute-sales-report.js";
import { cash, line, order, refund, sampleOrders } from "./report-test-orders.js";
import type { SalesReportOptions } from "./sales-report.js";

const m = toMoney;
const tenthOfMarch: SalesReportOptions = {
  from: "2026-03-10",
  to: "2026-03-10",
  timeZone: "Europe/London",
};

// The sample orders on 10 March 2026, worked out by hand (amounts in cents):
//
// | order | status     | hour | total | tax | items | tenders (amount/change)   | other               |
// | 1001  | completed  | 09   |  3861 | 261 | 2     | cash 4000/139             |                     |
// | 1002  | completed  | 09   |  1448 |  98 | 1     | card 1448                 | coupon 150 + 11 tax |
// | 1003  | processing | 10   |  3754 | 254 | 3     | card 2000, cash 2000/246  | shipping tax 36     |
// | 1004  | on-hold    | 11   |  4827 | 327 | 2     | none                      | cart disc 500 + 36  |
// | 1005  | completed  | 14   |  2199 | 149 | 1     | cash 2500/301             | line disc 200 + 15  |
// | 1006  | completed  | 16   |  4330 | 330 | 2     | card 4330                 | refund 2165/165 card|
// | 1007  | pending    |      |       |     |       |                           | excluded (status)   |
// | 1008  | cancelled  |      |       |     |       |                           | excluded (status)   |
// | 1009  | completed  | 9 March                                                | refund 500 cash 10th|
// | 1010  | completed  | 11 March 00:00                                         | excluded (date)     |
//
// orders 6; gross 3861+1448+3754+4827+2199+4330 = 20419; tax 261+98+254+327+149+330 = 1419;
// net 20419-1419 = 19000; items 2+1+3+2+1+2 = 11; average 20419/6 = 3403.17 -> 3403.
// rate 1: 261+98+218+327+149+290 = 1343 and shipping 36, total 1379, 6 orders; rate 2: 40.
// card: 1448+2000+4330 = 7778 over 3 tenders; cash: 4000+2000+2500 = 8500, change
// 139+246+301 = 686, received 7814; no tender: 4827; 7778+7814+4827 = 20419.
// refunds: 2165 (card) + 500 (cash) = 2665, tax 165, 2 items.
describe("computeSalesReport", () => {
  const report = computeSalesReport(sampleOrders, tenthOfMarch);

  it("sums the headline figures", () => {
    expect(report.orders).toBe(6);
    expect(report.grossSales).toBe(20419);
    expect(report.tax).toBe(1419);
    expect(report.netSales).toBe(19000);
    expect(report.itemsSold).toBe(11);
    expect(report.averageOrderValue).toBe(3403);
    expect(report.currency).toEqual({ code: "USD", decimals: 2 });
  });

  it("sums tax per rate", () => {
    expect(report.taxByRate).toEqual([
      {
        rateId: 1,
        label: "CA State Tax",
        ratePercent: "7.25",
        orders: 6,
        taxTotal: 1343,
        shippingTaxTotal: 36,
        total: 1379,
      },
      {
        rateId: 2,
        label: "City Tax",
        ratePercent: "1",
        orders: 1,
        taxTotal: 40,
        shippingTaxTotal: 0,
        total: 40,
      },
    ]);
  });

  it("shows each kind of discount apart", () => {
    expect(report.discounts.coupons).toEqual({ count: 1, amount: 150, tax: 11 });
    expect(report.discounts.lineDiscounts).toEqual({ count: 1, amount: 200, tax: 15 });
    expect(report.discounts.cartDiscounts).toEqual({ count: 1, amount: 500, tax: 36 });
  });

  it("counts split tenders per method", () => {
    expect(report.payments).toEqual([
      {
        methodId: "pos_card",
        methodTitle: "Card",
        tenders: 3,
        tendered: 7778,
        change: 0,
        received: 7778,
      },
      {
        methodId: "pos_cash",
        methodTitle: "Cash",
        tenders: 3,
        tendered: 8500,
        change: 686,
        received: 7814,
      },
    ]);
    expect(report.untenderedTotal).toBe(4827);
  });

  it("counts refunds on their own date", () => {
    expect(report.refunds).toBe(2665);
    expect(report.refundTotals.count).toBe(2);
    expect(report.refundTotals.amount).toBe(2665);
    expect(report.refundTotals.tax).toBe(165);
    expect(report.refundTotals.itemsRefunded).toBe(2);
    expect(report.refundTotals.byMethod).toEqual([
      { methodId: "pos_card", methodTitle: "Card", refunds: 1, amount: 2165 },
      { methodId: "pos_cash", methodTitle: "Cash", refunds: 1, amount: 500 },
    ]);
  });

  it("fills the hourly chart in store hours", () => {
    const busy = report.hours.filter((hour) => hour.orders > 0);
    expect(report.hours).toHaveLength(24);
    expect(busy).toEqual([
      { hour: 9, orders: 2, grossSales: 5309 },
      { hour: 10, orders: 1, grossSales: 3754 },
      { hour: 11, orders: 1, grossSales: 4827 },
      { hour: 14, orders: 1, grossSales: 2199 },
      { hour: 16, orders: 1, grossSales: 4330 },
    ]);
  });

  it("builds one row per day", () => {
    const twoDays = computeSalesReport(sampleOrders, { ...tenthOfMarch, to: "2026-03-11" });
    expect(twoDays.days.map((day) => [day.date, day.orders, day.grossSales])).toEqual([
      ["2026-03-10", 6, 20419],
      ["2026-03-11", 1, 700],
    ]);
    expect(twoDays.days[0]!.refunds).toBe(2665);
    expect(twoDays.days[0]!.hours).toBe(24);
  });

  it("leaves an empty range at zero", () => {
    const empty = computeSalesReport(sampleOrders, {
      ...tenthOfMarch,
      from: "2026-04-01",
      to: "2026-04-01",
    });
    expect(empty.orders).toBe(0);
    expect(empty.grossSales).toBe(0);
    expect(empty.averageOrderValue).toBe(0);
    expect(empty.currency).toBeNull();
  });
});

describe("computeSalesReport filters", () => {
  // The numbers of the sample orders that a report with these filters counts as sales.
  const numbers = (options: Partial<SalesReportOptions>): string[] =>
    sampleOrders
      .filter((entry) => computeSalesReport([entry], { ...tenthOfMarch, ...options }).orders === 1)
      .map((entry) => entry.number);

  it("keeps the requested statuses", () => {
    expect(numbers({ statuses: ["pending", "cancelled"] })).toEqual(["1007", "1008"]);
  });

  it("keeps the requested cashiers", () => {
    const report = computeSalesReport(sampleOrders, { ...tenthOfMarch, cashierIds: [8] });
    expect(numbers({ cashierIds: [8] })).toEqual(["1003", "1004"]);
    expect(report.grossSales).toBe(3754 + 4827);
    expect(report.refundTotals.count).toBe(1);
  });

  it("keeps the requested registers", () => {
    const report = computeSalesReport(sampleOrders, { ...tenthOfMarch, registerIds: ["R1"] });
    expect(numbers({ registerIds: ["R1"] })).toEqual(["1001", "1002", "1005", "1006"]);
    expect(report.grossSales).toBe(3861 + 1448 + 2199 + 4330);
    expect(report.refundTotals.amount).toBe(2165);
  });

  it("keeps orders with a tender of the method", () => {
    const report = computeSalesReport(sampleOrders, {
      ...tenthOfMarch,
      paymentMethods: ["pos_cash"],
    });
    expect(numbers({ paymentMethods: ["pos_cash"] })).toEqual(["1001", "1003", "1005"]);
    expect(report.grossSales).toBe(3861 + 3754 + 2199);
    expect(report.payments.map((method) => method.methodId)).toEqual(["pos_card", "pos_cash"]);
  });
});

describe("computeSalesReport input checks", () => {
  it("rejects mixed currencies", () => {
    const euros = order({ number: "2001", currency: "EUR", total: m(1000) });
    expect(() => computeSalesReport([...sampleOrders, euros], tenthOfMarch)).toThrow(
      /mixed currencies in one report: order 2001 is in EUR \(2 decimals\) but order 1001 is in USD/,
    );
  });

  it("ignores another currency outside the range", () => {
    const euros = order({ number: "2001", currency: "EUR", dateCreatedGmt: "2026-01-01T10:00" });
    expect(computeSalesReport([...sampleOrders, euros], tenthOfMarch).orders).toBe(6);
  });

  it("rejects a store currency that differs", () => {
    expect(() =>
      computeSalesReport(sampleOrders, { ...tenthOfMarch, currency: { code: "GBP", decimals: 2 } }),
    ).toThrow(/order 1001 is in USD \(2 decimals\) but the store currency is in GBP/);
  });

  it("rejects a range that ends before it starts", () => {
    expect(() => computeSalesReport(sampleOrders, { ...tenthOfMarch, from: "2026-03-11" })).toThrow(
      /invalid report range 2026-03-11 to 2026-03-10/,
    );
  });

  it("rejects a range of too many days", () => {
    expect(() => computeSalesReport(sampleOrders, { ...tenthOfMarch, from: "0202-03-10" })).toThrow(
      /more than 3700, so choose a shorter range/,
    );
  });

  it("rejects a date that is not a date", () => {
    expect(() => computeSalesReport(sampleOrders, { ...tenthOfMarch, to: "2026-02-30" })).toThrow(
      /invalid store date "2026-02-30"/,
    );
  });

  it("rejects an unreadable order date", () => {
    const broken = order({ number: "3001", dateCreatedGmt: "10/03/2026" });
    expect(() => computeSalesReport([broken], tenthOfMarch)).toThrow(
      /invalid order 3001 date "10\/03\/2026"/,
    );
  });

  it("rejects an unreadable refund date", () => {
    const broken = order({
      number: "3002",
      lineItems: [line(1, 100, 0)],
      tenders: [cash(100)],
      refunds: [refund({ amount: m(100), dateCreatedGmt: "yesterday" })],
    });
    expect(() => computeSalesReport([broken], tenthOfMarch)).toThrow(
      /invalid order 3002 refund date "yesterday"/,
    );
  });
});

describe("computeSalesReport amount checks", () => {
  const options: SalesReportOptions = tenthOfMarch;

  it("rejects an amount that is not whole minor units", () => {
    const broken = order({ number: "3003", total: 12.5 as ReturnType<typeof m> });
    expect(() => computeSalesReport([broken], options)).toThrow(
      /invalid total 12.5 on order 3003: expected a whole number of minor units/,
    );
  });

  it("rejects change above the tender", () => {
    const broken = order({ number: "3004", total: m(100), tenders: [cash(100, 150)] });
    expect(() => computeSalesReport([broken], options)).toThrow(
      /invalid tender change 150 on order 3004: expected at most the amount tendered 100/,
    );
  });

  it("rejects a negative refund", () => {
    const broken = order({
      number: "3005",
      total: m(100),
      refunds: [refund({ amount: m(-100), dateCreatedGmt: "2026-03-10T13:00:00" })],
    });
    expect(() => computeSalesReport([broken], options)).toThrow(
      /invalid refund amount -100 on order 3005: expected 0 or more/,
    );
  });
});
