import type { Table } from "dexie";
import type { CatalogCollection } from "@pos/core";
import type { CatalogDb } from "./catalog-db.js";

type Id = { id: number };

/**
 * The reads and writes the sync makes on any collection, whether it is stored a row per record
 * or in chunks. A transaction that writes a collection must include its `storage`.
 */
export interface CollectionStore {
  readonly storage: Table;
  bulkPut(records: readonly Id[]): Promise<unknown>;
  bulkDelete(ids: readonly number[]): Promise<unknown>;
  put(record: Id): Promise<unknown>;
  delete(id: number): Promise<unknown>;
  clear(): Promise<unknown>;
  count(): Promise<number>;
  primaryKeys(): Promise<number[]>;
}

/** Wraps a collection stored a row per record in its own Dexie table. */
function rowPerRecord(table: Table<Id, number>): CollectionStore {
  return {
    storage: table as Table,
    bulkPut: (records) => table.bulkPut([...records]),
    bulkDelete: (ids) => table.bulkDelete([...ids]),
    put: (record) => table.put(record),
    delete: (id) => table.delete(id),
    clear: () => table.clear(),
    count: () => table.count(),
    primaryKeys: () => table.toCollection().primaryKeys(),
  };
}

/** Returns the store of a collection (`tax_rates` lives in `taxRates`). */
export function tableOf(db: CatalogDb, collection: CatalogCollection): CollectionStore {
  switch (collection) {
    case "products":
      return db.products;
    case "variations":
      return rowPerRecord(db.variations);
    case "categories":
      return rowPerRecord(db.categories);
    case "tags":
      return rowPerRecord(db.tags);
    case "customers":
      return db.customers;
    case "tax_rates":
      return rowPerRecord(db.taxRates);
    case "coupons":
      return rowPerRecord(db.coupons);
  }
}
