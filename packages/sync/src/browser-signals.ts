import type { Signal } from "./connectivity-monitor.js";

/** A boolean signal set by hand: for tests, and for a worker fed by messages from the page. */
export class ValueSignal implements Signal {
  private readonly listeners = new Set<() => void>();

  constructor(private value: boolean) {}

  get(): boolean {
    return this.value;
  }

  set(value: boolean): void {
    if (value === this.value) return;
    this.value = value;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** `navigator.onLine` with its `online` and `offline` events (windows and workers). */
export function browserOnlineSignal(): Signal {
  return {
    get: () => globalThis.navigator.onLine,
    subscribe(listener) {
      globalThis.addEventListener("online", listener);
      globalThis.addEventListener("offline", listener);
      return () => {
        globalThis.removeEventListener("online", listener);
        globalThis.removeEventListener("offline", listener);
      };
    },
  };
}

/** Whether the page is visible (`document.visibilityState`); only in a window. */
export function browserVisibilitySignal(): Signal {
  return {
    get: () => globalThis.document.visibilityState === "visible",
    subscribe(listener) {
      globalThis.document.addEventListener("visibilitychange", listener);
      return () => globalThis.document.removeEventListener("visibilitychange", listener);
    },
  };
}
