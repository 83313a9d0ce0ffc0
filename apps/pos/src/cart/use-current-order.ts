import { liveQuery } from "dexie";
import { useCallback, useEffect, useState } from "react";
import { appendLog } from "../db/sales-db.js";
import type { StoredOrder } from "../db/stored-order.js";
import { useTill } from "../till/till-context.js";
import type { CartAction } from "./cart-action.js";

export interface CurrentOrder {
  order: StoredOrder | null;
  openOrders: StoredOrder[];
  /** The error of the last failed change, shown to the cashier. The order is as it was before. */
  error: string | null;
  dispatch: (action: CartAction) => Promise<boolean>;
  park: () => Promise<void>;
  resume: (clientUuid: string) => Promise<void>;
  startNew: () => Promise<void>;
}

/**
 * Loads and changes the order on screen and lists the open orders. Each change is written to
 * IndexedDB first; the
 * screen shows the order that the write returned, so it never shows an unsaved state.
 */
export function useCurrentOrder(): CurrentOrder {
  const { orders, salesDb } = useTill();
  const [order, setOrder] = useState<StoredOrder | null>(null);
  const [openOrders, setOpenOrders] = useState<StoredOrder[]>([]);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (work: () => Promise<StoredOrder>): Promise<boolean> => {
      try {
        const saved = await work();
        setOrder(saved);
        setOpenOrders(await orders.listOpen());
        setError(null);
        return true;
      } catch (failure) {
        const message = failure instanceof Error ? failure.message : String(failure);
        setError(message);
        void appendLog(salesDb, { atMs: Date.now(), level: "warn", message });
        return false;
      }
    },
    [orders, salesDb],
  );

  useEffect(() => {
    let live = true;
    const load = async () => {
      const [onScreen, open] = await Promise.all([orders.current(), orders.listOpen()]);
      if (!live) return;
      setOrder(onScreen);
      setOpenOrders(open);
    };
    load().catch((failure: unknown) => setError(String(failure)));
    return () => {
      live = false;
    };
  }, [orders]);

  // The list also follows writes made elsewhere: another tab, or an open order loaded from the
  // store or voided from the list.
  useEffect(() => {
    const subscription = liveQuery(() => orders.listOpen()).subscribe({
      next: setOpenOrders,
      error: (failure: unknown) => setError(String(failure)),
    });
    return () => subscription.unsubscribe();
  }, [orders]);

  const uuid = order?.clientUuid ?? null;
  const dispatch = useCallback(
    (action: CartAction) => run(() => orders.apply(requireUuid(uuid), action)),
    [orders, run, uuid],
  );
  const park = useCallback(async () => {
    await run(() => orders.park(requireUuid(uuid)));
  }, [orders, run, uuid]);
  const resume = useCallback(
    async (clientUuid: string) => {
      await run(() => orders.resume(clientUuid, uuid));
    },
    [orders, run, uuid],
  );
  const startNew = useCallback(async () => {
    await run(() => orders.startOrder());
  }, [orders, run]);
  return { order, openOrders, error, dispatch, park, resume, startNew };
}

function requireUuid(uuid: string | null): string {
  if (uuid === null) throw new Error("the order is still loading: try again in a moment");
  return uuid;
}
