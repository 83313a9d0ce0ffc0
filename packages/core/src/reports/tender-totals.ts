import { toMoney } from "../money.js";
import { parseGmtInstant } from "./gmt-instant.js";
import type { ReportOrder, ReportRefund } from "./report-order.js";
import type { PaymentMethodTotal, RefundMethodTotal } from "./sales-report.js";

/**
 * Sums the tenders of orders by payment method, sorted by method id. Each tender of a
 * split-tender order counts towards its own method, and change comes off the method that
 * recorded it (the till records change on the cash tender). Slip references never split a row.
 *
 * A row shows the title of the method's tender in the most recently created order, the last
 * such tender within that order, so a row keeps the title the till now gives that method id.
 * Orders stored before the reference had its own field carry `title reference` as the title, and
 * a newer order of the method replaces it. Orders created at the same instant are taken in
 * order-number order, so the choice does not depend on the order of `orders` and the till and
 * the server name a row alike for the same orders.
 */
export function totalTendersByMethod(orders: readonly ReportOrder[]): PaymentMethodTotal[] {
  const totals = new Map<string, PaymentMethodTotal>();
  for (const tender of byCreation(orders).flatMap((order) => order.tenders)) {
    const entry = totals.get(tender.methodId) ?? {
      methodId: tender.methodId,
      methodTitle: tender.methodTitle,
      tenders: 0,
      tendered: toMoney(0),
      change: toMoney(0),
      received: toMoney(0),
    };
    totals.set(tender.methodId, {
      ...entry,
      methodTitle: tender.methodTitle,
      tenders: entry.tenders + 1,
      tendered: toMoney(entry.tendered + tender.amount),
      change: toMoney(entry.change + tender.change),
      received: toMoney(entry.received + tender.amount - tender.change),
    });
  }
  return [...totals.values()].sort((a, b) => compareText(a.methodId, b.methodId));
}

/**
 * Sums refunds by the method that paid them back, sorted by method id. A row shows the title of
 * the method's most recently created refund, the first in text order among refunds created at
 * the same instant.
 */
export function totalRefundsByMethod(refunds: readonly ReportRefund[]): RefundMethodTotal[] {
  const totals = new Map<string, RefundMethodTotal>();
  for (const refund of refundsByCreation(refunds)) {
    const entry = totals.get(refund.methodId) ?? {
      methodId: refund.methodId,
      methodTitle: refund.methodTitle,
      refunds: 0,
      amount: toMoney(0),
    };
    totals.set(refund.methodId, {
      ...entry,
      methodTitle: refund.methodTitle,
      refunds: entry.refunds + 1,
      amount: toMoney(entry.amount + refund.amount),
    });
  }
  return [...totals.values()].sort((a, b) => compareText(a.methodId, b.methodId));
}

function byCreation(orders: readonly ReportOrder[]): ReportOrder[] {
  return [...orders].sort(
    (a, b) => createdMs(a) - createdMs(b) || compareOrderNumbers(a.number, b.number),
  );
}

/** Compares order numbers as numbers when both are digits ("9" before "10"), else as text. */
function compareOrderNumbers(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b) && a.length !== b.length) return a.length - b.length;
  return compareText(a, b);
}

function createdMs(order: ReportOrder): number {
  return parseGmtInstant(order.dateCreatedGmt, `order ${order.number} date_created_gmt`).getTime();
}

function refundsByCreation(refunds: readonly ReportRefund[]): ReportRefund[] {
  const createdMs = (refund: ReportRefund) =>
    parseGmtInstant(refund.dateCreatedGmt, "refund date_created_gmt").getTime();
  return [...refunds].sort(
    (a, b) => createdMs(a) - createdMs(b) || compareText(b.methodTitle, a.methodTitle),
  );
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
