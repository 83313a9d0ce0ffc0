import { useEffect, useState } from "react";
import type { Customer } from "@pos/core";
import { useTill } from "../till/till-context.js";

/**
 * Searches customers in the worker's index and reads the matches from the catalogue; runs
 * again when the index changes, so a customer saved a moment ago appears.
 */
export function useCustomerSearch(text: string, limit: number): Customer[] {
  const { catalog, catalogWorker } = useTill();
  const [found, setFound] = useState<{ text: string; customers: Customer[] }>({
    text: "",
    customers: [],
  });
  const [indexVersion, setIndexVersion] = useState(0);
  const trimmed = text.trim();

  useEffect(
    () => catalogWorker.onIndexChange(() => setIndexVersion((v) => v + 1)),
    [catalogWorker],
  );

  useEffect(() => {
    if (!trimmed) return;
    let current = true;
    const search = async () => {
      const ids = await catalogWorker.searchCustomers(trimmed, limit);
      const customers = await catalog.customers.bulkGet(ids);
      if (current) setFound({ text: trimmed, customers: customers.filter((c) => c !== undefined) });
    };
    void search();
    return () => {
      current = false;
    };
  }, [catalog, catalogWorker, trimmed, limit, indexVersion]);

  return trimmed && found.text === trimmed ? found.customers : [];
}
