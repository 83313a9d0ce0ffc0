import type { Coupon } from "@pos/core";

/** Test data: a 10 % coupon `spring10` with no limits, changed by `overrides`. */
export function testCoupon(overrides: Partial<Coupon> = {}): Coupon {
  return {
    id: 1,
    code: "spring10",
    discountType: "percent",
    amount: "10",
    dateExpiresGmt: null,
    usageCount: 0,
    usageLimit: null,
    usageLimitPerUser: null,
    limitUsageToXItems: null,
    individualUse: false,
    productIds: [],
    excludedProductIds: [],
    productCategories: [],
    excludedProductCategories: [],
    excludeSaleItems: false,
    minimumAmount: "",
    maximumAmount: "",
    emailRestrictions: [],
    usedBy: [],
    freeShipping: false,
    dateModifiedGmt: "2026-12-01T00:00:00",
    ...overrides,
  };
}
