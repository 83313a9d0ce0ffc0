import { toMoney } from "../money.js";
import { totalDiscounts } from "./discount-totals.js";
import { listReportDays } from "./report-days.js";
import type { ReportDay } from "./report-days.js";
import type { ReportOrder } from "./report-order.js";
import { averageOrderValue, sumOf, sumSalesFigures } from "./sales-figures.js";
import type {
  RefundTotals,
  SalesDay,
  SalesHour,
  SalesReport,
  SalesReportOptions,
} from "./sales-report.js";
import { selectReportOrders } from "./select-report-orders.js";
import type { DatedOrder, DatedRefund } from "./select-report-orders.js";
import { storeHourOf } from "./store-hour.js";
import { totalTaxByRate } from "./tax-rate-totals.js";
import { totalRefundsByMethod, totalTendersByMethod } from "./tender-totals.js";

const hourMs = 3_600_000;

/**
 * Computes a sales report over store days `from` to `to`, cut in the store's time zone. The till
 * runs it on the orders stored on the device and the server on the store's orders, so both show
 * the same figures for the same orders.
 */
export function computeSalesReport(
  orders: readonly ReportOrder[],
  options: SalesReportOptions,
): SalesReport {
  const days = listReportDays(options.from, options.to, options.timeZone);
  const startUtc = days[0]!.startUtc;
  const endUtc = days[days.length - 1]!.endUtc;
  const selection = selectReportOrders(orders, options, { startUtc, endUtc });

  const sold = selection.sales.map((entry) => entry.order);
  const figures = sumSalesFigures(
    sold,
    selection.refunds.map((entry) => entry.refund),
  );
  const payments = totalTendersByMethod(sold);
  const untendered = sold.filter((order) => order.tenders.length === 0);

  return {
    from: options.from,
    to: options.to,
    timeZone: options.timeZone,
    startUtc,
    endUtc,
    currency: selection.currency,
    ...figures,
    averageOrderValue: averageOrderValue(figures.grossSales, figures.orders),
    taxByRate: totalTaxByRate(sold),
    discounts: totalDiscounts(sold),
    payments,
    untenderedTotal: sumOf(untendered.map((order) => order.total)),
    refundTotals: totalRefunds(selection.refunds),
    days: salesDays(days, selection.sales, selection.refunds),
    hours: salesHours(selection.sales, options.timeZone),
  };
}

function totalRefunds(refunds: readonly DatedRefund[]): RefundTotals {
  const list = refunds.map((entry) => entry.refund);
  return {
    count: list.length,
    amount: sumOf(list.map((refund) => refund.amount)),
    tax: sumOf(list.map((refund) => refund.tax)),
    itemsRefunded: list
      .flatMap((refund) => refund.items)
      .reduce((count, item) => count + item.quantity, 0),
    byMethod: totalRefundsByMethod(list),
  };
}

function salesDays(
  days: readonly ReportDay[],
  sales: readonly DatedOrder[],
  refunds: readonly DatedRefund[],
): SalesDay[] {
  const ordersByDate = groupBy(sales, (entry) => entry.date);
  const refundsByDate = groupBy(refunds, (entry) => entry.date);
  return days.map((day) => ({
    date: day.date,
    startUtc: day.startUtc,
    endUtc: day.endUtc,
    hours: (day.endUtc.getTime() - day.startUtc.getTime()) / hourMs,
    ...sumSalesFigures(
      (ordersByDate.get(day.date) ?? []).map((entry) => entry.order),
      (refundsByDate.get(day.date) ?? []).map((entry) => entry.refund),
    ),
  }));
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group === undefined) groups.set(keyOf(item), [item]);
    else group.push(item);
  }
  return groups;
}

/** Buckets orders by the hour on the store's wall clock, so every day adds to the same 24 rows. */
function salesHours(sales: readonly DatedOrder[], timeZone: string): SalesHour[] {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0, gross: 0 }));
  for (const entry of sales) {
    const bucket = hours[storeHourOf(entry.createdAt, timeZone)]!;
    bucket.orders += 1;
    bucket.gross += entry.order.total;
  }
  return hours.map(({ hour, orders, gross }) => ({ hour, orders, grossSales: toMoney(gross) }));
}
