/** The part of the Web Locks API (`navigator.locks`) that leader election uses. */
export interface LeaderLocks {
  request(
    name: string,
    options: { mode: "exclusive"; signal: AbortSignal },
    callback: () => Promise<void>,
  ): Promise<void>;
}

/** Stops leading (or stops waiting to lead) and resolves once the lock is released. */
export type Resign = () => Promise<void>;

/**
 * Runs `lead` in the one tab that holds the exclusive Web Lock `name`; other tabs wait in the
 * queue and take over when the leader's tab closes or resigns. The lock is held until `resign`
 * is called; then `lead`'s signal aborts, its returned promise is awaited and the lock passes
 * on. Use one per sync engine: `runWhenLeader("pos-sync", () => engine.start())`.
 */
export function runWhenLeader(
  name: string,
  lead: (signal: AbortSignal) => void | Promise<void>,
  locks: LeaderLocks = (globalThis.navigator as unknown as { locks: LeaderLocks }).locks,
): Resign {
  const waiting = new AbortController();
  const leading = new AbortController();
  let work: Promise<void> = Promise.resolve();

  const held = locks
    .request(name, { mode: "exclusive", signal: waiting.signal }, async () => {
      if (leading.signal.aborted) return;
      work = Promise.resolve(lead(leading.signal));
      await work;
      await abortedOf(leading.signal);
    })
    .catch((error: unknown) => {
      // Resigning while still queued rejects the request with an AbortError: nothing to do.
      if (!waiting.signal.aborted) throw error;
    });

  return async () => {
    leading.abort();
    waiting.abort();
    await work;
    await held;
  };
}

function abortedOf(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(), { once: true }),
  );
}
