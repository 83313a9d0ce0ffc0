import type { CatalogCollection } from "@pos/core";
import type { CatalogHit, CatalogQuery } from "../search/catalog-index.js";

/** Messages from the page to the catalogue worker. */
export type WorkerRequest =
  | { type: "start"; catalogDbName: string }
  | { type: "search"; requestId: number; query: CatalogQuery }
  /** The page saw the network come back or the window regain focus: pull now. */
  | { type: "syncNow" };

export interface CollectionStatus {
  collection: CatalogCollection;
  stored: number;
  total: number | null;
  complete: boolean;
}

/** Messages from the catalogue worker to the page. */
export type WorkerEvent =
  | { type: "progress"; collections: CollectionStatus[] }
  | { type: "searchResult"; requestId: number; hits: CatalogHit[]; indexed: number }
  /** The index changed, so the page should run its current query again. */
  | { type: "indexChanged"; indexed: number }
  | { type: "syncError"; message: string; kind: string }
  /** A sync run ended with everything the server had stored locally. */
  | { type: "syncIdle" }
  | { type: "requestOutcome"; ok: boolean; durationMs: number };
