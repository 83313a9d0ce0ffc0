import { computeSalesReport, toMoney } from "@pos/core";
import { describe, expect, it } from "vitest";
import { testCoupon } from "../cart/test-coupons.js";
import { emptyOrder, newLine } from "../cart/test-orders.js";
import { taxRate, testStore } from "../checkout/test-store.js";
import type { StoredOrder } from "../db/stored-order.js";
import type { LocalRefund } from "./local-refund.js";
import { reportOrderFromStored } from "./report-order-from-stored.js";

let lineCount = 0;

/** Builds a completed order of `quantity` × 18.00 beanies, paid in the given tenders at `completedAt`. */
function sold(
  uuid: string,
  quantity: number,
  completedAt: string,
  tenders: StoredOrder["tenders"],
  overrides: Partial<StoredOrder> = {},
): StoredOrder {
  lineCount += 1;
  return {
    ...emptyOrder(uuid),
    status: "completed",
    lines: [{ ...newLine(), lineId: `line-${lineCount}`, quantity }],
    tenders,
    receipt: {
      localNumber: `RTEST-${uuid.slice(0, 4)}`,
      serverId: null,
      number: null,
      totalMinor: 0,
      currency: "USD",
      completedAtMs: Date.parse(completedAt),
      syncState: "pending",
    },
    ...overrides,
  };
}

const cash = (amountMinor: number, changeMinor = 0) => ({
  method: "pos_cash",
  title: "Cash",
  amountMinor,
  changeMinor,
  reference: null,
});
const card = (amountMinor: number) => ({
  method: "pos_card",
  title: "Card",
  amountMinor,
  changeMinor: 0,
  reference: "1234",
});

const london = { ...testStore, timezone: "Europe/London" };
const context = (refunds: LocalRefund[] = []) => ({
  store: london,
  taxRates: [taxRate("7.2500")],
  registerId: "RTEST",
  refunds,
});
const spring10 = testCoupon({ dateModifiedGmt: "2022-07-01T00:00:00" });
const uuid = (digit: number) => `${digit}d7f3c2a-1b4e-4f6a-9c0d-2e5b7a9f1c3d`;

describe("report order from stored", () => {
  it("totals the order with its tax line", () => {
    // 2 × 18.00 = 36.00 at 7.25 %: tax 2.61, total 38.61.
    const order = reportOrderFromStored(
      sold(uuid(1), 2, "2022-07-04T22:30:00Z", [cash(4000, 139)]),
      context(),
    )!;
    expect(order.total).toBe(3861);
    expect(order.totalTax).toBe(261);
    expect(order.taxLines).toEqual([
      expect.objectContaining({ rateId: 1, ratePercent: "7.25", taxTotal: 261 }),
    ]);
    expect(order.tenders).toEqual([
      { methodId: "pos_cash", methodTitle: "Cash", amount: 4000, change: 139 },
    ]);
    expect(order.registerId).toBe("RTEST");
    expect(order.dateCreatedGmt).toBe("2022-07-04T22:30:00.000Z");
  });

  it("skips open and discarded orders", () => {
    expect(reportOrderFromStored(emptyOrder(uuid(2)), context())).toBeNull();
    const discarded = sold(uuid(3), 1, "2022-07-04T10:00:00Z", [cash(1931)]);
    discarded.receipt = { ...discarded.receipt!, syncState: "discarded" };
    expect(reportOrderFromStored(discarded, context())).toBeNull();
  });

  it("records a line discount with its tax", () => {
    const order = sold(uuid(4), 1, "2022-07-04T10:00:00Z", [cash(1737)]);
    order.lines = [{ ...order.lines[0]!, discountBasisPoints: 1000 }];
    const line = reportOrderFromStored(order, context())!.lineItems[0]!;
    // 10 % off 18.00 is 1.80; the line is 16.20 with tax 1.17, so the discount's tax is 0.13.
    expect(line.total).toBe(1620);
    expect(line.lineDiscount).toBe(180);
    expect(line.lineDiscountTax).toBe(13);
  });

  it("totals a coupon sale with its discount", () => {
    const order = sold(uuid(5), 1, "2022-07-04T10:00:00Z", [cash(1737)], {
      coupons: [{ code: "spring10", toBeConfirmed: false }],
    });
    const withCoupons = { ...context(), coupons: [spring10] };

    const reported = reportOrderFromStored(order, withCoupons)!;

    // 10 % off 18.00 is 1.80; the line is 16.20 with tax 1.17, 17.37 in all.
    expect(reported.discountTotal).toBe(180);
    expect(reported.total).toBe(1737);
  });

  it("attaches refunds this till made", () => {
    const refund: LocalRefund = {
      key: "k-1",
      serverOrderId: 41,
      orderClientUuid: uuid(5),
      refundId: 7,
      amountMinor: 1931,
      taxMinor: 131,
      items: [{ productId: 10, quantity: 1 }],
      methodId: "pos_cash",
      methodTitle: "Cash",
      dateCreatedGmt: "2022-07-05T09:00:00Z",
      registerId: "RTEST",
      reason: "damaged",
    };
    const order = reportOrderFromStored(
      sold(uuid(5), 2, "2022-07-04T10:00:00Z", [cash(3861)]),
      context([refund]),
    )!;
    expect(order.refunds).toEqual([
      expect.objectContaining({ id: 7, amount: 1931, tax: 131, methodId: "pos_cash" }),
    ]);
  });
});

