import type { CatalogCollection } from "@pos/core";
import type { PosApi, PosSnapshotPage } from "@pos/woo";
import {
  applyFeedChanges,
  readCheckpoints,
  startSeed,
  storeSnapshotPage,
  type StoredPage,
} from "./checkpoint-store.js";
import type { CollectionProgress } from "./sync-events.js";
import type { CatalogPull, PullContext } from "./sync-engine.js";

/**
 * Seed order: tax rates, categories and coupons first so the till can total a cart early, then
 * the first pages of products so the sell screen is usable, customers last.
 */
export const seedOrder: readonly CatalogCollection[] = [
  "tax_rates",
  "categories",
  "tags",
  "coupons",
  "products",
  "variations",
  "customers",
];

export interface PosPullOptions {
  snapshotPageSize: number;
  feedPageSize: number;
  /**
   * Records in the first snapshot page of a collection seeded from the start: a small first
   * page reaches the search box sooner. Defaults to `snapshotPageSize`.
   */
  firstPageSize?: number;
}

interface PendingPage {
  after: number;
  page: Promise<PosSnapshotPage<CatalogCollection>>;
}

/**
 * The pull from our store server: take the change-feed head, page every collection's snapshot,
 * then follow the change feed from that head. Each page is stored with its checkpoint in one
 * transaction, so a pull killed at any point resumes where the last stored page ended.
 */
export class PosPull implements CatalogPull {
  /** The change feed's ETag and the `since` it was returned for. */
  private etag: { since: number; value: string | null } | null = null;

  constructor(
    private readonly api: PosApi,
    private readonly options: PosPullOptions,
  ) {}

  async run(context: PullContext): Promise<void> {
    await this.ensureSeedStarted(context);
    await this.seed(context);
    await this.follow(context);
  }

  private async ensureSeedStarted(context: PullContext): Promise<void> {
    const checkpoints = await readCheckpoints(context.db);
    if (seedOrder.every((collection) => checkpoints.has(collection))) return;

    const head = await this.api.changesHead(context.signal);
    await startSeed(context.db, head, context.now());
  }

  private async seed(context: PullContext): Promise<void> {
    for (const collection of seedOrder) {
      const checkpoint = (await readCheckpoints(context.db)).get(collection);
      if (checkpoint?.phase !== "seeding") continue;
      await this.seedCollection(context, collection, checkpoint.seedAfter);
    }
  }

  /**
   * Pages one collection's snapshot. The request for the next page goes out before the current
   * page is stored, and a page's transaction is queued while the one before it commits, so the
   * server, the network, the page's JavaScript work and IndexedDB's writes overlap. IndexedDB
   * runs the transactions in the order they were created, and each one checks that the
   * checkpoint is where its page starts, so a page after one that failed to store is dropped.
   */
  private async seedCollection(context: PullContext, collection: CatalogCollection, from: number) {
    context.collection = collection;
    const firstLimit = from === 0 ? this.options.firstPageSize : undefined;
    let pending: PendingPage | null = this.fetchPage(context, collection, from, firstLimit);
    let storing: Promise<void> = Promise.resolve();
    try {
      while (pending !== null) {
        const { after, page: fetched }: PendingPage = pending;
        const page: PosSnapshotPage<CatalogCollection> = await fetched;
        pending =
          page.nextAfter === null ? null : this.fetchPage(context, collection, page.nextAfter);
        const stored = storeSnapshotPage(context.db, {
          collection,
          after,
          records: page.records,
          nextAfter: page.nextAfter,
          total: page.total,
          nowMs: context.now(),
        }).then((result) => reportStoredPage(context, collection, result));
        // An earlier page's failure is the one to report; this page's transaction then fails too.
        stored.catch(() => undefined);
        await storing;
        storing = stored;
      }
    } finally {
      // A failed or aborted run still waits for the transaction it queued, so stop() returns
      // only when nothing of this run is left writing.
      await storing.catch(() => undefined);
    }
    await storing;
  }

  private fetchPage(
    context: PullContext,
    collection: CatalogCollection,
    after: number,
    limit = this.options.snapshotPageSize,
  ): PendingPage {
    const page = this.api.snapshot(collection, after, limit, context.signal);
    // A prefetch dropped because storing the page before it failed must not be reported as an
    // unhandled rejection; an awaited one still throws to the caller.
    page.catch(() => undefined);
    return { after, page };
  }

  private async follow(context: PullContext): Promise<void> {
    context.collection = null;
    for (;;) {
      const checkpoints = [...(await readCheckpoints(context.db)).values()];
      const since = Math.min(...checkpoints.map((checkpoint) => checkpoint.feedSeq));
      const result = await this.api.changes(
        since,
        this.options.feedPageSize,
        this.etag?.since === since ? this.etag.value : null,
        context.signal,
      );
      this.etag = { since, value: result.etag };
      if (!result.changed) return;

      const { changes, next, more, totals } = result.changes;
      if (next < since) {
        // The store's journal is behind what this till has read: it was restored or rebuilt.
        // Changes numbered again from `next` would look already applied, so nothing is stored.
        throw new Error(
          `the store's change feed ends at ${next}, before this till's position ${since}: ` +
            "the store's data was restored or replaced, so clear and re-download the " +
            "catalogue on the Store health screen",
        );
      }
      if (changes.length > 0 || next > since) {
        const counts = await applyFeedChanges(
          context.db,
          { changes, next, ...(totals ? { totals } : {}) },
          context.now(),
        );
        context.events.emit("changesApplied", { ...counts, cursor: String(next) });
      }
      if (!more) return;
      if (next <= since) {
        throw new Error(
          `change feed returned more=true without moving past ${since}; the store server is faulty`,
        );
      }
    }
  }
}

function reportStoredPage(context: PullContext, collection: CatalogCollection, page: StoredPage) {
  const { phase, serverTotal } = page.checkpoint;
  const progress: CollectionProgress = {
    collection,
    phase,
    stored: page.stored,
    total: serverTotal,
    complete: phase === "following" && serverTotal === page.stored,
  };
  context.events.emit("progress", progress);
  if (progress.complete) context.events.emit("collectionComplete", progress);
}
