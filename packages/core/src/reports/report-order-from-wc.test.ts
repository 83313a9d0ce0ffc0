import { describe, expect, it } from "vitest";
import { toMoney } from "../money.js";
import { computeSalesReport } from "./compute-sales-report.js";
import { formatPosTenders, parsePosTenders } from "./pos-tenders-meta.js";
import { reportOrderFromWc } from "./report-order-from-wc.js";
import type { WcReportOrderJson, WcReportRefundJson } from "./report-order-from-wc.js";

// Order 2062 and its two refunds as WooCommerce 11.0.1 returned them, trimmed to the fields a
// report reads.
const wcOrder: WcReportOrderJson = {
  id: 2062,
  number: "2062",
  status: "processing",
  currency: "USD",
  date_created_gmt: "2026-12-04T15:31:02",
  total: "49.34",
  total_tax: "3.34",
  discount_total: "5.00",
  discount_tax: "0.36",
  shipping_total: "0.00",
  payment_method: "pos_card",
  payment_method_title: "Card (terminal)",
  date_paid_gmt: "2026-12-04T15:31:02",
  meta_data: [],
  line_items: [
    {
      product_id: 15,
      variation_id: 0,
      name: "Beanie",
      quantity: 2,
      total: "32.66",
      total_tax: "2.37",
    },
    {
      product_id: 11,
      variation_id: 27,
      name: "V-Neck T-Shirt - Blue",
      quantity: 1,
      total: "13.34",
      total_tax: "0.97",
    },
  ],
  fee_lines: [],
  tax_lines: [
    {
      rate_id: 1,
      label: "CA State Tax",
      rate_percent: 7.25,
      tax_total: "3.34",
      shipping_tax_total: "0.00",
    },
  ],
};

const wcRefunds: WcReportRefundJson[] = [
  {
    id: 2065,
    amount: "1.00",
    date_created_gmt: "2026-12-04T15:31:02",
    meta_data: [{ key: "_refund_type", value: "partial" }],
    line_items: [],
    tax_lines: [],
  },
  {
    id: 2064,
    amount: "17.52",
    date_created_gmt: "2026-12-04T15:31:02",
    meta_data: [{ key: "_refund_type", value: "partial" }],
    line_items: [{ product_id: 15, quantity: -1 }],
    tax_lines: [{ tax_total: "-1.19", shipping_tax_total: "0.00" }],
  },
];

describe("reportOrderFromWc", () => {
  const order = reportOrderFromWc(wcOrder, wcRefunds, 2);

  it("maps totals to minor units", () => {
    expect(order.total).toBe(4934);
    expect(order.totalTax).toBe(334);
    expect(order.discountTotal).toBe(500);
    expect(order.discountTax).toBe(36);
    expect(order.lineItems.map((line) => [line.quantity, line.total, line.totalTax])).toEqual([
      [2, 3266, 237],
      [1, 1334, 97],
    ]);
    expect(order.taxLines[0]!.ratePercent).toBe("7.25");
  });

  it("makes one tender from payment_method", () => {
    expect(order.tenders).toEqual([
      { methodId: "pos_card", methodTitle: "Card (terminal)", amount: 4934, change: 0 },
    ]);
  });

  it("maps refunds as positive amounts", () => {
    expect(order.refunds[1]).toEqual({
      id: 2064,
      amount: 1752,
      tax: 119,
      items: [{ productId: 15, quantity: 1 }],
      methodId: "pos_card",
      methodTitle: "Card (terminal)",
      dateCreatedGmt: "2026-12-04T15:31:02",
      registerId: undefined,
    });
    expect(order.refunds[0]!.amount).toBe(100);
  });

  it("reads the till's meta", () => {
    const tenders = [
      { methodId: "pos_card", methodTitle: "Card", amount: toMoney(2000), change: toMoney(0) },
      { methodId: "pos_cash", methodTitle: "Cash", amount: toMoney(3000), change: toMoney(66) },
    ];
    const tillOrder = reportOrderFromWc(
      {
        ...wcOrder,
        meta_data: [
          { key: "_pos_client_uuid", value: "ord-7f3a" },
          { key: "_pos_register", value: "register-1" },
          { key: "_pos_cashier_id", value: "7" },
          { key: "_pos_tenders", value: formatPosTenders(tenders, 2) },
        ],
      },
      [{ ...wcRefunds[0]!, meta_data: [{ key: "_pos_refund_method", value: "pos_cash" }] }],
      2,
    );
    expect(tillOrder.clientUuid).toBe("ord-7f3a");
    expect(tillOrder.registerId).toBe("register-1");
    expect(tillOrder.cashierId).toBe(7);
    expect(tillOrder.tenders).toEqual(tenders);
    expect(tillOrder.refunds[0]!.methodId).toBe("pos_cash");
    expect(tillOrder.refunds[0]!.methodTitle).toBe("Cash");
  });

  it("leaves an unpaid order without tenders", () => {
    const unpaid = { ...wcOrder, status: "on-hold", date_paid_gmt: null };
    expect(reportOrderFromWc(unpaid, [], 2).tenders).toEqual([]);
  });

  it("names the field of a bad amount", () => {
    expect(() => reportOrderFromWc({ ...wcOrder, total_tax: "3.345" }, [], 2)).toThrow(
      /invalid total_tax on order 2062: invalid money amount "3.345"/,
    );
  });

  it("feeds a sales report", () => {
    const report = computeSalesReport([order], {
      from: "2026-12-04",
      to: "2026-12-04",
      timeZone: "America/Los_Angeles",
    });
    expect(report.grossSales).toBe(4934);
    expect(report.netSales).toBe(4600);
    expect(report.discounts.coupons).toEqual({ count: 1, amount: 500, tax: 36 });
    expect(report.refundTotals.amount).toBe(1852);
    expect(report.refundTotals.tax).toBe(119);
  });
});

describe("parsePosTenders", () => {
  it("reads an array sent as JSON", () => {
    const value = [{ method: "pos_cash", title: "Cash", amount: "40.00", change: "1.39" }];
    expect(parsePosTenders(value, 2, "1001")).toEqual([
      { methodId: "pos_cash", methodTitle: "Cash", amount: 4000, change: 139 },
    ]);
  });

  it.each([
    ["not json", /on order 1001: the value is not JSON/],
    ['{"method":"pos_cash"}', /the value is not an array/],
    ['[{"method":"pos_cash","title":"Cash","amount":"40.00"}]', /entry 0 has no change string/],
    [
      '[{"method":"pos_cash","title":"Cash","amount":"forty","change":"0"}]',
      /entry 0 amount: invalid money amount "forty"/,
    ],
  ])("rejects %s", (value, message) => {
    expect(() => parsePosTenders(value, 2, "1001")).toThrow(message);
  });
});
