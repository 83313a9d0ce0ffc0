import { describe, expect, it } from "vitest";
import { toMoney, toPrecise, type CartInput, type Coupon, type OrderTotals } from "@pos/core";
import { buildWcOrderCreate } from "./map-order.js";

const money = toMoney;

const pos10: Coupon = {
  id: 2058,
  code: "pos10",
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
  minimumAmount: "0.00",
  maximumAmount: "0.00",
  emailRestrictions: [],
  usedBy: [],
  freeShipping: false,
  dateModifiedGmt: "",
};

/** 139.95 with 19% tax included and a 10% coupon: nets with 6 decimals, as core computes them. */
const cart: CartInput = {
  lines: [
    {
      key: "l1",
      productId: 15,
      variationId: 0,
      quantity: 1,
      unitPrice: money(13995),
      regularUnitPrice: money(13995),
      onSale: false,
      taxStatus: "taxable",
      taxClass: "",
      categoryIds: [],
    },
    {
      key: "l2",
      productId: 11,
      variationId: 27,
      quantity: 2,
      unitPrice: money(1500),
      regularUnitPrice: money(1500),
      onSale: false,
      taxStatus: "taxable",
      taxClass: "",
      categoryIds: [],
    },
  ],
  fees: [{ key: "f1", name: "Gift wrapping", amount: money(250), taxable: true, taxClass: "" }],
  shipping: [],
  coupons: [pos10],
};

function lineTotals(key: string, subtotal: number, total: number) {
  return {
    key,
    subtotal: money(Math.round(subtotal / 10_000)),
    subtotalTax: money(0),
    total: money(Math.round(total / 10_000)),
    totalTax: money(0),
    taxes: [],
    subtotalPrecise: toPrecise(subtotal),
    totalPrecise: toPrecise(total),
    discount: money(0),
  };
}

const totals: OrderTotals = {
  lines: [lineTotals("l1", 117_605_042, 105_844_538), lineTotals("l2", 25_210_084, 22_689_076)],
  fees: [{ key: "f1", name: "Gift wrapping", total: money(250), totalTax: money(48), taxes: [] }],
  shipping: [],
  taxLines: [],
  itemsSubtotal: money(0),
  itemsSubtotalTax: money(0),
  itemsTotal: money(0),
  feeTotal: money(250),
  discountTotal: money(0),
  discountTax: money(0),
  shippingTotal: money(0),
  shippingTax: money(0),
  cartTax: money(0),
  totalTax: money(0),
  total: money(0),
};

describe("buildWcOrderCreate", () => {
  it("sends ex-tax line amounts with 6 decimals and the client UUID", () => {
    const body = buildWcOrderCreate({
      clientUuid: "ord-7f3a",
      cart,
      totals,
      decimals: 2,
      status: "processing",
      customerId: 2,
      payment: { method: "pos_cash", title: "Cash", paid: true },
      register: "register-1",
    });

    expect(body).toEqual({
      status: "processing",
      customer_id: 2,
      payment_method: "pos_cash",
      payment_method_title: "Cash",
      set_paid: true,
      meta_data: [
        { key: "_pos_client_uuid", value: "ord-7f3a" },
        { key: "_pos_register", value: "register-1" },
      ],
      line_items: [
        { product_id: 15, quantity: 1, subtotal: "117.605042", total: "105.844538" },
        {
          product_id: 11,
          variation_id: 27,
          quantity: 2,
          subtotal: "25.210084",
          total: "22.689076",
        },
      ],
      fee_lines: [{ name: "Gift wrapping", total: "2.50", tax_status: "taxable", tax_class: "" }],
      shipping_lines: [],
      coupon_lines: [{ code: "pos10" }],
    });
  });

  it("rejects a cart line without totals", () => {
    const stale = { ...totals, lines: totals.lines.slice(0, 1) };
    expect(() => buildWcOrderCreate({ clientUuid: "u", cart, totals: stale, decimals: 2 })).toThrow(
      'cart line "l2" has no totals; compute the totals of this cart again',
    );
  });
});
