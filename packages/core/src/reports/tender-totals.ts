import { toMoney } from "../money.js";
import type { ReportOrder, ReportRefund } from "./report-order.js";
import type { PaymentMethodTotal, RefundMethodTotal } from "./sales-report.js";

/**
 * Sums the tenders of orders by payment method, sorted by method id. Each tender of a
 * split-tender order counts towards its own method, and change comes off the method that
 * recorded it (the till records change on the cash tender). Slip references never split a row.
 *
 * A row shows the shortest title among its tenders, the first in text order on a tie. Orders
 * stored before the reference had its own field carry `title reference` as the title, so a row
 * shows the plain title whenever one tender of that method has it, and otherwise the shortest
 * joined title. The choice depends only on the set of tenders, so the till and the server
 * name a row alike for the same orders.
 */
export function totalTendersByMethod(orders: readonly ReportOrder[]): PaymentMethodTotal[] {
  const totals = new Map<string, PaymentMethodTotal>();
  for (const tender of orders.flatMap((order) => order.tenders)) {
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
      methodTitle: preferredTitle(entry.methodTitle, tender.methodTitle),
      tenders: entry.tenders + 1,
      tendered: toMoney(entry.tendered + tender.amount),
      change: toMoney(entry.change + tender.change),
      received: toMoney(entry.received + tender.amount - tender.change),
    });
  }
  return [...totals.values()].sort((a, b) => compareText(a.methodId, b.methodId));
}

/**
 * Sums refunds by the method that paid them back, sorted by method id. A row's title follows
 * the rule of `totalTendersByMethod`.
 */
export function totalRefundsByMethod(refunds: readonly ReportRefund[]): RefundMethodTotal[] {
  const totals = new Map<string, RefundMethodTotal>();
  for (const refund of refunds) {
    const entry = totals.get(refund.methodId) ?? {
      methodId: refund.methodId,
      methodTitle: refund.methodTitle,
      refunds: 0,
      amount: toMoney(0),
    };
    totals.set(refund.methodId, {
      ...entry,
      methodTitle: preferredTitle(entry.methodTitle, refund.methodTitle),
      refunds: entry.refunds + 1,
      amount: toMoney(entry.amount + refund.amount),
    });
  }
  return [...totals.values()].sort((a, b) => compareText(a.methodId, b.methodId));
}

function preferredTitle(current: string, candidate: string): string {
  if (candidate.length !== current.length) {
    return candidate.length < current.length ? candidate : current;
  }
  return compareText(candidate, current) < 0 ? candidate : current;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
