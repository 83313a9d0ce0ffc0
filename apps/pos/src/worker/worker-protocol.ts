import type { CatalogCollection, Customer } from "@pos/core";
import type { SyncErrorKind } from "@pos/sync";
import type { CodeMatch, FindByCodeOptions } from "../scanner/find-by-code.js";
import type { CatalogQuery } from "../search/catalog-index.js";
import type { StoredChange } from "../search/index-feed.js";

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
  | { type: "syncNow" }
  /** A scanned or typed code: find its item in the index in memory, without a database read. */
  | { type: "findCode"; requestId: number; code: string; options: FindByCodeOptions }
  /** Store health: delete one collection's records and checkpoint and download it again. */
  | { type: "resetCollection"; requestId: number; collection: CatalogCollection };

export interface CollectionStatus {
  collection: CatalogCollection;
  stored: number;
  total: number | null;
  complete: boolean;
}

/** The outcome of a server search: products stored, or the reason it failed. */
export type ServerSearchOutcome = { ok: true; stored: number } | { ok: false; message: string };

/** The outcome of a "clear and re-download": started again, or the reason it failed. */
export type ResetOutcome = { ok: true } | { ok: false; message: string };

/** Messages from the catalogue worker to the page. */
export type WorkerEvent =
  | { type: "progress"; collections: CollectionStatus[] }
  /** `codes`: product ids, and variation ids negated, transferred without a copy. */
  | { type: "searchResult"; requestId: number; codes: Int32Array; indexed: number }
  | { type: "customerResult"; requestId: number; ids: number[] }
  | { type: "serverSearchResult"; requestId: number; outcome: ServerSearchOutcome }
  | { type: "codeResult"; requestId: number; match: CodeMatch }
  /** The index changed, so the page should run its current query again. */
  | { type: "indexChanged"; indexed: number }
  /**
   * A sync failure. `relayed` is true when the syncing worker of another tab reported it, so
   * only the tab where it happened writes it to the till's log.
   */
  | { type: "syncError"; message: string; kind: string; relayed: boolean }
  /** A sync run ended with everything the server had stored locally, at `atMs`. */
  | { type: "syncIdle"; atMs: number }
  | { type: "resetResult"; requestId: number; outcome: ResetOutcome }
  /** Whether this tab's worker holds the sync lock and runs the sync engine. */
  | { type: "leadership"; leader: boolean }
  | { type: "requestOutcome"; ok: boolean; durationMs: number };

/**
 * Messages between the catalogue workers of one catalogue's tabs, on a BroadcastChannel. The
 * leader (the worker holding the sync lock) announces what it stored and how syncing goes.
 * The others forward requests that only the leader can carry out.
 */
export type TabMessage =
  /** The leader wrote these keys; the others re-read them to update their indexes. */
  | { type: "stored"; change: StoredChange }
  /** Checkpoints or counts moved: read the progress again. */
  | { type: "progressChanged" }
  | { type: "syncIdle"; atMs: number }
  | { type: "syncError"; kind: SyncErrorKind; message: string }
  | { type: "syncNow" }
  | { type: "resetCollection"; requestId: string; collection: CatalogCollection }
  | { type: "resetResult"; requestId: string; outcome: ResetOutcome };
