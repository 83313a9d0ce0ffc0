import type { CatalogCollection } from "@pos/core";
import type { CatalogDb } from "./catalog-db.js";
import { clearCollection } from "./checkpoint-store.js";
import { readProgress } from "./read-progress.js";
import { classifySyncError, isServerStrain } from "./sync-errors.js";
import {
  SyncEvents,
  type CollectionProgress,
  type SyncEventName,
  type SyncListener,
} from "./sync-events.js";

/** Inputs of one pull run; `collection` names the collection in work, for error events. */
export interface PullContext {
  db: CatalogDb;
  events: SyncEvents;
  now: () => number;
  signal: AbortSignal;
  collection: CatalogCollection | null;
}

/** One strategy of pulling the catalogue: pos/v1 (PosPull) or plain WooCommerce (WooPull). */
export interface CatalogPull {
  run(context: PullContext): Promise<void>;
}

export interface Timers {
  setTimeout(callback: () => void, delayMs: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SyncEngineOptions {
  db: CatalogDb;
  pull: CatalogPull;
  /** Time between polls of the change feed while all is well. */
  pollIntervalMs?: number;
  /** Maximum wait between polls while the server is failing or slow. */
  maxPollIntervalMs?: number;
  /** A run slower than this counts as slow and stretches the next wait. */
  slowRunMs?: number;
  now?: () => number;
  timers?: Timers;
}

/** The `meta` entry that stores when the last sync run ended with everything stored. */
const lastSyncMetaKey = "lastSyncAtMs";

/**
 * Stores when a sync run ended with everything stored (the `idle` event's `atMs`), for
 * `readLastSyncAtMs`.
 */
export async function recordLastSync(db: CatalogDb, atMs: number): Promise<void> {
  await db.meta.put({ key: lastSyncMetaKey, value: atMs });
}

/**
 * Returns when the last sync run of this catalogue ended with everything the server had
 * stored locally (milliseconds since the epoch), or null when none has yet. Any tab can read
 * it, whichever tab's engine ran the sync.
 */
export async function readLastSyncAtMs(db: CatalogDb): Promise<number | null> {
  const entry = await db.meta.get(lastSyncMetaKey);
  return typeof entry?.value === "number" && Number.isFinite(entry.value) ? entry.value : null;
}

const defaultTimers: Timers = {
  setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Runs the pull on a schedule. States:
 *
 *   stopped --start()--> running --run ends--> waiting --timer or pokeNow()--> running
 *   running --pokeNow()--> running (one more run queued right after)
 *   any --stop()--> stopped (the in-flight request is aborted)
 *   any --resetCollection()--> stopped, collection cleared --> running (if it was started)
 *
 * After a network failure, a 429, a 5xx or a poll slower than `slowRunMs` the wait doubles up to
 * `maxPollIntervalMs`; a good run resets it. An IndexedDB failure is emitted as an `error`
 * event every time it happens and the next run tries again.
 */
export class SyncEngine {
  private readonly events = new SyncEvents();
  private readonly now: () => number;
  private readonly timers: Timers;
  private timer: unknown = null;
  private running: Promise<void> | null = null;
  private rerunQueued = false;
  private abort: AbortController | null = null;
  private strainedRuns = 0;
  private started = false;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? defaultTimers;
  }

  on<K extends SyncEventName>(name: K, listener: SyncListener<K>): () => void {
    return this.events.on(name, listener);
  }

  /** Starts pulling now and then on the poll schedule. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.pokeNow();
  }

  /** Stops the schedule and aborts the request in flight; returns when the run has ended. */
  async stop(): Promise<void> {
    this.started = false;
    this.clearTimer();
    this.abort?.abort();
    await this.running;
  }

  /** Pulls at once (the till calls it on reconnect and on tab focus). */
  pokeNow(): void {
    if (!this.started) return;
    if (this.running) {
      this.rerunQueued = true;
      return;
    }
    this.clearTimer();
    this.running = this.runOnce().finally(() => this.afterRun());
  }

  /** Resolves when the current run (and any queued one) has ended. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Clears one collection and downloads it again ("clear and re-download" in Store health).
   * The run in flight is stopped first; the other collections keep their checkpoints. The
   * schedule restarts at once if it was running.
   */
  async resetCollection(collection: CatalogCollection): Promise<void> {
    const wasStarted = this.started;
    await this.stop();
    try {
      await clearCollection(this.options.db, collection);
    } finally {
      // A rejected collection name or a failed clear leaves the sync running as before.
      if (wasStarted) this.start();
    }
  }

  progress(): Promise<CollectionProgress[]> {
    return readProgress(this.options.db);
  }

  private async runOnce(): Promise<void> {
    this.abort = new AbortController();
    const startedMs = this.now();
    const context: PullContext = {
      db: this.options.db,
      events: this.events,
      now: this.now,
      signal: this.abort.signal,
      collection: null,
    };
    let seedPages = 0;
    const stopCounting = this.events.on("progress", () => seedPages++);
    try {
      await this.options.pull.run(context);
      // A run that stored seed pages is long by nature; only a follow-up poll can be slow.
      const slow = seedPages === 0 && this.now() - startedMs > (this.options.slowRunMs ?? 2_000);
      this.strainedRuns = slow ? this.strainedRuns + 1 : 0;
      this.events.emit("idle", { atMs: this.now() });
    } catch (error) {
      if (this.abort.signal.aborted) return;
      this.strainedRuns = isServerStrain(error) ? this.strainedRuns + 1 : this.strainedRuns;
      const classified = classifySyncError(error);
      this.events.emit("error", { ...classified, collection: context.collection });
    } finally {
      stopCounting();
    }
  }

  private afterRun(): void {
    this.running = null;
    if (!this.started) return;
    if (this.rerunQueued) {
      this.rerunQueued = false;
      this.pokeNow();
      return;
    }
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.pokeNow();
    }, this.nextDelayMs());
  }

  private nextDelayMs(): number {
    const base = this.options.pollIntervalMs ?? 30_000;
    const max = this.options.maxPollIntervalMs ?? 5 * 60_000;
    return Math.min(max, base * 2 ** this.strainedRuns);
  }

  private clearTimer(): void {
    if (this.timer === null) return;
    this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
