import type { Coupon } from "@pos/core";
import type { CatalogDb } from "@pos/sync";
import { WooApiError, wcOrderSchema, type PosStore, type WcOrder, type WooClient } from "@pos/woo";
import { z } from "zod";
import type { OrderStore } from "../cart/order-store.js";
import { totalOrder } from "../cart/cart-totals.js";
import { currentCashierId } from "../cashiers/current-cashier.js";
import { buildOrderRequest } from "../checkout/order-request.js";
import type { SalesDb } from "../db/sales-db.js";
import type { StoredOrder } from "../db/stored-order.js";
import { readRegisterId } from "../till-sessions/register-id.js";
import { formatOpenCart, openCartMetaKey, orderFromStoreOpenOrder } from "./open-cart-snapshot.js";
import {
  forgetSavedOpenOrder,
  listSavedOpenOrders,
  recordSavedOpenOrder,
  type SavedOpenOrder,
} from "./saved-open-orders.js";

/** The store's status for an order a till saved while the sale is open. */
export const openOrderStatus = "pos-open";

/** The order meta key that carries why the cashier voided an open order. */
export const voidReasonMetaKey = "_pos_void_reason";

export interface OpenOrderServices {
  client: WooClient;
  salesDb: SalesDb;
  orders: OrderStore;
  catalog: CatalogDb;
  store: PosStore;
  /** "pos" for this project's store server, "woocommerce" for a plain WooCommerce store. */
  storeKind: "pos" | "woocommerce";
  nowMs?: () => number;
}

/**
 * Raises for a plain WooCommerce store: it has no `pos-open` status unless a plugin registers
 * one, and it would create a new order for each save instead of updating the one saved before.
 */
function requireStoreServer(services: OpenOrderServices): void {
  if (services.storeKind === "woocommerce") {
    throw new Error(
      "open orders are saved only to this project's store server; on a WooCommerce store keep " +
        "the order parked on this till",
    );
  }
}

/**
 * Saves an open order to the store as a `pos-open` order, or updates the one saved before: the
 * request carries the order's client UUID, so a retry or a second save never makes a second
 * order. The store reduces no stock for it until it is checked out.
 */
export async function saveOpenOrderToStore(
  services: OpenOrderServices,
  clientUuid: string,
): Promise<SavedOpenOrder> {
  requireStoreServer(services);
  const order = await services.orders.get(clientUuid);
  if (order.status !== openOrderStatus) {
    throw new Error(`order ${clientUuid} is already ${order.status}: only open orders are saved`);
  }
  if (order.lines.length === 0) {
    throw new Error("the order has no lines: add a product before saving it to the store");
  }

  const body = await storeRequest(services, order, openOrderStatus, []);
  const response = await services.client.request({
    method: "POST",
    route: "wc/v3/orders",
    body,
    schema: wcOrderSchema,
    idempotent: true,
    timeoutMs: 20_000,
  });
  const saved: SavedOpenOrder = {
    clientUuid,
    serverId: response.data.id,
    number: response.data.number,
    savedAtMs: (services.nowMs ?? Date.now)(),
    savedUpdatedAtMs: order.updatedAtMs,
  };
  await recordSavedOpenOrder(services.salesDb, saved);
  return saved;
}

/**
 * Voids an open order: on the store first when it was saved there (status `cancelled`, with the
 * reason in an order note), then on this till, which removes it. An order never saved is only
 * removed here. Raises without removing anything when the store request fails.
 */
export async function voidOpenOrder(
  services: OpenOrderServices,
  clientUuid: string,
  reason: string,
): Promise<void> {
  const trimmed = reason.trim();
  if (trimmed === "") throw new Error("enter a reason for voiding the order");
  const order = await services.orders.get(clientUuid);
  if (order.status !== openOrderStatus) {
    throw new Error(`order ${clientUuid} is already ${order.status}: only open orders are voided`);
  }

  const saved = (await listSavedOpenOrders(services.salesDb)).find(
    (entry) => entry.clientUuid === clientUuid,
  );
  if (saved !== undefined) {
    const meta = [{ key: voidReasonMetaKey, value: trimmed }];
    const body = await storeRequest(services, order, "cancelled", meta);
    try {
      await services.client.request({
        method: "POST",
        route: "wc/v3/orders",
        body,
        schema: wcOrderSchema,
        idempotent: true,
        timeoutMs: 20_000,
      });
    } catch (error) {
      // Voided already, from another register: this till only has to drop its copy.
      if (!(error instanceof WooApiError && error.code === "pos_open_order_voided")) throw error;
    }
  }
  await services.orders.remove(clientUuid);
  await forgetSavedOpenOrder(services.salesDb, clientUuid);
}

