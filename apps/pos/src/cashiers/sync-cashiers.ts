import type { WooClient } from "@pos/woo";
import type { SalesDb } from "../db/sales-db.js";
import { cashiersResponseSchema } from "./cashier-record.js";
import { saveCashiers } from "./cashier-store.js";

/** How often the till reads the staff list and PIN hashes again while it runs. */
export const cashierSyncIntervalMs = 5 * 60_000;

/** Reads the staff list with their PIN hashes from the store server and stores it. */
export async function syncCashiers(client: WooClient, db: SalesDb, nowMs: number): Promise<void> {
  const response = await client.request({
    route: "pos/v1/cashiers",
    schema: cashiersResponseSchema,
  });
  const { max_failures: maxFailures, cashiers: records } = response.data;
  await saveCashiers(db, { maxFailures, records }, nowMs);
}
