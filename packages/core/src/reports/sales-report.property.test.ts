import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import { computeSalesReport } from "./compute-sales-report.js";
import type { ReportOrder, ReportTender } from "./report-order.js";
import { line, order, refund, stateTax } from "./report-test-orders.js";
import type { SalesReportOptions } from "./sales-report.js";

// A week in London over the March 2022 clock change, with orders from a day either side.
const options: SalesReportOptions = {
  from: "2022-03-24",
  to: "2022-03-30",
  timeZone: "Europe/London",
};
const firstMs = Date.parse("2022-03-23T00:00:00Z");
const lastMs = Date.parse("2022-04-01T00:00:00Z");

const instant = fc
  .integer({ min: firstMs / 1000, max: lastMs / 1000 })
  .map((seconds) => new Date(seconds * 1000).toISOString());

/** Splits `total` into 1 to 3 tenders; a cash tender may hand over more and get change. */
function tendersFor(total: number): fc.Arbitrary<ReportTender[]> {
  const method = fc.constantFrom("pos_cash", "pos_card", "pos_voucher");
  return fc
    .array(fc.tuple(method, fc.integer({ min: 0, max: 5000 }), fc.nat({ max: total })), {
      minLength: 1,
      maxLength: 3,
    })
    .map((parts) => {
      const cuts = parts.map(([, , cut]) => cut).sort((a, b) => a - b);
      const bounds = [0, ...cuts.slice(1), total];
      return parts.map(([methodId, extra], index) => {
        const share = bounds[index + 1]! - bounds[index]!;
        const change = methodId === "pos_cash" ? extra : 0;
        return {
          methodId,
          methodTitle: methodId,
          amount: toMoney(share + change),
          change: toMoney(change),
        };
      });
    });
}

const reportOrder: fc.Arbitrary<ReportOrder> = fc
  .record({
    net: fc.nat({ max: 100_000 }),
    tax: fc.nat({ max: 20_000 }),
    quantity: fc.integer({ min: 1, max: 5 }),
    status: fc.constantFrom("completed", "processing", "on-hold", "refunded", "pending", "failed"),
    createdAt: instant,
    refundAt: fc.option(instant, { nil: undefined }),
    paid: fc.boolean(),
  })
  .chain((shape) => {
    const total = shape.net + shape.tax;
    return (shape.paid ? tendersFor(total) : fc.constant([])).map((tenders) =>
      order({
        number: "0",
        status: shape.status,
        dateCreatedGmt: shape.createdAt,
        total: toMoney(total),
        totalTax: toMoney(shape.tax),
        lineItems: [line(shape.quantity, shape.net, shape.tax)],
        taxLines: [stateTax(shape.tax)],
        tenders,
        refunds:
          shape.refundAt === undefined
            ? []
            : [refund({ amount: toMoney(Math.floor(total / 2)), dateCreatedGmt: shape.refundAt })],
      }),
    );
  });

const orderList = fc
  .array(reportOrder, { maxLength: 40 })
  .map((orders) => orders.map((entry, index) => ({ ...entry, number: String(index + 1) })));

describe("sales report properties", () => {
  it("methods and untendered add up to gross", () => {
    fc.assert(
      fc.property(orderList, (orders) => {
        const report = computeSalesReport(orders, options);
        const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
        const tendered = sum(report.payments.map((method) => method.tendered));
        const change = sum(report.payments.map((method) => method.change));
        const received = sum(report.payments.map((method) => method.received));

        expect(received + report.untenderedTotal).toBe(report.grossSales);
        expect(tendered - change).toBe(received);
      }),
    );
  });

  it("net plus tax is gross", () => {
    fc.assert(
      fc.property(orderList, (orders) => {
        const report = computeSalesReport(orders, options);
        expect(report.netSales + report.tax).toBe(report.grossSales);
        for (const day of report.days) expect(day.netSales + day.tax).toBe(day.grossSales);
      }),
    );
  });

  it("days and hours add up to the range", () => {
    fc.assert(
      fc.property(orderList, (orders) => {
        const report = computeSalesReport(orders, options);
        const total = (pick: (day: (typeof report.days)[number]) => number) =>
          report.days.reduce((sum, day) => sum + pick(day), 0);

        expect(total((day) => day.orders)).toBe(report.orders);
        expect(total((day) => day.grossSales)).toBe(report.grossSales);
        expect(total((day) => day.tax)).toBe(report.tax);
        expect(total((day) => day.itemsSold)).toBe(report.itemsSold);
        expect(total((day) => day.refunds)).toBe(report.refundTotals.amount);
        expect(report.hours.reduce((sum, hour) => sum + hour.orders, 0)).toBe(report.orders);
        expect(report.hours.reduce((sum, hour) => sum + hour.grossSales, 0)).toBe(
          report.grossSales,
        );
      }),
    );
  });
});
