import { reportOrderFromWc } from "@pos/core";
import type { ReportOrder, WcReportOrderJson, WcReportRefundJson } from "@pos/core";
import type { AppContext } from "../app-context.js";
import { orderWire } from "../orders/order-wire.js";
import { refundWire } from "../orders/refund-wire.js";
import { parseStoredOrder } from "../orders/stored-order.js";
import { readStoreSettings } from "../store/store-settings.js";
import { toGmtDateString } from "../time/wp-date.js";

/**
 * Loads the orders a report over [startUtc, endUtc) can count: those created in the range and
 * those refunded in it, in the report's shape. Each goes through its wc/v3 wire form and core's
 * `reportOrderFromWc`, the same mapping a client of the REST API would use, so the server's
 * figures match a till's on the same orders.
 */
export async function loadReportOrders(
  context: AppContext,
  range: { startUtc: Date; endUtc: Date },
): Promise<ReportOrder[]> {
  const db = context.store.db;
  const from = toGmtDateString(range.startUtc);
  const to = toGmtDateString(range.endUtc);
  const refundedIds = db
    .selectFrom("refunds")
    .select("order_id")
    .where("date_created_gmt", ">=", from)
    .where("date_created_gmt", "<", to);
  const rows = await db
    .selectFrom("orders")
    .selectAll()
    .where("status", "!=", "trash")
    .where((eb) =>
      eb.or([
        eb.and([eb("date_created_gmt", ">=", from), eb("date_created_gmt", "<", to)]),
        eb("id", "in", refundedIds),
      ]),
    )
    .orderBy("id")
    .execute();
  if (rows.length === 0) return [];

  const refunds = await db
    .selectFrom("refunds")
    .selectAll()
    .where(
      "order_id",
      "in",
      rows.map((row) => row.id),
    )
    .orderBy("id")
    .execute();
  const wire = { baseUrl: "", timeZone: (await readStoreSettings(db)).timeZone };
  return rows.map((row) => {
    const stored = parseStoredOrder(row.details);
    const own = refunds.filter((refund) => refund.order_id === row.id);
    const order = orderWire(row, own, wire) as unknown as WcReportOrderJson;
    const orderRefunds = own.map(
      (refund) => refundWire(refund, stored, wire) as unknown as WcReportRefundJson,
    );
    return reportOrderFromWc(order, orderRefunds, stored.decimals);
  });
}
