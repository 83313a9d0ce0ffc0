import { describe, expect, it } from "vitest";
import { reportOptions, type ReportFilters } from "./report-options.js";

const store = { timezone: "Europe/London", currency: "GBP", decimals: 2 };
const filters: ReportFilters = {
  from: "2026-12-01",
  to: "2026-12-04",
  status: "",
  cashier: "",
  register: "",
  method: "",
};

describe("reportOptions", () => {
  it("passes a forward range", () => {
    expect(reportOptions(filters, store)).toEqual({
      from: "2026-12-01",
      to: "2026-12-04",
      timeZone: "Europe/London",
      currency: { code: "GBP", decimals: 2 },
    });
  });

  it("passes a one-day range", () => {
    const oneDay = { ...filters, from: "2026-12-04" };
    expect(reportOptions(oneDay, store).from).toBe("2026-12-04");
  });

  it("rejects From after To, naming both dates", () => {
    const backwards = { ...filters, from: "2026-12-05", to: "2026-12-04" };
    const build = () => reportOptions(backwards, store);
    expect(build).toThrow(RangeError);
    expect(build).toThrow(
      "the From date 2026-12-05 is after the To date 2026-12-04: set From on or before To, " +
        "or swap the two dates",
    );
  });

  it("rejects a missing date", () => {
    expect(() => reportOptions({ ...filters, to: "" }, store)).toThrow(/the To date is missing/);
    expect(() => reportOptions({ ...filters, from: "" }, store)).toThrow(/From date is missing/);
  });

  it("rejects a cashier id that is not a number", () => {
    expect(() => reportOptions({ ...filters, cashier: "ann" }, store)).toThrow(
      'invalid cashier id "ann"',
    );
  });

  it("adds the chosen filters", () => {
    const chosen = { ...filters, status: "completed", cashier: " 7 ", register: " R1 " };
    expect(reportOptions({ ...chosen, method: "pos_card" }, store)).toMatchObject({
      statuses: ["completed"],
      cashierIds: [7],
      registerIds: ["R1"],
      paymentMethods: ["pos_card"],
    });
  });
});