describe("device sales report", () => {
  // Worked by hand, tax 7.25 % on 18.00 a unit:
  // | order | time (UTC)  | London      | units | total | tenders                |
  // | 1     | 07-04 22:30 | 07-04 23:30 | 2     | 38.61 | cash 40.00, change 1.39 |
  // | 2     | 07-04 23:30 | 07-05 00:30 | 1     | 19.31 | cash 10.00, card 9.31  |
  // | 3     | 07-05 12:00 | 07-05 13:00 | 3     | 57.92 | card 57.92             |
  // Order 3: 54.00 × 7.25 % = 3.915, rounded per line to 3.92.
  const orders = [
    sold(uuid(6), 2, "2022-07-04T22:30:00Z", [cash(4000, 139)]),
    sold(uuid(7), 1, "2022-07-04T23:30:00Z", [cash(1000), card(931)]),
    sold(uuid(8), 3, "2022-07-05T12:00:00Z", [card(5792)]),
  ].map((order) => reportOrderFromStored(order, context())!);

  it("cuts days in store time (R1)", () => {
    const report = computeSalesReport(orders, {
      from: "2022-07-04",
      to: "2022-07-05",
      timeZone: "Europe/London",
    });
    expect(report.days.map((day) => [day.date, day.orders])).toEqual([
      ["2022-07-04", 1],
      ["2022-07-05", 2],
    ]);
  });

  it("sums the figures", () => {
    const report = computeSalesReport(orders, {
      from: "2022-07-04",
      to: "2022-07-05",
      timeZone: "Europe/London",
    });
    expect(report.orders).toBe(3);
    expect(report.grossSales).toBe(3861 + 1931 + 5792);
    expect(report.tax).toBe(261 + 131 + 392);
    expect(report.netSales).toBe(3600 + 1800 + 5400);
    expect(report.itemsSold).toBe(6);
    expect(report.averageOrderValue).toBe(toMoney(3861));
    expect(
      report.payments.map((method) => [method.methodId, method.tenders, method.received]),
    ).toEqual([
      ["pos_card", 2, 931 + 5792],
      ["pos_cash", 2, 3861 + 1000],
    ]);
    expect(report.hours.find((hour) => hour.hour === 23)?.orders).toBe(1);
    expect(report.hours.find((hour) => hour.hour === 0)?.orders).toBe(1);
    expect(report.hours.find((hour) => hour.hour === 13)?.orders).toBe(1);
  });

  it("filters by payment method", () => {
    const report = computeSalesReport(orders, {
      from: "2022-07-04",
      to: "2022-07-05",
      timeZone: "Europe/London",
      paymentMethods: ["pos_card"],
    });
    expect(report.orders).toBe(2);
  });

  it("keeps slips of card sales in one payments row", () => {
    const slip = (reference: string) => ({ ...card(1931), reference });
    const orders = [
      sold(uuid(7), 1, "2022-07-04T10:00:00Z", [slip("004512")]),
      sold(uuid(8), 1, "2022-07-04T11:00:00Z", [slip("004513")]),
    ].map((order) => reportOrderFromStored(order, context())!);

    const report = computeSalesReport(orders, {
      from: "2022-07-04",
      to: "2022-07-04",
      timeZone: "Europe/London",
    });

    expect(orders.map((order) => order.tenders[0]?.reference)).toEqual(["004512", "004513"]);
    expect(report.payments).toEqual([
      expect.objectContaining({ methodId: "pos_card", methodTitle: "Card", tenders: 2 }),
    ]);
  });
});
