import type { ConnectivityMonitor, Outbox } from "@pos/sync";

/**
 * Starts the outbox and wakes it whenever the connection to the store comes back. Returns the
 * stop function, for a React effect's cleanup.
 */
export function startTillOutbox(outbox: Outbox, connectivity: ConnectivityMonitor): () => void {
  const stop = outbox.start();
  const unsubscribe = connectivity.subscribe(() => {
    if (connectivity.state !== "offline") outbox.drainNow();
  });
  return () => {
    unsubscribe();
    void stop();
  };
}
