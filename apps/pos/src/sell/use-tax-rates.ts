import { useEffect, useState, useSyncExternalStore } from "react";
import type { TaxRate } from "@pos/core";
import { useTill } from "../till/till-context.js";

/** Returns the store's tax rates from the local catalogue, read again as the sync progresses. */
export function useTaxRates(): TaxRate[] {
  const { catalog, catalogWorker } = useTill();
  const status = useSyncExternalStore(catalogWorker.subscribe, catalogWorker.getStatus);
  const [rates, setRates] = useState<TaxRate[]>([]);

  useEffect(() => {
    let current = true;
    void catalog.taxRates.toArray().then((found) => {
      if (current) setRates((previous) => (sameRates(previous, found) ? previous : found));
    });
    return () => {
      current = false;
    };
  }, [catalog, status]);

  return rates;
}

function sameRates(a: readonly TaxRate[], b: readonly TaxRate[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}
