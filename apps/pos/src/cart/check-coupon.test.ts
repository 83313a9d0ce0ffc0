import "fake-indexeddb/auto";
import type { Coupon } from "@pos/core";
import { CatalogDb } from "@pos/sync";
import { WooClient } from "@pos/woo";
import { afterEach, describe, expect, it } from "vitest";
import { testStore, taxRate } from "../checkout/test-store.js";
import { checkCoupon, type CouponCheckContext } from "./check-coupon.js";
import { totalOrder } from "./cart-totals.js";
import { emptyOrder, newLine } from "./test-orders.js";
import { testCoupon } from "./test-coupons.js";

const databases: CatalogDb[] = [];

afterEach(async () => {
  for (const db of databases.splice(0)) await db.delete();
});

const coupon = testCoupon;

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

  it("rejects an unknown coupon online without a store", async () => {
    const check = await checkCoupon("nope", await context([], true));

    expect(check.ok).toBe(false);
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

/** A scripted store: returns `reply` for each request and records what the till sent. */
function scriptedStore(reply: (url: URL, body: unknown) => Response | Promise<Response>) {
  const requests: { method: string; url: URL; body: unknown }[] = [];
  const client = new WooClient({
    baseUrl: "http://store.test",
    maxAttempts: 1,
    fetch: async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const text = typeof init?.body === "string" ? init.body : null;
      const body: unknown = text ? JSON.parse(text) : null;
      requests.push({ method: init?.method ?? "GET", url, body });
      return reply(url, body);
    },
  });
  return { client, requests };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

function wireCoupon(code: string, overrides: Record<string, unknown> = {}) {
  return {
    id: 7,
    code,
    amount: "10.00",
    discount_type: "percent",
    date_expires_gmt: null,
    usage_count: 0,
    usage_limit: null,
    usage_limit_per_user: null,
    limit_usage_to_x_items: null,
    individual_use: false,
    product_ids: [],
    excluded_product_ids: [],
    product_categories: [],
    excluded_product_categories: [],
    exclude_sale_items: false,
    minimum_amount: "0.00",
    maximum_amount: "0.00",
    email_restrictions: [],
    used_by: [],
    free_shipping: false,
    date_modified_gmt: "2026-12-01T00:00:00",
    ...overrides,
  };
}

describe("checkCoupon online with our server", () => {
  it("rejects a code with the store's reason", async () => {
    const store = scriptedStore(() =>
      json(400, {
        code: "woocommerce_rest_invalid_coupon",
        message: 'Coupon "nope" cannot be applied because it does not exist.',
        data: { status: 400 },
      }),
    );
    const ctx = await context([], true);
    const check = await checkCoupon("NOPE", {
      ...ctx,
      store: { client: store.client, kind: "pos" },
    });

    expect(check).toEqual({
      ok: false,
      message: 'Coupon "nope" cannot be applied because it does not exist.',
    });
    expect(store.requests).toHaveLength(1);
    expect(store.requests[0]?.method).toBe("POST");
    expect(store.requests[0]?.url.pathname).toBe("/wp-json/pos/v1/coupons/check");
    expect(store.requests[0]?.body).toEqual({
      code: "nope",
      line_items: [{ product_id: 10, quantity: 1 }],
      coupon_lines: [],
    });
  });

  it("confirms a valid code and stores its record", async () => {
    const store = scriptedStore(() =>
      json(200, { code: "fresh", valid: true, coupon: wireCoupon("fresh") }),
    );
    const ctx = await context([], true);
    const check = await checkCoupon("fresh", {
      ...ctx,
      store: { client: store.client, kind: "pos" },
    });

    expect(check).toEqual({ ok: true, code: "fresh", toBeConfirmed: false });
    const stored = await ctx.catalog.coupons.where("code").equals("fresh").first();
    expect(stored?.amount).toBe("10.00");
  });

  it("checks on the till when the store is unreachable", async () => {
    const store = scriptedStore(() => Promise.reject(new TypeError("Failed to fetch")));
    const synced = await context([coupon({})], true);
    const unknown = await context([], true);
    const storeRef = { client: store.client, kind: "pos" as const };

    expect(await checkCoupon("spring10", { ...synced, store: storeRef })).toEqual({
      ok: true,
      code: "spring10",
      toBeConfirmed: true,
    });
    const check = await checkCoupon("nope", { ...unknown, store: storeRef });
    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/cannot be checked offline/);
  });

  it("does not ask the store offline", async () => {
    const store = scriptedStore(() => json(500, {}));
    const ctx = await context([coupon({})], false);
    await checkCoupon("spring10", { ...ctx, store: { client: store.client, kind: "pos" } });

    expect(store.requests).toHaveLength(0);
  });
});

describe("checkCoupon online with WooCommerce", () => {
  const woo = (coupons: unknown[]) => scriptedStore(() => json(200, coupons));

  it("rejects a code the store lacks", async () => {
    const store = woo([]);
    const ctx = await context([], true);
    const check = await checkCoupon("nope", {
      ...ctx,
      store: { client: store.client, kind: "woocommerce" },
    });

    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/does not exist/);
    expect(store.requests[0]?.url.pathname).toBe("/wp-json/wc/v3/coupons");
    expect(store.requests[0]?.url.searchParams.get("code")).toBe("nope");
  });

  it("rejects the store's expired coupon", async () => {
    const store = woo([wireCoupon("old", { date_expires_gmt: "2026-03-31T00:00:00" })]);
    const ctx = await context([], true);
    const check = await checkCoupon("old", {
      ...ctx,
      store: { client: store.client, kind: "woocommerce" },
    });

    expect(check.ok).toBe(false);
    expect(!check.ok && check.message).toMatch(/expired/);
  });

  it("accepts the store's valid coupon", async () => {
    const store = woo([wireCoupon("fresh")]);
    const ctx = await context([], true);
    const check = await checkCoupon("Fresh", {
      ...ctx,
      store: { client: store.client, kind: "woocommerce" },
    });

    expect(check).toEqual({ ok: true, code: "fresh", toBeConfirmed: false });
  });
});
