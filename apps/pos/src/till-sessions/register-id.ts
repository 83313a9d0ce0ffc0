import type { SalesDb } from "../db/sales-db.js";

/** The `settings` key under which checkout keeps this register's receipt prefix. */
const registerKey = "register";

/**
 * Returns this register's id: the receipt prefix checkout gives the register on its first sale
 * (such as "R7KQ2"), so sessions, receipts and reports name the register alike. A till that has
 * not sold yet gets its prefix here, in the same form.
 */
export async function readRegisterId(db: SalesDb, randomId: () => string): Promise<string> {
  return db.transaction("rw", db.settings, async () => {
    const row = await db.settings.get(registerKey);
    if (typeof row?.value === "string") return row.value;
    const id = `R${randomId()
      .replace(/[^a-zA-Z0-9]/g, "")
      .slice(0, 4)
      .toUpperCase()}`;
    await db.settings.put({ key: registerKey, value: id });
    return id;
  });
}
