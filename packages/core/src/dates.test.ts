import { describe, expect, it } from "vitest";
import { storeDateOf, storeDayRange } from "./dates.js";

const iso = (date: Date): string => date.toISOString();

describe("storeDateOf", () => {
  it("R1 cuts days in store time", () => {
    expect(storeDateOf(new Date("2022-07-04T22:30:00Z"), "Europe/London")).toBe("2022-07-04");
    expect(storeDateOf(new Date("2022-07-04T23:30:00Z"), "Europe/London")).toBe("2022-07-05");
  });

  it("rejects an unknown time zone", () => {
    expect(() => storeDateOf(new Date(), "Mars/Olympus")).toThrow(/"Mars\/Olympus"/);
  });
});

describe("storeDayRange", () => {
  it("R1 orders fall on their store days", () => {
    const fourth = storeDayRange("2022-07-04", "Europe/London");
    const fifth = storeDayRange("2022-07-05", "Europe/London");
    const orders = [new Date("2022-07-04T22:30:00Z"), new Date("2022-07-04T23:30:00Z")];
    const within = (range: typeof fourth) =>
      orders.filter((at) => at >= range.startUtc && at < range.endUtc).length;

    expect(iso(fourth.startUtc)).toBe("2022-07-03T23:00:00.000Z");
    expect(within(fourth)).toBe(1);
    expect(within(fifth)).toBe(1);
  });

  it.each([
    ["Europe/London", "2026-03-29", "2026-03-29T00:00:00.000Z", "2026-03-29T23:00:00.000Z"],
    ["Europe/London", "2026-10-25", "2026-10-24T23:00:00.000Z", "2026-10-26T00:00:00.000Z"],
    ["America/New_York", "2026-03-08", "2026-03-08T05:00:00.000Z", "2026-03-09T04:00:00.000Z"],
    ["America/New_York", "2026-11-01", "2026-11-01T04:00:00.000Z", "2026-11-02T05:00:00.000Z"],
    ["UTC", "2024-02-29", "2024-02-29T00:00:00.000Z", "2024-03-01T00:00:00.000Z"],
    ["Asia/Kolkata", "2026-01-01", "2025-12-31T18:30:00.000Z", "2026-01-01T18:30:00.000Z"],
  ])("in %s, %s runs from %s to %s", (timeZone, date, start, end) => {
    const range = storeDayRange(date, timeZone);
    expect(iso(range.startUtc)).toBe(start);
    expect(iso(range.endUtc)).toBe(end);
  });

  it.each(["2026-02-30", "2026-2-01", "yesterday"])("rejects %s", (date) => {
    expect(() => storeDayRange(date, "UTC")).toThrow(`"${date}"`);
  });
});
