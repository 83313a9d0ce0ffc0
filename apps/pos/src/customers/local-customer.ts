import { z } from "zod";
import type { Customer } from "@pos/core";
import { customerRecordSchema } from "@pos/woo";
import type { LocalCustomerRow, SalesDb } from "../db/sales-db.js";
import { customerDraftSchema, type CustomerDraft } from "./customer-draft.js";

/** The format version written with each local customer; bump it and migrate when fields change. */
export const localCustomerVersion = 1;

/**
 * The first temporary customer id. Orders store customer ids as positive integers, so a
 * customer created on the till takes an id above 2^52 until the store assigns the real one.
 * NOTE: this assumes the store never assigns a customer id that large; WordPress user ids
 * count up from 1.
 */
export const firstLocalCustomerId = 2 ** 52;

/** Returns whether `id` is a temporary id of a customer created on this till. */
export function isLocalCustomerId(id: number): boolean {
  return id >= firstLocalCustomerId;
}

const localCustomerSchema = z.object({
  formatVersion: z.literal(localCustomerVersion),
  localId: z.number().int().min(firstLocalCustomerId),
  /** The id of the `customer.create` outbox record, also sent to the store in `meta_data`. */
  clientUuid: z.uuid(),
  draft: customerDraftSchema,
  /** The store's id once the customer reached it, or null while it waits in the outbox. */
  serverId: z.number().int().positive().nullable(),
  /** Another customer on the store has the email: the cashier uses them or changes the email. */
  conflict: z.object({ email: z.string(), existing: customerRecordSchema.nullable() }).nullable(),
  createdAtMs: z.number().int(),
});

export type LocalCustomer = z.infer<typeof localCustomerSchema>;
export type EmailConflict = NonNullable<LocalCustomer["conflict"]>;

/** Raised when a stored local customer cannot be read back; the row stays as it is. */
export class LocalCustomerError extends Error {
  override name = "LocalCustomerError";
}

/** Parses a `localCustomers` row read back from IndexedDB. */
export function parseLocalCustomer(row: unknown): LocalCustomer {
  const parsed = localCustomerSchema.safeParse(row);
  if (parsed.success) return parsed.data;

  const id =
    typeof row === "object" && row !== null ? String((row as LocalCustomerRow).localId) : "";
  throw new LocalCustomerError(
    `local customer ${id || "unknown"} is invalid (${z.prettifyError(parsed.error)}); ` +
      "it was left as it is",
  );
}

/** Reads a local customer by temporary id; returns null when this till has none with it. */
export async function readLocalCustomer(
  db: SalesDb,
  localId: number,
): Promise<LocalCustomer | null> {
  const row = await db.localCustomers.get(localId);
  return row ? parseLocalCustomer(row) : null;
}

/** Returns the next free temporary id; call it inside the transaction that adds the row. */
export async function nextLocalCustomerId(db: SalesDb): Promise<number> {
  const last = await db.localCustomers.orderBy("localId").last();
  return last ? last.localId + 1 : firstLocalCustomerId;
}

/**
 * Builds the customer record the till shows and searches for a local customer: the real id once
 * the store assigned it, else the temporary one.
 */
export function localCustomerRecord(local: LocalCustomer): Customer {
  const draft = customerDraftSchema.parse(local.draft);
  const address = {
    firstName: draft.firstName,
    lastName: draft.lastName,
    company: draft.company,
    address1: draft.address1,
    address2: "",
    city: draft.city,
    state: "",
    postcode: draft.postcode,
    country: draft.country,
    email: draft.email,
    phone: draft.phone,
  };
  return {
    id: local.serverId ?? local.localId,
    email: draft.email,
    firstName: draft.firstName,
    lastName: draft.lastName,
    username: "",
    billing: address,
    shipping: { ...address, email: "", phone: "" },
    dateModifiedGmt: new Date(local.createdAtMs).toISOString().slice(0, 19),
  };
}

/** Returns the draft a local customer was saved with, for the edit form. */
export function localDraft(local: LocalCustomer): CustomerDraft {
  return { ...local.draft };
}
