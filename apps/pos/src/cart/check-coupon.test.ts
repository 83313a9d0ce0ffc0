import "fake-indexeddb/auto";
import type { Coupon } from "@pos/core";
import { CatalogDb } from "@pos/sync";
import { afterEach, describe, expect, it } from "vitest";
import { testStore, taxRate } from "../checkout/test-store.js";
import { checkCoupon, type CouponCheckContext } from "./check-coupon.js";
import { totalOrder } from "./cart-totals.js";
import { emptyOrder, newLine } from "./test-orders.js";

const databases: CatalogDb[] = [];

afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

function coupon(overrides: Partial<Coupon>): Coupon {
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

async function context(coupons: Coupon[], online: boolean): Promise<CouponCheckContext> {
  const catalog = new CatalogDb(`coupons-${crypto.randomUUID()}`);
  databases.push(catalog);
  await catalog.coupons.bulkPut(coupons);
  const order = { ...emptyOrder(), lines: [{ ...newLine(), lineId: "a", quantity: 1 }] };
  const cart = totalOrder(order, { store: testStore, taxRates: [taxRate("10")] });
  return { catalog, order, cart, decimals: 2, online, now: new Date("2026-12-04T12:00:00Z") };
}

describe("checkCoupon", () => {
  it("accepts a synced coupon offline, to be confirmed", async () => {
    const check = await checkCoupon(" SPRING10 ", await context([coupon({})], false));

    expect(check).toEqual({ ok: true, code: "spring10", toBeConfirmed: true });
  });

  it("rejects an expired coupon with core's reason", async () => {
    const expired = coupon({ dateExpiresGmt: "2026-03-31T23:59:59" });
    const check = await checkCoupon("spring10", await context([expired], false));

    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/expired/i);
  });

  it("rejects an unknown coupon offline", async () => {
    const check = await checkCoupon("nope", await context([], false));

    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/cannot be checked offline/);
  });

  it("leaves an unknown coupon to the store online", async () => {
    const check = await checkCoupon("nope", await context([], true));

    expect(check).toEqual({ ok: true, code: "nope", toBeConfirmed: true });
  });

  it("takes the synced coupon off the totals", async () => {
    const ctx = await context([coupon({})], false);
    const order = { ...ctx.order, coupons: [{ code: "spring10", toBeConfirmed: true }] };
    const { totals } = totalOrder(order, {
      store: testStore,
      taxRates: [taxRate("10")],
      coupons: [coupon({})],
    });

    expect(totals.discountTotal).toBe(180);
    expect(totals.total).toBe(1782);
  });
});
