import type { CatalogCollection } from "@pos/core";
import type { Checkpoint, CollectionProgress } from "@pos/sync";

/** One row of the Store health collections table. */
export interface CollectionHealth {
  collection: CatalogCollection;
  label: string;
  stored: number;
  total: number | null;
  complete: boolean;
  /** The stored sync position, as the cashier reads it. */
  checkpoint: string;
}

const collectionLabels: Record<CatalogCollection, string> = {
  products: "Products",
  variations: "Variations",
  categories: "Categories",
  tags: "Tags",
  customers: "Customers",
  tax_rates: "Tax rates",
  coupons: "Coupons",
};

export function collectionLabel(collection: CatalogCollection): string {
  return collectionLabels[collection];
}

/** Formats "x of y": the records stored on the device against the server's total. */
export function countText(stored: number, total: number | null): string {
  return total === null ? `${stored} of unknown` : `${stored} of ${total}`;
}

/** Describes where the next pull of a collection starts. */
export function checkpointText(checkpoint: Checkpoint | undefined): string {
  if (!checkpoint) return "none: the next sync downloads it from the start";

  if (checkpoint.modifiedAfterGmt !== undefined) {
    const id = checkpoint.modifiedAfterId ?? 0;
    const since = `changes after ${checkpoint.modifiedAfterGmt} GMT (id ${id})`;
    if (checkpoint.phase === "following") return since;
    return `seeding page ${checkpoint.seedPage ?? 1}, then ${since}`;
  }
  if (checkpoint.phase === "seeding") {
    return `seeding after id ${checkpoint.seedAfter}, then change ${checkpoint.feedSeq}`;
  }
  return `change feed at ${checkpoint.feedSeq}`;
}

/** Joins the progress of each collection with its checkpoint, in the order of `progress`. */
export function collectionRows(
  progress: readonly CollectionProgress[],
  checkpoints: ReadonlyMap<CatalogCollection, Checkpoint>,
): CollectionHealth[] {
  return progress.map((entry) => ({
    collection: entry.collection,
    label: collectionLabel(entry.collection),
    stored: entry.stored,
    total: entry.total,
    complete: entry.complete,
    checkpoint: checkpointText(checkpoints.get(entry.collection)),
  }));
}

const byteUnits = ["kB", "MB", "GB", "TB"];

/** Formats a byte count with SI units (1 kB = 1,000 bytes), or "unknown" for null. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null || !Number.isFinite(bytes) || bytes < 0) return "unknown";
  if (bytes < 1000) return `${bytes} B`;

  let value = bytes;
  let unit = "B";
  for (const next of byteUnits) {
    if (value < 1000) break;
    value /= 1000;
    unit = next;
  }
  return `${value.toFixed(1)} ${unit}`;
}

/**
 * Formats usage as a share of quota, "12.5 %", or "unknown" when either is missing. A share
 * above zero that would round to "0.0 %" reads "under 0.1 %".
 */
export function formatUsageShare(usageRatio: number | null): string {
  if (usageRatio === null || !Number.isFinite(usageRatio)) return "unknown";
  if (usageRatio > 0 && usageRatio < 0.0005) return "under 0.1 %";
  return `${(usageRatio * 100).toFixed(1)} %`;
}
