import { describe, expect, it } from "vitest";
import type { Coupon } from "../catalog.js";
import { toMoney } from "../money.js";
import { coupon } from "../totals/test-carts.js";
import type { CouponLine } from "./coupon-applies-to-line.js";
import { emailAllowed } from "./email-allowed.js";
import { couponNotFound, validateCoupon } from "./validate-coupon.js";
import type { CouponContext } from "./validate-coupon.js";

const shirt: CouponLine = { productId: 10, variationId: 0, categoryIds: [1], onSale: false };
const saleMug: CouponLine = { productId: 20, variationId: 0, categoryIds: [2], onSale: true };
const hoodieLarge: CouponLine = { productId: 30, variationId: 31, categoryIds: [3], onSale: false };

function context(overrides: Partial<CouponContext> = {}): CouponContext {
  return {
    now: new Date("2026-04-15T12:00:00Z"),
    decimals: 2,
    lines: [shirt, saleMug, hoodieLarge],
    subtotal: toMoney(5000),
    appliedCoupons: [],
    billingEmail: "avery@example.test",
    customerId: 2,
    ...overrides,
  };
}

const spring = (overrides: Partial<Coupon> = {}): Coupon =>
  coupon("SPRING10", "percent", "10", overrides);

describe("validateCoupon", () => {
  it("accepts a plain coupon", () => {
    expect(validateCoupon(spring(), context())).toEqual({ ok: true, replacesCoupons: [] });
  });

  it.each<[string, Partial<Coupon>, Partial<CouponContext>, number, string]>([
    [
      "expired",
      { dateExpiresGmt: "2026-03-31T23:59:59" },
      {},
      107,
      'coupon "SPRING10" expired on 2026-03-31',
    ],
    ["used up", { usageLimit: 5, usageCount: 5 }, {}, 106, "usage limit of 5 uses"],
    [
      "used by this customer",
      { usageLimitPerUser: 1, usedBy: ["2"] },
      {},
      106,
      "1 uses per customer",
    ],
    [
      "used by this guest email",
      { usageLimitPerUser: 1, usedBy: ["AVERY@example.test"] },
      { customerId: 0 },
      106,
      "per customer",
    ],
    [
      "below minimum spend",
      { minimumAmount: "60.00" },
      {},
      108,
      "minimum spend of 60.00; the cart subtotal is 50.00",
    ],
    ["above maximum spend", { maximumAmount: "40.00" }, {}, 112, "maximum spend of 40.00"],
    ["for other products", { productIds: [99] }, {}, 109, "does not apply to any product"],
    ["for other categories", { productCategories: [9] }, {}, 109, "does not apply"],
    [
      "only on sale items it excludes",
      { productCategories: [2], excludeSaleItems: true },
      {},
      109,
      "does not apply",
    ],
    ["excluding every line", { excludedProductIds: [10, 20, 31] }, {}, 109, "does not apply"],
    ["already applied", {}, { appliedCoupons: [spring()] }, 103, "already applied"],
    [
      "after an individual-use coupon",
      {},
      { appliedCoupons: [coupon("solo", "percent", "5", { individualUse: true })] },
      104,
      'coupon "solo" is for individual use only',
    ],
    [
      "for other emails",
      { emailRestrictions: ["*@staff.test"] },
      {},
      102,
      "restricted to other email addresses",
    ],
  ])("rejects a coupon %s", (_name, overrides, contextOverrides, errorCode, message) => {
    const result = validateCoupon(spring(overrides), context(contextOverrides));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("woocommerce_rest_invalid_coupon");
    expect(result.errorCode).toBe(errorCode);
    expect(result.message).toContain(message);
  });

  it.each<[string, Partial<Coupon>, Partial<CouponContext>]>([
    ["on its last day", { dateExpiresGmt: "2026-04-15T23:59:59" }, {}],
    ["below its usage limit", { usageLimit: 5, usageCount: 4 }, {}],
    ["at the minimum spend", { minimumAmount: "50.00" }, {}],
    ["with zero spend limits", { minimumAmount: "0.00", maximumAmount: "0.00" }, {}],
    ["for a listed variation's parent", { productIds: [30] }, {}],
    ["for a listed variation", { productIds: [31] }, {}],
    ["for a listed category", { productCategories: [3] }, {}],
    ["for an allowed email pattern", { emailRestrictions: ["*@EXAMPLE.test"] }, {}],
    ["used by another customer", { usageLimitPerUser: 1, usedBy: ["7", "x@example.test"] }, {}],
  ])("accepts a coupon %s", (_name, overrides, contextOverrides) => {
    expect(validateCoupon(spring(overrides), context(contextOverrides)).ok).toBe(true);
  });

  it("rejects a cart coupon with a sale item when sale items are excluded", () => {
    const result = validateCoupon(
      coupon("flat5", "fixed_cart", "5.00", { excludeSaleItems: true }),
      context(),
    );
    expect(result).toMatchObject({ ok: false, errorCode: 110 });
  });

  it("rejects a cart coupon with an excluded product in the cart", () => {
    const result = validateCoupon(
      coupon("flat5", "fixed_cart", "5.00", { excludedProductIds: [20] }),
      context(),
    );
    expect(result).toMatchObject({
      ok: false,
      errorCode: 113,
      message: expect.stringContaining("20") as unknown,
    });
  });

  it("rejects a cart coupon with an excluded category in the cart", () => {
    const result = validateCoupon(
      coupon("flat5", "fixed_cart", "5.00", { excludedProductCategories: [3] }),
      context(),
    );
    expect(result).toMatchObject({ ok: false, errorCode: 114 });
  });

  it("individual-use coupon replaces the applied ones", () => {
    const result = validateCoupon(
      spring({ individualUse: true }),
      context({ appliedCoupons: [coupon("other", "fixed_cart", "1.00")] }),
    );
    expect(result).toEqual({ ok: true, replacesCoupons: ["other"] });
  });

  it("names an unknown code", () => {
    expect(couponNotFound("nosuchcode")).toMatchObject({
      ok: false,
      errorCode: 105,
      message: 'coupon "nosuchcode" does not exist: check the code',
    });
  });
});

describe("emailAllowed", () => {
  it.each([
    ["a@shop.test", ["a@shop.test"], true],
    ["A@Shop.test", ["a@shop.test"], true],
    ["b@shop.test", ["*@shop.test"], true],
    ["b@shop.test.evil", ["*@shop.test"], false],
    ["b@shopxtest", ["*@shop.test"], false],
    ["", ["*"], false],
  ])("%s against %j is %s", (email, restrictions, expected) => {
    expect(emailAllowed(email, restrictions)).toBe(expected);
  });
});
