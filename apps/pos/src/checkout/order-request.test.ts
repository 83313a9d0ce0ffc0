import { describe, expect, it } from "vitest";
import { parsePosTenders, posTendersMetaKey } from "@pos/core";
import { totalOrder } from "../cart/cart-totals.js";
import { emptyOrder, newLine } from "../cart/test-orders.js";
import type { StoredOrder } from "../db/stored-order.js";
import { buildOrderRequest, clientUuidMetaKey } from "./order-request.js";
import { taxRate, testStore } from "./test-store.js";

function orderWith(lines: StoredOrder["lines"], adjustment: StoredOrder["adjustment"] = null) {
  return { ...emptyOrder(), lines, adjustment };
}

const line = (id: string, overrides: Parameters<typeof newLine>[0], quantity = 1) => ({
  ...newLine(overrides),
  lineId: id,
  quantity,
});

describe("totalOrder", () => {
  it("rounds exclusive tax per line", () => {
    const order = orderWith([line("a", { catalogPriceMinor: 46_900 })]);
    const { totals } = totalOrder(order, { store: testStore, taxRates: [taxRate("7.5000")] });

    expect(totals.totalTax).toBe(3518);
    expect(totals.total).toBe(50_418);
  });

  it("sells at the edited price less the line discount", () => {
    const order = orderWith([
      line("a", { catalogPriceMinor: 1800, priceOverrideMinor: 1600, discountBasisPoints: 1000 }),
    ]);
    const { totals } = totalOrder(order, { store: testStore, taxRates: [] });

    expect(totals.total).toBe(1440);
  });

  it("takes a cart discount off as a negative fee", () => {
    const order = orderWith([line("a", { catalogPriceMinor: 2000 })], {
      kind: "discount",
      basis: "amount",
      value: 500,
    });
    const { input, totals } = totalOrder(order, { store: testStore, taxRates: [] });

    expect(input.fees).toHaveLength(1);
    expect(totals.total).toBe(1500);
  });

  it("adds a fee", () => {
    const order = orderWith([line("a", { catalogPriceMinor: 2000 })], {
      kind: "fee",
      basis: "amount",
      value: 250,
    });
    const { totals } = totalOrder(order, { store: testStore, taxRates: [] });

    expect(totals.total).toBe(2250);
  });
});

describe("buildOrderRequest", () => {
  it("sends explicit ex-tax line values and the client UUID", () => {
    const order = orderWith([
      line("a", { catalogPriceMinor: 46_900 }),
      line("b", { productId: 20, variationId: 21, catalogPriceMinor: 4500 }, 2),
    ]);
    const { input, totals } = totalOrder(order, { store: testStore, taxRates: [taxRate("7.5")] });
    const body = buildOrderRequest(order, input, totals, 2);

    expect(body).toEqual({
      status: "completed",
      payment_method: "pos_cash",
      payment_method_title: "Cash",
      set_paid: true,
      meta_data: [{ key: clientUuidMetaKey, value: order.clientUuid }],
      line_items: [
        { product_id: 10, quantity: 1, subtotal: "469.000000", total: "469.000000" },
        {
          product_id: 20,
          variation_id: 21,
          quantity: 2,
          subtotal: "90.000000",
          total: "90.000000",
        },
      ],
      fee_lines: [],
    });
  });

  it("sends inclusive prices as 6-decimal nets", () => {
    const store = { ...testStore, prices_include_tax: true };
    const order = orderWith([line("a", { catalogPriceMinor: 13_995 })]);
    const { input, totals } = totalOrder(order, { store, taxRates: [taxRate("19")] });
    const body = buildOrderRequest(order, input, totals, 2);

    expect(body.line_items[0]?.total).toBe("117.605042");
    expect(totals.total).toBe(13_995);
  });

  it("names the attached customer", () => {
    const order = { ...orderWith([line("a", {})]), customer: { id: 7, name: "Ana" } };
    const { input, totals } = totalOrder(order, { store: testStore, taxRates: [] });

    expect(buildOrderRequest(order, input, totals, 2).customer_id).toBe(7);
  });
});

describe("buildOrderRequest for reports", () => {
  it("names the register and the cashier", () => {
    const order = orderWith([line("a", {})]);
    const { input, totals } = totalOrder(order, { store: testStore, taxRates: [] });
    const body = buildOrderRequest(order, input, totals, 2, {
      tenders: [],
      receiptNumber: null,
      registerId: "RK7Q2",
      cashierId: 12,
    });

    expect(body.meta_data).toContainEqual({ key: "_pos_register", value: "RK7Q2" });
    expect(body.meta_data).toContainEqual({ key: "_pos_cashier_id", value: "12" });
  });
});

describe("buildOrderRequest with tenders", () => {
  it("sends split tenders, the receipt number and coupons", () => {
    const order = {
      ...orderWith([line("a", { catalogPriceMinor: 5000 })]),
      coupons: [{ code: "spring10", toBeConfirmed: true }],
    };
    const { input, totals } = totalOrder(order, { store: testStore, taxRates: [] });
    const tenders = [
      { method: "pos_cash", title: "Cash", amountMinor: 2500, changeMinor: 500, reference: null },
      {
        method: "pos_card",
        title: "External card",
        amountMinor: 3000,
        changeMinor: 0,
        reference: "7731",
      },
    ];
    const body = buildOrderRequest(order, input, totals, 2, {
      tenders,
      receiptNumber: "RAB-000007",
    });

    expect(body.payment_method).toBe("pos_card");
    expect(body.payment_method_title).toBe("External card");
    expect(body.coupon_lines).toEqual([{ code: "spring10" }]);
    expect(body.meta_data).toEqual([
      { key: clientUuidMetaKey, value: order.clientUuid },
      {
        key: "_pos_tenders",
        value:
          '[{"method":"pos_cash","title":"Cash","amount":"25.00","change":"5.00"},' +
          '{"method":"pos_card","title":"External card","reference":"7731","amount":"30.00",' +
          '"change":"0.00"}]',
      },
      { key: "_pos_receipt_number", value: "RAB-000007" },
    ]);
  });

  it("reads slips back as one method", () => {
    const order = orderWith([line("a", { catalogPriceMinor: 5000 })]);
    const { input, totals } = totalOrder(order, { store: testStore, taxRates: [] });
    const slip = (reference: string, amountMinor: number) => ({
      method: "pos_card",
      title: "External card",
      amountMinor,
      changeMinor: 0,
      reference,
    });
    const body = buildOrderRequest(order, input, totals, 2, {
      tenders: [slip("7731", 2000), slip("7732", 3000)],
      receiptNumber: null,
    });
    const meta = body.meta_data?.find((entry) => entry.key === posTendersMetaKey);

    const tenders = parsePosTenders(meta?.value, 2, "RAB-000008");

    expect(tenders.map((tender) => tender.methodTitle)).toEqual(["External card", "External card"]);
    expect(tenders.map((tender) => tender.reference)).toEqual(["7731", "7732"]);
    expect(new Set(tenders.map((tender) => tender.methodId))).toEqual(new Set(["pos_card"]));
  });
});
