import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import { formatPosTenders, maxTenderReferenceLength, parsePosTenders } from "./pos-tenders-meta.js";
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
    [12345, /entry 0 reference 12345 is not a string/],
    [["004512"], /entry 0 reference \["004512"\] is not a string/],
    ["   ", /entry 0 reference " {3}" is blank/],
    ["7".repeat(maxTenderReferenceLength + 1), /has 65 characters, more than the maximum of 64/],
    ["0045\n12", /entry 0 reference "0045\\n12" contains a control character/],
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
});
