import type { Customer } from "@pos/core";
import {
  Outbox,
  orderCreateKind,
  orderCreateSender,
  type OutboxRecord,
  type OutboxSender,
} from "@pos/sync";
import {
  mapWcCustomer,
  wcCustomerSchema,
  wcOrderCreateSchema,
  wcOrderSchema,
  type WooClient,
} from "@pos/woo";
import {
  customerCreateKind,
  customerCreateSender,
  customerUpdateKind,
  customerUpdateSender,
  recordServerCustomer,
} from "../customers/customer-outbox.js";
import { pinLockoutKind, pinLockoutSender } from "../cashiers/pin-lockout-outbox.js";
import { withServerCustomerId } from "../customers/customer-references.js";
import { appendLog, type SalesDb } from "../db/sales-db.js";
import { parseStoredOrder, type StoredOrder, type StoreRecordedOrder } from "../db/stored-order.js";
import { storeRecordedOf } from "./store-recorded-order.js";

export interface TillOutboxOptions {
  /** Called after an order reached the store, so the till pulls the stock it changed. */
  onStockChanged?: () => void;
  /**
   * Called after a customer reached the store, so the till stores the store's copy. Without it,
   * `onStockChanged` runs instead, and the next sync pulls the customer.
   */
  onCustomerSaved?: (customer: Customer) => void;
  locks?: ConstructorParameters<typeof Outbox>[0]["locks"];
}

/**
 * Builds the till's outbox: it sends `order.create` records to `POST wc/v3/orders` and gives
 * each sent order the store's id and number in the same transaction that marks it sent, and
 * sends customers created or edited on the till (`customer.create`, `customer.update`).
 */
export function createTillOutbox(
  db: SalesDb,
  client: WooClient,
  options: TillOutboxOptions = {},
): Outbox {
  return new Outbox({
    db,
    table: db.outbox,
    senders: {
      [orderCreateKind]: orderSenderWithServerCustomer(db, client),
      [customerCreateKind]: customerCreateSender(db, client),
      [customerUpdateKind]: customerUpdateSender(db, client),
      [pinLockoutKind]: pinLockoutSender(client),
    },
    onSent: async (record, result) => {
      if (record.kind === orderCreateKind) await recordServerOrder(db, record, result);
      else await recordServerCustomer(db, record, result);
    },
    afterSent: (record, result) => {
      const isCustomer = record.kind === customerCreateKind || record.kind === customerUpdateKind;
      if (isCustomer && options.onCustomerSaved) {
        options.onCustomerSaved(mapWcCustomer(wcCustomerSchema.parse(result)));
      } else {
        options.onStockChanged?.();
      }
    },
    ...(options.locks ? { locks: options.locks } : {}),
    log: (level, message) => void appendLog(db, { atMs: Date.now(), level, message }),
  });
}

/**
 * Sends `order.create` records with the store's id of their customer: an order that names a
 * customer created on the till waits (and retries) until that customer reached the store.
 */
function orderSenderWithServerCustomer(db: SalesDb, client: WooClient): OutboxSender {
  const send = orderCreateSender(client);
  return async (record, signal) => {
    const payload = await withServerCustomerId(db, record.payload);
    return send({ ...record, payload }, signal);
  };
}

/**
 * Gives the local order the store's id and number; runs inside the outbox's transaction. A sale
 * resent without its rejected coupons also drops them here and keeps the line amounts the store
 * recorded, so the till's receipt and reports show the order as the store has it.
 */
export async function recordServerOrder(
  db: SalesDb,
  record: OutboxRecord,
  result: unknown,
): Promise<void> {
  const serverOrder = wcOrderSchema.parse(result);
  const row = await db.orders.get(record.id);
  if (!row) return;

  const order = parseStoredOrder(row);
  if (!order.receipt) return;
  const storeRecorded = await readStoreRecorded(db, record, order);
  await db.orders.put({
    ...order,
    ...(storeRecorded ? { coupons: [], storeRecorded } : {}),
    receipt: {
      ...order.receipt,
      serverId: serverOrder.id,
      number: serverOrder.number,
      syncState: "sent",
    },
  });
}

/**
 * Returns how the store recorded a sale resent without its coupons, or null for other sales. A
 * request the till cannot match to its order is logged and left as sent, because the store
 * already has the order and the outbox must still mark it sent.
 */
async function readStoreRecorded(
  db: SalesDb,
  record: OutboxRecord,
  order: StoredOrder,
): Promise<StoreRecordedOrder | null> {
  const request = wcOrderCreateSchema.safeParse(record.payload);
  if (!request.success) return null;
  try {
    return storeRecordedOf(request.data, order);
  } catch (error) {
    const message = `sale ${order.clientUuid} keeps its coupons on this till: ${String(error)}`;
    await appendLog(db, { atMs: Date.now(), level: "warn", message });
    return null;
  }
}

/** Marks a discarded sale on the till; runs inside the discard transaction. */
export async function recordDiscardedOrder(db: SalesDb, clientUuid: string): Promise<void> {
  const row = await db.orders.get(clientUuid);
  if (!row) return;
  const order = parseStoredOrder(row);
  if (!order.receipt) return;
  await db.orders.put({ ...order, receipt: { ...order.receipt, syncState: "discarded" } });
}
