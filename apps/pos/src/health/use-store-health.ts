import { useEffect, useState, useSyncExternalStore } from "react";
import { useTill } from "../till/till-context.js";
import { readStoreHealth, type StoreHealthReport } from "./read-store-health.js";

export interface StoreHealthState {
  report: StoreHealthReport | null;
  /** The error of the last failed read (an IndexedDB error such as QuotaExceededError), or null. */
  readError: string | null;
  /** Reads every figure again. */
  refresh: () => void;
}

/**
 * Reads Store health's figures, and reads them again whenever the catalogue worker reports a
 * change (records stored, a sync run ended or failed) or `refresh` is called.
 */
export function useStoreHealth(): StoreHealthState {
  const { catalog, salesDb, catalogWorker } = useTill();
  const status = useSyncExternalStore(catalogWorker.subscribe, catalogWorker.getStatus);
  const [indexVersion, setIndexVersion] = useState(0);
  const [refreshCount, setRefreshCount] = useState(0);
  const [report, setReport] = useState<StoreHealthReport | null>(null);
  const [readError, setReadError] = useState<string | null>(null);

  useEffect(
    () => catalogWorker.onIndexChange(() => setIndexVersion((version) => version + 1)),
    [catalogWorker],
  );

  useEffect(() => {
    let current = true;
    readStoreHealth(catalog, salesDb).then(
      (next) => {
        if (!current) return;
        setReport(next);
        setReadError(null);
      },
      (error: unknown) => {
        if (current) setReadError(`reading Store health failed: ${String(error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [catalog, salesDb, status, indexVersion, refreshCount]);

  return { report, readError, refresh: () => setRefreshCount((count) => count + 1) };
}
