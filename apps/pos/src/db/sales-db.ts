import { Dexie, type Table } from "dexie";
import { outboxTableIndexes, type OutboxTable } from "@pos/sync";

/** A row of the `orders` table before parsing; `parseStoredOrder` checks and migrates it. */
export interface OrderRow {
  clientUuid: string;
  status: string;
  updatedAtMs: number;
  [field: string]: unknown;
}

export interface KeyValueRow {
  key: string;
  value: unknown;
}

/** A row of the `localCustomers` table before parsing; `parseLocalCustomer` checks it. */
export interface LocalCustomerRow {
  localId: number;
  clientUuid: string;
  [field: string]: unknown;
}

export interface LogRow {
  id?: number;
  atMs: number;
  level: "info" | "warn" | "error";
  message: string;
}

/**
 * The `sales` database: open and completed orders, the outbox, the session and till settings. Every
 * transaction uses strict durability, so a write that resolved survives a power cut (Chromium
 * otherwise acknowledges writes before they reach the disk).
 */
export class SalesDb extends Dexie {
  orders!: Table<OrderRow, string>;
  session!: Table<KeyValueRow, string>;
  settings!: Table<KeyValueRow, string>;
  log!: Table<LogRow, number>;
  outbox!: OutboxTable;
  /** Customers created on this till, keyed by their temporary id; see `local-customer.ts`. */
  localCustomers!: Table<LocalCustomerRow, number>;

  constructor(name = "pos-sales", options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, { chromeTransactionDurability: "strict", ...options });
    this.version(1).stores({
      orders: "clientUuid, status, updatedAtMs",
      session: "key",
      settings: "key",
      log: "++id, atMs",
    });
    // Version 2 adds the outbox, so a sale and its outbox record commit in one transaction.
    this.version(2).stores({ outbox: outboxTableIndexes });
    // Version 3 adds customers created on the till, so a customer, the orders that name it and
    // its outbox record change in one transaction when the store assigns the real id.
    this.version(3).stores({ localCustomers: "localId, &clientUuid, serverId" });
  }
}

/** Maximum number of entries in the local log. Older ones are dropped as new ones arrive. */
export const maxLogEntries = 500;

/** Appends an entry to the till's local log and drops the oldest beyond `maxLogEntries`. */
export async function appendLog(db: SalesDb, entry: Omit<LogRow, "id">): Promise<void> {
  await db.transaction("rw", db.log, async () => {
    await db.log.add(entry);
    const excess = (await db.log.count()) - maxLogEntries;
    if (excess > 0) await db.log.orderBy("id").limit(excess).delete();
  });
}
