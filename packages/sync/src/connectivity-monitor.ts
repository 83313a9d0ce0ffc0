import type { RequestOutcome } from "@pos/woo";
import type { Timers } from "./sync-engine.js";

/** Green, yellow and red in the till's header. */
export type ConnectivityState = "online" | "unstable" | "offline";

/** A boolean that can change, such as `navigator.onLine` or the page's visibility. */
export interface Signal {
  get(): boolean;
  subscribe(listener: () => void): () => void;
}

export interface ConnectivityMonitorOptions {
  /** The probe URL: `HEAD /wp-json/pos/v1/ping`, or the REST root `/wp-json/` on WooCommerce. */
  probeUrl: string;
  fetch?: typeof fetch;
  online: Signal;
  visible: Signal;
  now?: () => number;
  timers?: Timers;
  probeIntervalMs?: number;
  probeTimeoutMs?: number;
  /** A probe slower than this makes the state unstable. */
  slowAnswerMs?: number;
  /** How long a successful request keeps the state online. */
  freshSuccessMs?: number;
}

interface Evidence {
  atMs: number;
  ok: boolean;
}

export type ConnectivityListener = (state: ConnectivityState) => void;

/**
 * Decides the connectivity state. It is offline while `navigator.onLine` is false. It is
 * unstable when the last probe or request failed, timed out or got a 5xx, or the last probe took
 * longer than `slowAnswerMs`. It is online when a request succeeded within `freshSuccessMs`, and
 * unstable otherwise, because nothing has confirmed the server recently. Probes run every
 * `probeIntervalMs` while the page is visible.
 */
export class ConnectivityMonitor {
  private readonly listeners = new Set<ConnectivityListener>();
  private readonly now: () => number;
  private readonly timers: Timers;
  private readonly fetchFn: typeof fetch;
  private last: Evidence | null = null;
  private current: ConnectivityState;
  private probeTimer: unknown = null;
  private staleTimer: unknown = null;
  private unsubscribers: (() => void)[] = [];

  constructor(private readonly options: ConnectivityMonitorOptions) {
    this.now = options.now ?? (() => Date.now());
    this.timers = options.timers ?? {
      setTimeout: (callback, delayMs) => globalThis.setTimeout(callback, delayMs),
      clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.current = this.evaluate();
  }

  get state(): ConnectivityState {
    return this.current;
  }

  /** Calls `listener` on every change of state; returns the unsubscribe function. */
  subscribe(listener: ConnectivityListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts probing and watching the online and visibility signals. */
  start(): void {
    if (this.unsubscribers.length > 0) return;
    this.unsubscribers = [
      this.options.online.subscribe(() => this.onSignalChange()),
      this.options.visible.subscribe(() => this.onSignalChange()),
    ];
    this.onSignalChange();
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribers) unsubscribe();
    this.unsubscribers = [];
    this.cancel("probeTimer");
    this.cancel("staleTimer");
  }

  /**
   * Feeds the outcome of a real request (connect it to `WooClient.onRequest`). Latency counts
   * only for the probe, because a large snapshot page may take longer than `slowAnswerMs`.
   */
  readonly recordOutcome = (outcome: RequestOutcome): void => {
    this.record(outcome.ok);
  };

  /** Probes the server now and returns the resulting state. */
  async checkNow(): Promise<ConnectivityState> {
    if (!this.options.online.get()) {
      this.update();
      return this.current;
    }
    this.record(await this.probe());
    return this.current;
  }

  private async probe(): Promise<boolean> {
    const startedMs = this.now();
    const timeoutMs = this.options.probeTimeoutMs ?? 5_000;
    const abort = new AbortController();
    const timer = this.timers.setTimeout(() => abort.abort(), timeoutMs);
    try {
      const response = await this.fetchFn(this.options.probeUrl, {
        method: "HEAD",
        cache: "no-store",
        signal: abort.signal,
      });
      return response.status < 500 && this.now() - startedMs <= this.slowAnswerMs();
    } catch {
      return false;
    } finally {
      this.timers.clearTimeout(timer);
    }
  }

  private record(ok: boolean): void {
    this.last = { atMs: this.now(), ok };
    this.update();
    this.scheduleStaleCheck();
  }

  private onSignalChange(): void {
    this.update();
    this.cancel("probeTimer");
    if (this.options.online.get() && this.options.visible.get()) void this.probeLoop();
  }

  /** Probes now and every `probeIntervalMs` after the start of this probe. */
  private async probeLoop(): Promise<void> {
    this.cancel("probeTimer");
    this.probeTimer = this.timers.setTimeout(() => {
      this.probeTimer = null;
      if (this.unsubscribers.length === 0) return;
      if (this.options.online.get() && this.options.visible.get()) void this.probeLoop();
    }, this.options.probeIntervalMs ?? 30_000);
    await this.checkNow();
  }

  /** Re-evaluates when the last success goes stale, since no event would do it. */
  private scheduleStaleCheck(): void {
    this.cancel("staleTimer");
    if (!this.last?.ok) return;
    const remainingMs = this.last.atMs + this.freshSuccessMs() - this.now();
    this.staleTimer = this.timers.setTimeout(() => {
      this.staleTimer = null;
      this.update();
    }, remainingMs + 1);
  }

  private evaluate(): ConnectivityState {
    if (!this.options.online.get()) return "offline";
    if (!this.last || !this.last.ok) return "unstable";
    return this.now() - this.last.atMs <= this.freshSuccessMs() ? "online" : "unstable";
  }

  private update(): void {
    const next = this.evaluate();
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }

  private cancel(which: "probeTimer" | "staleTimer"): void {
    if (this[which] === null) return;
    this.timers.clearTimeout(this[which]);
    this[which] = null;
  }

  private slowAnswerMs(): number {
    return this.options.slowAnswerMs ?? 2_000;
  }

  private freshSuccessMs(): number {
    return this.options.freshSuccessMs ?? 45_000;
  }
}
