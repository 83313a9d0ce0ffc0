import { SyncEngine, createCatalogPull, type CatalogDb } from "@pos/sync";
import type { WooClient } from "@pos/woo";

export interface FollowState {
  /** Records stored from the change feed since `start`. */
  stored: number;
  /** `Date.now()` when every watched product had the watched price, or null. */
  reachedAtMs: number | null;
  polls: number;
  errors: string[];
}

/** Follows the change feed of an already seeded database on a fixed poll interval. */
export class FollowRun {
  readonly state: FollowState = { stored: 0, reachedAtMs: null, polls: 0, errors: [] };
  private readonly engine: SyncEngine;
  private watched: { ids: number[]; regularPrice: string } | null = null;

  constructor(
    client: WooClient,
    private readonly db: CatalogDb,
    pollIntervalMs: number,
  ) {
    this.engine = new SyncEngine({
      db,
      pull: createCatalogPull(client, "pos", { feedPageSize: 1000 }),
      pollIntervalMs,
    });
    this.engine.on("changesApplied", (event) => {
      this.state.stored += event.stored;
      void this.checkWatched();
    });
    this.engine.on("idle", () => this.state.polls++);
    this.engine.on("error", (event) => this.state.errors.push(event.error.message));
  }

  start(): void {
    this.engine.start();
  }

  /** Sets `reachedAtMs` once every product in `ids` is stored with `regularPrice`. */
  watch(ids: number[], regularPrice: string): void {
    this.watched = { ids, regularPrice };
  }

  stop(): Promise<void> {
    return this.engine.stop();
  }

  private async checkWatched(): Promise<void> {
    if (this.watched === null || this.state.reachedAtMs !== null) return;
    const { ids, regularPrice } = this.watched;
    const products = await this.db.products.bulkGet(ids);
    if (products.every((product) => product?.regularPrice === regularPrice)) {
      this.state.reachedAtMs = Date.now();
    }
  }
}
