import { enqueueOutboxRecord, orderCreateKind } from "@pos/sync";
import type { WcOrderCreate } from "@pos/woo";
import type { SalesDb } from "../db/sales-db.js";
import { parseStoredOrder, type OrderTender, type StoredOrder } from "../db/stored-order.js";
import { allocateReceiptNumber } from "./receipt-number.js";

/** The store's record of an order created before the sale completed on the till. */
export interface ServerOrderRef {
  id: number;
  number: string;
}

export interface SaleCompletion {
  clientUuid: string;
  tenders: OrderTender[];
  totalMinor: number;
  currency: string;
  nowMs: number;
  /** Builds the order request with the receipt number; used when `server` is null. */
  buildBody: (receiptNumber: string) => WcOrderCreate;
  /** The order already created on the store, or null to send it through the outbox. */
  server: ServerOrderRef | null;
  randomId?: () => string;
}

/**
 * Completes a sale in one IndexedDB transaction: allocates the receipt number, marks the order
 * completed with its tenders and, unless the store already has it, adds it to the outbox. If
 * any write fails (a full disk raises QuotaExceededError) nothing of the sale is saved and the
 * order stays open, so the cashier can try again.
 */
export async function completeSale(db: SalesDb, sale: SaleCompletion): Promise<StoredOrder> {
  const randomId = sale.randomId ?? (() => crypto.randomUUID());
  return db.transaction("rw", db.orders, db.settings, db.outbox, async () => {
    const row = await db.orders.get(sale.clientUuid);
    if (!row)
      throw new Error(`order ${sale.clientUuid} is not on this till; it may have been removed`);
    const order = parseStoredOrder(row);
    if (order.status !== "pos-open") {
      throw new Error(`order ${sale.clientUuid} is already ${order.status}; start a new sale`);
    }

    const localNumber = await allocateReceiptNumber(db, randomId);
    const completed: StoredOrder = {
      ...order,
      status: "completed",
      parkedAtMs: null,
      tenders: sale.tenders,
      updatedAtMs: sale.nowMs,
      receipt: {
        localNumber,
        serverId: sale.server?.id ?? null,
        number: sale.server?.number ?? null,
        totalMinor: sale.totalMinor,
        currency: sale.currency,
        completedAtMs: sale.nowMs,
        syncState: sale.server ? "sent" : "pending",
      },
    };
    await db.orders.put(completed);

    if (!sale.server) {
      const entry = {
        id: sale.clientUuid,
        kind: orderCreateKind,
        payload: sale.buildBody(localNumber),
      };
      await enqueueOutboxRecord(db.outbox, entry, sale.nowMs);
    }
    return completed;
  });
}
