import type { SalesDb } from "../db/sales-db.js";

const registerKey = "register";
const sequenceKey = "receiptSequence";

/**
 * Allocates the next receipt number of this register, such as "R7KQ2-000042". Call it inside
 * the transaction that completes the order: the sequence moves only when the sale commits, so
 * the numbers have no gaps, and tabs of one till share it because IndexedDB runs their
 * read-write transactions one at a time.
 */
export async function allocateReceiptNumber(db: SalesDb, randomId: () => string): Promise<string> {
  const prefix = await registerPrefix(db, randomId);
  const row = await db.settings.get(sequenceKey);
  const next = (typeof row?.value === "number" ? row.value : 0) + 1;
  await db.settings.put({ key: sequenceKey, value: next });
  return `${prefix}-${String(next).padStart(6, "0")}`;
}

/** Reads the register's prefix, creating it on the till's first sale. */
async function registerPrefix(db: SalesDb, randomId: () => string): Promise<string> {
  const row = await db.settings.get(registerKey);
  if (typeof row?.value === "string") return row.value;

  const prefix = `R${randomId()
    .replace(/[^a-zA-Z0-9]/g, "")
    .slice(0, 4)
    .toUpperCase()}`;
  await db.settings.put({ key: registerKey, value: prefix });
  return prefix;
}
