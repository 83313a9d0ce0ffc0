import { useEffect, useState } from "react";
import { parseStoredOrder, type StoredOrder } from "../db/stored-order.js";
import { useTill } from "../till/till-context.js";

/**
 * Returns the order as saved now, re-read every `pollMs` while its sale is pending, so a
 * receipt shows the store's number as soon as the outbox has sent it, or the store's reason
 * when it rejected the sale.
 */
export function useLiveOrder(initial: StoredOrder, pollMs = 500): LiveOrder {
  const { salesDb } = useTill();
  const [live, setLive] = useState<LiveOrder>({ order: initial, rejection: null });
  const pending = live.order.receipt?.syncState === "pending";

  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => {
      const uuid = initial.clientUuid;
      Promise.all([salesDb.orders.get(uuid), salesDb.outbox.get(uuid)]).then(
        ([row, record]) => {
          if (!row) return;
          const rejection = record?.state === "parked" ? String(record.lastError) : null;
          setLive({ order: parseStoredOrder(row), rejection });
        },
        () => undefined,
      );
    }, pollMs);
    return () => clearInterval(timer);
  }, [salesDb, initial.clientUuid, pending, pollMs]);
  return live;
}

export interface LiveOrder {
  order: StoredOrder;
  /** The store's reason when it rejected the sale, which then waits in the outbox. */
  rejection: string | null;
}
