export interface RawPutResult {
  records: number;
  totalMs: number;
}

export interface RawStore {
  name: string;
  records: readonly unknown[];
  /** Secondary indexes as [name, keyPath]; empty for the physical limit. */
  indexes: readonly (readonly [string, string])[];
  /** The primary key's path; `id` unless set. */
  keyPath?: string;
}

/**
 * Puts records into a fresh IndexedDB database in one readwrite transaction with the raw API:
 * the floor that any sync into IndexedDB of the same records can approach. Times from the
 * first put to the transaction's `complete` event; the database is deleted afterwards.
 */
export async function rawPut(dbName: string, stores: readonly RawStore[]): Promise<RawPutResult> {
  await deleteDatabase(dbName);
  const db = await openDatabase(dbName, stores);
  const startedMs = performance.now();
  const transaction = db.transaction(
    stores.map((store) => store.name),
    "readwrite",
  );
  let records = 0;
  for (const store of stores) {
    const objectStore = transaction.objectStore(store.name);
    for (const record of store.records) objectStore.put(record);
    records += store.records.length;
  }
  await new Promise<void>((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error("raw put failed"));
    transaction.onabort = () => reject(transaction.error ?? new Error("raw put aborted"));
  });
  const totalMs = performance.now() - startedMs;
  db.close();
  await deleteDatabase(dbName);
  return { records, totalMs };
}

function openDatabase(dbName: string, stores: readonly RawStore[]): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => {
      for (const store of stores) {
        const objectStore = request.result.createObjectStore(store.name, {
          keyPath: store.keyPath ?? "id",
        });
        for (const [name, keyPath] of store.indexes) objectStore.createIndex(name, keyPath);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${dbName}`));
  });
}

export function deleteDatabase(dbName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(dbName);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`cannot delete ${dbName}`));
  });
}
