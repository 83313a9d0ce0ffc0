import { WooNetworkError, wcOrderSchema, type WcOrderCreate, type WooClient } from "@pos/woo";
import type { ServerOrderRef } from "./complete-sale.js";

/** Raised when checkout needs the store and the store cannot be reached. */
export class CheckoutOfflineError extends Error {
  override name = "CheckoutOfflineError";
}

export const offlineCheckoutMessage =
  "Checkout needs the connection to the store, which is offline. The order is kept on this " +
  "till: check it out when the connection returns.";

/**
 * Creates the order on the store, for sales that may not complete offline. The request carries
 * the order's UUID, so a retry after a lost reply returns the order already stored instead of
 * creating a second one.
 */
export async function submitOrder(client: WooClient, body: WcOrderCreate): Promise<ServerOrderRef> {
  try {
    const response = await client.request({
      method: "POST",
      route: "wc/v3/orders",
      body,
      schema: wcOrderSchema,
      idempotent: true,
      timeoutMs: 20_000,
    });
    return { id: response.data.id, number: response.data.number };
  } catch (error) {
    if (error instanceof WooNetworkError) throw new CheckoutOfflineError(offlineCheckoutMessage);
    throw error;
  }
}
