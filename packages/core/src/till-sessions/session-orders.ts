import { checkReportOrder } from "../reports/check-report-order.js";
import { parseGmtInstant } from "../reports/gmt-instant.js";
import type { ReportOrder, ReportRefund } from "../reports/report-order.js";
import { defaultReportStatuses } from "../reports/sales-report.js";
import { commonCurrency } from "../reports/select-report-orders.js";
import type { TillSession } from "./till-session.js";

export interface SessionOrders {
  sales: ReportOrder[];
  refunds: ReportRefund[];
}

/**
 * Picks the sales and refunds of a session: those on its register, from its opening to its
 * closing (both included, and an open session has no end), on orders with a counted status. A refund
 * belongs to the register whose drawer paid it, which may not be the one that made the sale.
 */
export function selectSessionOrders(
  session: TillSession,
  orders: readonly ReportOrder[],
): SessionOrders {
  const openedAt = Date.parse(session.openedAtGmt);
  const closedAt = session.closedAtGmt === null ? Infinity : Date.parse(session.closedAtGmt);
  const within = (text: string, valueName: string): boolean => {
    const at = parseGmtInstant(text, valueName).getTime();
    return at >= openedAt && at <= closedAt;
  };

  const counted = orders.filter((order) => defaultReportStatuses.includes(order.status));
  const sales = counted.filter(
    (order) =>
      order.registerId === session.registerId &&
      within(order.dateCreatedGmt, `order ${order.number} date`),
  );
  const refunds = counted.flatMap((order) =>
    order.refunds.filter(
      (refund) =>
        (refund.registerId ?? order.registerId) === session.registerId &&
        within(refund.dateCreatedGmt, `order ${order.number} refund date`),
    ),
  );

  const refunded = counted.filter((order) =>
    order.refunds.some((refund) => refunds.includes(refund)),
  );
  [...sales, ...refunded].forEach(checkReportOrder);
  commonCurrency([...sales, ...refunded], session.currency);
  return { sales, refunds };
}
