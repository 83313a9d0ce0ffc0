import type { CatalogCollection, Customer } from "@pos/core";
import type { CodeMatch, FindByCodeOptions } from "../scanner/find-by-code.js";
import type { CatalogQuery } from "../search/catalog-index.js";
import type {
  CollectionStatus,
  ResetOutcome,
  ServerSearchOutcome,
  WorkerEvent,
  WorkerRequest,
} from "./worker-protocol.js";

export interface SyncStatus {
  collections: CollectionStatus[];
  lastError: string | null;
  /** Whether this tab runs the sync; null until its worker has started. */
  leader: boolean | null;
  /** When a sync run last ended with everything stored, as heard by this tab. */
  lastSyncAtMs: number | null;
}

type Listener = () => void;

/** True once every collection is stored in full and follows the change feed. */
export function isCatalogComplete(status: SyncStatus): boolean {
  return status.collections.length > 0 && status.collections.every((entry) => entry.complete);
}

/**
 * The page's side of the catalogue worker: search requests matched to their results, the sync
 * progress as a snapshot that React can subscribe to, and requests to sync now.
 */
export class CatalogWorkerClient {
  private worker: Worker | null = null;
  /** Resolvers of requests waiting for the worker, each with the value used when it stops. */
  private readonly pending = new Map<number, { resolve: (value: never) => void; empty: unknown }>();
  private readonly listeners = new Set<Listener>();
  private readonly indexListeners = new Set<Listener>();
  private nextRequestId = 1;
  private status: SyncStatus = {
    collections: [],
    lastError: null,
    leader: null,
    lastSyncAtMs: null,
  };

  constructor(
    private readonly catalogDbName: string,
    private readonly onRequestOutcome: (ok: boolean, durationMs: number) => void,
    /**
     * Called once per distinct sync error of this tab, so a failing sync does not flood the
     * log. Errors relayed from the syncing tab are logged by that tab.
     */
    private readonly onSyncError: (message: string) => void = () => {},
  ) {}

  /** Starts the worker, which opens the catalogue, builds the index and starts syncing. */
  start(): void {
    if (this.worker) return;
    this.worker = new Worker(new URL("./catalog-worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (message: MessageEvent<WorkerEvent>) => this.receive(message.data);
    this.send({ type: "start", catalogDbName: this.catalogDbName });
  }

  /** Returns hit codes: product ids, and variation ids negated (see `hitOfCode`). */
  search(query: CatalogQuery): Promise<Int32Array> {
    return this.ask(new Int32Array(0), (requestId) => ({ type: "search", requestId, query }));
  }

  /**
   * Finds what a scanned or typed code sells in the worker's index, in memory, so a scan never
   * waits behind the sync's write transactions.
   */
  findCode(code: string, options: FindByCodeOptions): Promise<CodeMatch> {
    const stopped: CodeMatch = { kind: "notFound", message: "the till is closing" };
    return this.ask(stopped, (requestId) => ({
      type: "findCode",
      requestId,
      code,
      options: { barcodeField: options.barcodeField, scaleRules: options.scaleRules },
    }));
  }

  /** Returns the ids of customers matching `text`, best first. */
  searchCustomers(text: string, limit: number): Promise<number[]> {
    return this.ask<number[]>([], (requestId) => ({
      type: "searchCustomers",
      requestId,
      text,
      limit,
    }));
  }

  /** Asks the store for products matching `text` and stores them in the local catalogue. */
  searchServer(text: string): Promise<ServerSearchOutcome> {
    const stopped: ServerSearchOutcome = { ok: false, message: "the till is closing" };
    return this.ask(stopped, (requestId) => ({ type: "searchServer", requestId, text }));
  }

  /** Stores customers the store returned, so the customer search finds them at once. */
  storeCustomers(customers: Customer[]): void {
    this.send({ type: "storeCustomers", customers });
  }

  /** Asks the syncing tab (this one or another) to pull now. */
  syncNow(): void {
    this.send({ type: "syncNow" });
  }

  /**
   * Asks the syncing tab to delete one collection's records and checkpoint and download it
   * again. The other collections keep their records and checkpoints.
   */
  resetCollection(collection: CatalogCollection): Promise<ResetOutcome> {
    const stopped: ResetOutcome = { ok: false, message: "the till is closing" };
    return this.ask(stopped, (requestId) => ({ type: "resetCollection", requestId, collection }));
  }

  /** Returns the latest sync status, the same object until the status changes. */
  readonly getStatus = (): SyncStatus => this.status;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Calls `listener` whenever the search index changed, so open results can be refreshed. */
  onIndexChange(listener: Listener): () => void {
    this.indexListeners.add(listener);
    return () => this.indexListeners.delete(listener);
  }

  /** Stops the worker. Searches still waiting resolve with no results. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const { resolve, empty } of this.pending.values()) resolve(empty as never);
    this.pending.clear();
  }

  private receive(event: WorkerEvent): void {
    switch (event.type) {
      case "searchResult":
        this.settle(event.requestId, event.codes);
        return;
      case "customerResult":
        this.settle(event.requestId, event.ids);
        return;
      case "serverSearchResult":
      case "resetResult":
        this.settle(event.requestId, event.outcome);
        return;
      case "codeResult":
        this.settle(event.requestId, event.match);
        return;
      case "indexChanged":
        for (const listener of this.indexListeners) listener();
        return;
      case "progress":
        this.setStatus({ ...this.status, collections: event.collections });
        return;
      case "syncIdle":
        this.setStatus({ ...this.status, lastError: null, lastSyncAtMs: event.atMs });
        return;
      case "syncError":
        if (!event.relayed && event.message !== this.status.lastError) {
          this.onSyncError(event.message);
        }
        this.setStatus({ ...this.status, lastError: event.message });
        return;
      case "leadership":
        this.setStatus({ ...this.status, leader: event.leader });
        return;
      case "requestOutcome":
        this.onRequestOutcome(event.ok, event.durationMs);
        return;
    }
  }

  private setStatus(status: SyncStatus): void {
    this.status = status;
    for (const listener of this.listeners) listener();
  }

  private ask<T>(empty: T, request: (requestId: number) => WorkerRequest): Promise<T> {
    const requestId = this.nextRequestId++;
    return new Promise<T>((resolve) => {
      if (!this.worker) {
        resolve(empty);
        return;
      }
      this.pending.set(requestId, { resolve: resolve, empty });
      this.worker.postMessage(request(requestId));
    });
  }

  private settle(requestId: number, value: unknown): void {
    this.pending.get(requestId)?.resolve(value as never);
    this.pending.delete(requestId);
  }

  private send(request: WorkerRequest): void {
    this.worker?.postMessage(request);
  }
}
