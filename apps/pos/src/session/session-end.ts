import type { SalesDb } from "../db/sales-db.js";

const sessionEndKey = "session-end";

/** Records why the last session ended without the cashier logging out, for the login screen. */
export async function recordSessionEnd(db: SalesDb, message: string): Promise<void> {
  await db.settings.put({ key: sessionEndKey, value: { atMs: Date.now(), message } });
}

export async function readSessionEnd(db: SalesDb): Promise<string | null> {
  const value = (await db.settings.get(sessionEndKey))?.value;
  if (typeof value !== "object" || value === null || !("message" in value)) return null;
  return typeof value.message === "string" ? value.message : null;
}

export async function clearSessionEnd(db: SalesDb): Promise<void> {
  await db.settings.delete(sessionEndKey);
}
