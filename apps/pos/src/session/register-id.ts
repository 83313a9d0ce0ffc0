import type { SalesDb } from "../db/sales-db.js";

const registerIdKey = "register-id";

/**
 * Returns this device's register id, created on first use and kept across logins and log-outs,
 * so the store server counts a reloaded or re-logged-in register as the same seat.
 */
export async function loadRegisterId(db: SalesDb): Promise<string> {
  return db.transaction("rw", db.settings, async () => {
    const row = await db.settings.get(registerIdKey);
    if (typeof row?.value === "string" && row.value.length > 0) return row.value;
    const id = `register-${crypto.randomUUID()}`;
    await db.settings.put({ key: registerIdKey, value: id });
    return id;
  });
}
