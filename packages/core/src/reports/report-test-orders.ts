// Builders for report and till session tests: orders with every field filled in, in USD cents.
import { toMoney } from "../money.js";
import type {
  ReportLineItem,
  ReportOrder,
  ReportRefund,
  ReportTaxLine,
  ReportTender,
} from "./report-order.js";

const m = toMoney;

export function order(overrides: Partial<ReportOrder> & { number: string }): ReportOrder {
  return {
    status: "completed",
    dateCreatedGmt: "2026-03-10T12:00:00",
    currency: "USD",
    decimals: 2,
    total: m(0),
    totalTax: m(0),
    discountTotal: m(0),
    discountTax: m(0),
    shippingTotal: m(0),
    lineItems: [],
    feeLines: [],
    taxLines: [],
    tenders: [],
    refunds: [],
    ...overrides,
  };
}

export function line(
  quantity: number,
  total: number,
  totalTax: number,
  discount: { amount: number; tax: number } = { amount: 0, tax: 0 },
): ReportLineItem {
  return {
    productId: 15,
    variationId: 0,
    name: "Beanie",
    quantity,
    total: m(total),
    totalTax: m(totalTax),
    lineDiscount: m(discount.amount),
    lineDiscountTax: m(discount.tax),
  };
}

export function stateTax(taxTotal: number, shippingTaxTotal = 0): ReportTaxLine {
  return {
    rateId: 1,
    label: "CA State Tax",
    ratePercent: "7.25",
    taxTotal: m(taxTotal),
    shippingTaxTotal: m(shippingTaxTotal),
  };
}

export function cash(amount: number, change = 0): ReportTender {
  return { methodId: "pos_cash", methodTitle: "Cash", amount: m(amount), change: m(change) };
}

export function card(amount: number): ReportTender {
  return { methodId: "pos_card", methodTitle: "Card", amount: m(amount), change: m(0) };
}

export function refund(overrides: Partial<ReportRefund> & { amount: ReportRefund["amount"] }) {
  const base: ReportRefund = {
    amount: overrides.amount,
    tax: m(0),
    items: [{ productId: 15, quantity: 1 }],
    methodId: "pos_cash",
    methodTitle: "Cash",
    dateCreatedGmt: "2026-03-10T12:00:00",
  };
  return { ...base, ...overrides };
}

/**
 * Ten orders around Tuesday 10 March 2026 in Europe/London (UTC+0 that day, so store hours equal
 * UTC hours). The figures that `compute-sales-report.test.ts` expects are worked out by hand
 * there.
 */
export const sampleOrders: readonly ReportOrder[] = [
  order({
    number: "1001",
    dateCreatedGmt: "2026-03-10T09:15:00",
    registerId: "R1",
    cashierId: 7,
    total: m(3861),
    totalTax: m(261),
    lineItems: [line(2, 3600, 261)],
    taxLines: [stateTax(261)],
    tenders: [cash(4000, 139)],
  }),
  order({
    number: "1002",
    dateCreatedGmt: "2026-03-10T09:40:00",
    registerId: "R1",
    cashierId: 7,
    total: m(1448),
    totalTax: m(98),
    discountTotal: m(150),
    discountTax: m(11),
    lineItems: [line(1, 1350, 98)],
    taxLines: [stateTax(98)],
    tenders: [card(1448)],
  }),
  order({
    number: "1003",
    status: "processing",
    dateCreatedGmt: "2026-03-10T10:05:00",
    registerId: "R2",
    cashierId: 8,
    total: m(3754),
    totalTax: m(254),
    shippingTotal: m(500),
    lineItems: [line(3, 3000, 218)],
    taxLines: [stateTax(218, 36)],
    tenders: [card(2000), cash(2000, 246)],
  }),
  order({
    number: "1004",
    status: "on-hold",
    dateCreatedGmt: "2026-03-10T11:30:00Z",
    registerId: "R2",
    cashierId: 8,
    total: m(4827),
    totalTax: m(327),
    lineItems: [line(2, 5000, 363)],
    feeLines: [{ name: "Cart discount", total: m(-500), totalTax: m(-36) }],
    taxLines: [stateTax(327)],
  }),
  order({
    number: "1005",
    dateCreatedGmt: "2026-03-10T14:20:00",
    registerId: "R1",
    cashierId: 7,
    total: m(2199),
    totalTax: m(149),
    lineItems: [line(1, 1800, 131, { amount: 200, tax: 15 })],
    feeLines: [{ name: "Gift wrapping", total: m(250), totalTax: m(18) }],
    taxLines: [stateTax(149)],
    tenders: [cash(2500, 301)],
  }),
  order({
    number: "1006",
    dateCreatedGmt: "2026-03-10T16:45:00",
    registerId: "R1",
    cashierId: 9,
    total: m(4330),
    totalTax: m(330),
    lineItems: [line(2, 4000, 330)],
    taxLines: [
      stateTax(290),
      { rateId: 2, label: "City Tax", ratePercent: "1", taxTotal: m(40), shippingTaxTotal: m(0) },
    ],
    tenders: [card(4330)],
    refunds: [
      refund({
        amount: m(2165),
        tax: m(165),
        methodId: "pos_card",
        methodTitle: "Card",
        dateCreatedGmt: "2026-03-10T17:00:00",
      }),
    ],
  }),
  order({
    number: "1007",
    status: "pending",
    dateCreatedGmt: "2026-03-10T12:00:00",
    registerId: "R1",
    total: m(999),
    lineItems: [line(1, 999, 0)],
  }),
  order({
    number: "1008",
    status: "cancelled",
    dateCreatedGmt: "2026-03-10T13:00:00",
    registerId: "R1",
    total: m(1500),
    lineItems: [line(1, 1500, 0)],
    tenders: [cash(1500)],
  }),
  order({
    number: "1009",
    dateCreatedGmt: "2026-03-09T15:00:00",
    registerId: "R2",
    cashierId: 8,
    total: m(500),
    lineItems: [line(1, 500, 0)],
    tenders: [cash(500)],
    refunds: [refund({ amount: m(500), registerId: "R1", dateCreatedGmt: "2026-03-10T10:30:00" })],
  }),
  order({
    number: "1010",
    dateCreatedGmt: "2026-03-11T00:00:00",
    registerId: "R1",
    cashierId: 7,
    total: m(700),
    lineItems: [line(1, 700, 0)],
    tenders: [cash(700)],
  }),
];
