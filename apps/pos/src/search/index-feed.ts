import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware, Table } from "dexie";
import type { Category, Customer, Product, Tag, Variation } from "@pos/core";
import type { CatalogDb } from "@pos/sync";
import type { CustomerIndex } from "../customers/customer-index.js";
import type { CatalogIndex } from "./catalog-index.js";

/** The indexes the worker keeps in step with the catalogue database. */
export interface SearchIndexes {
  catalog: CatalogIndex;
  customers: CustomerIndex;
}

const watchedTables = new Set(["products", "variations", "categories", "tags", "customers"]);

const pageSize = 2_000;

/**
 * Keeps the indexes in step with the catalogue database by watching every write to the
 * products, variations, categories, tags and customers tables in this context (the worker, where the sync engine writes). Call it
 * before the database opens; `onChange` runs after each indexed write.
 */
export function feedIndexFromWrites(
  db: CatalogDb,
  index: SearchIndexes,
  onChange: () => void,
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
}

/** Adds every stored record to the indexes, one page at a time. */
export async function loadIndex(db: CatalogDb, index: SearchIndexes): Promise<void> {
  index.catalog.putCategories(await db.categories.toArray());
  index.catalog.putTags(await db.tags.toArray());
  await forEachPage(db.products, (products) => index.catalog.putProducts(products));
  await forEachPage(db.variations, (variations) => index.catalog.putVariations(variations));
  await forEachPage(db.customers, (customers) => index.customers.put(customers));
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
  onChange: () => void,
): DBCoreTable {
  if (!watchedTables.has(name)) return table;

  return {
    ...table,
    mutate: async (request) => {
      const result = await table.mutate(request);
      // NOTE: the index follows writes that succeeded, even if their transaction aborts
      // later; search only returns ids, which the page reads back from the database.
      applyToIndex(name, request, index);
      onChange();
      return result;
    },
  };
}

function applyToIndex(name: string, request: DBCoreMutateRequest, index: SearchIndexes): void {
  if (request.type === "add" || request.type === "put") {
    putRecords(name, request.values, index);
    return;
  }
  if (request.type === "delete") deleteRecords(name, request.keys as number[], index);
  // TODO: a "deleteRange" (table.clear()) leaves the index stale until the worker restarts.
}

function putRecords(name: string, values: readonly unknown[], index: SearchIndexes): void {
  if (name === "products") index.catalog.putProducts(values as Product[]);
  else if (name === "variations") index.catalog.putVariations(values as Variation[]);
  else if (name === "categories") index.catalog.putCategories(values as Category[]);
  else if (name === "tags") index.catalog.putTags(values as Tag[]);
  else index.customers.put(values as Customer[]);
}

function deleteRecords(name: string, ids: readonly number[], index: SearchIndexes): void {
  if (name === "products") index.catalog.deleteProducts(ids);
  else if (name === "variations") index.catalog.deleteVariations(ids);
  else if (name === "categories") index.catalog.deleteTerms("category", ids);
  else if (name === "tags") index.catalog.deleteTerms("tag", ids);
  else index.customers.delete(ids);
}
