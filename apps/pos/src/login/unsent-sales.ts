import type { SalesDb } from "../db/sales-db.js";

/** Counts the outbox records not yet accepted by the store: pending, sending or parked. */
export async function countUnsentSales(db: SalesDb): Promise<number> {
  return db.outbox.where("state").anyOf(["pending", "sending", "parked"]).count();
}

/** Returns the login screen's line about sales kept on this register, or null when there are none. */
export function unsentSalesText(count: number): string | null {
  if (count === 0) return null;
  const sales = count === 1 ? "1 unsent sale is" : `${count} unsent sales are`;
  return `${sales} kept on this register, waiting for a manager to log in and send them.`;
}
