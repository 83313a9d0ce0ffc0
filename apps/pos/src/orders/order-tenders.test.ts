import { formatPosTenders, toMoney } from "@pos/core";
import type { WcOrder } from "@pos/woo";
import { describe, expect, it } from "vitest";
import { orderTenderLines, tenderLabel } from "./order-tenders.js";

function storeOrder(meta: WcOrder["meta_data"], paymentMethod = "pos_card"): WcOrder {
  return {
    number: "1042",
    total: "45.00",
    payment_method: paymentMethod,
    payment_method_title: "External card",
    meta_data: meta,
  } as WcOrder;
}

describe("orderTenderLines", () => {
  it("lists each tender with its slip", () => {
    const value = formatPosTenders(
      [
        {
          methodId: "pos_card",
          methodTitle: "External card",
          reference: "004512",
          amount: toMoney(4000),
          change: toMoney(0),
        },
        { methodId: "pos_cash", methodTitle: "Cash", amount: toMoney(1000), change: toMoney(500) },
      ],
      2,
    );

    expect(orderTenderLines(storeOrder([{ id: 1, key: "_pos_tenders", value }]), 2)).toEqual([
      { title: "External card", reference: "004512", amount: 4000 },
      { title: "Cash", reference: null, amount: 1000 },
    ]);
  });

  it("falls back to the payment method", () => {
    expect(orderTenderLines(storeOrder([]), 2)).toEqual([
      { title: "External card", reference: null, amount: 4500 },
    ]);
    expect(orderTenderLines(storeOrder([], ""), 2)).toEqual([]);
  });

  it("names the order of a bad reference", () => {
    const value = JSON.stringify([
      { method: "pos_card", title: "Card", reference: 7, amount: "1.00", change: "0.00" },
    ]);
    const read = () => orderTenderLines(storeOrder([{ id: 1, key: "_pos_tenders", value }]), 2);
    expect(read).toThrow(/on order 1042: entry 0 reference 7 is not a string/);
  });
});

describe("tenderLabel", () => {
  it("adds the slip when there is one", () => {
    expect(tenderLabel("External card", "004512")).toBe("External card (slip 004512)");
    expect(tenderLabel("Cash", null)).toBe("Cash");
    expect(tenderLabel("Cash", "")).toBe("Cash");
  });
});
