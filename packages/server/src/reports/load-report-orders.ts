import { checkTendersPayTotal, parseMoney, parsePosTenders, posTendersMetaKey } from "@pos/core";
import { reportOrderFromWc } from "@pos/core";
import type { ReportOrder, WcReportOrderJson, WcReportRefundJson } from "@pos/core";
import type { FastifyBaseLogger } from "fastify";
import type { AppContext } from "../app-context.js";
import { orderWire } from "../orders/order-wire.js";
import { refundWire } from "../orders/refund-wire.js";
import { parseStoredOrder } from "../orders/stored-order.js";
import { readStoreSettings } from "../store/store-settings.js";
import { toGmtDateString } from "../time/wp-date.js";

/**
 * Loads a report's orders as `loadReportOrdersWithProblems` does, for callers that show no count
 * of unreadable tenders. Such orders still lose their tenders, with a warning when `log` is given.
 */
export async function loadReportOrders(
  context: AppContext,
  range: { startUtc: Date; endUtc: Date },
  log?: FastifyBaseLogger,
): Promise<ReportOrder[]> {
  return (await loadReportOrdersWithProblems(context, range, log)).orders;
}

/** Orders a report can count, and the ids of those whose tenders could not be read. */
export interface LoadedReportOrders {
  orders: ReportOrder[];
  /**
   * Orders stored before the server checked `_pos_tenders` whose value core's parser rejects.
   * They are counted with no tenders, so their payments are missing from the method totals.
   */
  unreadableTenderOrderIds: number[];
}

/**
 * Loads the orders a report over [startUtc, endUtc) can count: those created in the range and
 * those refunded in it, in the report's shape. Each goes through its wc/v3 wire form and core's
 * `reportOrderFromWc`, the same mapping a client of the REST API would use, so the server's
 * figures match a till's on the same orders. An order whose `_pos_tenders` cannot be read keeps
 * its sales figures but loses its tenders, and `log` gets one warning with its id.
 */
export async function loadReportOrdersWithProblems(
  context: AppContext,
  range: { startUtc: Date; endUtc: Date },
  log: FastifyBaseLogger | undefined,
): Promise<LoadedReportOrders> {
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
  if (rows.length === 0) return { orders: [], unreadableTenderOrderIds: [] };

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
  const unreadableTenderOrderIds: number[] = [];
  const orders = rows.map((row) => {
    const stored = parseStoredOrder(row.details);
    const own = refunds.filter((refund) => refund.order_id === row.id);
    const wireOrder = orderWire(row, own, wire) as unknown as WcReportOrderJson;
    const problem = unreadableTendersProblem(wireOrder, stored.decimals);
    if (problem !== null) {
      unreadableTenderOrderIds.push(row.id);
      log?.warn({ orderId: row.id, problem }, "report counts order without its unreadable tenders");
    }
    const order = problem === null ? wireOrder : withoutTenders(wireOrder);
    const orderRefunds = own.map(
      (refund) => refundWire(refund, stored, wire) as unknown as WcReportRefundJson,
    );
    return reportOrderFromWc(order, orderRefunds, stored.decimals);
  });
  return { orders, unreadableTenderOrderIds };
}

/**
 * Returns why the order's `_pos_tenders` fail the check that order create and update apply, or
 * null when they pass or there are none. They fail when core cannot read them, or when the order
 * is paid and they do not add up to its total.
 */
function unreadableTendersProblem(order: WcReportOrderJson, decimals: number): string | null {
  const meta = order.meta_data.find((entry) => entry.key === posTendersMetaKey);
  if (meta === undefined) return null;
  try {
    const tenders = parsePosTenders(meta.value, decimals, order.number);
    if (isPaid(order)) {
      checkTendersPayTotal(tenders, parseMoney(order.total, decimals), decimals, order.number);
    }
    return null;
  } catch (error) {
    if (error instanceof RangeError) return error.message;
    throw error;
  }
}

function isPaid(order: WcReportOrderJson): boolean {
  const paidStatus = order.status === "processing" || order.status === "completed";
  return paidStatus || (order.date_paid_gmt ?? null) !== null;
}

/**
 * Replaces the tenders with an empty list rather than dropping the meta, because without the
 * meta core would count the whole total under the order's `payment_method`, a payment no till
 * recorded.
 */
function withoutTenders(order: WcReportOrderJson): WcReportOrderJson {
  const metaData = order.meta_data.map((entry) =>
    entry.key === posTendersMetaKey ? { ...entry, value: "[]" } : entry,
  );
  return { ...order, meta_data: metaData };
}
