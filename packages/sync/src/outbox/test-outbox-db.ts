import { Dexie, type Table } from "dexie";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { outboxTableIndexes, type OutboxTable } from "./outbox-record.js";

/** A database with an outbox and a table that `onSent` writes to, on fake-indexeddb. */
export class TestOutboxDb extends Dexie {
  outbox!: OutboxTable;
  acknowledged!: Table<{ id: string; serverId: number }, string>;

  constructor(name: string) {
    super(name, { indexedDB, IDBKeyRange });
    this.version(1).stores({ outbox: outboxTableIndexes, acknowledged: "id" });
  }
}

let counter = 0;

export function uniqueOutboxDbName(): string {
  counter += 1;
  return `outbox-test-${counter}-${Math.random().toString(36).slice(2)}`;
}
