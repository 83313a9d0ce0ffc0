import type { Outbox } from "@pos/sync";
import type { PosStore, WcOrderCreate, WooClient } from "@pos/woo";
import type { CartTotals } from "../cart/cart-totals.js";
import type { SalesDb } from "../db/sales-db.js";
import type { StoredOrder } from "../db/stored-order.js";
import { currentCashierId } from "../cashiers/current-cashier.js";
import { CustomerNotOnStoreError, withServerCustomerId } from "../customers/customer-references.js";
import { isSavedOpenOrder } from "../open-orders/saved-open-orders.js";
import { readRegisterId } from "../till-sessions/register-id.js";
import { completeSale } from "./complete-sale.js";
import { buildOrderRequest } from "./order-request.js";
import { CheckoutOfflineError, offlineCheckoutMessage, submitOrder } from "./submit-order.js";
import { offlineSaleAllowed, settleTenders, type TenderInput } from "./tenders.js";

export interface CheckOutServices {
  db: SalesDb;
  client: WooClient;
  outbox: Outbox;
}

export interface CheckOutRequest {
  order: StoredOrder;
  cart: CartTotals;
  store: PosStore;
  tenders: TenderInput[];
  /** False when the connectivity monitor reports the store as unreachable. */
  online: boolean;
  nowMs: number;
}

/**
 * Completes a sale. When the store allows these tenders offline, the sale completes on the
 * till at once and goes to the outbox, which sends it. Otherwise (and online with coupons) the
 * store creates the order first, and checkout is refused while it is offline.
 */
export async function checkOut(services: CheckOutServices, request: CheckOutRequest) {
  const { order, cart, store } = request;
  const tenders = settleTenders(cart.totals.total, request.tenders);
  const kinds = request.tenders.length > 0 ? request.tenders.map((t) => t.kind) : ["cash" as const];
  const registerId = await readRegisterId(services.db, () => crypto.randomUUID());
  const cashierId = currentCashierId();
  const buildBody = (receiptNumber: string | null) =>
    buildOrderRequest(order, cart.input, cart.totals, store.decimals, {
      tenders,
      receiptNumber,
      registerId,
      cashierId,
    });
  const sale = {
    clientUuid: order.clientUuid,
    tenders,
    totalMinor: cart.totals.total,
    currency: store.currency,
    nowMs: request.nowMs,
    buildBody,
  };

  const offlineAllowed = offlineSaleAllowed(store, kinds);
  // Online, coupons go to the store before the sale completes, so a rejected coupon leaves the
  // order open with the store's reason instead of a completed sale the store refuses. So does
  // an order saved to the store, which another register may have checked out meanwhile.
  const askStore =
    order.coupons.length > 0 || (await isSavedOpenOrder(services.db, order.clientUuid));
  const storeFirst = !offlineAllowed || (askStore && request.online);
  if (storeFirst) {
    try {
      if (!request.online) throw new CheckoutOfflineError(offlineCheckoutMessage);
      const body = await withStoreCustomer(services.db, buildBody(null));
      const server = await submitOrder(services.client, body);
      return await completeSale(services.db, { ...sale, server });
    } catch (error) {
      if (!(error instanceof CheckoutOfflineError) || !offlineAllowed) throw error;
    }
  }
  const completed = await completeSale(services.db, { ...sale, server: null });
  // Only wakes the sender: draining would also resend every sale still waiting out a failure,
  // which offline means one failed request per queued sale after each new one.
  services.outbox.notifyChanged();
  return completed;
}

/**
 * Gives the order the store's id of its customer. A customer created on this till and still
 * waiting in the outbox has no store id yet: the sale then takes the outbox path when the
 * store allows it offline, where it waits for the customer, and is rejected otherwise.
 */
async function withStoreCustomer(db: SalesDb, body: WcOrderCreate): Promise<WcOrderCreate> {
  try {
    return (await withServerCustomerId(db, body)) as WcOrderCreate;
  } catch (error) {
    if (error instanceof CustomerNotOnStoreError) {
      throw new CheckoutOfflineError(
        "The customer on this sale was created on this till and is not on the store yet: " +
          "wait until the outbox has sent it, or choose another customer.",
      );
    }
    throw error;
  }
}
