import type { CatalogCollection } from "@pos/core";
import type { PosApi, PosSnapshotPage } from "@pos/woo";
import {
  applyFeedChanges,
  readCheckpoints,
  startSeed,
  storeSnapshotPage,
} from "./checkpoint-store.js";
import { readProgress } from "./read-progress.js";
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

  private async seedCollection(context: PullContext, collection: CatalogCollection, from: number) {
    context.collection = collection;
    let after: number | null = from;
    while (after !== null) {
      const page: PosSnapshotPage<CatalogCollection> = await this.api.snapshot(
        collection,
        after,
        this.options.snapshotPageSize,
        context.signal,
      );
      await storeSnapshotPage(context.db, {
        collection,
        records: page.records,
        nextAfter: page.nextAfter,
        total: page.total,
        nowMs: context.now(),
      });
      after = page.nextAfter;
      await this.reportProgress(context, collection, after === null);
    }
  }

  private async reportProgress(context: PullContext, collection: CatalogCollection, last: boolean) {
    const progress = (await readProgress(context.db)).find(
      (entry) => entry.collection === collection,
    );
    if (!progress) return;
    context.events.emit("progress", progress);
    if (last && progress.complete) context.events.emit("collectionComplete", progress);
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

      const { changes, next, more } = result.changes;
      if (changes.length > 0 || next > since) {
        const counts = await applyFeedChanges(context.db, changes, next, context.now());
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
