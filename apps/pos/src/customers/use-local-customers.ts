import { useEffect, useState } from "react";
import { useOutboxStatus } from "../outbox/outbox-context.js";
import { useTill } from "../till/till-context.js";
import { parseLocalCustomer, type LocalCustomer } from "./local-customer.js";

const editListeners = new Set<() => void>();

/** Tells this tab's `useLocalCustomers` hooks that a local customer changed on this till. */
export function notifyLocalCustomersChanged(): void {
  for (const listener of editListeners) listener();
}

/**
 * Returns the customers created on this till that the catalogue does not have yet: those
 * waiting in the outbox, and those sent but not yet pulled into the catalogue. Reads again
 * whenever the outbox changes, which is when a customer is created, sent or parked.
 */
export function useLocalCustomers(): LocalCustomer[] {
  const { salesDb, catalog } = useTill();
  const outboxStatus = useOutboxStatus();
  const [locals, setLocals] = useState<LocalCustomer[]>([]);
  const [editCount, setEditCount] = useState(0);

  useEffect(() => {
    const listener = () => setEditCount((count) => count + 1);
    editListeners.add(listener);
    return () => {
      editListeners.delete(listener);
    };
  }, []);

  useEffect(() => {
    let live = true;
    const read = async () => {
      // TODO: prune old rows. They stay after their customer reached the store, because an order
      // body built before the id changed still resolves its temporary id through them.
      const all = (await salesDb.localCustomers.toArray()).map(parseLocalCustomer);
      const sentIds = all.flatMap((local) => (local.serverId === null ? [] : [local.serverId]));
      const inCatalog = new Set((await catalog.customers.bulkGet(sentIds)).map((c) => c?.id));
      const missing = all.filter(
        (local) => local.serverId === null || !inCatalog.has(local.serverId),
      );
      if (live) setLocals(missing);
    };
    void read();
    return () => {
      live = false;
    };
  }, [salesDb, catalog, outboxStatus, editCount]);

  return locals;
}
