import { z } from "zod";
import type { SalesDb } from "../db/sales-db.js";

/** Prefix of the `settings` keys that record which open orders this till saved to the store. */
const keyPrefix = "open-order-on-store:";

const savedOpenOrderSchema = z.object({
  clientUuid: z.uuid(),
  /** The store's order id and number. */
  serverId: z.number().int().positive(),
  number: z.string(),
  savedAtMs: z.number().int(),
  /** The order's `updatedAtMs` when it was saved, so later changes show as unsaved. */
  savedUpdatedAtMs: z.number().int(),
});

/** This till's record of an open order saved to the store as a `pos-open` order. */
export type SavedOpenOrder = z.infer<typeof savedOpenOrderSchema>;

export async function recordSavedOpenOrder(db: SalesDb, saved: SavedOpenOrder): Promise<void> {
  await db.settings.put({ key: keyPrefix + saved.clientUuid, value: saved });
}

/** Tells whether this till saved the order to the store as an open order. */
export async function isSavedOpenOrder(db: SalesDb, clientUuid: string): Promise<boolean> {
  return (await db.settings.get(keyPrefix + clientUuid)) !== undefined;
}

export async function forgetSavedOpenOrder(db: SalesDb, clientUuid: string): Promise<void> {
  await db.settings.delete(keyPrefix + clientUuid);
}

/** Lists the saved-order records, skipping (and dropping) any that cannot be read back. */
export async function listSavedOpenOrders(db: SalesDb): Promise<SavedOpenOrder[]> {
  const rows = await db.settings.where("key").startsWith(keyPrefix).toArray();
  const saved: SavedOpenOrder[] = [];
  for (const row of rows) {
    const parsed = savedOpenOrderSchema.safeParse(row.value);
    if (parsed.success) saved.push(parsed.data);
    else await db.settings.delete(row.key);
  }
  return saved;
}
