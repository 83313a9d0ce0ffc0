import { describe, expect, it } from "vitest";
import { sortCouponsForCart } from "./coupon-amount.js";
import { applyCoupons } from "./coupon-discounts.js";
import type { DiscountItem } from "./coupon-discounts.js";
import { fromInteger } from "./fraction.js";
import { coupon } from "./test-carts.js";

function item(
  key: string,
  price: number,
  quantity: number,
  categoryIds: number[] = [],
): DiscountItem {
  return {
    key,
    price: fromInteger(price),
    quantity,
    productId: 1,
    variationId: 0,
    categoryIds,
    onSale: false,
  };
}

const discountOf = (result: ReturnType<typeof applyCoupons>, key: string): bigint =>
  result.byItem.get(key)?.n ?? -1n;

describe("applyCoupons", () => {
  const twoTens = [
    coupon("a", "percent", "10", { id: 1 }),
    coupon("b", "percent", "10", { id: 2 }),
  ];

  it("bases each coupon on the original price by default", () => {
    const result = applyCoupons([item("x", 10_000, 1)], twoTens, {
      sequential: false,
      decimals: 2,
    });
    expect(discountOf(result, "x")).toBe(2_000n);
  });

  it("bases each coupon on the discounted price when sequential", () => {
    const result = applyCoupons([item("x", 10_000, 1)], twoTens, { sequential: true, decimals: 2 });
    expect(discountOf(result, "x")).toBe(1_900n);
  });

  it("never discounts a line below zero", () => {
    const result = applyCoupons([item("x", 500, 1)], [coupon("big", "fixed_product", "9.00")], {
      sequential: false,
      decimals: 2,
    });
    expect(discountOf(result, "x")).toBe(500n);
  });

  it("limits a coupon to a number of items", () => {
    const result = applyCoupons(
      [item("x", 3_000, 3)],
      [coupon("two", "fixed_product", "2.00", { limitUsageToXItems: 2 })],
      { sequential: false, decimals: 2 },
    );
    expect(discountOf(result, "x")).toBe(400n);
  });

  it("applies a product coupon only to its categories", () => {
    const result = applyCoupons(
      [item("shirt", 1_000, 1, [1]), item("mug", 1_000, 1, [2])],
      [coupon("shirts", "percent", "50", { productCategories: [1] })],
      { sequential: false, decimals: 2 },
    );
    expect(discountOf(result, "shirt")).toBe(500n);
    expect(discountOf(result, "mug")).toBe(0n);
  });

  it("gives remainder cents to the largest line first", () => {
    const result = applyCoupons(
      [item("small", 100, 1), item("large", 200, 1)],
      [coupon("cart", "fixed_cart", "0.03")],
      { sequential: false, decimals: 2 },
    );
    expect(discountOf(result, "large")).toBe(2n);
    expect(discountOf(result, "small")).toBe(1n);
  });

  it("rejects a fixed amount finer than the currency", () => {
    expect(() =>
      applyCoupons([item("x", 100, 1)], [coupon("odd", "fixed_cart", "1.005")], {
        sequential: false,
        decimals: 2,
      }),
    ).toThrow(/"1.005" on coupon "odd"/);
  });
});

describe("sortCouponsForCart", () => {
  it("orders by type, then item limit, amount and newest id", () => {
    const sorted = sortCouponsForCart([
      coupon("cart", "fixed_cart", "5", { id: 1 }),
      coupon("pct20", "percent", "20", { id: 2 }),
      coupon("pct10-old", "percent", "10", { id: 3 }),
      coupon("pct10-new", "percent", "10", { id: 4 }),
      coupon("item", "fixed_product", "1", { id: 5 }),
      coupon("pct-limited", "percent", "5", { id: 6, limitUsageToXItems: 1 }),
    ]);
    expect(sorted.map((entry) => entry.code)).toEqual([
      "item",
      "pct10-new",
      "pct10-old",
      "pct20",
      "pct-limited",
      "cart",
    ]);
  });
});
