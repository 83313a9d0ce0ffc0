import { useMemo } from "react";
import { useTill } from "../till/till-context.js";
import type { OpenOrderServices } from "./store-open-orders.js";

/** Returns the till's services that saving, voiding and loading open orders use. */
export function useOpenOrderServices(): OpenOrderServices {
  const { client, salesDb, orders, catalog, session } = useTill();
  return useMemo(
    () => ({
      client,
      salesDb,
      orders,
      catalog,
      store: session.store,
      storeKind: session.storeKind,
    }),
    [client, salesDb, orders, catalog, session.store, session.storeKind],
  );
}

/** Returns an error's message for the cashier. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
