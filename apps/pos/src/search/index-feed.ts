import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
  Table,
} from "dexie";
import type { Category, Customer, Product, Tag, Variation } from "@pos/core";
import type { CatalogDb, ChunkedTable } from "@pos/sync";
import type { CustomerIndex } from "../customers/customer-index.js";
import type { CatalogIndex } from "./catalog-index.js";

/** The indexes the worker keeps in step with the catalogue database. */
export interface SearchIndexes {
  catalog: CatalogIndex;
  customers: CustomerIndex;
}

export const indexedTables = ["products", "variations", "categories", "tags", "customers"] as const;
export type IndexedTable = (typeof indexedTables)[number];

/** The primary keys of one table that a write stored, replaced or deleted. */
export interface StoredChange {
  table: IndexedTable;
  keys: number[];
}

const pageSize = 2_000;

export function isIndexedTable(name: string): name is IndexedTable {
  return (indexedTables as readonly string[]).includes(name);
}

/**
 * Keeps the indexes in step with the catalogue database by watching every write to the indexed
 * tables in this context (Dexie middleware intercepts only the writes of its own context). Call it
 * before the database opens. `onChange` receives the keys of each indexed write, so they can be
 * passed to other tabs, which re-read them with `applyStoredChange`.
 */
export function feedIndexFromWrites(
  db: CatalogDb,
  index: SearchIndexes,
  onChange: (change: StoredChange) => void,
): void {
  const middleware: Middleware<DBCore> = {
    stack: "dbcore",
    name: "catalogIndexFeed",
    create: (down) => ({
      ...down,
      table: (name) => watchTable(down.table(name), name, index, onChange),
    }),
  };
  db.use(middleware);
  watchChunkedTable(db.products, index, onChange);
  watchChunkedTable(db.customers, index, onChange);
}

/**
 * Feeds the indexes from a chunked table's writes. The middleware cannot do it, because it
 * receives rows, and a chunked table's row contains many records.
 */
function watchChunkedTable<T extends { id: number }>(
  table: ChunkedTable<T>,
  index: SearchIndexes,
  onChange: (change: StoredChange) => void,
): void {
  const name = table.name;
  if (!isIndexedTable(name)) {
    throw new RangeError(`cannot index table "${name}": use one of ${indexedTables.join(", ")}`);
  }
  table.watch({
    putting: (records) => putRecords(name, records, index),
    written: ({ put, deleted }) => {
      deleteRecords(name, deleted, index);
      onChange({ table: name, keys: [...put.map((record) => record.id), ...deleted] });
    },
  });
}

/** Adds every stored record to the indexes, one page at a time. */
export async function loadIndex(db: CatalogDb, index: SearchIndexes): Promise<void> {
  index.catalog.putCategories(await db.categories.toArray());
  index.catalog.putTags(await db.tags.toArray());
  await db.products.forEachBatch((products) => index.catalog.putProducts(products));
  await forEachPage(db.variations, (variations) => index.catalog.putVariations(variations));
  await db.customers.forEachBatch((customers) => index.customers.put(customers));
}

/**
 * Reads the records of a change that another context wrote and brings the indexes in step:
 * keys still stored are indexed again and missing keys are removed. The read starts after the
 * change was announced, so it waits for the writing transaction. The IndexedDB specification's
 * transaction scheduling starts a read-only transaction only after every earlier read/write
 * transaction on the same stores has finished, in any connection. If that transaction aborted,
 * the read finds the records as they were, which is what the index must show.
 */
export async function applyStoredChange(
  db: CatalogDb,
  index: SearchIndexes,
  change: StoredChange,
): Promise<void> {
  if (!isIndexedTable(change.table)) {
    throw new RangeError(
      `cannot index table "${String(change.table)}": use one of ${indexedTables.join(", ")}`,
    );
  }
  const table = readerOf(db, change.table);
  for (let start = 0; start < change.keys.length; start += pageSize) {
    const keys = change.keys.slice(start, start + pageSize);
    const records = await table.bulkGet(keys);
    const stored = records.filter((record) => record !== undefined);
    const missing = keys.filter((_, position) => records[position] === undefined);
    putRecords(change.table, stored, index);
    deleteRecords(change.table, missing, index);
  }
}

