import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import type { DBCore, DBCoreMutateRequest } from "dexie";
import { CatalogDb } from "../catalog-db.js";

let counter = 0;

/** A fresh database name on fake-indexeddb, so tests never share state. */
export function uniqueDbName(prefix = "test"): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2)}`;
}

export function openTestDb(name: string): CatalogDb {
  return new CatalogDb(name, { indexedDB, IDBKeyRange });
}

/**
 * Opens `name` with a DBCore middleware that makes writes to `table` fail with `error` while
 * `shouldFail()` is true: the way to simulate a full disk or a tab closed mid-transaction.
 */
export function openFailingDb(
  name: string,
  table: string,
  shouldFail: (request: DBCoreMutateRequest) => boolean,
  error: () => Error,
): CatalogDb {
  const db = openTestDb(name);
  db.use({
    stack: "dbcore",
    name: "fail-writes",
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (tableName) => {
        const inner = down.table(tableName);
        if (tableName !== table) return inner;
        return {
          ...inner,
          mutate: (request) =>
            shouldFail(request) ? Promise.reject(error()) : inner.mutate(request),
        };
      },
    }),
  });
  return db;
}
