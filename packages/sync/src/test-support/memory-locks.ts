import type { LeaderLocks } from "../run-when-leader.js";

/**
 * Exclusive Web Locks within one process, for tests in Node (which has no `navigator.locks`):
 * requests for a name are granted one at a time in request order, and an aborted request that
 * still waits rejects with an AbortError, as the Web Locks API specifies.
 */
export class MemoryLocks implements LeaderLocks {
  private readonly queues = new Map<string, (() => void)[]>();
  private readonly heldNames = new Set<string>();

  request(
    name: string,
    options: { mode: "exclusive"; signal: AbortSignal },
    callback: () => Promise<void>,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        options.signal.removeEventListener("abort", onAbort);
        this.heldNames.add(name);
        callback()
          .finally(() => this.release(name))
          .then(resolve, reject);
      };
      const onAbort = () => {
        const queue = this.queues.get(name) ?? [];
        this.queues.set(
          name,
          queue.filter((entry) => entry !== grant),
        );
        reject(new DOMException("The request was aborted.", "AbortError"));
      };
      if (options.signal.aborted) return onAbort();
      options.signal.addEventListener("abort", onAbort, { once: true });
      if (!this.heldNames.has(name)) return grant();
      this.queues.set(name, [...(this.queues.get(name) ?? []), grant]);
    });
  }

  private release(name: string): void {
    this.heldNames.delete(name);
    const [next, ...rest] = this.queues.get(name) ?? [];
    this.queues.set(name, rest);
    next?.();
  }
}
