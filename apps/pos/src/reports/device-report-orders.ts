import type { ReportOrder } from "@pos/core";
import { parseStoredOrder } from "../db/stored-order.js";
import { localRefundSchema } from "../orders/local-refund.js";
import { reportOrderFromStored } from "../orders/report-order-from-stored.js";
import type { TillServices } from "../till/till-services.js";
import type { TillSessionDb } from "../till-sessions/till-session-db.js";

/**
 * Reads the completed orders stored on this device, with the refunds this till made, in the
 * report's shape. Works offline: it reads IndexedDB only.
 */
export async function loadDeviceReportOrders(
  till: Pick<TillServices, "salesDb" | "catalog" | "session">,
  sessionDb: TillSessionDb,
  registerId: string,
): Promise<ReportOrder[]> {
  const [rows, taxRates, coupons, refundRows] = await Promise.all([
    till.salesDb.orders.where("status").equals("completed").toArray(),
    till.catalog.taxRates.toArray(),
    till.catalog.coupons.toArray(),
    sessionDb.refunds.toArray(),
  ]);
  const refunds = refundRows.map((row) => localRefundSchema.parse(row));
  const context = { store: till.session.store, taxRates, coupons, registerId, refunds };
  return rows
    .map((row) => reportOrderFromStored(parseStoredOrder(row), context))
    .filter((order): order is ReportOrder => order !== null);
}
