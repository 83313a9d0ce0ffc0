import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import { computeSalesReport } from "./compute-sales-report.js";
import { cash, line, order } from "./report-test-orders.js";

const london = "Europe/London";

function ordersAt(instants: readonly string[]) {
  return instants.map((instant, index) =>
    order({
      number: String(5000 + index),
      dateCreatedGmt: instant,
      total: toMoney(100),
      lineItems: [line(1, 100, 0)],
      tenders: [cash(100)],
    }),
  );
}

function busyHours(report: ReturnType<typeof computeSalesReport>): [number, number][] {
  return report.hours.filter((hour) => hour.orders > 0).map((hour) => [hour.hour, hour.orders]);
}

describe("sales report across clock changes", () => {
  it("cuts days in London summer", () => {
    const orders = ordersAt(["2022-07-04T22:30:00Z", "2022-07-04T23:30:00Z"]);
    const report = computeSalesReport(orders, {
      from: "2022-07-04",
      to: "2022-07-05",
      timeZone: london,
    });

    expect(report.days.map((day) => [day.date, day.orders])).toEqual([
      ["2022-07-04", 1],
      ["2022-07-05", 1],
    ]);
    expect(busyHours(report)).toEqual([
      [0, 1],
      [23, 1],
    ]);
  });

  it("spring-forward day has 23 hours", () => {
    // 27 March 2022: London goes from 01:00 GMT to 02:00 BST, so the day ends at 23:00Z.
    const orders = ordersAt([
      "2022-03-26T23:59:00Z",
      "2022-03-27T00:30:00Z",
      "2022-03-27T01:30:00Z",
      "2022-03-27T22:59:00Z",
      "2022-03-27T23:00:00Z",
    ]);
    const report = computeSalesReport(orders, {
      from: "2022-03-27",
      to: "2022-03-27",
      timeZone: london,
    });

    expect(report.orders).toBe(3);
    expect(report.days[0]!.hours).toBe(23);
    expect(report.endUtc.toISOString()).toBe("2022-03-27T23:00:00.000Z");
    expect(busyHours(report)).toEqual([
      [0, 1],
      [2, 1],
      [23, 1],
    ]);
  });

  it("fall-back day has 25 hours", () => {
    // 30 October 2022: London goes from 02:00 BST back to 01:00 GMT, so 01:xx happens twice.
    const orders = ordersAt([
      "2022-10-29T22:59:00Z",
      "2022-10-30T00:30:00Z",
      "2022-10-30T01:30:00Z",
      "2022-10-30T23:59:00Z",
      "2022-10-31T00:00:00Z",
    ]);
    const report = computeSalesReport(orders, {
      from: "2022-10-30",
      to: "2022-10-30",
      timeZone: london,
    });

    expect(report.orders).toBe(3);
    expect(report.days[0]!.hours).toBe(25);
    expect(report.startUtc.toISOString()).toBe("2022-10-29T23:00:00.000Z");
    expect(busyHours(report)).toEqual([
      [1, 2],
      [23, 1],
    ]);
  });

  it("a week over the change adds up", () => {
    const orders = ordersAt([
      "2022-03-26T12:00:00Z",
      "2022-03-27T12:00:00Z",
      "2022-03-27T23:30:00Z",
      "2022-04-01T22:59:59Z",
      "2022-04-01T23:00:00Z",
    ]);
    const report = computeSalesReport(orders, {
      from: "2022-03-26",
      to: "2022-04-01",
      timeZone: london,
    });

    expect(report.days.map((day) => day.orders)).toEqual([1, 1, 1, 0, 0, 0, 1]);
    expect(report.days.map((day) => day.hours)).toEqual([24, 23, 24, 24, 24, 24, 24]);
  });
});
