import type { WcOrder } from "@pos/woo";
import { z } from "zod";
import { storedOrderSchema, storedOrderVersion, type StoredOrder } from "../db/stored-order.js";

/**
 * The order meta key that carries the till's cart (lines with their catalogue prices, price
 * edits and discounts, the cart discount or fee, coupons and customer) as JSON, so another
 * register can load the open order exactly as the cashier left it.
 */
export const openCartMetaKey = "_pos_open_cart";

const clientUuidMetaKey = "_pos_client_uuid";

/** The cart as saved in `_pos_open_cart`; it carries the stored order format it was cut from. */
const openCartSchema = z.object({
  formatVersion: z.number().int(),
  customer: storedOrderSchema.shape.customer,
  lines: storedOrderSchema.shape.lines,
  adjustment: storedOrderSchema.shape.adjustment,
  coupons: storedOrderSchema.shape.coupons,
});

/** Writes the order's cart as the `_pos_open_cart` meta value. */
export function formatOpenCart(order: StoredOrder): string {
  const cart: z.infer<typeof openCartSchema> = {
    formatVersion: storedOrderVersion,
    customer: order.customer,
    lines: order.lines,
    adjustment: order.adjustment,
    coupons: order.coupons,
  };
  return JSON.stringify(cart);
}

/**
 * Rebuilds a parked order on this till from a store order saved open by a till. Raises an
 * error naming the order when it carries no readable cart or client UUID, or a cart written by
 * a till with a newer order format.
 */
export function orderFromStoreOpenOrder(order: WcOrder, nowMs: number): StoredOrder {
  const meta = (key: string) => order.meta_data.find((entry) => entry.key === key)?.value;
  const clientUuid = z.uuid().safeParse(meta(clientUuidMetaKey));
  if (!clientUuid.success) {
    throw new Error(
      `order #${order.number} has no till order UUID, so it was not saved by a till: open it in ` +
        "the store's admin instead",
    );
  }
  const cart = readOpenCart(meta(openCartMetaKey), order.number);
  return {
    formatVersion: storedOrderVersion,
    clientUuid: clientUuid.data,
    status: "pos-open",
    createdAtMs: nowMs,
    updatedAtMs: nowMs,
    parkedAtMs: nowMs,
    customer: cart.customer,
    lines: cart.lines,
    adjustment: cart.adjustment,
    coupons: cart.coupons,
    tenders: [],
    receipt: null,
  };
}

function readOpenCart(value: unknown, orderNumber: string) {
  let json: unknown = value;
  if (typeof value === "string") {
    try {
      json = JSON.parse(value);
    } catch {
      json = null;
    }
  }
  const result = openCartSchema.safeParse(json);
  if (!result.success) {
    throw new Error(
      `order #${orderNumber} has no readable ${openCartMetaKey} cart ` +
        `(${z.prettifyError(result.error)}), so this till cannot load it: open it in the store's admin`,
    );
  }
  if (result.data.formatVersion > storedOrderVersion) {
    throw new Error(
      `order #${orderNumber} was saved by a till with order format ${result.data.formatVersion}; ` +
        `this till reads format ${storedOrderVersion}: reload the till to update it, then load the order`,
    );
  }
  return result.data;
}
