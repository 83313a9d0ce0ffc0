import type { CatalogCollection } from "@pos/core";
import {
  defaultBarcodeSource,
  listPage,
  wooMaxPageSize,
  type BarcodeSource,
  type WooClient,
} from "@pos/woo";
import type { Checkpoint } from "./catalog-db.js";
import { readCheckpoints } from "./checkpoint-store.js";
import type { CatalogPull, PullContext } from "./sync-engine.js";
import { readProgress } from "./read-progress.js";
import { wooCollectionSpecsFor, type WooCollectionSpec } from "./woo-collections.js";
import { newestModified } from "./woo-listing.js";
import { pollModified } from "./woo-poll.js";
import { auditCollection, auditVariations } from "./woo-audit.js";
import { storeWooSeedPage } from "./woo-store.js";
import {
  fetchVariations,
  storeVariationsOf,
  variableProducts,
  variationTotalOf,
} from "./woo-variations.js";

export interface WooPullOptions {
  /** Time between deletion audits (`_fields=id` listings and small-collection refreshes). */
  auditIntervalMs?: number;
  /**
   * Reads where this device takes product barcodes from, at the start of each run, because a
   * plain WooCommerce store has no such setting. The global unique id when absent. A new source
   * applies to products stored from then on, so the caller that changes it also clears and
   * re-downloads products and variations (`SyncEngine.resetCollection`) to re-map those stored.
   */
  readBarcodeSource?: () => Promise<BarcodeSource>;
}

/**
 * The pull from a plain WooCommerce store without pos/v1. It seeds each collection page by page
 * in id order, then polls `modified_after` for products and coupons. Because WooCommerce's REST
 * API does not report deletions, it audits ids every `auditIntervalMs`.
 */
export class WooPull implements CatalogPull {
  private lastAuditMs: number | null = null;

  constructor(
    private readonly client: WooClient,
    private readonly options: WooPullOptions = {},
  ) {}

  async run(context: PullContext): Promise<void> {
    const barcodeSource = (await this.options.readBarcodeSource?.()) ?? defaultBarcodeSource;
    const specs = wooCollectionSpecsFor({ barcodeSource });

    await this.ensureSeedStarted(specs, context);
    const seeded = await this.seed(specs, context);
    for (const spec of specs.filter((entry) => entry.modifiedAfter)) {
      await pollModified(this.client, spec, context);
    }
    if (seeded && this.auditDue(context.now())) {
      await this.audit(specs, context);
    }
  }

  private async ensureSeedStarted(specs: WooCollectionSpec[], context: PullContext) {
    const existing = await readCheckpoints(context.db);
    const missing: Checkpoint[] = [];
    for (const spec of specs) {
      if (existing.has(spec.collection)) continue;
      missing.push(await this.newCheckpoint(spec, context));
    }
    if (!existing.has("variations")) missing.push(seedingCheckpoint("variations", context));
    await context.db.checkpoints.bulkPut(missing);
  }

  private async newCheckpoint(spec: WooCollectionSpec, context: PullContext) {
    const checkpoint = seedingCheckpoint(spec.collection, context);
    if (!spec.modifiedAfter) return checkpoint;
    const head = await newestModified(this.client, spec.route, context.signal);
    return { ...checkpoint, modifiedAfterGmt: head.modifiedGmt, modifiedAfterId: head.id };
  }

  /** Seeds what is left; returns true when every collection follows. */
  private async seed(specs: WooCollectionSpec[], context: PullContext): Promise<boolean> {
    for (const spec of specs) {
      const checkpoint = (await readCheckpoints(context.db)).get(spec.collection);
      if (checkpoint?.phase === "seeding") await this.seedCollection(spec, checkpoint, context);
      if (spec.collection === "products") await this.seedVariations(spec, context);
    }
    const progress = await readProgress(context.db);
    return progress.every((entry) => entry.phase === "following");
  }

  private async seedCollection(spec: WooCollectionSpec, from: Checkpoint, context: PullContext) {
    context.collection = spec.collection;
    for (let page = from.seedPage ?? 1; ; page++) {
      const listed = await listPage(
        this.client,
        spec.route,
        spec.schema,
        { ...spec.query, per_page: wooMaxPageSize, page },
        context.signal,
      );
      await storeWooSeedPage(context.db, {
        collection: spec.collection,
        actions: listed.records.map((record) => spec.toAction(record as never)),
        page,
        last: listed.last,
        total: listed.total,
        nowMs: context.now(),
      });
      await emitProgress(context, spec.collection, listed.last);
      if (listed.last) return;
    }
  }

  private async seedVariations(products: WooCollectionSpec, context: PullContext) {
    const checkpoint = (await readCheckpoints(context.db)).get("variations");
    if (checkpoint?.phase !== "seeding") return;
    const productsDone = (await readCheckpoints(context.db)).get("products")?.phase;
    if (productsDone !== "following") return;

    context.collection = "variations";
    const allParents = await variableProducts(context.db);
    const variationTotal = variationTotalOf(allParents);
    const parents = allParents.filter((parent) => parent.id > checkpoint.seedAfter);
    for (const parent of parents) {
      const variations = await fetchVariations(
        this.client,
        parent,
        context.signal,
        products.mapOptions,
      );
      await storeVariationsOf(context.db, {
        parentId: parent.id,
        variations,
        seedAfter: parent.id,
        variationTotal,
        nowMs: context.now(),
      });
      await emitProgress(context, "variations", false);
    }
    await context.db.checkpoints.update("variations", { phase: "following" });
    await emitProgress(context, "variations", true);
  }

  private auditDue(nowMs: number): boolean {
    if (this.lastAuditMs === null) {
      this.lastAuditMs = nowMs;
      return false;
    }
    return nowMs - this.lastAuditMs >= (this.options.auditIntervalMs ?? 15 * 60_000);
  }

  private async audit(specs: WooCollectionSpec[], context: PullContext): Promise<void> {
    for (const spec of specs) {
      await auditCollection(this.client, spec, context);
    }
    const products = specs.find((spec) => spec.collection === "products");
    await auditVariations(this.client, context, products?.mapOptions);
    this.lastAuditMs = context.now();
  }
}

function seedingCheckpoint(collection: CatalogCollection, context: PullContext): Checkpoint {
  return {
    collection,
    phase: "seeding",
    seedAfter: 0,
    seedPage: 1,
    feedSeq: 0,
    serverTotal: null,
    updatedAtMs: context.now(),
  };
}

/** Emits "x of y" for one collection, and `collectionComplete` after its last page. */
export async function emitProgress(
  context: PullContext,
  collection: CatalogCollection,
  last: boolean,
): Promise<void> {
  const progress = (await readProgress(context.db, [collection])).find(
    (entry) => entry.collection === collection,
  );
  if (!progress) return;
  context.events.emit("progress", progress);
  if (last && progress.complete) context.events.emit("collectionComplete", progress);
}
