import { formatMoney } from "../money.js";
import type { Money } from "../money.js";
import { toCsv } from "./csv-field.js";
import type { AmountWithTax, SalesReport } from "./sales-report.js";

/** The CSV header. Every row has these six fields, and a field that does not apply is empty. */
export const salesReportCsvHeader = ["section", "key", "label", "count", "amount", "tax"] as const;

type Row = [
  section: string,
  key: string,
  label: string,
  count: string,
  amount: string,
  tax: string,
];

/**
 * Writes a sales report as RFC 4180 CSV in one table, so a spreadsheet opens it whole. Amounts
 * carry the report currency's decimals ("12.50", "1799"). The sections are summary, tax,
 * discount, payment, change, refund, refund_method, day and hour.
 */
export function salesReportToCsv(report: SalesReport): string {
  const decimals = report.currency?.decimals ?? 0;
  const money = (amount: Money): string => formatMoney(amount, decimals);
  return toCsv([
    [...salesReportCsvHeader],
    ...summaryRows(report, money),
    ...report.taxByRate.map((rate): Row => [
      "tax",
      String(rate.rateId),
      `${rate.label} ${rate.ratePercent}%`,
      String(rate.orders),
      "",
      money(rate.total),
    ]),
    discountRow("coupons", "Coupons", report.discounts.coupons, money),
    discountRow("line_discounts", "Line discounts", report.discounts.lineDiscounts, money),
    discountRow("cart_discounts", "Cart discounts", report.discounts.cartDiscounts, money),
    ...paymentRows(report, money),
    ...report.days.map((day): Row => [
      "day",
      day.date,
      `${day.hours} hours`,
      String(day.orders),
      money(day.grossSales),
      money(day.tax),
    ]),
    ...report.hours.map((hour): Row => [
      "hour",
      String(hour.hour).padStart(2, "0"),
      "",
      String(hour.orders),
      money(hour.grossSales),
      "",
    ]),
  ]);
}

function summaryRows(report: SalesReport, money: (amount: Money) => string): Row[] {
  const currency = report.currency?.code ?? "";
  return [
    ["summary", "currency", currency, "", "", ""],
    ["summary", "orders", "Orders", String(report.orders), "", ""],
    ["summary", "gross_sales", "Gross sales", "", money(report.grossSales), ""],
    ["summary", "net_sales", "Net sales", "", money(report.netSales), ""],
    ["summary", "tax", "Tax", "", "", money(report.tax)],
    ["summary", "items_sold", "Items sold", String(report.itemsSold), "", ""],
    [
      "summary",
      "average_order_value",
      "Average order value",
      "",
      money(report.averageOrderValue),
      "",
    ],
    ["summary", "untendered", "Orders without a tender", "", money(report.untenderedTotal), ""],
  ];
}

function discountRow(
  key: string,
  label: string,
  discount: AmountWithTax,
  money: (amount: Money) => string,
): Row {
  return [
    "discount",
    key,
    label,
    String(discount.count),
    money(discount.amount),
    money(discount.tax),
  ];
}

function paymentRows(report: SalesReport, money: (amount: Money) => string): Row[] {
  const refunds = report.refundTotals;
  return [
    ...report.payments.map((method): Row => [
      "payment",
      method.methodId,
      method.methodTitle,
      String(method.tenders),
      money(method.received),
      "",
    ]),
    ...report.payments
      .filter((method) => method.change !== 0)
      .map((method): Row => [
        "change",
        method.methodId,
        method.methodTitle,
        "",
        money(method.change),
        "",
      ]),
    [
      "refund",
      "refunds",
      "Refunds",
      String(refunds.count),
      money(refunds.amount),
      money(refunds.tax),
    ],
    ...refunds.byMethod.map((method): Row => [
      "refund_method",
      method.methodId,
      method.methodTitle,
      String(method.refunds),
      money(method.amount),
      "",
    ]),
  ];
}
