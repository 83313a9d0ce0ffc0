import { PosApi, WooApiError, type WooClient } from "@pos/woo";
import { PosPull } from "./pos-pull.js";
import type { CatalogPull } from "./sync-engine.js";
import { WooPull, type WooPullOptions } from "./woo-pull.js";

/** Our store server (pos/v1 routes) or a plain WooCommerce store. */
export type StoreKind = "pos" | "woocommerce";

/**
 * Probes `GET pos/v1/ping`: a 200 means our store server, a 404 a plain WooCommerce store.
 * Any other failure is thrown, because it does not tell the kind of store.
 */
export async function detectStoreKind(client: WooClient, signal?: AbortSignal): Promise<StoreKind> {
  try {
    await new PosApi(client).ping(signal);
    return "pos";
  } catch (error) {
    if (error instanceof WooApiError && error.status === 404) return "woocommerce";
    throw error;
  }
}

export interface CatalogPullOptions extends WooPullOptions {
  /** Records per pos/v1 snapshot page (1..5000). */
  snapshotPageSize?: number;
  /** Changes per pos/v1 change-feed page (1..5000). */
  feedPageSize?: number;
  /** Records in a collection's first pos/v1 snapshot page, so the first products show sooner. */
  firstPageSize?: number;
}

/** Creates the pull strategy for a kind of store. */
export function createCatalogPull(
  client: WooClient,
  kind: StoreKind,
  options: CatalogPullOptions = {},
): CatalogPull {
  if (kind === "woocommerce") return new WooPull(client, options);
  // Large pages keep the seed near a raw IndexedDB put: see docs/benchmarks.md.
  const snapshotPageSize = options.snapshotPageSize ?? 5000;
  return new PosPull(new PosApi(client), {
    snapshotPageSize,
    feedPageSize: options.feedPageSize ?? 1000,
    firstPageSize: options.firstPageSize ?? Math.min(200, snapshotPageSize),
  });
}

/** Returns the URL the connectivity monitor probes: pos/v1/ping, or the REST root on WooCommerce. */
export function probeUrlFor(client: WooClient, kind: StoreKind): string {
  return client.urlOf(kind === "pos" ? "pos/v1/ping" : "").href;
}
