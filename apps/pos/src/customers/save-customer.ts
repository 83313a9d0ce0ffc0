import { z } from "zod";
import type { Customer } from "@pos/core";
import { mapWcCustomer, wcCustomerSchema, WooApiError, type WooClient } from "@pos/woo";
import { customerBody, type CustomerDraft } from "./customer-draft.js";

/**
 * The store's answer to a customer write: the saved customer, or a conflict when another
 * customer has the email, with that customer when the store returned it.
 */
export type SaveCustomerOutcome =
  | { kind: "saved"; customer: Customer }
  | { kind: "emailTaken"; email: string; existing: Customer | null };

/** WooCommerce's error code for an email that another account uses (`WC_Customer_Data_Store`). */
const emailTakenCode = "registration-error-email-exists";

/**
 * Creates a customer (`id` null) or updates one on the store. A duplicate email is returned as
 * a conflict for the cashier to resolve; other failures raise.
 */
export async function saveCustomer(
  client: WooClient,
  draft: CustomerDraft,
  id: number | null,
): Promise<SaveCustomerOutcome> {
  const body = customerBody(draft);
  try {
    const response = await client.request({
      method: id === null ? "POST" : "PUT",
      route: id === null ? "wc/v3/customers" : `wc/v3/customers/${id}`,
      body,
      schema: wcCustomerSchema,
      idempotent: id !== null,
      timeoutMs: 15_000,
    });
    return { kind: "saved", customer: mapWcCustomer(response.data) };
  } catch (error) {
    if (!(error instanceof WooApiError) || error.code !== emailTakenCode) throw error;
    const email = typeof body.email === "string" ? body.email : "";
    return { kind: "emailTaken", email, existing: await findByEmail(client, email) };
  }
}

async function findByEmail(client: WooClient, email: string): Promise<Customer | null> {
  const response = await client.request({
    route: "wc/v3/customers",
    query: { email, role: "all" },
    schema: z.array(wcCustomerSchema),
  });
  const [first] = response.data;
  return first ? mapWcCustomer(first) : null;
}
