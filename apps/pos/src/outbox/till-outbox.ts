import { Outbox, orderCreateKind, orderCreateSender, type OutboxRecord } from "@pos/sync";
import { wcOrderSchema, type WooClient } from "@pos/woo";
import { appendLog, type SalesDb } from "../db/sales-db.js";
import { parseStoredOrder } from "../db/stored-order.js";

export interface TillOutboxOptions {
  /** Called after an order reached the store, so the till pulls the stock it changed. */
  onStockChanged?: () => void;
  locks?: ConstructorParameters<typeof Outbox>[0]["locks"];
}

/**
 * Builds the till's outbox of orders: it sends `order.create` records to `POST wc/v3/orders` and gives
 * each sent order the store's id and number in the same transaction that marks it sent.
 */
export function createTillOutbox(
  db: SalesDb,
  client: WooClient,
  options: TillOutboxOptions = {},
): Outbox {
  return new Outbox({
    db,
    table: db.outbox,
    senders: { [orderCreateKind]: orderCreateSender(client) },
    onSent: (record, result) => recordServerOrder(db, record, result),
    afterSent: () => options.onStockChanged?.(),
    ...(options.locks ? { locks: options.locks } : {}),
    log: (level, message) => void appendLog(db, { atMs: Date.now(), level, message }),
  });
}

/** Gives the local order the store's id and number; runs inside the outbox's transaction. */
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
  await db.orders.put({
    ...order,
    receipt: {
      ...order.receipt,
      serverId: serverOrder.id,
      number: serverOrder.number,
      syncState: "sent",
    },
  });
}

/** Marks a discarded sale on the till; runs inside the discard transaction. */
export async function recordDiscardedOrder(db: SalesDb, clientUuid: string): Promise<void> {
  const row = await db.orders.get(clientUuid);
  if (!row) return;
  const order = parseStoredOrder(row);
  if (!order.receipt) return;
  await db.orders.put({ ...order, receipt: { ...order.receipt, syncState: "discarded" } });
}
