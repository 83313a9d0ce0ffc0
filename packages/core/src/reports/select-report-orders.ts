import { storeDateOf } from "../dates.js";
import type { StoreDate } from "../dates.js";
import { assertDecimals } from "../money.js";
import { checkReportOrder } from "./check-report-order.js";
import { parseGmtInstant } from "./gmt-instant.js";
import type { ReportOrder, ReportRefund } from "./report-order.js";
import { defaultReportStatuses } from "./sales-report.js";
import type { ReportCurrency, SalesReportOptions } from "./sales-report.js";

export interface DatedOrder {
  order: ReportOrder;
  createdAt: Date;
  date: StoreDate;
}

export interface DatedRefund {
  refund: ReportRefund;
  order: ReportOrder;
  createdAt: Date;
  date: StoreDate;
}

export interface ReportSelection {
  sales: DatedOrder[];
  refunds: DatedRefund[];
  currency: ReportCurrency | null;
}

/**
 * Picks the orders a report counts: created inside [startUtc, endUtc) and passing the filters.
 * Refunds count on their own date, so a refund inside the range counts even when its order was
 * created before it. Rejects orders in more than one currency.
 */
export function selectReportOrders(
  orders: readonly ReportOrder[],
  options: SalesReportOptions,
  range: { startUtc: Date; endUtc: Date },
): ReportSelection {
  const inRange = (instant: Date): boolean => instant >= range.startUtc && instant < range.endUtc;
  const sales: DatedOrder[] = [];
  const refunds: DatedRefund[] = [];

  for (const order of orders.filter((entry) => passesFilters(entry, options))) {
    const createdAt = parseGmtInstant(order.dateCreatedGmt, `order ${order.number} date`);
    if (inRange(createdAt)) {
      sales.push({ order, createdAt, date: storeDateOf(createdAt, options.timeZone) });
    }
    for (const refund of order.refunds) {
      const refundAt = parseGmtInstant(refund.dateCreatedGmt, `order ${order.number} refund date`);
      if (inRange(refundAt)) {
        refunds.push({
          refund,
          order,
          createdAt: refundAt,
          date: storeDateOf(refundAt, options.timeZone),
        });
      }
    }
  }

  const counted = [...sales.map((entry) => entry.order), ...refunds.map((entry) => entry.order)];
  counted.forEach(checkReportOrder);
  return { sales, refunds, currency: commonCurrency(counted, options.currency) };
}

function passesFilters(order: ReportOrder, options: SalesReportOptions): boolean {
  const statuses = options.statuses ?? defaultReportStatuses;
  if (!statuses.includes(order.status)) return false;
  if (options.cashierIds && !options.cashierIds.includes(order.cashierId ?? Number.NaN)) {
    return false;
  }
  if (options.registerIds && !options.registerIds.includes(order.registerId ?? "")) return false;

  const methods = options.paymentMethods;
  return methods === undefined || order.tenders.some((tender) => methods.includes(tender.methodId));
}

/**
 * Returns the one currency of the orders. Figures in two currencies cannot be added, so a mix is
 * rejected with the first two order numbers that differ.
 */
export function commonCurrency(
  orders: readonly ReportOrder[],
  storeCurrency: ReportCurrency | undefined,
): ReportCurrency | null {
  if (storeCurrency) assertDecimals(storeCurrency.decimals);
  let currency: ReportCurrency | null = storeCurrency ?? null;
  let source = "the store currency";

  for (const order of orders) {
    assertDecimals(order.decimals);
    if (currency === null) {
      currency = { code: order.currency, decimals: order.decimals };
      source = `order ${order.number}`;
    } else if (currency.code !== order.currency || currency.decimals !== order.decimals) {
      throw new RangeError(
        `mixed currencies in one report: order ${order.number} is in ${order.currency} ` +
          `(${order.decimals} decimals) but ${source} is in ${currency.code} ` +
          `(${currency.decimals} decimals), so filter the orders to one currency`,
      );
    }
  }
  return currency;
}
