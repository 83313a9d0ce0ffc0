import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toMoney } from "./money.js";
import { toPrecise } from "./precise.js";
import { refundByLines, remainingRefundable, validateRefundAmount } from "./refunds.js";
import type { RefundableLine } from "./refunds.js";

const m = toMoney;

describe("refund amounts", () => {
  it("T10 second refund above what remains is rejected", () => {
    const total = m(10_000);
    expect(validateRefundAmount(m(9_900), total, [], 2)).toEqual({ ok: true });

    const second = validateRefundAmount(m(5_000), total, [m(9_900)], 2);
    expect(second).toEqual({
      ok: false,
      code: "woocommerce_rest_cannot_create_order_refund",
      message:
        "invalid refund amount 50.00: the order total is 100.00 and 99.00 is already refunded, " +
        "so at most 1.00 can be refunded",
    });
    expect(remainingRefundable(total, [m(9_900)])).toBe(100);
  });

  it("rejects a negative refund", () => {
    const result = validateRefundAmount(m(-1), m(1_000), [], 2);
    expect(result).toMatchObject({
      ok: false,
      message: expect.stringContaining("-0.01") as unknown,
    });
  });

  it("accepts exactly what remains", () => {
    expect(validateRefundAmount(m(100), m(10_000), [m(9_900)], 2)).toEqual({ ok: true });
  });
});

function refundable(
  total: number,
  tax: number,
  quantity: number,
  refundedQuantity = 0,
): RefundableLine {
  return {
    quantity,
    refundedQuantity,
    totals: {
      key: "a",
      subtotal: m(total),
      subtotalTax: m(tax),
      total: m(total),
      totalTax: m(tax),
      taxes: [{ rateId: 1, subtotal: m(tax), total: m(tax) }],
      subtotalPrecise: toPrecise(total * 10_000),
      totalPrecise: toPrecise(total * 10_000),
      discount: m(0),
    },
  };
}

describe("refundByLines", () => {
  it("refunds a line's share of total and tax", () => {
    const result = refundByLines(new Map([["a", refundable(1_000, 75, 3)]]), [
      { key: "a", quantity: 1 },
    ]);
    expect(result).toEqual({
      ok: true,
      amount: 358,
      lines: [
        {
          key: "a",
          quantity: 1,
          refundTotal: 333,
          refundTax: 25,
          taxes: [{ rateId: 1, total: 25 }],
        },
      ],
    });
  });

  it("rejects more units than remain", () => {
    const result = refundByLines(new Map([["a", refundable(1_000, 75, 3, 2)]]), [
      { key: "a", quantity: 2 },
    ]);
    expect(result).toMatchObject({
      ok: false,
      message: 'invalid refund quantity 2 on line "a": expected 1 to 1',
    });
  });

  it("rejects an unknown line", () => {
    const result = refundByLines(new Map(), [{ key: "zz", quantity: 1 }]);
    expect(result).toMatchObject({ ok: false, message: 'refund names unknown line "zz"' });
  });

  it("partial refunds add up to the line", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
        (total, tax, parts) => {
          const quantity = parts.reduce((a, b) => a + b, 0);
          let refundedQuantity = 0;
          let refunded = 0;
          for (const part of parts) {
            const lines = new Map([["a", refundable(total, tax, quantity, refundedQuantity)]]);
            const result = refundByLines(lines, [{ key: "a", quantity: part }]);
            if (!result.ok) throw new Error(result.message);
            refunded += result.amount;
            refundedQuantity += part;
          }
          expect(refunded).toBe(total + tax);
        },
      ),
    );
  });
});
