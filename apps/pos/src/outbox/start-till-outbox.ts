import type { ConnectivityMonitor, Outbox } from "@pos/sync";

/**
 * Starts the outbox, pauses it while the browser is offline and drains it whenever the
 * connection to the store comes back. Returns the stop function, for a React effect's cleanup.
 */
export function startTillOutbox(outbox: Outbox, connectivity: ConnectivityMonitor): () => void {
  outbox.setOnline(connectivity.state !== "offline");
  const stop = outbox.start();
  const unsubscribe = connectivity.subscribe(() => {
    const online = connectivity.state !== "offline";
    outbox.setOnline(online);
    if (online) outbox.drainNow();
  });
  return () => {
    unsubscribe();
    void stop();
  };
}
