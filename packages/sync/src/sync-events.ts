import type { CatalogCollection } from "@pos/core";

/** How far the pull of one collection is: "x of y synced"; complete only when x equals y. */
export interface CollectionProgress {
  collection: CatalogCollection;
  phase: "seeding" | "following";
  stored: number;
  /** The server's count of records of this collection; null until the server sent it. */
  total: number | null;
  complete: boolean;
}

/**
 * Why a run stopped: `storage` is an IndexedDB failure such as QuotaExceededError, `network`
 * a failed or timed-out request, `server` an HTTP error response, `data` a body that failed its
 * schema, `internal` anything else (a bug to report).
 */
export type SyncErrorKind = "storage" | "network" | "server" | "data" | "internal";

export interface SyncEventMap {
  progress: CollectionProgress;
  collectionComplete: CollectionProgress;
  /** Changes from the change feed (or modified records on WooCommerce) stored in one batch. */
  changesApplied: { stored: number; deleted: number; cursor: string };
  error: { kind: SyncErrorKind; error: Error; collection: CatalogCollection | null };
  /** A run ended with everything the server had stored locally. */
  idle: { atMs: number };
}

export type SyncEventName = keyof SyncEventMap;
export type SyncListener<K extends SyncEventName> = (event: SyncEventMap[K]) => void;

/** A small typed event emitter; `on` returns the unsubscribe function. */
export class SyncEvents {
  private readonly listeners = new Map<SyncEventName, Set<(event: never) => void>>();

  on<K extends SyncEventName>(name: K, listener: SyncListener<K>): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<K extends SyncEventName>(name: K, event: SyncEventMap[K]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      (listener as SyncListener<K>)(event);
    }
  }
}
