import { z } from "zod";
import type { Customer } from "@pos/core";
import {
  mapWcCustomer,
  wcCustomerSchema,
  WooApiError,
  type WcCustomer,
  type WooClient,
} from "@pos/woo";
import { customerBody, type CustomerDraft } from "./customer-draft.js";

/**
 * The store's response to a customer write: the customer as the store keeps it, or a conflict when
 * another customer has the email, with that customer when the store returned it.
 */
export type SaveCustomerOutcome =
  | { kind: "saved"; customer: WcCustomer }
  | { kind: "emailTaken"; email: string; existing: Customer | null };

/** WooCommerce's error code for an email that another account uses (`WC_Customer_Data_Store`). */
export const emailTakenCode = "registration-error-email-exists";

/** The `meta_data` key that carries the till's client UUID of a customer it created. */
export const clientUuidMetaKey = "_pos_client_uuid";

const requestTimeoutMs = 15_000;

/**
 * Creates a customer on the store at most once per `clientUuid`. The request carries the UUID in
 * `meta_data`, and the store keeps each email on one account, so the customer who has the email
 * decides: one with this UUID is the result of an earlier attempt whose reply was lost, and any
 * other is a conflict for the cashier. The lookup runs before the POST and again when the POST
 * fails on the email, in case another till created the customer in between.
 */
export async function createCustomerOnce(
  client: WooClient,
  draft: CustomerDraft,
  clientUuid: string,
  signal?: AbortSignal,
): Promise<SaveCustomerOutcome> {
  const body = {
    ...customerBody(draft),
    meta_data: [{ key: clientUuidMetaKey, value: clientUuid }],
  };
  const email = body.email;
  const earlier = await findEmailOwner(client, email, clientUuid, signal);
  if (earlier) return earlier;

  try {
    const response = await client.request({
      method: "POST",
      route: "wc/v3/customers",
      body,
      schema: wcCustomerSchema,
      // One POST per call: the outbox owns the retries, and each retry looks the email up first.
      idempotent: false,
      timeoutMs: requestTimeoutMs,
      ...(signal ? { signal } : {}),
    });
    return { kind: "saved", customer: response.data };
  } catch (error) {
    if (!isEmailTaken(error)) throw error;
    const owner = await findEmailOwner(client, email, clientUuid, signal);
    return owner ?? { kind: "emailTaken", email, existing: null };
  }
}

/** Updates a customer on the store; a PUT of the same body is safe to repeat. */
export async function updateCustomerOnStore(
  client: WooClient,
  id: number,
  draft: CustomerDraft,
  signal?: AbortSignal,
): Promise<SaveCustomerOutcome> {
  const body = customerBody(draft);
  try {
    const response = await client.request({
      method: "PUT",
      route: `wc/v3/customers/${id}`,
      body,
      schema: wcCustomerSchema,
      idempotent: true,
      timeoutMs: requestTimeoutMs,
      ...(signal ? { signal } : {}),
    });
    return { kind: "saved", customer: response.data };
  } catch (error) {
    if (!isEmailTaken(error)) throw error;
    const owner = await findEmailOwner(client, body.email, null, signal);
    return owner ?? { kind: "emailTaken", email: body.email, existing: null };
  }
}

function isEmailTaken(error: unknown): boolean {
  return error instanceof WooApiError && error.code === emailTakenCode;
}

/**
 * Looks up the customer who has `email`. Returns them as saved when they carry `clientUuid`,
 * as a conflict otherwise, and null when no account has the email. `role=all` includes accounts
 * that are not customers (a shop manager), which also block the email.
 */
async function findEmailOwner(
  client: WooClient,
  email: string,
  clientUuid: string | null,
  signal?: AbortSignal,
): Promise<SaveCustomerOutcome | null> {
  const response = await client.request({
    route: "wc/v3/customers",
    query: { email, role: "all" },
    schema: z.array(wcCustomerSchema),
    timeoutMs: requestTimeoutMs,
    ...(signal ? { signal } : {}),
  });
  const [owner] = response.data;
  if (!owner) return null;

  const ours = owner.meta_data?.some(
    (meta) => meta.key === clientUuidMetaKey && meta.value === clientUuid,
  );
  if (ours) return { kind: "saved", customer: owner };
  return { kind: "emailTaken", email, existing: mapWcCustomer(owner) };
}
