import { describe, expect, it } from "vitest";
import { formatStoreDateTime } from "./store-time.js";

// 23:31 UTC on 4 December 2026 is 15:31 in Los Angeles.
const instant = Date.parse("2026-12-04T23:31:34Z");

describe("formatStoreDateTime", () => {
  it("shows the store's clock", () => {
    const text = formatStoreDateTime(instant, "America/Los_Angeles");

    expect(text).toMatch(/3:31/);
    expect(text).toMatch(/Dec/);
    expect(text).toMatch(/4/);
  });

  it("reads ISO dates", () => {
    expect(formatStoreDateTime("2026-12-04T23:31:34Z", "Asia/Tokyo")).toMatch(/Dec 5.*8:31/);
  });

  it("falls back to UTC for an unknown zone", () => {
    expect(formatStoreDateTime(instant, "Mars/Olympus")).toMatch(/11:31.*UTC$/);
  });

  it("names an invalid instant", () => {
    expect(formatStoreDateTime("yesterday", "UTC")).toBe("invalid date yesterday");
  });
});