/** Reads records by id from a collection, whichever way it is stored. */
function readerOf(
  db: CatalogDb,
  name: IndexedTable,
): { bulkGet(ids: number[]): PromiseLike<({ id: number } | undefined)[]> } {
  if (name === "products") return db.products;
  if (name === "customers") return db.customers;
  return db.table<{ id: number }, number>(name);
}

async function forEachPage<T extends { id: number }>(
  table: Table<T, number>,
  store: (records: T[]) => void,
): Promise<void> {
  let after = Number.NEGATIVE_INFINITY;
  for (;;) {
    const page = await table.where(":id").above(after).limit(pageSize).toArray();
    const last = page.at(-1);
    if (!last) return;

    store(page);
    after = last.id;
  }
}

function watchTable(
  table: DBCoreTable,
  name: string,
  index: SearchIndexes,
  onChange: (change: StoredChange) => void,
): DBCoreTable {
  if (!isIndexedTable(name)) return table;

  return {
    ...table,
    mutate: async (request) => {
      // A range delete (table.clear()) carries no keys, so they are read first, in the same
      // transaction, to know which records leave the index.
      const clearedKeys =
        request.type === "deleteRange" ? await readKeys(table, request.trans, request.range) : [];
      const writing = table.mutate(request);

      // Records are indexed while IndexedDB writes them, so a seed page's index work overlaps
      // its storage. Deletes wait for success, so a failed delete never hides a stored record.
      // NOTE: the index may hold a record whose write failed or whose transaction aborted.
      // Search only returns ids, which the page reads back from the database.
      const isPut = request.type === "put" || request.type === "add";
      const putKeys = isPut ? applyToIndex(name, request, clearedKeys, index) : [];
      const result = await writing;
      const keys = isPut ? putKeys : applyToIndex(name, request, clearedKeys, index);
      if (keys.length > 0) onChange({ table: name, keys });
      return result;
    },
  };
}

async function readKeys(
  table: DBCoreTable,
  trans: DBCoreTransaction,
  range: Parameters<DBCoreTable["query"]>[0]["query"]["range"],
): Promise<number[]> {
  const response = await table.query({
    trans,
    values: false,
    query: { index: table.schema.primaryKey, range },
  });
  return response.result as number[];
}

/** Applies one write to the indexes and returns the primary keys it touched. */
function applyToIndex(
  name: IndexedTable,
  request: DBCoreMutateRequest,
  clearedKeys: number[],
  index: SearchIndexes,
): number[] {
  switch (request.type) {
    case "add":
    case "put": {
      const values = request.values as { id: number }[];
      putRecords(name, values, index);
      return values.map((value) => value.id);
    }
    case "delete": {
      const keys = request.keys as number[];
      deleteRecords(name, keys, index);
      return keys;
    }
    case "deleteRange":
      deleteRecords(name, clearedKeys, index);
      return clearedKeys;
  }
}

function putRecords(name: IndexedTable, values: readonly unknown[], index: SearchIndexes): void {
  if (values.length === 0) return;
  if (name === "products") index.catalog.putProducts(values as Product[]);
  else if (name === "variations") index.catalog.putVariations(values as Variation[]);
  else if (name === "categories") index.catalog.putCategories(values as Category[]);
  else if (name === "tags") index.catalog.putTags(values as Tag[]);
  else index.customers.put(values as Customer[]);
}

function deleteRecords(name: IndexedTable, ids: readonly number[], index: SearchIndexes): void {
  if (ids.length === 0) return;
  if (name === "products") index.catalog.deleteProducts(ids);
  else if (name === "variations") index.catalog.deleteVariations(ids);
  else if (name === "categories") index.catalog.deleteTerms("category", ids);
  else if (name === "tags") index.catalog.deleteTerms("tag", ids);
  else index.customers.delete(ids);
}
