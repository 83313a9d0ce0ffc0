import { describe, expect, it } from "vitest";
import { testStore } from "./test-store.js";
import { offlineSaleAllowed, primaryTender, remainingMinor, settleTenders } from "./tenders.js";

describe("settleTenders", () => {
  it("gives change on cash", () => {
    const tenders = settleTenders(1840, [{ kind: "cash", amountMinor: 2000, reference: null }]);

    expect(tenders).toEqual([
      { method: "pos_cash", title: "Cash", amountMinor: 2000, changeMinor: 160, reference: null },
    ]);
  });

  it("splits card and cash with change on the cash", () => {
    const tenders = settleTenders(5000, [
      { kind: "card", amountMinor: 3000, reference: "slip 1234" },
      { kind: "cash", amountMinor: 2500, reference: null },
    ]);

    expect(tenders.map((tender) => tender.changeMinor)).toEqual([0, 500]);
    expect(primaryTender(tenders)?.method).toBe("pos_card");
  });

  it("rejects too little", () => {
    expect(() =>
      settleTenders(1840, [{ kind: "cash", amountMinor: 1000, reference: null }]),
    ).toThrow(/take the remaining 840/);
  });

  it("rejects card above the amount due", () => {
    expect(() =>
      settleTenders(1000, [{ kind: "card", amountMinor: 1200, reference: "9" }]),
    ).toThrow(/give no change/);
  });

  it("rejects a card without reference", () => {
    expect(() =>
      settleTenders(1000, [{ kind: "card", amountMinor: 1000, reference: " " }]),
    ).toThrow(/slip number/);
  });

  it("rejects a zero amount", () => {
    expect(() => settleTenders(0, [{ kind: "cash", amountMinor: 0, reference: null }])).toThrow(
      /amount 0 is invalid/,
    );
  });
});

describe("remainingMinor", () => {
  it("never goes below zero", () => {
    expect(remainingMinor(1000, [{ kind: "cash", amountMinor: 1500, reference: null }])).toBe(0);
    expect(remainingMinor(1000, [{ kind: "card", amountMinor: 400, reference: "1" }])).toBe(600);
  });
});

describe("offlineSaleAllowed", () => {
  it("follows the store's settings per method", () => {
    const cashOnly = { ...testStore, offline_sales: { cash: true, external_card: false } };

    expect(offlineSaleAllowed(testStore, ["cash", "card"])).toBe(true);
    expect(offlineSaleAllowed(cashOnly, ["cash"])).toBe(true);
    expect(offlineSaleAllowed(cashOnly, ["cash", "card"])).toBe(false);
    expect(offlineSaleAllowed(testStore, ["other"])).toBe(false);
  });
});
