import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import type { ReportTender } from "./report-order.js";
import { cash, order, refund } from "./report-test-orders.js";
import { totalRefundsByMethod, totalTendersByMethod } from "./tender-totals.js";

const m = toMoney;

function card(amount: number, title: string, reference?: string): ReportTender {
  return {
    methodId: "pos_card",
    methodTitle: title,
    ...(reference !== undefined ? { reference } : {}),
    amount: m(amount),
    change: m(0),
  };
}

describe("totalTendersByMethod", () => {
  it("keeps slips of one method in one row", () => {
    const orders = [
      order({ number: "1", tenders: [card(1000, "External card", "004512")] }),
      order({ number: "2", tenders: [card(2500, "External card", "004513"), cash(600, 100)] }),
    ];

    const rows = totalTendersByMethod(orders);

    expect(rows.map((row) => row.methodId)).toEqual(["pos_card", "pos_cash"]);
    expect(rows[0]).toEqual({
      methodId: "pos_card",
      methodTitle: "External card",
      tenders: 2,
      tendered: 3500,
      change: 0,
      received: 3500,
    });
  });

  it("groups old joined titles with new tenders", () => {
    const orders = [
      order({
        number: "1",
        dateCreatedGmt: "2026-03-10T09:00:00",
        tenders: [card(1000, "External card 004512")],
      }),
      order({
        number: "2",
        dateCreatedGmt: "2026-03-10T11:00:00",
        tenders: [card(2000, "External card", "004513")],
      }),
      order({
        number: "3",
        dateCreatedGmt: "2026-03-10T10:00:00",
        tenders: [card(3000, "External card 4")],
      }),
    ];

    const rows = totalTendersByMethod(orders);

    expect(rows).toHaveLength(1);
    expect(rows[0]?.tenders).toBe(3);
    expect(rows[0]?.tendered).toBe(6000);
    expect(rows[0]?.methodTitle).toBe("External card");
    expect(totalTendersByMethod([...orders].reverse())).toEqual(rows);
  });

  it("names a row by its newest title", () => {
    const orders = [
      order({
        number: "1",
        dateCreatedGmt: "2026-03-10T12:00:00Z",
        tenders: [card(1000, "Card terminal")],
      }),
      order({
        number: "2",
        dateCreatedGmt: "2026-03-10T09:00:00",
        tenders: [card(2000, "Card")],
      }),
    ];

    expect(totalTendersByMethod(orders)[0]?.methodTitle).toBe("Card terminal");
    expect(totalTendersByMethod([...orders].reverse())[0]?.methodTitle).toBe("Card terminal");
  });

  it("breaks a creation tie by order number", () => {
    const orders = [
      order({ number: "8", tenders: [card(1000, "Card B")] }),
      order({ number: "7", tenders: [card(2000, "Card A")] }),
    ];

    expect(totalTendersByMethod(orders)[0]?.methodTitle).toBe("Card B");
    expect(totalTendersByMethod([...orders].reverse())[0]?.methodTitle).toBe("Card B");
  });
});

describe("totalRefundsByMethod", () => {
  it("names a row by its newest refund", () => {
    const refunds = [
      refund({
        amount: m(200),
        methodId: "pos_card",
        methodTitle: "External card",
        dateCreatedGmt: "2026-03-10T11:00:00",
      }),
      refund({
        amount: m(100),
        methodId: "pos_card",
        methodTitle: "External card 004512",
        dateCreatedGmt: "2026-03-10T10:00:00",
      }),
    ];

    const rows = totalRefundsByMethod(refunds);

    expect(rows).toEqual([
      { methodId: "pos_card", methodTitle: "External card", refunds: 2, amount: 300 },
    ]);
    expect(totalRefundsByMethod([...refunds].reverse())).toEqual(rows);
  });
});
