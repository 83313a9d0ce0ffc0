import { z } from "zod";
import type { SalesDb } from "../db/sales-db.js";

const defaultCustomerKey = "defaultCustomer";

const defaultCustomerSchema = z
  .object({ id: z.number().int().positive(), name: z.string() })
  .nullable();

/** The customer new orders of this register start with, or null for a guest. */
export type DefaultCustomer = z.infer<typeof defaultCustomerSchema>;

export async function loadDefaultCustomer(db: SalesDb): Promise<DefaultCustomer> {
  const row = await db.settings.get(defaultCustomerKey);
  const parsed = defaultCustomerSchema.safeParse(row?.value ?? null);
  return parsed.success ? parsed.data : null;
}

/** Saves the register's default customer; raises on an invalid one and changes nothing. */
export async function saveDefaultCustomer(db: SalesDb, customer: DefaultCustomer) {
  const parsed = defaultCustomerSchema.safeParse(customer);
  if (!parsed.success) {
    throw new TypeError(`default customer is invalid: ${z.prettifyError(parsed.error)}`);
  }
  await db.settings.put({ key: defaultCustomerKey, value: parsed.data });
}
