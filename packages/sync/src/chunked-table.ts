import type { Dexie, Table } from "dexie";

/**
 * One stored row of a chunked table: the records whose ids fall in one bucket, sorted by id.
 * The row at `countBucket` contains no records, only the table's record count.
 */
export interface ChunkRow<T> {
  bucket: number;
  records: T[];
  count?: number;
}

/** The records one write stored and the ids it deleted, for watchers that keep indexes. */
export interface ChunkedWrite<T> {
  put: readonly T[];
  deleted: readonly number[];
}

export interface ChunkedTableWatcher<T> {
  /** Called with the records about to be stored, while IndexedDB writes them. */
  putting(records: readonly T[]): void;
  /** Called once the write has succeeded in its transaction, with everything it changed. */
  written(change: ChunkedWrite<T>): void;
}

/**
 * Ids per bucket. A bucket is an id range, so a record always lands in the same row and a
 * change rewrites one row of at most this many records. Measured in Chromium 156 on this
 * project's machine: 130,000 product records put one by one took 26 s, the same records in
 * rows of 200 to 1,000 took 0.5 to 1 s (see docs/benchmarks.md).
 */
export const bucketWidth = 256;
const countBucket = -1;

function bucketOf(id: number): number {
  return Math.floor(id / bucketWidth);
}

/**
 * A collection stored as rows of up to `bucketWidth` records instead of a row per record.
 * IndexedDB's cost is mostly per row (a request, an event and a key per put), so a seed of
 * 100,000 products writes about 400 rows. Each read and write runs in a transaction on the one
 * Dexie table `storage`, so a caller's own transaction must include it. The record count is
 * kept in its own row and written with every change.
 */
export class ChunkedTable<T extends { id: number }> {
  private readonly watchers = new Set<ChunkedTableWatcher<T>>();

  constructor(
    private readonly db: Dexie,
    readonly storage: Table<ChunkRow<T>, number>,
    /** The collection's name, as indexes and other tabs know it. */
    readonly name: string,
  ) {}

  /** Adds a watcher of this context's writes; returns the function that removes it. */
  watch(watcher: ChunkedTableWatcher<T>): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  async get(id: number): Promise<T | undefined> {
    return (await this.bulkGet([id]))[0];
  }

  async bulkGet(ids: readonly number[]): Promise<(T | undefined)[]> {
    for (const id of ids) checkId(id, this.name);
    const buckets = [...new Set(ids.map(bucketOf))];
    const rows = await this.storage.bulkGet(buckets);
    const byId = new Map<number, T>();
    rows.forEach((row, position) => {
      for (const record of recordsOf(row, buckets[position] ?? 0, this.name)) {
        byId.set(record.id, record);
      }
    });
    return ids.map((id) => byId.get(id));
  }

  put(record: T): Promise<void> {
    return this.bulkPut([record]);
  }

  /** Stores each record, replacing the stored one with the same id. */
  async bulkPut(records: readonly T[]): Promise<void> {
    if (records.length === 0) return;
    for (const record of records) checkId(record?.id, this.name);
    for (const watcher of this.watchers) watcher.putting(records);

    await this.rewrite(
      groupByBucket(records, (record) => record.id),
      (stored, incoming) => {
        const merged = new Map(stored.map((record) => [record.id, record]));
        for (const record of incoming) merged.set(record.id, record);
        return [...merged.values()];
      },
    );
    this.announce({ put: records, deleted: [] });
  }

  delete(id: number): Promise<void> {
    return this.bulkDelete([id]);
  }

