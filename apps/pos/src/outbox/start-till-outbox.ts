import type { ConnectivityMonitor, Outbox } from "@pos/sync";

/**
 * Matches the reason an earlier till recorded when it parked a record for a rejected session
 * (401, 403). Such records were never rejected by the store and go back to pending at start.
 */
const parkedSessionRejection = /^40[13] /;

/**
 * Starts the outbox, pauses it while the browser is offline and drains it whenever the
 * connection to the store comes back. It also drains once at start, because a till starts after
 * each login: records that waited for a login after the store rejected the last session are
 * sent at once instead of after their backoff. Returns the stop function, for a React effect's
 * cleanup.
 */
export function startTillOutbox(outbox: Outbox, connectivity: ConnectivityMonitor): () => void {
  outbox.setOnline(connectivity.state !== "offline");
  const stop = outbox.start();
  outbox.drainNow();
  // A failed read leaves the records parked, where a cashier can still resend them by hand.
  unparkSessionRejections(outbox).catch(() => undefined);
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

async function unparkSessionRejections(outbox: Outbox): Promise<void> {
  const { unsent } = await outbox.status();
  for (const record of unsent) {
    const rejectedSession =
      record.lastErrorStatus === undefined && parkedSessionRejection.test(record.lastError ?? "");
    if (record.state === "parked" && rejectedSession) await outbox.resend(record.id);
  }
}
