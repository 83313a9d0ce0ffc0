import { describe, expect, it } from "vitest";
import { totalOrder } from "../cart/cart-totals.js";
import { emptyOrder, newLine } from "../cart/test-orders.js";
import { buildOrderRequest } from "../checkout/order-request.js";
import { taxRate, testStore } from "../checkout/test-store.js";
import type { StoredOrder } from "../db/stored-order.js";
import { withoutCoupons } from "../outbox/resend-without-coupons.js";
import { storeRecordedOf } from "../outbox/store-recorded-order.js";
import { testCoupon } from "../cart/test-coupons.js";
import { reportOrderFromStored } from "./report-order-from-stored.js";

const spring = testCoupon({ discountType: "fixed_cart", amount: "5" });

describe("reportOrderFromStored on a sale resent without its coupon", () => {
  it("reports what the store recorded", () => {
    const rates = [taxRate("10")];
    const order: StoredOrder = {
      ...emptyOrder(),
      status: "completed",
      lines: [
        { ...newLine(), lineId: "a", quantity: 3 },
        { ...newLine({ productId: 11, catalogPriceMinor: 795 }), lineId: "b", quantity: 1 },
      ],
      coupons: [{ code: spring.code, toBeConfirmed: true }],
    };
    const paid = totalOrder(order, { store: testStore, taxRates: rates, coupons: [spring] });
    const body = buildOrderRequest(order, paid.input, paid.totals, 2);
    const resent = withoutCoupons(body, { totalMinor: paid.totals.total, decimals: 2 });
    const storeRecorded = storeRecordedOf(resent, order)!;
    const recorded: StoredOrder = {
      ...order,
      coupons: [],
      storeRecorded,
      receipt: {
        localNumber: "RABCD-000004",
        serverId: 42,
        number: "42",
        totalMinor: paid.totals.total,
        currency: "USD",
        completedAtMs: Date.parse("2026-12-04T10:00:00Z"),
        syncState: "sent",
      },
    };

    // The device report passes no synced coupons, as `loadDeviceReportOrders` does.
    const context = { store: testStore, taxRates: rates, registerId: "RABCD", refunds: [] };
    const report = reportOrderFromStored(recorded, context)!;

    expect(paid.totals.discountTotal).toBeGreaterThan(0);
    expect(report.total).toBe(paid.totals.total);
    expect(report.totalTax).toBe(paid.totals.totalTax);
    expect(report.discountTotal).toBe(paid.totals.discountTotal);
    expect(report.lineItems.map((line) => line.total)).toEqual(
      paid.totals.lines.map((line) => line.total),
    );
  });
});
