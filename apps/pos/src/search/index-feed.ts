import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware, Table } from "dexie";
import type { Product, Variation } from "@pos/core";
import type { CatalogDb } from "@pos/sync";
import type { CatalogIndex } from "./catalog-index.js";

const pageSize = 2_000;

/**
 * Keeps `index` in step with the catalogue database by watching every write to the products
 * and variations tables in this context (the worker, where the sync engine writes). Call it
 * before the database opens; `onChange` runs after each indexed write.
 */
export function feedIndexFromWrites(db: CatalogDb, index: CatalogIndex, onChange: () => void) {
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

/** Adds every stored product and variation to `index`, one page at a time. */
export async function loadIndex(db: CatalogDb, index: CatalogIndex): Promise<void> {
  await forEachPage(db.products, (products) => index.putProducts(products));
  await forEachPage(db.variations, (variations) => index.putVariations(variations));
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
  index: CatalogIndex,
  onChange: () => void,
): DBCoreTable {
  if (name !== "products" && name !== "variations") return table;

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

function applyToIndex(name: string, request: DBCoreMutateRequest, index: CatalogIndex): void {
  if (request.type === "add" || request.type === "put") {
    if (name === "products") index.putProducts(request.values as Product[]);
    else index.putVariations(request.values as Variation[]);
    return;
  }
  if (request.type === "delete") {
    const ids = request.keys as number[];
    if (name === "products") index.deleteProducts(ids);
    else index.deleteVariations(ids);
  }
  // TODO: a "deleteRange" (table.clear()) leaves the index stale until the worker restarts.
}
