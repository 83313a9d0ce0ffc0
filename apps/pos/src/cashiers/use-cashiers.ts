import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { appendLog } from "../db/sales-db.js";
import { useTill } from "../till/till-context.js";
import { loadCashiers, type StoredCashiers } from "./cashier-store.js";
import {
  currentCashier,
  restoreCurrentCashier,
  subscribeCurrentCashier,
  type CurrentCashier,
} from "./current-cashier.js";
import { cashierSyncIntervalMs, syncCashiers } from "./sync-cashiers.js";

/**
 * Restores the current cashier, keeps the staff list and PIN hashes synced (at start, every
 * `cashierSyncIntervalMs` and when the network returns) and returns both to the header.
 */
export function useCashiers(): {
  cashier: CurrentCashier | null;
  staff: StoredCashiers | null;
  reload: () => Promise<void>;
} {
  const { session, salesDb, client } = useTill();
  const cashier = useSyncExternalStore(subscribeCurrentCashier, currentCashier);
  const [staff, setStaff] = useState<StoredCashiers | null>(null);

  const reload = useCallback(async () => setStaff(await loadCashiers(salesDb)), [salesDb]);

  useEffect(() => {
    void restoreCurrentCashier(salesDb, session.user);
    if (session.storeKind !== "pos") return;
    const sync = () =>
      syncCashiers(client, salesDb, Date.now()).then(reload, (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        void appendLog(salesDb, {
          atMs: Date.now(),
          level: "warn",
          message: `staff sync: ${reason}`,
        });
        return reload();
      });
    const onOnline = () => void sync();
    onOnline();
    const timer = setInterval(onOnline, cashierSyncIntervalMs);
    window.addEventListener("online", onOnline);
    return () => {
      clearInterval(timer);
      window.removeEventListener("online", onOnline);
    };
  }, [session, salesDb, client, reload]);

  return { cashier, staff, reload };
}