/** Lists the store's open orders saved by tills, most recently changed first. */
export async function listStoreOpenOrders(services: OpenOrderServices): Promise<WcOrder[]> {
  requireStoreServer(services);
  const response = await services.client.request({
    route: "wc/v3/orders",
    query: { status: openOrderStatus, per_page: 50, orderby: "modified", order: "desc" },
    schema: z.array(wcOrderSchema),
    timeoutMs: 15_000,
  });
  return response.data;
}

/**
 * Copies a store open order onto this till as a parked order and returns its client UUID, so
 * the cashier can resume it. Checking it out then updates that same store order.
 */
export async function loadStoreOpenOrder(
  services: OpenOrderServices,
  storeOrder: WcOrder,
): Promise<string> {
  if (storeOrder.status !== openOrderStatus) {
    throw new Error(
      `order #${storeOrder.number} is ${storeOrder.status} on the store, not open: it cannot be loaded`,
    );
  }
  const nowMs = (services.nowMs ?? Date.now)();
  const order = orderFromStoreOpenOrder(storeOrder, nowMs);
  await services.orders.importParked(order);
  await recordSavedOpenOrder(services.salesDb, {
    clientUuid: order.clientUuid,
    serverId: storeOrder.id,
    number: storeOrder.number,
    savedAtMs: nowMs,
    savedUpdatedAtMs: order.updatedAtMs,
  });
  return order.clientUuid;
}

/**
 * Drops this till's copies of saved open orders that are no longer open on the store (checked
 * out or voided on another register), so the till stops offering them. `storeOpen` is the
 * store's current list of open orders. Returns a message for each copy removed.
 */
export async function dropClosedOpenOrders(
  services: OpenOrderServices,
  storeOpen: readonly WcOrder[],
): Promise<string[]> {
  const openIds = new Set(storeOpen.map((order) => order.id));
  const messages: string[] = [];
  for (const saved of await listSavedOpenOrders(services.salesDb)) {
    if (openIds.has(saved.serverId)) continue;
    const local = await services.salesDb.orders.get(saved.clientUuid);
    if (local === undefined || (local as { status?: unknown }).status !== openOrderStatus) {
      await forgetSavedOpenOrder(services.salesDb, saved.clientUuid);
      continue;
    }
    const response = await services.client.request({
      route: `wc/v3/orders/${saved.serverId}`,
      schema: wcOrderSchema,
      timeoutMs: 15_000,
    });
    if (response.data.status === openOrderStatus) continue;
    await services.orders.remove(saved.clientUuid);
    await forgetSavedOpenOrder(services.salesDb, saved.clientUuid);
    messages.push(
      `Order #${saved.number} is ${response.data.status} on the store (checked out or voided on ` +
        "another register), so it was removed from this till.",
    );
  }
  return messages;
}

/** Builds the store request for an open order with the given status, carrying its cart. */
async function storeRequest(
  services: OpenOrderServices,
  order: StoredOrder,
  status: string,
  extraMeta: { key: string; value: string }[],
) {
  const taxRates = await services.catalog.taxRates.toArray();
  const codes = order.coupons.map((coupon) => coupon.code);
  const coupons: Coupon[] =
    codes.length === 0 ? [] : await services.catalog.coupons.where("code").anyOf(codes).toArray();
  const cart = totalOrder(order, { store: services.store, taxRates, coupons });
  const registerId = await readRegisterId(services.salesDb, () => crypto.randomUUID());
  const request = buildOrderRequest(order, cart.input, cart.totals, services.store.decimals, {
    tenders: [],
    receiptNumber: null,
    registerId,
    cashierId: currentCashierId(),
  });
  return {
    ...request,
    status,
    set_paid: false,
    payment_method: "",
    payment_method_title: "",
    meta_data: [
      ...(request.meta_data ?? []),
      { key: openCartMetaKey, value: formatOpenCart(order) },
      ...extraMeta,
    ],
  };
}
