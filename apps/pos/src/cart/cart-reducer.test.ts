import { describe, expect, it } from "vitest";
import type { CartAction } from "./cart-action.js";
import { CartActionError, maxLineQuantity, reduceCart } from "./cart-reducer.js";
import { emptyOrder, newLine } from "./test-orders.js";

function context() {
  let next = 0;
  return { nowMs: 5_000, newLineId: () => `line-${++next}` };
}

function reduceAll(actions: CartAction[]) {
  const ctx = context();
  return actions.reduce((order, action) => reduceCart(order, action, ctx), emptyOrder());
}

describe("reduceCart", () => {
  it("adds a line with quantity 1", () => {
    const order = reduceAll([{ type: "addLine", line: newLine() }]);

    expect(order.lines).toHaveLength(1);
    expect(order.lines[0]?.quantity).toBe(1);
    expect(order.lines[0]?.lineId).toBe("line-1");
    expect(order.updatedAtMs).toBe(5_000);
  });

  it("merges the same item into one line", () => {
    const order = reduceAll([
      { type: "addLine", line: newLine() },
      { type: "addLine", line: newLine(), quantity: 2 },
    ]);

    expect(order.lines).toHaveLength(1);
    expect(order.lines[0]?.quantity).toBe(3);
  });

  it("keeps variations of one product apart", () => {
    const order = reduceAll([
      { type: "addLine", line: newLine({ variationId: 21 }) },
      { type: "addLine", line: newLine({ variationId: 22 }) },
    ]);

    expect(order.lines.map((line) => line.variationId)).toEqual([21, 22]);
  });

  it("keeps an edited price apart from the catalogue price", () => {
    const order = reduceAll([
      { type: "addLine", line: newLine() },
      { type: "setPrice", lineId: "line-1", priceMinor: 1600 },
      { type: "addLine", line: newLine() },
    ]);

    expect(order.lines.map((line) => line.priceOverrideMinor)).toEqual([1600, null]);
  });

  it("sets quantity, price, discount and removes", () => {
    const edited = reduceAll([
      { type: "addLine", line: newLine() },
      { type: "setQuantity", lineId: "line-1", quantity: 2 },
      { type: "setPrice", lineId: "line-1", priceMinor: 1500 },
      { type: "setLineDiscount", lineId: "line-1", discountBasisPoints: 1_000 },
    ]);

    expect(edited.lines[0]?.quantity).toBe(2);
    expect(edited.lines[0]?.priceOverrideMinor).toBe(1500);
    expect(edited.lines[0]?.discountBasisPoints).toBe(1_000);

    const removed = reduceCart(edited, { type: "removeLine", lineId: "line-1" }, context());
    expect(removed.lines).toEqual([]);
  });

  it("never changes its input", () => {
    const before = reduceAll([{ type: "addLine", line: newLine() }]);
    const snapshot = structuredClone(before);
    reduceCart(before, { type: "setQuantity", lineId: "line-1", quantity: 4 }, context());

    expect(before).toEqual(snapshot);
  });

  it.each([
    ["zero", 0],
    ["negative", -1],
    ["fractional", 1.5],
    ["too large", maxLineQuantity + 1],
    ["not a number", Number.NaN],
  ])("rejects a %s quantity", (_name, quantity) => {
    const order = reduceAll([{ type: "addLine", line: newLine() }]);
    const change = () =>
      reduceCart(order, { type: "setQuantity", lineId: "line-1", quantity }, context());

    expect(change).toThrow(CartActionError);
    expect(change).toThrow(/quantity/);
  });

  it.each([
    [
      "line discount above 100 %",
      { type: "setLineDiscount", lineId: "line-1", discountBasisPoints: 10_001 },
    ],
    ["negative price", { type: "setPrice", lineId: "line-1", priceMinor: -1 }],
    ["unknown line", { type: "removeLine", lineId: "line-9" }],
    [
      "percentage fee",
      { type: "setAdjustment", adjustment: { kind: "fee", basis: "percent", value: 500 } },
    ],
    [
      "cart discount above 100 %",
      { type: "setAdjustment", adjustment: { kind: "discount", basis: "percent", value: 10_001 } },
    ],
  ] satisfies [string, CartAction][])("rejects a %s", (_name, action) => {
    const order = reduceAll([{ type: "addLine", line: newLine() }]);

    expect(() => reduceCart(order, action, context())).toThrow(CartActionError);
  });

  it("sets and clears a cart discount", () => {
    const adjustment = { kind: "discount", basis: "amount", value: 250 } as const;
    const withDiscount = reduceAll([{ type: "setAdjustment", adjustment }]);
    const cleared = reduceCart(
      withDiscount,
      { type: "setAdjustment", adjustment: null },
      context(),
    );

    expect(withDiscount.adjustment).toEqual(adjustment);
    expect(cleared.adjustment).toBeNull();
  });

  it("attaches a customer", () => {
    const order = reduceAll([{ type: "setCustomer", customer: { id: 7, name: "Ana Silva" } }]);

    expect(order.customer).toEqual({ id: 7, name: "Ana Silva" });
  });

  it("rejects changes to a completed order", () => {
    const completed = { ...emptyOrder(), status: "completed" as const };
    const change = () => reduceCart(completed, { type: "addLine", line: newLine() }, context());

    expect(change).toThrow(/completed/);
  });
});

describe("coupons", () => {
  const nowContext = { nowMs: 2_000, newLineId: () => "line-1" };

  it("adds a coupon in WooCommerce's lower case", () => {
    const order = reduceCart(
      emptyOrder(),
      { type: "addCoupon", code: " Spring10 ", toBeConfirmed: true },
      nowContext,
    );

    expect(order.coupons).toEqual([{ code: "spring10", toBeConfirmed: true }]);
  });

  it("rejects the same coupon twice", () => {
    const once = reduceCart(
      emptyOrder(),
      { type: "addCoupon", code: "spring10", toBeConfirmed: true },
      nowContext,
    );
    const twice = () =>
      reduceCart(once, { type: "addCoupon", code: "SPRING10", toBeConfirmed: true }, nowContext);

    expect(twice).toThrow(/already applied/);
  });

  it("removes a coupon", () => {
    const once = reduceCart(
      emptyOrder(),
      { type: "addCoupon", code: "spring10", toBeConfirmed: true },
      nowContext,
    );
    const removed = reduceCart(once, { type: "removeCoupon", code: "SPRING10" }, nowContext);

    expect(removed.coupons).toEqual([]);
  });
});