  /**
   * Deletes the records with these ids; ids not stored are skipped. A row left empty is
   * deleted, and a row that keeps records is written again.
   */
  // NOTE: writing a row again needs room, so on a full disk only deletes that empty their rows
  // (and clear()) succeed. The sync reports the failure and retries the batch.
  async bulkDelete(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const id of ids) checkId(id, this.name);
    const deletedIds: number[] = [];
    await this.rewrite(
      groupByBucket(ids, (id) => id),
      (stored, incoming) => {
        const leaving = new Set(incoming);
        for (const record of stored) if (leaving.has(record.id)) deletedIds.push(record.id);
        return stored.filter((record) => !leaving.has(record.id));
      },
    );
    this.announce({ put: [], deleted: deletedIds });
  }

  /**
   * Deletes every record and the count row. It writes nothing, so it succeeds on a full disk,
   * where clearing a collection is how the cashier makes room.
   */
  async clear(): Promise<void> {
    const deletedIds = await this.db.transaction("rw", this.storage, async () => {
      const ids = await this.primaryKeys();
      await this.storage.clear();
      return ids;
    });
    this.announce({ put: [], deleted: deletedIds });
  }

  /** Returns the number of stored records, read from the count row. */
  async count(): Promise<number> {
    const row = await this.storage.get(countBucket);
    return countOf(row) ?? (await this.countRows());
  }

  async primaryKeys(): Promise<number[]> {
    const ids: number[] = [];
    await this.forEachBatch((records) => ids.push(...records.map((record) => record.id)));
    return ids;
  }

  /** Returns every record, in id order. */
  async toArray(): Promise<T[]> {
    return this.findAll(() => true);
  }

  /** Returns the records that pass `test`, in id order. */
  async findAll(test: (record: T) => boolean): Promise<T[]> {
    const found: T[] = [];
    await this.forEachBatch((records) => found.push(...records.filter(test)));
    return found;
  }

  /** Reads the table in id order, a few rows at a time, and hands over each batch's records. */
  async forEachBatch(take: (records: T[]) => void, rowsPerBatch = 16): Promise<void> {
    let after = countBucket;
    for (;;) {
      const rows = await this.storage.where(":id").above(after).limit(rowsPerBatch).toArray();
      const last = rows.at(-1);
      if (!last) return;

      take(rows.flatMap((row) => recordsOf(row, row.bucket, this.name)));
      after = last.bucket;
    }
  }

  /**
   * Reads the rows of `groups`' buckets, replaces each with `change(stored, incoming)` and
   * moves the count row by the difference, all in one transaction.
   */
  private async rewrite<V>(
    groups: Map<number, V[]>,
    change: (stored: T[], incoming: V[]) => T[],
  ): Promise<void> {
    await this.db.transaction("rw", this.storage, async () => {
      const buckets = [...groups.keys()];
      const [countRow, ...rows] = await this.storage.bulkGet([countBucket, ...buckets]);
      let delta = 0;
      const written: ChunkRow<T>[] = [];
      const emptied: number[] = [];
      buckets.forEach((bucket, position) => {
        const row = rows[position];
        const stored = recordsOf(row, bucket, this.name);
        const records = change(stored, groups.get(bucket) ?? []).sort((a, b) => a.id - b.id);
        delta += records.length - stored.length;
        if (records.length > 0) written.push({ bucket, records });
        else if (row !== undefined) emptied.push(bucket);
      });
      if (emptied.length > 0) await this.storage.bulkDelete(emptied);
      // A delete of ids that are not stored changes no row, so it writes nothing.
      if (written.length === 0 && delta === 0) return;
      const count = countOf(countRow) ?? (await this.countRows());
      await this.storage.bulkPut([
        ...written,
        { bucket: countBucket, records: [], count: count + delta },
      ]);
    });
  }

  /** Counts the records row by row, for a table whose count row is missing. */
  private async countRows(): Promise<number> {
    let total = 0;
    await this.storage
      .where(":id")
      .above(countBucket)
      .each((row) => {
        total += recordsOf(row, row.bucket, this.name).length;
      });
    return total;
  }

  private announce(change: ChunkedWrite<T>): void {
    if (change.put.length === 0 && change.deleted.length === 0) return;
    for (const watcher of this.watchers) watcher.written(change);
  }
}

/** Builds the rows that store a whole table's `records`, with the count row. */
export function chunkRowsOf<T extends { id: number }>(records: readonly T[]): ChunkRow<T>[] {
  // The server's schemas accept only whole ids from 0, so a record with another id was changed
  // on the device. It is left out, and the collection shows as incomplete until re-downloaded.
  const validRecords = records.filter((record) => isValidId(record?.id));
  const byId = [...new Map(validRecords.map((record) => [record.id, record]))];
  const rows = [...groupByBucket(byId, ([id]) => id)].map(([bucket, group]) => ({
    bucket,
    records: group.map(([, record]) => record).sort((a, b) => a.id - b.id),
  }));
  return [...rows, { bucket: countBucket, records: [], count: byId.length }];
}

function groupByBucket<V>(values: readonly V[], idOf: (value: V) => number): Map<number, V[]> {
  const groups = new Map<number, V[]>();
  for (const value of values) {
    const bucket = bucketOf(idOf(value));
    const group = groups.get(bucket);
    if (group) group.push(value);
    else groups.set(bucket, [value]);
  }
  return groups;
}

function isValidId(id: unknown): id is number {
  return typeof id === "number" && Number.isSafeInteger(id) && id >= 0;
}

/** Returns the count a count row stores, or null when it is missing or not a count. */
function countOf(row: ChunkRow<unknown> | undefined): number | null {
  return isValidId(row?.count) ? row.count : null;
}

function checkId(id: unknown, name: string): void {
  if (!isValidId(id)) {
    throw new RangeError(
      `invalid ${name} id ${String(id)}: ids must be whole numbers from 0; nothing was stored`,
    );
  }
}

/**
 * Returns the records of a row read back, after checking that it is the requested bucket and
 * that its records are objects whose ids belong to it, in increasing order.
 */
function recordsOf<T extends { id: number }>(
  row: ChunkRow<T> | undefined,
  bucket: number,
  name: string,
): T[] {
  if (row === undefined) return [];
  if (row.bucket !== bucket || !Array.isArray(row.records) || !holdsOwnIds(row.records, bucket)) {
    throw new Error(
      `stored ${name} row ${bucket} is unreadable; clear and re-download ${name} on the ` +
        "Store health screen",
    );
  }
  return row.records;
}

function holdsOwnIds(records: readonly unknown[], bucket: number): boolean {
  let previous = -1;
  for (const record of records) {
    const id =
      typeof record === "object" && record !== null ? (record as { id?: unknown }).id : null;
    if (!isValidId(id) || bucketOf(id) !== bucket || id <= previous) return false;
    previous = id;
  }
  return true;
}
