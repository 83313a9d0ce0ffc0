import { useEffect, useMemo, useState } from "react";
import type { Customer } from "@pos/core";
import { useTill } from "../till/till-context.js";
import { CustomerIndex } from "./customer-index.js";
import { localCustomerRecord } from "./local-customer.js";
import { useLocalCustomers } from "./use-local-customers.js";

/**
 * Searches customers in the worker's index and reads the matches from the catalogue; runs
 * again when the index changes, so a customer saved a moment ago appears. Customers created on
 * this till that the catalogue does not have yet are searched in a small index here and listed
 * first.
 */
export function useCustomerSearch(text: string, limit: number): Customer[] {
  const { catalog, catalogWorker } = useTill();
  const [found, setFound] = useState<{ text: string; customers: Customer[] }>({
    text: "",
    customers: [],
  });
  const [indexVersion, setIndexVersion] = useState(0);
  const trimmed = text.trim();
  const locals = useLocalCustomerIndex();

  useEffect(
    () => catalogWorker.onIndexChange(() => setIndexVersion((v) => v + 1)),
    [catalogWorker],
  );

  useEffect(() => {
    if (!trimmed) return;
    let current = true;
    const search = async () => {
      const localMatches = locals.index.query(trimmed, limit).flatMap((id) => {
        const match = locals.byId.get(id);
        return match ? [match] : [];
      });
      const ids = await catalogWorker.searchCustomers(trimmed, limit);
      const stored = await catalog.customers.bulkGet(ids);
      const customers = localMatches.concat(stored.filter((c) => c !== undefined));
      if (current) setFound({ text: trimmed, customers: customers.slice(0, limit) });
    };
    void search();
    return () => {
      current = false;
    };
  }, [catalog, catalogWorker, trimmed, limit, indexVersion, locals]);

  return trimmed && found.text === trimmed ? found.customers : [];
}

function useLocalCustomerIndex() {
  const locals = useLocalCustomers();
  return useMemo(() => {
    const records = locals.map(localCustomerRecord);
    const index = new CustomerIndex();
    index.put(records);
    return { index, byId: new Map(records.map((record) => [record.id, record])) };
  }, [locals]);
}
