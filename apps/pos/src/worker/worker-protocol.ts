import type { CatalogCollection, Customer } from "@pos/core";
import type { CatalogQuery } from "../search/catalog-index.js";

/** Messages from the page to the catalogue worker. */
export type WorkerRequest =
  | { type: "start"; catalogDbName: string }
  | { type: "search"; requestId: number; query: CatalogQuery }
  | { type: "searchCustomers"; requestId: number; text: string; limit: number }
  /** Nothing matched locally: ask the store and add what it finds to the catalogue. */
  | { type: "searchServer"; requestId: number; text: string }
  /** A customer saved on the store: store it in the catalogue, which indexes it. */
  | { type: "storeCustomers"; customers: Customer[] }
  /** The page saw the network come back or the window regain focus: pull now. */
  | { type: "syncNow" };

export interface CollectionStatus {
  collection: CatalogCollection;
  stored: number;
  total: number | null;
  complete: boolean;
}

/** The outcome of a server search: products stored, or the reason it failed. */
export type ServerSearchOutcome = { ok: true; stored: number } | { ok: false; message: string };

/** Messages from the catalogue worker to the page. */
export type WorkerEvent =
  | { type: "progress"; collections: CollectionStatus[] }
  /** `codes`: product ids, and variation ids negated, transferred without a copy. */
  | { type: "searchResult"; requestId: number; codes: Int32Array; indexed: number }
  | { type: "customerResult"; requestId: number; ids: number[] }
  | { type: "serverSearchResult"; requestId: number; outcome: ServerSearchOutcome }
  /** The index changed, so the page should run its current query again. */
  | { type: "indexChanged"; indexed: number }
  | { type: "syncError"; message: string; kind: string }
  /** A sync run ended with everything the server had stored locally. */
  | { type: "syncIdle" }
  | { type: "requestOutcome"; ok: boolean; durationMs: number };
