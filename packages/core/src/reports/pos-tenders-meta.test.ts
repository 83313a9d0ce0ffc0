import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import {
  checkTendersPayTotal,
  formatPosTenders,
  maxTenderReferenceLength,
  parsePosTenders,
} from "./pos-tenders-meta.js";
import type { ReportTender } from "./report-order.js";

const m = toMoney;

const cardWithSlip: ReportTender = {
  methodId: "pos_card",
  methodTitle: "External card",
  reference: "004512",
  amount: m(4000),
  change: m(0),
};

function entry(fields: Record<string, unknown>): string {
  const base = { method: "pos_card", title: "External card", amount: "40.00", change: "0.00" };
  return JSON.stringify([{ ...base, ...fields }]);
}

describe("parsePosTenders", () => {
  it("round-trips title and reference separately", () => {
    const cash = { methodId: "pos_cash", methodTitle: "Cash", amount: m(500), change: m(20) };
    const text = formatPosTenders([cardWithSlip, cash], 2);

    expect(JSON.parse(text)).toEqual([
      {
        method: "pos_card",
        title: "External card",
        reference: "004512",
        amount: "40.00",
        change: "0.00",
      },
      { method: "pos_cash", title: "Cash", amount: "5.00", change: "0.20" },
    ]);
    expect(parsePosTenders(text, 2, "1001")).toEqual([cardWithSlip, cash]);
  });

  it("reads a null reference as none", () => {
    const [tender] = parsePosTenders(entry({ reference: null }), 2, "1001");
    expect(tender).not.toHaveProperty("reference");
  });

  it("reads the old joined title as it is", () => {
    const [tender] = parsePosTenders(entry({ title: "External card 004512" }), 2, "1001");
    expect(tender?.methodTitle).toBe("External card 004512");
    expect(tender).not.toHaveProperty("reference");
  });

  it("accepts a reference of the maximum length", () => {
    const longest = "7".repeat(maxTenderReferenceLength);
    const [tender] = parsePosTenders(entry({ reference: longest }), 2, "1001");
    expect(tender?.reference).toBe(longest);
  });

  it.each([
    ["Cash\u202e", /entry 0 title .* contains a control or invisible/],
    ["Cash\u200b", /entry 0 title .* contains a control or invisible/],
    ["C".repeat(101), /entry 0 title .* has 101 characters, more than the maximum of 100/],
  ])("rejects title %j", (title, message) => {
    const parse = () => parsePosTenders(entry({ method: "bitcoin", title }), 2, "1001");
    expect(parse).toThrow(RangeError);
    expect(parse).toThrow(message);
  });

  it.each([
    [12345, /entry 0 reference 12345 is not a string/],
    [["004512"], /entry 0 reference \["004512"\] is not a string/],
    ["   ", /entry 0 reference " {3}" is blank/],
    ["7".repeat(maxTenderReferenceLength + 1), /has 65 characters, more than the maximum of 64/],
    ["0045\n12", /entry 0 reference "0045\\n12" contains a control or invisible/],
    ["0045\u202e12", /entry 0 reference .* contains a control or invisible/],
  ])("rejects reference %j", (reference, message) => {
    const parse = () => parsePosTenders(entry({ reference }), 2, "1001");
    expect(parse).toThrow(RangeError);
    expect(parse).toThrow(message);
    expect(parse).toThrow(/invalid _pos_tenders on order 1001/);
  });

  it("shortens a huge reference in the message", () => {
    const parse = () => parsePosTenders(entry({ reference: "9".repeat(5000) }), 2, "1001");
    expect(parse).toThrow(/"9{80}…" has 5000 characters/);
  });

  it("still names a missing title", () => {
    const text = JSON.stringify([{ method: "pos_cash", amount: "1.00", change: "0.00" }]);
    expect(() => parsePosTenders(text, 2, "1002")).toThrow(/entry 0 has no title string/);
  });

  it.each([
    [{ method: "" }, /entry 0 method "" is blank: send the tender's method, such as "pos_card"/],
    [{ method: "  " }, /entry 0 method " {2}" is blank/],
    [{ title: "" }, /entry 0 title "" is blank: send the tender's title/],
    [
      { title: "Cash" },
      /entry 0 title "Cash" is the title of method pos_cash, not of pos_card: send "External card"/,
    ],
    [{ method: "gift_card", title: " other" }, /title " other" is the title of method pos_other/],
    [{ amount: "-1.00" }, /entry 0 amount "-1.00" is not above 0: send the amount tendered/],
    [{ amount: "0.00" }, /entry 0 amount "0.00" is not above 0/],
    [{ change: "-0.50" }, /entry 0 change "-0.50" is negative/],
    [{ change: "0.10" }, /entry 0 is a pos_card tender with change "0.10", but only pos_cash/],
    [
      { method: "pos_cash", title: "Cash", amount: "20.00", change: "50.00" },
      /entry 0 change "50.00" is more than the 20.00 of cash tendered up to it/,
    ],
  ])("rejects entry %j", (fields, message) => {
    const parse = () => parsePosTenders(entry(fields), 2, "1003");
    expect(parse).toThrow(RangeError);
    expect(parse).toThrow(message);
  });

  it("accepts any title on another method", () => {
    const [tender] = parsePosTenders(entry({ method: "gift_card", title: "Gift card" }), 2, "1");
    expect(tender?.methodTitle).toBe("Gift card");
  });

  it("accepts change from two cash tenders on the last", () => {
    const text = JSON.stringify([
      { method: "pos_cash", title: "Cash", amount: "50.00", change: "0.00" },
      {
        method: "pos_card",
        title: "External card",
        reference: "77",
        amount: "5.00",
        change: "0.00",
      },
      { method: "pos_cash", title: "Cash", amount: "5.00", change: "35.00" },
    ]);

    const tenders = parsePosTenders(text, 2, "1004");

    expect(tenders.map((tender) => tender.change)).toEqual([0, 0, 3500]);
  });

  it("rejects change before the cash that covers it", () => {
    const text = JSON.stringify([
      { method: "pos_cash", title: "Cash", amount: "5.00", change: "35.00" },
      { method: "pos_cash", title: "Cash", amount: "50.00", change: "0.00" },
    ]);
    expect(() => parsePosTenders(text, 2, "1005")).toThrow(
      /entry 0 change "35.00" is more than the 5.00 of cash tendered up to it/,
    );
  });
});

describe("checkTendersPayTotal", () => {
  const tenders = (...amounts: [number, number][]): ReportTender[] =>
    amounts.map(([amount, change]) => ({
      methodId: "pos_cash",
      methodTitle: "Cash",
      amount: m(amount),
      change: m(change),
    }));

  it("accepts tenders that pay the total", () => {
    expect(() => checkTendersPayTotal(tenders([2000, 0], [500, 280]), 2220, 2, "1")).not.toThrow();
  });

  it.each([
    [
      tenders([200, 0], [200, 0]),
      220,
      /the tenders pay 4.00 \(amounts minus change\) but the order total is 2.20/,
    ],
    [tenders([100000, 0]), 220, /the tenders pay 1000.00/],
    [tenders([100, 0]), 220, /send tenders whose amounts minus change add up to 2.20/],
  ])("rejects tenders %j for total %i", (sent, total, message) => {
    const check = () => checkTendersPayTotal(sent, total, 2, "1006");
    expect(check).toThrow(RangeError);
    expect(check).toThrow(message);
    expect(check).toThrow(/invalid _pos_tenders on order 1006/);
  });
});
