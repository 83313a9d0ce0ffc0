import { z } from "zod";
import type { SalesDb } from "../db/sales-db.js";

const currentCashierKey = "current-cashier";

const currentCashierSchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  /** The account logged in on the till when the cashier switched in. */
  sessionUserId: z.number().int(),
});

export type CurrentCashier = z.infer<typeof currentCashierSchema>;

let current: CurrentCashier | null = null;
const listeners = new Set<() => void>();

/**
 * Returns the id of the cashier working the till now: the one who last switched in with a PIN,
 * or the logged-in user. Checkout puts it on each order as meta `_pos_cashier_id`. Null only
 * before the till has started.
 */
export function currentCashierId(): number | null {
  return current?.id ?? null;
}

export function currentCashier(): CurrentCashier | null {
  return current;
}

/** Subscribes to cashier changes; returns the unsubscribe function. */
export function subscribeCurrentCashier(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Loads the cashier saved on this device for the logged-in user, so a reload keeps the cashier
 * who switched in; a different login starts with its own user.
 */
export async function restoreCurrentCashier(
  db: SalesDb,
  sessionUser: { id: number; display_name: string },
): Promise<CurrentCashier> {
  const parsed = currentCashierSchema.safeParse((await db.settings.get(currentCashierKey))?.value);
  const restored =
    parsed.success && parsed.data.sessionUserId === sessionUser.id
      ? parsed.data
      : {
          id: sessionUser.id,
          displayName: sessionUser.display_name,
          sessionUserId: sessionUser.id,
        };
  publish(restored);
  return restored;
}

/** Makes `cashier` the current one and saves it, so it survives a reload. */
export async function setCurrentCashier(db: SalesDb, cashier: CurrentCashier): Promise<void> {
  await db.settings.put({ key: currentCashierKey, value: currentCashierSchema.parse(cashier) });
  publish(cashier);
}

function publish(cashier: CurrentCashier): void {
  current = cashier;
  for (const listener of listeners) listener();
}
