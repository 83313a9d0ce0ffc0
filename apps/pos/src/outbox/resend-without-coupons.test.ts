import {
  computeRestOrderTotals,
  parsePrecise,
  toMoney,
  type Coupon,
  type RestOrderInput,
} from "@pos/core";
import type { OutboxRecord } from "@pos/sync";
import type { WcOrderCreate } from "@pos/woo";
import { describe, expect, it } from "vitest";
import { storeLocation, totalOrder, totalsSettings } from "../cart/cart-totals.js";
import { emptyOrder, newLine } from "../cart/test-orders.js";
import { buildOrderRequest } from "../checkout/order-request.js";
import { taxRate, testStore } from "../checkout/test-store.js";
import { isCouponRejectedSale, withoutCoupons } from "./resend-without-coupons.js";
import { testCoupon } from "../cart/test-coupons.js";

const coupon = testCoupon;

const paidSale: WcOrderCreate = {
  status: "completed",
  set_paid: true,
  payment_method: "pos_cash",
  meta_data: [
    { key: "_pos_client_uuid", value: "8d7f3c2a-1b4e-4f6a-9c0d-2e5b7a9f1c3d" },
    { key: "_pos_receipt_number", value: "RABCD-000004" },
    { key: "_pos_tenders", value: "tenders" },
  ],
  line_items: [{ product_id: 10, quantity: 2, subtotal: "36.000000", total: "32.400000" }],
  coupon_lines: [{ code: "spring10" }],
};

function parkedRecord(overrides: Partial<OutboxRecord>): OutboxRecord {
  return {
    formatVersion: 1,
    id: "8d7f3c2a-1b4e-4f6a-9c0d-2e5b7a9f1c3d",
    kind: "order.create",
    payload: paidSale,
    attempts: 1,
    state: "parked",
    lastError: '400 woocommerce_rest_invalid_coupon: coupon "spring10" expired',
    lastErrorStatus: 400,
    lastErrorCode: "woocommerce_rest_invalid_coupon",
    createdAtMs: 1,
    nextAttemptAtMs: 1,
    ...overrides,
  };
}

describe("withoutCoupons", () => {
  it("keeps lines, receipt and tenders", () => {
    const rewritten = withoutCoupons(paidSale, { totalMinor: 3564, decimals: 2 });

    expect(rewritten.coupon_lines).toBeUndefined();
    expect(rewritten.line_items).toEqual(paidSale.line_items);
    expect(rewritten.payment_method).toBe("pos_cash");
    expect(rewritten.meta_data).toEqual([
      ...(paidSale.meta_data ?? []),
      { key: "_pos_expected_total", value: "35.64" },
      { key: "_pos_rejected_coupons", value: "spring10" },
    ]);
  });

  it("replaces an earlier expected total", () => {
    const once = withoutCoupons(paidSale, { totalMinor: 3564, decimals: 2 });
    const twice = withoutCoupons(once, { totalMinor: 3564, decimals: 2 });

    const keys = (twice.meta_data ?? []).map((entry) => entry.key);
    expect(keys.filter((key) => key === "_pos_expected_total")).toHaveLength(1);
  });

  it("rejects a line without explicit amounts", () => {
    const bare = { ...paidSale, line_items: [{ product_id: 10, quantity: 1 }] };

    expect(() => withoutCoupons(bare, { totalMinor: 1800, decimals: 2 })).toThrow(
      /no explicit subtotal and total/,
    );
  });

  it.each([
    ["percent, prices without tax", coupon({}), false],
    ["fixed cart, prices without tax", coupon({ discountType: "fixed_cart", amount: "5" }), false],
    [
      "fixed product, prices with tax",
      coupon({ discountType: "fixed_product", amount: "1.5" }),
      true,
    ],
    ["percent, prices with tax", coupon({ amount: "15" }), true],
  ])("keeps the store's totals: %s", (_case, spring, pricesIncludeTax) => {
    const store = { ...testStore, prices_include_tax: pricesIncludeTax };
    const rates = [taxRate("10")];
    const order = {
      ...emptyOrder(),
      lines: [
        { ...newLine(), lineId: "a", quantity: 3 },
        { ...newLine({ productId: 11, catalogPriceMinor: 795 }), lineId: "b", quantity: 1 },
      ],
      coupons: [{ code: spring.code, toBeConfirmed: true }],
    };
    const cart = totalOrder(order, { store, taxRates: rates, coupons: [spring] });
    const body = buildOrderRequest(order, cart.input, cart.totals, store.decimals);
    const rewritten = withoutCoupons(body, { totalMinor: cart.totals.total, decimals: 2 });

    const storeTotals = (request: WcOrderCreate, coupons: Coupon[]) =>
      computeRestOrderTotals(
        restInput(request, order.lines, coupons),
        totalsSettings(store),
        rates,
        storeLocation(store),
      );
    const withCoupon = storeTotals(body, [spring]);
    const without = storeTotals(rewritten, []);
    expect(withCoupon.discountTotal).toBeGreaterThan(0);
    expect(withCoupon.total).toBe(cart.totals.total);
    expect(without.total).toBe(cart.totals.total);
    expect(without.totalTax).toBe(withCoupon.totalTax);
    expect(without.discountTotal).toBe(withCoupon.discountTotal);
  });
});

/** Reads an order request as the server does, with the lines' catalogue facts. */
function restInput(
  request: WcOrderCreate,
  lines: ReturnType<typeof emptyOrder>["lines"],
  coupons: Coupon[],
): RestOrderInput {
  return {
    lines: request.line_items.map((item, index) => {
      const line = lines[index]!;
      return {
        key: String(index),
        productId: item.product_id,
        variationId: 0,
        quantity: item.quantity,
        subtotal: parsePrecise(item.subtotal ?? "0"),
        total: parsePrecise(item.total ?? "0"),
        price: toMoney(line.catalogPriceMinor),
        taxStatus: line.taxStatus,
        taxClass: line.taxClass,
        categoryIds: line.categoryIds,
        onSale: line.onSale,
      };
    }),
    fees: [],
    shipping: [],
    coupons,
  };
}

describe("isCouponRejectedSale", () => {
  it("finds a sale parked for its coupon", () => {
    expect(isCouponRejectedSale(parkedRecord({}))).toBe(true);
  });

  it.each([
    ["another rejection", { lastErrorCode: "woocommerce_rest_invalid_product_id" }],
    ["a pending sale", { state: "pending" as const }],
    ["a sale without coupons", { payload: { ...paidSale, coupon_lines: [] } }],
    ["a customer record", { kind: "customer.create" }],
  ])("ignores %s", (_case, overrides) => {
    expect(isCouponRejectedSale(parkedRecord(overrides))).toBe(false);
  });
});
