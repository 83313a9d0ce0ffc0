import { Dexie, type Table } from "dexie";
import { outboxTableIndexes, type OutboxTable } from "@pos/sync";

/** A stored till session: core's `TillSession` as JSON, checked on read by `parseTillSession`. */
export interface TillSessionRow {
  id: string;
  registerId: string;
  openedAtGmt: string;
  [field: string]: unknown;
}

/** A refund this till made, kept so reports and Z reports built offline count it. */
export interface LocalRefundRow {
  /** The idempotency key sent with the refund. */
  key: string;
  serverOrderId: number;
  [field: string]: unknown;
}

/**
 * The till's own database of till sessions and the refunds it made, with an outbox that uploads
 * sessions. It sits beside the `sales` database, whose tables belong to checkout, so a session
 * and its outbox record still commit in one transaction here. Strict durability as in `sales`.
 */
export class TillSessionDb extends Dexie {
  sessions!: Table<TillSessionRow, string>;
  refunds!: Table<LocalRefundRow, string>;
  outbox!: OutboxTable;

  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, { chromeTransactionDurability: "strict", ...options });
    this.version(1).stores({
      sessions: "id, registerId, openedAtGmt",
      refunds: "key, serverOrderId",
      outbox: outboxTableIndexes,
    });
  }
}

/** Names the database of one store and user, as the catalogue database is named. */
export function tillSessionDbName(storeKey: string): string {
  return `pos-till-sessions-${storeKey}`;
}
