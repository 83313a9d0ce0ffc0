import { parseMoney } from "@pos/core";
import { WooNetworkError, wcOrderSchema, type WcOrderCreate, type WooClient } from "@pos/woo";
import type { OrderPayment, OrderReceipt } from "../db/stored-order.js";

/** Raised when checkout needs the store and the store cannot be reached. */
export class CheckoutOfflineError extends Error {
  override name = "CheckoutOfflineError";
}

export const offlineCheckoutMessage =
  "Checkout needs the connection to the store, which is offline. The order is kept on this " +
  "till: check it out when the connection returns.";

/**
 * Creates the order on the store. The request carries the order's UUID, so a retry after a
 * lost reply returns the order already stored instead of creating a second one.
 */
export async function submitOrder(
  client: WooClient,
  body: WcOrderCreate,
  decimals: number,
  nowMs: number,
): Promise<OrderReceipt> {
  try {
    const response = await client.request({
      method: "POST",
      route: "wc/v3/orders",
      body,
      schema: wcOrderSchema,
      idempotent: true,
      timeoutMs: 20_000,
    });
    const order = response.data;
    return {
      serverId: order.id,
      number: order.number,
      totalMinor: parseMoney(order.total, decimals),
      currency: order.currency,
      completedAtMs: nowMs,
    };
  } catch (error) {
    if (error instanceof WooNetworkError) throw new CheckoutOfflineError(offlineCheckoutMessage);
    throw error;
  }
}

/** Returns the cash payment for a total: tendered must cover it, and the change is the rest. */
export function cashPayment(totalMinor: number, tenderedMinor: number): OrderPayment {
  if (tenderedMinor < totalMinor) {
    throw new RangeError("the amount tendered is less than the order total: take more cash");
  }
  return { method: "pos_cash", tenderedMinor, changeMinor: tenderedMinor - totalMinor };
}
