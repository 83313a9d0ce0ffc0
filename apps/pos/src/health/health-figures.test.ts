import { describe, expect, it } from "vitest";
import type { Checkpoint } from "@pos/sync";
import {
  checkpointText,
  collectionRows,
  countText,
  formatBytes,
  formatUsageShare,
} from "./health-figures.js";

function checkpoint(overrides: Partial<Checkpoint>): Checkpoint {
  return {
    collection: "products",
    phase: "following",
    seedAfter: 0,
    feedSeq: 0,
    serverTotal: null,
    updatedAtMs: 0,
    ...overrides,
  };
}

describe("countText", () => {
  it.each([
    [0, null, "0 of unknown"],
    [12, 20, "12 of 20"],
    [20, 20, "20 of 20"],
  ])("stored %i of total %s reads %s", (stored, total, expected) => {
    expect(countText(stored, total)).toBe(expected);
  });
});

describe("checkpointText", () => {
  it("names a missing checkpoint", () => {
    expect(checkpointText(undefined)).toBe("none: the next sync downloads it from the start");
  });

  it("shows the seed position and the feed start", () => {
    const text = checkpointText(checkpoint({ phase: "seeding", seedAfter: 500, feedSeq: 42 }));

    expect(text).toBe("seeding after id 500, then change 42");
  });

  it("shows the change feed position", () => {
    expect(checkpointText(checkpoint({ feedSeq: 1234 }))).toBe("change feed at 1234");
  });

  it("shows the modified_after position of a WooCommerce store", () => {
    const following = checkpoint({ modifiedAfterGmt: "2026-12-01T10:00:00", modifiedAfterId: 9 });
    const seeding = checkpoint({
      phase: "seeding",
      seedPage: 3,
      modifiedAfterGmt: "2026-12-01T10:00:00",
    });

    expect(checkpointText(following)).toBe("changes after 2026-12-01T10:00:00 GMT (id 9)");
    expect(checkpointText(seeding)).toBe(
      "seeding page 3, then changes after 2026-12-01T10:00:00 GMT (id 0)",
    );
  });
});

describe("collectionRows", () => {
  it("joins progress with checkpoints in progress order", () => {
    const rows = collectionRows(
      [
        { collection: "tax_rates", phase: "following", stored: 3, total: 3, complete: true },
        { collection: "products", phase: "seeding", stored: 0, total: null, complete: false },
      ],
      new Map([["tax_rates", checkpoint({ collection: "tax_rates", feedSeq: 8 })]]),
    );

    expect(rows).toEqual([
      {
        collection: "tax_rates",
        label: "Tax rates",
        stored: 3,
        total: 3,
        complete: true,
        checkpoint: "change feed at 8",
      },
      {
        collection: "products",
        label: "Products",
        stored: 0,
        total: null,
        complete: false,
        checkpoint: "none: the next sync downloads it from the start",
      },
    ]);
  });
});

describe("formatBytes", () => {
  it.each([
    [null, "unknown"],
    [-1, "unknown"],
    [Number.NaN, "unknown"],
    [0, "0 B"],
    [999, "999 B"],
    [1000, "1.0 kB"],
    [1_536_000, "1.5 MB"],
    [299_000_000_000, "299.0 GB"],
    [2_000_000_000_000_000, "2000.0 TB"],
  ])("%s bytes reads %s", (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });
});

describe("formatUsageShare", () => {
  it.each([
    [null, "unknown"],
    [Number.POSITIVE_INFINITY, "unknown"],
    [0, "0.0 %"],
    [0.0002, "under 0.1 %"],
    [0.0005, "0.1 %"],
    [0.125, "12.5 %"],
  ])("%s reads %s", (ratio, expected) => {
    expect(formatUsageShare(ratio)).toBe(expected);
  });
});
